/**
 * Titles (danh hiệu) as data: which conditions a title needs, per regime and period of validity.
 * Circular 19/2025/TT-BGDĐT (effective 31/10/2025) reorganised commendation and may have dropped the TT22
 * titles, so each row has validity years and the TT22 rows are marked uncertain from 2025-26.
 * @module
 */
import type { LegacyConduct, LegacyStanding, Level4, PrimaryOverall, Regime, Tenths } from '../types.js';
import { atLeast4 } from './level4.js';
import { legacyConductAtLeast, legacyStandingAtLeast } from './legacy.js';

/** The facts a title rule is checked against (whatever the regime provides). */
export interface TitleFacts {
  regime: Regime;
  /** First calendar year of the school year. */
  year: number;
  conduct?: Level4;
  learning?: Level4;
  /** ĐTBmcn of the scored subjects (TT22), in tenths. */
  scoredYearAverages?: readonly Tenths[];
  legacyConduct?: LegacyConduct;
  legacyStanding?: LegacyStanding;
  primaryOverall?: PrimaryOverall;
  /** TT30: the grade programme was completed (HOAN_THANH). */
  legacyPrimaryCompleted?: boolean;
}

/** Conditions of a title; all present conditions must hold. */
export interface TitleCriteria {
  conductAtLeast?: Level4;
  learningAtLeast?: Level4;
  /** At least `count` scored subjects with ĐTBmcn ≥ `tenths`. */
  scoredAtOrAbove?: { count: number; tenths: Tenths };
  legacyConductAtLeast?: LegacyConduct;
  legacyStandingAtLeast?: LegacyStanding;
  primaryOverallIn?: readonly PrimaryOverall[];
  /** TT30: requires the grade programme completed. */
  legacyPrimaryCompleted?: true;
}

/** One title rule. */
export interface TitleRule {
  /** Stable id used in records (`titles: ["HS_XUAT_SAC"]`). */
  id: string;
  nameVi: string;
  nameEn: string;
  regime: Regime;
  /** First calendar year of the first school year the rule applies to. */
  fromYear: number;
  /** Last calendar year it applies to (inclusive), if known. */
  toYear?: number;
  /** From this school year the rule's legal standing is unclear: only necessary conditions are checked. */
  uncertainFromYear?: number;
  criteria: TitleCriteria;
  /** When true the criteria are sufficient (a student meeting them should receive the title); otherwise only necessary. */
  sufficient: boolean;
  /** Titles this one supersedes (a student receives only the highest). */
  supersedes?: readonly string[];
  source: string;
}

/** The default title table. */
export const TITLE_RULES: readonly TitleRule[] = [
  {
    id: 'HS_XUAT_SAC', nameVi: 'Học sinh Xuất sắc', nameEn: 'Excellent student', regime: 'TT22_2021', fromYear: 2021,
    uncertainFromYear: 2025, sufficient: true, supersedes: ['HS_GIOI'],
    criteria: { conductAtLeast: 'TOT', learningAtLeast: 'TOT', scoredAtOrAbove: { count: 6, tenths: 90 } },
    source: 'TT22/2021 Art.15.1 [V]; TT19/2025 unclear',
  },
  {
    id: 'HS_GIOI', nameVi: 'Học sinh Giỏi', nameEn: 'Good student', regime: 'TT22_2021', fromYear: 2021,
    uncertainFromYear: 2025, sufficient: true,
    criteria: { conductAtLeast: 'TOT', learningAtLeast: 'TOT' },
    source: 'TT22/2021 Art.15.2 [V]; TT19/2025 unclear',
  },
  {
    id: 'HS_XUAT_SAC_TH', nameVi: 'Học sinh Xuất sắc', nameEn: 'Excellent student (primary)', regime: 'TT27_2020', fromYear: 2020,
    sufficient: true, criteria: { primaryOverallIn: ['HTXS'] }, source: 'TT27/2020 Art.15.1.a [V]',
  },
  {
    id: 'HS_TIEU_BIEU', nameVi: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
    nameEn: 'Outstanding student in learning and conduct (primary)', regime: 'TT27_2020', fromYear: 2020,
    sufficient: false, criteria: { primaryOverallIn: ['HTT'] },
    source: 'TT27/2020 Art.15.1.b [V] (needs also an outstanding subject or quality: not checkable)',
  },
  {
    id: 'HS_HTXS_TT30', nameVi: 'Học sinh hoàn thành xuất sắc các nội dung học tập và rèn luyện',
    nameEn: 'Student with excellent completion (legacy primary)', regime: 'TT30_2014', fromYear: 2014,
    sufficient: false, criteria: { legacyPrimaryCompleted: true }, source: 'TT30/2014 Art.16 as amended by TT22/2016 [M]',
  },
  {
    id: 'HS_VUOT_TROI_TT30', nameVi: 'Học sinh có thành tích vượt trội hay tiến bộ vượt bậc',
    nameEn: 'Student with outstanding achievement or progress (legacy primary)', regime: 'TT30_2014', fromYear: 2014,
    sufficient: false, criteria: {}, source: 'TT30/2014 Art.16 as amended by TT22/2016 [M]',
  },
  {
    id: 'HS_GIOI_TT58', nameVi: 'Học sinh giỏi', nameEn: 'Good student (legacy)', regime: 'TT58_2011', fromYear: 2011,
    sufficient: true, supersedes: ['HS_TIEN_TIEN'],
    criteria: { legacyConductAtLeast: 'T', legacyStandingAtLeast: 'G' }, source: 'TT58/2011 Art.18 [V]',
  },
  {
    id: 'HS_TIEN_TIEN', nameVi: 'Học sinh tiên tiến', nameEn: 'Advanced student (legacy)', regime: 'TT58_2011', fromYear: 2011,
    sufficient: true, criteria: { legacyConductAtLeast: 'K', legacyStandingAtLeast: 'K' }, source: 'TT58/2011 Art.18 [V]',
  },
];

