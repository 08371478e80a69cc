/**
 * Ordering of the four-level scale (Tốt > Khá > Đạt > Chưa đạt).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Level4 } from '../types.js';

/** Levels from best to worst. */
export const LEVEL4_ORDER: readonly Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];

/**
 * Rank of a level: TOT 3, KHA 2, DAT 1, CHUA_DAT 0.
 *
 * @example
 * ```ts
 * level4Rank('KHA') > level4Rank('DAT'); // true
 * ```
 */
export function level4Rank(level: Level4): number {
  assertLevel4(level, 'level4Rank');
  return 3 - LEVEL4_ORDER.indexOf(level);
}

/**
 * Whether `level` is at least `min`.
 *
 * @example
 * ```ts
 * atLeast4('KHA', 'DAT'); // true
 * ```
 */
export function atLeast4(level: Level4, min: Level4): boolean {
  return level4Rank(level) >= level4Rank(min);
}

/**
 * Throws an `EdusignError` `INVALID_ARGUMENT` unless `value` is one of TOT, KHA, DAT, CHUA_DAT.
 *
 * @example
 * ```ts
 * assertLevel4('KHA', 'conductYear'); // ok
 * ```
 */
export function assertLevel4(value: unknown, where: string): asserts value is Level4 {
  if (!(LEVEL4_ORDER as readonly unknown[]).includes(value)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `${where}: expected TOT, KHA, DAT or CHUA_DAT`, detailVi: `${where}: cần TOT, KHA, DAT hoặc CHUA_DAT` });
  }
}
