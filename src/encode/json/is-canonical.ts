/**
 * Deciding whether bytes are exactly the RFC 8785 canonical form of the JSON they hold — on a fast path: the
 * engine's `JSON.parse`, one bounded walk (depth, member order) and `JSON.stringify` compared with the text.
 * A `true` answer also proves the text is valid UTF-8 JSON without duplicate member names, lone surrogates or
 * out-of-range numbers (the canonical form has none), so callers can skip the strict parser.
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { canonicalizeToBytes } from './canonicalize.js';
import { DEFAULT_MAX_DEPTH } from './canonical-walk.js';

const LONE_SURROGATE = /\p{Surrogate}/u;
/** What `JSON.stringify` writes for a lone surrogate (may over-match a `\\ud…` text: then strings are checked one by one). */
const ESCAPED_SURROGATE = /\\ud[89a-f]/;

type Shape = 'ok' | 'unsorted' | 'deep';

/**
 * Whether the bracket nesting of a JSON text stays within `max` (strings skipped), checked on the bytes before
 * `JSON.parse`, which would otherwise build the whole of a hostile deep structure (seconds for a few MB).
 */
function depthWithin(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return true;
}

/** Nesting within `max` and members in UTF-16 code unit order at every level. Recursion bounded by `max`. */
function shape(node: unknown, depth: number, max: number): Shape {
  if (typeof node !== 'object' || node === null) return 'ok';
  if (depth >= max) return 'deep';
  let result: Shape = 'ok';
  if (Array.isArray(node)) {
    for (const item of node) {
      const s = shape(item, depth + 1, max);
      if (s === 'deep') return s;
      if (s === 'unsorted') result = s;
    }
    return result;
  }
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0 && !((keys[i - 1] as string) < k)) result = 'unsorted';
    const s = shape(obj[k], depth + 1, max);
    if (s === 'deep') return s;
    if (s === 'unsorted') result = s;
  }
  return result;
}

/** No lone surrogate in any string or member name (depth already bounded by {@link shape}). */
function wellFormed(node: unknown): boolean {
  if (typeof node === 'string') return !LONE_SURROGATE.test(node);
  if (typeof node !== 'object' || node === null) return true;
  if (Array.isArray(node)) return node.every(wellFormed);
  return Object.entries(node).every(([k, v]) => !LONE_SURROGATE.test(k) && wellFormed(v));
}

/**
 * Whether `bytes` are exactly the RFC 8785 canonical form of the JSON they hold (no NFC question asked: the
 * bytes are never re-normalised). Returns the parsed value when they are. Nesting deeper than `maxDepth`
 * (default 256, at most 512) answers `false` before parsing, so the caller's strict parser gives the error.
 *
 * @example
 * ```ts
 * isCanonicalJson(new TextEncoder().encode('{"a":1}')); // { canonical: true, value: { a: 1 } }
 * isCanonicalJson(new TextEncoder().encode('{"a":1,"a":1}')); // { canonical: false }
 * ```
 */
export function isCanonicalJson(bytes: Uint8Array, maxDepth = 256): { canonical: true; value: unknown } | { canonical: false } {
  const no = { canonical: false } as const;
  const limit = Math.min(maxDepth, DEFAULT_MAX_DEPTH);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf) || !depthWithin(buf, limit)) return no;
  const text = buf.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return no;
  }
  const s = shape(value, 0, limit);
  if (s === 'deep') return no; // JSON.stringify and the canonicaliser recurse: leave it to the strict parser
  if (s === 'ok') {
    // JSON.stringify writes RFC 8785 numbers and string escapes in the member order JSON.parse kept; a duplicate
    // member would be lost (different text). With sorted members, equal text is the canonical form.
    if (JSON.stringify(value) !== text) return no;
    return !ESCAPED_SURROGATE.test(text) || wellFormed(value) ? { canonical: true, value } : no;
  }
  // Integer-like member names (which JS objects reorder), or not canonical: compare with the canonical bytes.
  let canonical: Uint8Array;
  try {
    canonical = canonicalizeToBytes(value);
  } catch {
    return no;
  }
  return Buffer.from(canonical.buffer, canonical.byteOffset, canonical.byteLength).equals(buf) ? { canonical: true, value } : no;
}
