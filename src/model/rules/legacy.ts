/**
 * Legacy THCS/THPT rules: Circular 58/2011 (học lực, outcome), optionally as amended by TT26/2020.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { LegacyConduct, LegacyStanding, Outcome, PassFail, Tenths } from '../types.js';
import { divideHalfUp } from './average.js';
import { assertTenths } from '../score.js';
import { MAX_ABSENCES, type OutcomeResult } from './outcome.js';

function invalid(what: string): EdusignError {
  return new EdusignError('INVALID_ARGUMENT', { detail: `expected ${what}`, detailVi: `cần ${what}` });
}

/** Standings from best to worst. */
export const LEGACY_STANDING_ORDER: readonly LegacyStanding[] = ['G', 'K', 'TB', 'Y', 'KEM'];
/** Conduct levels from best to worst. */
export const LEGACY_CONDUCT_ORDER: readonly LegacyConduct[] = ['T', 'K', 'TB', 'Y'];

/** One subject for the legacy standing: scored (tenths) or comment; `core` marks Toán/Ngữ văn (and NN under TT26). */
export type LegacySubject = { kind: 'SCORE'; tenths: Tenths; core: boolean } | { kind: 'COMMENT'; result: PassFail };

/**
 * ĐTBhk / ĐTBcn over all scored subjects, TT58/2011 Art.13 [M]: the plain mean of the subject averages
 * (no coefficients), rounded half-up to one decimal. `undefined` when there is no scored subject.
 *
 * @example
 * ```ts
 * legacyOverallAverage([80, 65, 70]); // 72 (7.2)
 * ```
 */
export function legacyOverallAverage(subjectAverages: readonly Tenths[]): Tenths | undefined {
  if (!Array.isArray(subjectAverages) || subjectAverages.length > 200) throw invalid('at most 200 subject averages');
  if (subjectAverages.length === 0) return undefined;
  let sum = 0;
  for (const a of subjectAverages) { assertTenths(a, 'legacyOverallAverage'); sum += a; }
  return divideHalfUp(sum, subjectAverages.length);
}

interface StandingRule { average: Tenths; core: Tenths | undefined; floor: Tenths; comments: boolean }
const RULES: Record<Exclude<LegacyStanding, 'KEM'>, StandingRule> = {
  G: { average: 80, core: 80, floor: 65, comments: true },
  K: { average: 65, core: 65, floor: 50, comments: true },
  TB: { average: 50, core: 50, floor: 35, comments: true },
  Y: { average: 35, core: undefined, floor: 20, comments: false },
};

function meetsStanding(level: LegacyStanding, average: Tenths, subjects: readonly LegacySubject[], skip: number): boolean {
  if (level === 'KEM') return true;
  const r = RULES[level];
  if (average < r.average) return false;
  let coreOk = r.core === undefined;
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i]!;
    if (s.kind === 'COMMENT') { if (r.comments && s.result !== 'D' && i !== skip) return false; continue; }
    if (r.core !== undefined && s.core && s.tenths >= r.core) coreOk = true;
    if (s.tenths < r.floor && i !== skip) return false;
  }
  return coreOk;
}

/** TT58 Art.13.4 adjustment table: [would-be level][computed level] → adjusted level. */
export const LEGACY_ADJUSTMENTS: Readonly<Partial<Record<LegacyStanding, Partial<Record<LegacyStanding, LegacyStanding>>>>> = {
  G: { TB: 'K', Y: 'TB' },
  K: { Y: 'TB', KEM: 'Y' },
};

/**
 * Học lực, TT58/2011 Art.13 [M] (Khá confirmed [V]):
 * - Giỏi: ĐTB ≥8.0, Toán or Ngữ văn ≥8.0, no subject <6.5, comment subjects Đ.
 * - Khá: ĐTB ≥6.5, Toán or Ngữ văn ≥6.5, no subject <5.0, comment subjects Đ.
 * - Trung bình: ĐTB ≥5.0, Toán or Ngữ văn ≥5.0, no subject <3.5, comment subjects Đ.
 * - Yếu: ĐTB ≥3.5, no subject <2.0. Kém: otherwise.
 * The "core" subjects are Toán and Ngữ văn (the caller marks them; under TT26/2020 the sources also name
 * Ngoại ngữ — flagged as unsure in docs/model.md).
 * Art.13.4 adjustment: when the ĐTB reaches Giỏi/Khá but one subject alone pulls the standing down, the
 * standing is raised per {@link LEGACY_ADJUSTMENTS} (G→TB ⇒ K, G→Y ⇒ TB, K→Y ⇒ TB, K→Kém ⇒ Y).
 *
 * @example
 * ```ts
 * legacyStanding(70, [{ kind: 'SCORE', tenths: 70, core: true }]).standing; // 'K'
 * ```
 */
