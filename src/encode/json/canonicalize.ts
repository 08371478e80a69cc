/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * - Object members are sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3).
 * - Numbers use the ECMAScript `Number.prototype.toString` form (RFC 8785 §3.2.2.3); `-0` becomes `0`.
 * - Strings use the JSON escapes of RFC 8785 §3.2.2.2 (which are exactly the ones of ES2019 `JSON.stringify`
 *   on well-formed strings); lone surrogates are refused.
 * - No whitespace.
 *
 * A fast path (a key-sorted copy written by `JSON.stringify`) serves ordinary values; anything unusual goes to
 * the reference walk, which gives the typed error with its JSON Pointer path. Both give the same text.
 *
 * Optionally (and always for school records) every string, member names included, is NFC-normalised first.
 * @module
 */
import { fastCanonicalText } from './canonical-fast.js';
import { canonicalWalk, DEFAULT_MAX_DEPTH } from './canonical-walk.js';

/** Options of {@link canonicalize}. */
export interface CanonicalizeOptions {
  /** NFC-normalise every string and member name before canonicalising (default `false`). */
  normalizeNfc?: boolean;
  /** Maximum nesting depth of arrays/objects (default 512). Deeper input throws `INPUT_TOO_DEEP`. */
  maxDepth?: number;
}

/**
 * Serialises a JSON value in RFC 8785 canonical form.
 *
 * Accepts `null`, booleans, finite numbers, strings, arrays and plain objects. Object members whose value is
 * `undefined` are omitted (as `JSON.stringify` does); anything else that JSON cannot express (`undefined` in an
 * array, functions, symbols, bigints, `NaN`/`Infinity`, class instances such as `Date`, cycles, lone surrogates)
 * throws an `EdusignError` with code `JSON_NOT_CANONICALIZABLE`. With `normalizeNfc`, two member names that
 * become equal after NFC normalisation are refused the same way.
 *
 * @example
 * ```ts
 * canonicalize({ b: 1, a: [true, null, 1e21] }); // '{"a":[true,null,1e+21],"b":1}'
 * canonicalize({ name: 'Nguye\u0302\u0303n' }, { normalizeNfc: true }); // '{"name":"Nguyễn"}'
 * ```
 */
export function canonicalize(value: unknown, options: CanonicalizeOptions = {}): string {
  const fast = fastCanonicalText(value, options.normalizeNfc ?? false, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  return fast ?? canonicalWalk(value, options);
}

/**
 * RFC 8785 canonical form as UTF-8 bytes (what gets hashed or signed).
 *
 * @example
 * ```ts
 * const bytes = canonicalizeToBytes({ a: 'Hải Phòng' }, { normalizeNfc: true });
 * const digest = createHash('sha256').update(bytes).digest('hex');
 * ```
 */
export function canonicalizeToBytes(value: unknown, options: CanonicalizeOptions = {}): Uint8Array {
  const buf = Buffer.from(canonicalize(value, options), 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
