/**
 * Which assessment regime applies to a (school year, grade): the roadmaps of the Circulars.
 * @module
 */
import type { Regime, SchoolLevel, SchoolYear } from '../types.js';

/** One roadmap step: `regime` applies to `grade` from school year `fromYear` (first calendar year). */
export interface RoadmapStep {
  regime: Regime;
  grade: number;
  /** First calendar year of the first school year under this regime (2021 = 2021-2022). */
  fromYear: number;
  /** Legal source. */
  source: string;
}

/**
 * The roadmaps, data-driven so a future circular is one more row.
 * - TT22/2021 Art.21 (implementation roadmap): grade 6 from 2021-22; grades 7, 10 from 2022-23; 8, 11 from
 *   2023-24; 9, 12 from 2024-25.
 * - TT27/2020 Art.19: grade 1 from 2020-21, 2 from 2021-22, 3 from 2022-23, 4 from 2023-24, 5 from 2024-25.
 * - TT58/2011 (effective 26/01/2012) for THCS/THPT from 2011-12; TT30/2014 (effective 15/10/2014) for primary
 *   from 2014-15.
 */
export const ROADMAP: readonly RoadmapStep[] = [
  ...[6, 7, 8, 9, 10, 11, 12].map((grade) => ({ regime: 'TT58_2011' as const, grade, fromYear: 2011, source: 'TT58/2011' })),
  { regime: 'TT22_2021', grade: 6, fromYear: 2021, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 7, fromYear: 2022, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 10, fromYear: 2022, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 8, fromYear: 2023, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 11, fromYear: 2023, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 9, fromYear: 2024, source: 'TT22/2021 Art.21' },
  { regime: 'TT22_2021', grade: 12, fromYear: 2024, source: 'TT22/2021 Art.21' },
  ...[1, 2, 3, 4, 5].map((grade) => ({ regime: 'TT30_2014' as const, grade, fromYear: 2014, source: 'TT30/2014' })),
  ...[1, 2, 3, 4, 5].map((grade) => ({ regime: 'TT27_2020' as const, grade, fromYear: 2019 + grade, source: 'TT27/2020 Art.19' })),
];

/**
 * Parses a school year `YYYY-YYYY` (consecutive years) into its first calendar year.
 *
 * @example
 * ```ts
 * parseSchoolYear('2024-2025'); // 2024
 * parseSchoolYear('2024-2026'); // undefined
 * ```
 */
export function parseSchoolYear(text: string): number | undefined {
  const m = /^(\d{4})-(\d{4})$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  return Number(m[2]) === a + 1 ? a : undefined;
}

/**
 * The school level of a grade: 1–5 TH, 6–9 THCS, 10–12 THPT.
 *
 * @example
 * ```ts
 * levelOfGrade(10); // 'THPT'
 * ```
 */
export function levelOfGrade(grade: number): SchoolLevel | undefined {
  if (!Number.isInteger(grade) || grade < 1 || grade > 12) return undefined;
  return grade <= 5 ? 'TH' : grade <= 9 ? 'THCS' : 'THPT';
}

/**
 * The regime that applies to a grade in a school year (the latest roadmap step that has started), or
 * `undefined` before the oldest regime modelled (THCS/THPT before 2011-12, primary before 2014-15).
 *
 * @example
 * ```ts
 * regimeFor('2022-2023', 10); // 'TT22_2021'
 * regimeFor('2022-2023', 11); // 'TT58_2011'
 * regimeFor('2020-2021', 1); // 'TT27_2020'
 * ```
 */
export function regimeFor(schoolYear: SchoolYear, grade: number, roadmap: readonly RoadmapStep[] = ROADMAP): Regime | undefined {
  const year = parseSchoolYear(schoolYear);
  if (year === undefined) return undefined;
  let best: RoadmapStep | undefined;
  for (const step of roadmap) {
    if (step.grade === grade && step.fromYear <= year && (best === undefined || step.fromYear > best.fromYear)) best = step;
  }
  return best?.regime;
}

/** First school year (calendar year) in which TT26/2020 amended TT58/2011 (effective 11/10/2020). */
export const TT26_FROM_YEAR = 2020;
