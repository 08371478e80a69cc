/**
 * Readers of unknown JSON: each returns a typed value or `undefined`, and records what is wrong.
 * They look only at the members they are told about, so hostile nesting is never walked.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { PassFail, Tenths } from '../types.js';
import { isMark, parseScore } from '../score.js';
import { parseSchoolYear } from '../rules/regime.js';
import { error, pointer, warn, type ValidationContext } from './context.js';

/** A JSON object seen as a record of unknown members. */
export type JsonObject = Record<string, unknown>;

/** Describes an object's members. */
export interface ObjectSpec {
  required: readonly string[];
  optional?: readonly string[];
  /** Members that are valid only in another regime (reported as FIELD_OF_OTHER_REGIME). */
  otherRegime?: readonly string[];
}

const has = (o: JsonObject, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A short description of a JSON value's type, for messages. */
function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/**
 * A short, safe rendering of any value for messages: strings cut to 40 characters, numbers and booleans as
 * written, anything else by its type (never `String(value)`, which would walk nested arrays).
 *
 * @example
 * ```ts
 * shortValue([[1]]); // 'array'
 * shortValue('x'.repeat(100)).length; // 40
 * ```
 */
export function shortValue(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 40);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeName(v);
}

/**
 * Reads an object: reports a wrong type, missing required members and unknown members (never descends into them).
 *
 * @example
 * ```ts
 * const o = readObject(ctx, value, '', { required: ['id'], optional: ['name'] });
 * ```
 */
export function readObject(ctx: ValidationContext, value: unknown, path: string, spec: ObjectSpec): JsonObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    error(ctx, 'WRONG_TYPE', path, { detail: `expected an object, got ${typeName(value)}`, detailVi: `cần đối tượng, nhận ${typeName(value)}` });
    return undefined;
  }
  const o = value as JsonObject;
  for (const k of spec.required) if (!has(o, k)) error(ctx, 'MISSING_FIELD', pointer(path, k));
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  const other = new Set(spec.otherRegime ?? []);
  for (const k of Object.keys(o)) {
    if (known.has(k)) continue;
    if (k.length > ctx.limits.maxId) { error(ctx, 'KEY_TOO_LONG', path, { detail: `${k.length} characters` }); continue; }
    error(ctx, other.has(k) ? 'FIELD_OF_OTHER_REGIME' : 'UNKNOWN_FIELD', pointer(path, k));
  }
  return o;
}

/** Options of {@link readString}. */
export interface StringOptions {
  required?: boolean;
  /** Maximum length; defaults to the context's `maxText`. */
  max?: number;
  pattern?: RegExp;
  /** Human description of the pattern for messages. */
  patternName?: string;
  allowEmpty?: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Checks a string value (already known to be a string): length first (so huge strings cost nothing), then
 * Unicode well-formedness, control characters, NFC (a warning: canonicalisation normalises), emptiness, pattern.
 *
 * @example
 * ```ts
 * checkString(ctx, 'Nguyễn Văn An', '/student/fullName');
 * ```
 */
export function checkString(ctx: ValidationContext, s: string, path: string, opts: StringOptions = {}): boolean {
  const max = opts.max ?? ctx.limits.maxText;
  if (s.length > max) { error(ctx, 'STRING_TOO_LONG', path, { detail: `${s.length} > ${max}` }); return false; }
  if (LONE_SURROGATE.test(s)) { error(ctx, 'TEXT_INVALID_UNICODE', path); return false; }
  if (CONTROL.test(s)) { error(ctx, 'TEXT_CONTROL_CHARACTER', path); return false; }
  if (s.normalize('NFC') !== s) warn(ctx, 'TEXT_NOT_NFC', path);
  if (!opts.allowEmpty && s.trim().length === 0) { error(ctx, 'STRING_EMPTY', path); return false; }
  if (opts.pattern && !opts.pattern.test(s)) {
    error(ctx, 'INVALID_VALUE', path, { detail: opts.patternName ?? `does not match ${String(opts.pattern)}`, detailVi: opts.patternName ?? `không khớp ${String(opts.pattern)}` });
    return false;
  }
  return true;
}

function member(ctx: ValidationContext, o: JsonObject, key: string, path: string): unknown {
  if (!has(o, key)) return undefined; // a missing required member was reported by readObject
  const v = o[key];
  if (v === null) {
    error(ctx, 'WRONG_TYPE', pointer(path, key), { detail: 'null is not allowed; omit the member', detailVi: 'không dùng null; hãy bỏ trường' });
    return undefined;
  }
  return v;
}

/**
 * Reads a string member.
 *
 * @example
 * ```ts
 * const name = readString(ctx, o, 'fullName', '/student', { required: true });
 * ```
 */
export function readString(ctx: ValidationContext, o: JsonObject, key: string, path: string, opts: StringOptions = {}): string | undefined {
  const v = member(ctx, o, key, path);
  if (v === undefined) return undefined;
  const p = pointer(path, key);
  if (typeof v !== 'string') { error(ctx, 'WRONG_TYPE', p, { detail: `expected a string, got ${typeName(v)}`, detailVi: `cần chuỗi, nhận ${typeName(v)}` }); return undefined; }
  return checkString(ctx, v, p, opts) ? v : undefined;
}

/**
 * Reads an integer member within bounds.
 *
 * @example
 * ```ts
 * const grade = readInt(ctx, o, 'grade', '/years/0', 1, 12);
 * ```
 */
export function readInt(ctx: ValidationContext, o: JsonObject, key: string, path: string, min: number, max: number): number | undefined {
  const v = member(ctx, o, key, path);
  if (v === undefined) return undefined;
  const p = pointer(path, key);
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) { error(ctx, 'WRONG_TYPE', p, { detail: 'expected an integer', detailVi: 'cần số nguyên' }); return undefined; }
  if (v < min || v > max) { error(ctx, 'INVALID_VALUE', p, { detail: `${v} not in ${min}..${max}`, detailVi: `${v} ngoài khoảng ${min}..${max}` }); return undefined; }
  return v;
}

