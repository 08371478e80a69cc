/**
 * Year overall of a primary student under TT27/2020 (Art.9.2), and the TT30/2014 (+TT22/2016) completion rule.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { PrimaryOverall, PrimarySubjectLevel, PrimaryTraitLevel } from '../types.js';

/** Inputs of {@link primaryOverall}. */
export interface PrimaryOverallInput {
  /** End-of-year level of every subject and educational activity. */
  subjectLevels: readonly PrimarySubjectLevel[];
  /** Levels of every quality and competency. */
  traitLevels: readonly PrimaryTraitLevel[];
  /** End-of-year periodic test scores (integers 1..10) of the tested subjects. */
  testScores: readonly number[];
}

/**
 * TT27/2020 Art.9.2 [V]:
 * - HTXS: every subject Hoàn thành tốt, every quality/competency Tốt, every end-of-year test ≥9.
 * - HTT: same with tests ≥7.
 * - HT: every subject Hoàn thành tốt or Hoàn thành, every quality/competency Tốt or Đạt, every test ≥5.
 * - CHT: otherwise.
 *
 * @example
 * ```ts
 * primaryOverall({ subjectLevels: ['T', 'T'], traitLevels: ['T'], testScores: [9, 8] }); // 'HTT'
 * ```
 */
export function primaryOverall(input: PrimaryOverallInput): PrimaryOverall {
  const ok = Array.isArray(input?.subjectLevels) && Array.isArray(input.traitLevels) && Array.isArray(input.testScores) &&
    input.subjectLevels.every((l) => l === 'T' || l === 'H' || l === 'C') && input.traitLevels.every((l) => l === 'T' || l === 'D' || l === 'C') &&
    input.testScores.every((s) => Number.isInteger(s) && s >= 1 && s <= 10);
  if (!ok) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'primaryOverall: levels T/H/C, traits T/D/C, test scores integers 1..10',
      detailVi: 'primaryOverall: mức môn học T/H/C, phẩm chất năng lực T/D/C, điểm kiểm tra số nguyên 1..10' });
  }
  const allT = input.subjectLevels.every((l) => l === 'T');
  const traitsT = input.traitLevels.every((l) => l === 'T');
  const minTest = input.testScores.reduce((m, s) => Math.min(m, s), 10);
  if (allT && traitsT && minTest >= 9) return 'HTXS';
  if (allT && traitsT && minTest >= 7) return 'HTT';
  if (input.subjectLevels.every((l) => l !== 'C') && input.traitLevels.every((l) => l !== 'C') && minTest >= 5) return 'HT';
  return 'CHT';
}

/**
 * TT30/2014 as amended by TT22/2016, Art.14 [M]: the grade programme is completed (HOAN_THANH) when every
 * subject is Hoàn thành tốt or Hoàn thành, every quality/competency Tốt or Đạt, and every end-of-year test ≥5.
 *
 * @example
 * ```ts
 * primaryCompletionTt30({ subjectLevels: ['H'], traitLevels: ['D'], testScores: [4] }); // 'CHUA_HOAN_THANH'
 * ```
 */
export function primaryCompletionTt30(input: PrimaryOverallInput): 'HOAN_THANH' | 'CHUA_HOAN_THANH' {
  return primaryOverall(input) === 'CHT' ? 'CHUA_HOAN_THANH' : 'HOAN_THANH';
}