/**
 * Whether the facts meet a title's criteria. Missing facts never meet a condition that needs them.
 *
 * @example
 * ```ts
 * meetsTitle(TITLE_RULES[1]!, { regime: 'TT22_2021', year: 2024, conduct: 'TOT', learning: 'TOT' }); // true
 * ```
 */
export function meetsTitle(rule: TitleRule, facts: TitleFacts): boolean {
  const c = rule.criteria;
  if (c.conductAtLeast && (facts.conduct === undefined || !atLeast4(facts.conduct, c.conductAtLeast))) return false;
  if (c.learningAtLeast && (facts.learning === undefined || !atLeast4(facts.learning, c.learningAtLeast))) return false;
  if (c.scoredAtOrAbove) {
    const n = (facts.scoredYearAverages ?? []).filter((t) => t >= c.scoredAtOrAbove!.tenths).length;
    if (n < c.scoredAtOrAbove.count) return false;
  }
  if (c.legacyConductAtLeast && (facts.legacyConduct === undefined || !legacyConductAtLeast(facts.legacyConduct, c.legacyConductAtLeast))) return false;
  if (c.legacyStandingAtLeast && (facts.legacyStanding === undefined || !legacyStandingAtLeast(facts.legacyStanding, c.legacyStandingAtLeast))) return false;
  if (c.primaryOverallIn && (facts.primaryOverall === undefined || !c.primaryOverallIn.includes(facts.primaryOverall))) return false;
  if (c.legacyPrimaryCompleted && facts.legacyPrimaryCompleted !== true) return false;
  return true;
}

/**
 * The title rules that apply to a regime and year.
 *
 * @example
 * ```ts
 * titleRulesFor('TT22_2021', 2024).map((r) => r.id); // ['HS_XUAT_SAC', 'HS_GIOI']
 * ```
 */
export function titleRulesFor(regime: Regime, year: number, table: readonly TitleRule[] = TITLE_RULES): TitleRule[] {
  return table.filter((r) => r.regime === regime && r.fromYear <= year && (r.toYear === undefined || year <= r.toYear));
}

/**
 * The titles a student should receive: sufficient rules that hold, minus those superseded by a held title,
 * skipping rules whose standing is uncertain for that year.
 *
 * @example
 * ```ts
 * expectedTitles({ regime: 'TT22_2021', year: 2023, conduct: 'TOT', learning: 'TOT', scoredYearAverages: [] }); // ['HS_GIOI']
 * ```
 */
export function expectedTitles(facts: TitleFacts, table: readonly TitleRule[] = TITLE_RULES): string[] {
  const rules = titleRulesFor(facts.regime, facts.year, table)
    .filter((r) => r.sufficient && (r.uncertainFromYear === undefined || facts.year < r.uncertainFromYear) && meetsTitle(r, facts));
  const superseded = new Set(rules.flatMap((r) => r.supersedes ?? []));
  return rules.filter((r) => !superseded.has(r.id)).map((r) => r.id);
}
