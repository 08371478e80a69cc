/**
 * End-of-year outcome under TT22/2021 (Arts 12–14).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Level4, Outcome } from '../types.js';
import { assertLevel4 } from './level4.js';

/** Inputs of {@link outcomeTt22}. */
export interface OutcomeInputTt22 {
  conductYear: Level4;
  learningYear: Level4;
  /** Rèn luyện after summer training (Art.13), if done. */
  conductAfterSummer?: Level4;
  /** Học tập after re-assessment (Art.14), if done. */
  learningAfterReassess?: Level4;
  /** Total absences in sessions (buổi), excused + unexcused. */
  absences: number;
  /** Last grade of the level (9 or 12): success is HOAN_THANH_CT. */
  finalGrade: boolean;
}

/** Result of an outcome rule: the canonical outcome and every outcome a record may declare. */
export interface OutcomeResult {
  outcome: Outcome;
  accepted: readonly Outcome[];
  /** Which condition decided, for messages: ABSENCES, CONDUCT, LEARNING, PASSED. */
  reason: 'ABSENCES' | 'CONDUCT' | 'LEARNING' | 'PASSED';
}

/** Maximum absences (buổi) that still allow promotion (TT22 Art.12.1.c; TT58 Art.15). */
export const MAX_ABSENCES = 45;

/**
 * Outcome of a TT22 year:
 * - Art.12.1 [V]: promoted (lên lớp; in grade 9/12 the programme is confirmed completed) when year rèn luyện ≥Đạt
 *   (after summer training), year học tập ≥Đạt (after re-assessment) and absences ≤45 sessions, excused or not.
 * - Absences >45: retained (ở lại lớp), whatever the levels.
 * - Art.13 [V]: year rèn luyện Chưa đạt → summer training (REN_LUYEN_HE) until its result is recorded; then
 *   the new level replaces the year level.
 * - Art.14 [V]: rèn luyện ≥Đạt and học tập Chưa đạt → re-assessment (KIEM_TRA_LAI); then the new level
 *   replaces the year level. [I] When both are Chưa đạt, summer training comes first.
 * - Otherwise retained (O_LAI_LOP; in grade 9/12 also CHUA_HOAN_THANH_CT is accepted).
 * The principal's decision for students with disabilities (Art.11) is outside this rule.
 *
 * @example
 * ```ts
 * outcomeTt22({ conductYear: 'TOT', learningYear: 'DAT', absences: 45, finalGrade: false }).outcome; // 'LEN_LOP'
 * outcomeTt22({ conductYear: 'TOT', learningYear: 'DAT', absences: 46, finalGrade: false }).outcome; // 'O_LAI_LOP'
 * ```
 */
export function outcomeTt22(input: OutcomeInputTt22): OutcomeResult {
  assertLevel4(input.conductYear, 'outcomeTt22');
  assertLevel4(input.learningYear, 'outcomeTt22');
  if (input.conductAfterSummer !== undefined) assertLevel4(input.conductAfterSummer, 'outcomeTt22');
  if (input.learningAfterReassess !== undefined) assertLevel4(input.learningAfterReassess, 'outcomeTt22');
  if (!Number.isSafeInteger(input.absences) || input.absences < 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'outcomeTt22: absences must be a non-negative integer', detailVi: 'outcomeTt22: số buổi nghỉ phải là số nguyên không âm' });
  }
  const fail = (reason: OutcomeResult['reason']): OutcomeResult => ({
    outcome: 'O_LAI_LOP', accepted: input.finalGrade ? ['O_LAI_LOP', 'CHUA_HOAN_THANH_CT'] : ['O_LAI_LOP'], reason,
  });
  if (input.absences > MAX_ABSENCES) return fail('ABSENCES');
  const conduct = input.conductAfterSummer ?? input.conductYear;
  if (conduct === 'CHUA_DAT') {
    if (input.conductAfterSummer === undefined) return { outcome: 'REN_LUYEN_HE', accepted: ['REN_LUYEN_HE'], reason: 'CONDUCT' };
    return fail('CONDUCT');
  }
  const learning = input.learningAfterReassess ?? input.learningYear;
  if (learning === 'CHUA_DAT') {
    if (input.learningAfterReassess === undefined) return { outcome: 'KIEM_TRA_LAI', accepted: ['KIEM_TRA_LAI'], reason: 'LEARNING' };
    return fail('LEARNING');
  }
  return input.finalGrade
    ? { outcome: 'HOAN_THANH_CT', accepted: ['HOAN_THANH_CT', 'LEN_LOP'], reason: 'PASSED' }
    : { outcome: 'LEN_LOP', accepted: ['LEN_LOP'], reason: 'PASSED' };
}