/**
 * Reads a boolean member.
 *
 * @example
 * ```ts
 * readBoolean(ctx, o, 'adjusted', '/years/0/learning');
 * ```
 */
export function readBoolean(ctx: ValidationContext, o: JsonObject, key: string, path: string): boolean | undefined {
  const v = member(ctx, o, key, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') { error(ctx, 'WRONG_TYPE', pointer(path, key), { detail: 'expected a boolean', detailVi: 'cần giá trị boolean' }); return undefined; }
  return v;
}

/**
 * Checks that a value is one of an enumeration.
 *
 * @example
 * ```ts
 * checkEnum(ctx, 'TOT', '/years/0/conduct/hk1', ['TOT', 'KHA']);
 * ```
 */
export function checkEnum<T extends string>(ctx: ValidationContext, v: unknown, path: string, values: readonly T[]): T | undefined {
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeName(v);
  error(ctx, 'INVALID_VALUE', path, { detail: `${shown} is not one of ${values.join(', ')}`, detailVi: `${shown} không thuộc ${values.join(', ')}` });
  return undefined;
}

/**
 * Reads an enumeration member.
 *
 * @example
 * ```ts
 * readEnum(ctx, o, 'sex', '/student', ['NAM', 'NU']);
 * ```
 */
export function readEnum<T extends string>(ctx: ValidationContext, o: JsonObject, key: string, path: string, values: readonly T[]): T | undefined {
  const v = member(ctx, o, key, path);
  return v === undefined ? undefined : checkEnum(ctx, v, pointer(path, key), values);
}

/**
 * Reads an array member (up to `max` items are returned; more is reported; absurd lengths throw).
 *
 * @example
 * ```ts
 * const years = readArray(ctx, o, 'years', '', 20);
 * ```
 */
export function readArray(ctx: ValidationContext, o: JsonObject, key: string, path: string, max: number): unknown[] | undefined {
  const v = member(ctx, o, key, path);
  if (v === undefined) return undefined;
  const p = pointer(path, key);
  if (!Array.isArray(v)) { error(ctx, 'WRONG_TYPE', p, { detail: `expected an array, got ${typeName(v)}`, detailVi: `cần mảng, nhận ${typeName(v)}` }); return undefined; }
  if (v.length > ctx.limits.absurdArrayLength) {
    throw new EdusignError('INPUT_TOO_LARGE', { detail: `${p} has ${v.length} items`, context: { path: p, length: v.length } });
  }
  const items = v.length > max ? v.slice(0, max) : v;
  if (v.length > max) error(ctx, 'ARRAY_TOO_LONG', p, { detail: `${v.length} > ${max}` });
  // Holes and `undefined` cannot come from JSON; report them here so nested validators may skip `undefined`.
  for (let i = 0; i < items.length; i++) {
    if (items[i] === undefined) error(ctx, 'WRONG_TYPE', pointer(p, i), { detail: 'undefined is not a JSON value', detailVi: 'undefined không phải giá trị JSON' });
  }
  return items;
}

/** A score or Đ/CĐ result read from JSON. */
export type ResultValue = { kind: 'SCORE'; tenths: Tenths; text: string } | { kind: 'COMMENT'; result: PassFail };

/**
 * Checks a value as a mark (`"8.5"`) or a Đ/CĐ result according to the subject's assessment kind.
 *
 * @example
 * ```ts
 * checkResult(ctx, '8.5', '/years/0/subjects/0/hk1', 'SCORE'); // { kind: 'SCORE', tenths: 85, text: '8.5' }
 * ```
 */
export function checkResult(ctx: ValidationContext, v: unknown, path: string, assessment: 'SCORE' | 'COMMENT' | undefined): ResultValue | undefined {
  if (v === 'D' || v === 'CD') {
    if (assessment === 'SCORE') { error(ctx, 'MARK_KIND_MISMATCH', path, { detail: 'scored subject with Đ/CĐ', detailVi: 'môn đánh giá bằng điểm số nhưng ghi Đ/CĐ' }); return undefined; }
    return { kind: 'COMMENT', result: v };
  }
  if (isMark(v)) {
    if (assessment === 'COMMENT') { error(ctx, 'MARK_KIND_MISMATCH', path, { detail: 'comment-only subject with a mark', detailVi: 'môn đánh giá bằng nhận xét nhưng ghi điểm' }); return undefined; }
    return { kind: 'SCORE', tenths: parseScore(v)!, text: v };
  }
  if (typeof v === 'number') { error(ctx, 'INVALID_MARK', path, { detail: 'marks are strings such as "8.5", not numbers', detailVi: 'điểm là chuỗi như "8.5", không phải số' }); return undefined; }
  error(ctx, 'INVALID_MARK', path, typeof v === 'string' ? { detail: JSON.stringify(v.slice(0, 20)) } : { detail: typeName(v) });
  return undefined;
}

/**
 * Reads a result member (mark or Đ/CĐ).
 *
 * @example
 * ```ts
 * readResult(ctx, row, 'hk1', '/years/0/subjects/0', 'SCORE');
 * ```
 */
export function readResult(ctx: ValidationContext, o: JsonObject, key: string, path: string, assessment: 'SCORE' | 'COMMENT' | undefined): ResultValue | undefined {
  const v = member(ctx, o, key, path);
  return v === undefined ? undefined : checkResult(ctx, v, pointer(path, key), assessment);
}

/**
 * Whether `YYYY-MM-DD` is a real calendar date.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * ```
 */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/**
 * Reads a `YYYY-MM-DD` date member.
 *
 * @example
 * ```ts
 * readDate(ctx, o, 'dateOfBirth', '/student');
 * ```
 */
export function readDate(ctx: ValidationContext, o: JsonObject, key: string, path: string): string | undefined {
  const s = readString(ctx, o, key, path, { max: 10 });
  if (s === undefined) return undefined;
  if (!isIsoDate(s)) { error(ctx, 'INVALID_DATE', pointer(path, key)); return undefined; }
  return s;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Reads an RFC 3339 date-time member (with an offset).
 *
 * @example
 * ```ts
 * readDateTime(ctx, o, 'updatedAt', '/entries/0');
 * ```
 */
export function readDateTime(ctx: ValidationContext, o: JsonObject, key: string, path: string): string | undefined {
  const s = readString(ctx, o, key, path, { max: 40 });
  if (s === undefined) return undefined;
  const m = DATETIME.exec(s);
  if (!m || !isIsoDate(m[1]!)) { error(ctx, 'INVALID_DATETIME', pointer(path, key)); return undefined; }
  return s;
}

/**
 * Reads a school year member `YYYY-YYYY` and returns its first calendar year.
 *
 * @example
 * ```ts
 * readSchoolYear(ctx, o, 'schoolYear', '/years/0'); // 2024 for "2024-2025"
 * ```
 */
export function readSchoolYear(ctx: ValidationContext, o: JsonObject, key: string, path: string): { text: string; year: number } | undefined {
  const s = readString(ctx, o, key, path, { max: 9 });
  if (s === undefined) return undefined;
  const year = parseSchoolYear(s);
  if (year === undefined) { error(ctx, 'INVALID_SCHOOL_YEAR', pointer(path, key)); return undefined; }
  return { text: s, year };
}
