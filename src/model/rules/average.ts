/**
 * Subject averages with exact integer arithmetic (marks in tenths).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Tenths } from '../types.js';
import { assertTenths } from '../score.js';

/**
 * Divides two non-negative integers and rounds half-up to an integer: `round(numerator / denominator)`.
 * Exact for safe integers (no floating point).
 *
 * @example
 * ```ts
 * divideHalfUp(25, 10); // 3
 * divideHalfUp(24, 10); // 2
 * ```
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'divideHalfUp needs a non-negative numerator and a positive denominator',
      detailVi: 'divideHalfUp cần tử số không âm và mẫu số dương' });
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * ĐTBmhk (semester subject average), TT22/2021 Art.9 (clause number [M]; formula [V]; same formula as TT58 as
 * amended by TT26/2020):
 * `ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (nĐĐGtx + 5)`, rounded half-up to one decimal.
 * All marks are in tenths; the result is in tenths. Throws `EdusignError` `INVALID_ARGUMENT` for marks outside 0..100.
 *
 * @example
 * ```ts
 * semesterAverage([80, 90], 70, 85); // (80+90+140+255)/7 = 80.71… → 81 (8.1)
 * ```
 */
export function semesterAverage(regular: readonly Tenths[], midterm: Tenths, final: Tenths): Tenths {
  assertTenths(midterm, 'semesterAverage');
  assertTenths(final, 'semesterAverage');
  if (!Array.isArray(regular) || regular.length > 100) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'semesterAverage: regular marks must be an array of at most 100', detailVi: 'semesterAverage: ĐĐGtx phải là mảng tối đa 100 phần tử' });
  }
  let sum = 2 * midterm + 3 * final;
  for (const r of regular) { assertTenths(r, 'semesterAverage'); sum += r; }
  return divideHalfUp(sum, regular.length + 5);
}

/**
 * ĐTBmcn (year subject average), TT22/2021 Art.9 (formula [V]): `ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3`, from the *rounded*
 * semester averages (as written in the books; common practice [I]), rounded half-up to one decimal.
 * Tenths in, tenths out.
 *
 * @example
 * ```ts
 * yearAverage(65, 70); // (65 + 140)/3 = 68.33… → 68 (6.8)
 * ```
 */
export function yearAverage(hk1: Tenths, hk2: Tenths): Tenths {
  assertTenths(hk1, 'yearAverage');
  assertTenths(hk2, 'yearAverage');
  return divideHalfUp(hk1 + 2 * hk2, 3);
}
