/**
 * Exact marks: decimal strings in JSON, integer tenths inside the SDK (no floating point).
 * @module
 */
import { EdusignError } from '../errors.js';
import type { Mark, Tenths } from './types.js';

/** The JSON pattern of a {@link Mark}: 0..10 with at most one decimal. */
export const MARK_PATTERN = /^(?:10(?:\.0)?|[0-9](?:\.[0-9])?)$/;

/**
 * Whether a value is a well-formed {@link Mark} string.
 *
 * @example
 * ```ts
 * isMark('8.5'); // true
 * isMark('8.25'); // false
 * ```
 */
export function isMark(value: unknown): value is Mark {
  return typeof value === 'string' && value.length <= 4 && MARK_PATTERN.test(value);
}

/**
 * Parses a mark string into integer tenths; `undefined` when the string is not a well-formed mark.
 *
 * @example
 * ```ts
 * parseScore('8.5'); // 85
 * parseScore('10'); // 100
 * parseScore('8.25'); // undefined
 * ```
 */
export function parseScore(text: string): Tenths | undefined {
  if (!isMark(text)) return undefined;
  const [whole, frac] = text.split('.');
  return Number(whole) * 10 + (frac === undefined ? 0 : Number(frac));
}

/**
 * Writes integer tenths as a mark string with exactly one decimal.
 * Throws an `EdusignError` `INVALID_ARGUMENT` for values outside 0..100 or non-integers.
 *
 * @example
 * ```ts
 * formatScore(85); // "8.5"
 * formatScore(80); // "8.0"
 * ```
 */
export function formatScore(tenths: Tenths): Mark {
  assertTenths(tenths, 'formatScore');
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/**
 * Throws an `EdusignError` `INVALID_ARGUMENT` unless `value` is an integer number of tenths in 0..100.
 *
 * @example
 * ```ts
 * assertTenths(85, 'semesterAverage'); // ok
 * assertTenths(8.5, 'semesterAverage'); // throws INVALID_ARGUMENT
 * ```
 */
export function assertTenths(value: unknown, where: string): asserts value is Tenths {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new EdusignError('INVALID_ARGUMENT', {
      detail: `${where}: a mark must be integer tenths 0..100`, detailVi: `${where}: điểm phải là số nguyên phần mười 0..100`,
    });
  }
}