export function legacyStanding(average: Tenths, subjects: readonly LegacySubject[]): { standing: LegacyStanding; unadjusted: LegacyStanding; adjusted: boolean } {
  assertTenths(average, 'legacyStanding');
  if (!Array.isArray(subjects) || subjects.length > 200) throw invalid('at most 200 subjects');
  for (const s of subjects) {
    if (s?.kind === 'SCORE') assertTenths(s.tenths, 'legacyStanding');
    else if (!(s?.kind === 'COMMENT' && (s.result === 'D' || s.result === 'CD'))) throw invalid('subjects as SCORE (tenths) or COMMENT (D/CD)');
  }
  const unadjusted = LEGACY_STANDING_ORDER.find((l) => meetsStanding(l, average, subjects, -1)) ?? 'KEM';
  for (const wouldBe of ['G', 'K'] as const) {
    const target = LEGACY_ADJUSTMENTS[wouldBe]?.[unadjusted];
    if (target === undefined) continue;
    for (let i = 0; i < subjects.length; i++) {
      if (meetsStanding(wouldBe, average, subjects, i)) return { standing: target, unadjusted, adjusted: true };
    }
  }
  return { standing: unadjusted, unadjusted, adjusted: false };
}

/**
 * Whether a legacy standing (học lực) is at least `min`.
 *
 * @example
 * ```ts
 * legacyStandingAtLeast('K', 'TB'); // true
 * ```
 */
export function legacyStandingAtLeast(level: LegacyStanding, min: LegacyStanding): boolean {
  if (!LEGACY_STANDING_ORDER.includes(level) || !LEGACY_STANDING_ORDER.includes(min)) throw invalid('học lực G/K/TB/Y/KEM');
  return LEGACY_STANDING_ORDER.indexOf(level) <= LEGACY_STANDING_ORDER.indexOf(min);
}

/**
 * Whether a legacy conduct (hạnh kiểm) is at least `min`.
 *
 * @example
 * ```ts
 * legacyConductAtLeast('TB', 'K'); // false
 * ```
 */
export function legacyConductAtLeast(level: LegacyConduct, min: LegacyConduct): boolean {
  if (!LEGACY_CONDUCT_ORDER.includes(level) || !LEGACY_CONDUCT_ORDER.includes(min)) throw invalid('hạnh kiểm T/K/TB/Y');
  return LEGACY_CONDUCT_ORDER.indexOf(level) <= LEGACY_CONDUCT_ORDER.indexOf(min);
}

/** Inputs of {@link outcomeTt58}. */
export interface OutcomeInputTt58 {
  conduct: LegacyConduct;
  standing: LegacyStanding;
  conductAfterSummer?: LegacyConduct;
  standingAfterReassess?: LegacyStanding;
  absences: number;
  finalGrade: boolean;
}

/**
 * Outcome of a TT58 year, Arts 15–16 [V/M]:
 * promoted when hạnh kiểm ≥TB, học lực ≥TB and absences ≤45; retained when absences >45, học lực Kém, or
 * học lực and hạnh kiểm both Yếu; hạnh kiểm Yếu (học lực ≥TB) → summer training; học lực Yếu (hạnh kiểm ≥TB)
 * → re-test; after those steps the new result decides.
 *
 * @example
 * ```ts
 * outcomeTt58({ conduct: 'TB', standing: 'Y', absences: 0, finalGrade: false }).outcome; // 'KIEM_TRA_LAI'
 * ```
 */
export function outcomeTt58(input: OutcomeInputTt58): OutcomeResult {
  for (const c of [input.conduct, input.conductAfterSummer]) if (c !== undefined && !LEGACY_CONDUCT_ORDER.includes(c)) throw invalid('hạnh kiểm T/K/TB/Y');
  for (const s of [input.standing, input.standingAfterReassess]) if (s !== undefined && !LEGACY_STANDING_ORDER.includes(s)) throw invalid('học lực G/K/TB/Y/KEM');
  if (!Number.isSafeInteger(input.absences) || input.absences < 0) throw invalid('absences as a non-negative integer');
  const fail = (reason: OutcomeResult['reason']): OutcomeResult => ({
    outcome: 'O_LAI_LOP', accepted: input.finalGrade ? ['O_LAI_LOP', 'CHUA_HOAN_THANH_CT'] : ['O_LAI_LOP'], reason,
  });
  if (input.absences > MAX_ABSENCES) return fail('ABSENCES');
  if (input.standing === 'KEM') return fail('LEARNING');
  if (input.standing === 'Y' && input.conduct === 'Y') return fail('LEARNING');
  const conduct = input.conductAfterSummer ?? input.conduct;
  if (conduct === 'Y') {
    if (input.conductAfterSummer === undefined) return { outcome: 'REN_LUYEN_HE', accepted: ['REN_LUYEN_HE'], reason: 'CONDUCT' };
    return fail('CONDUCT');
  }
  const standing = input.standingAfterReassess ?? input.standing;
  if (!legacyStandingAtLeast(standing, 'TB')) {
    if (input.standingAfterReassess === undefined) return { outcome: 'KIEM_TRA_LAI', accepted: ['KIEM_TRA_LAI'], reason: 'LEARNING' };
    return fail('LEARNING');
  }
  const pass: readonly Outcome[] = input.finalGrade ? ['HOAN_THANH_CT', 'LEN_LOP'] : ['LEN_LOP'];
  return { outcome: pass[0]!, accepted: pass, reason: 'PASSED' };
}
