/**
 * RFC 8785 canonical bytes for signing and for checking payloads, on a fast path: one walk that writes the
 * canonical text (no JSON Pointer bookkeeping). Anything unusual — a lone surrogate, a non-finite number, a
 * non-plain object, an NFC collision of member names, deep nesting — leaves the fast path and goes to the shared
 * `canonicalize` (src/encode/json), which gives the typed error with its path. Differentially tested against it.
 * @module
 */
import { canonicalizeToBytes } from '../../../encode/json/canonicalize.js';

const LONE_SURROGATE = /\p{Surrogate}/u;
/** Integer-like names come first in JS objects whatever the insertion order: they leave the fast path. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const MAX_DEPTH = 512;
const BAD = Symbol('not on the fast path');

/** A copy with members inserted in RFC 8785 order, so that `JSON.stringify` writes the canonical text. */
function sortedCopy(node: unknown, depth: number, nfc: boolean): unknown {
  switch (typeof node) {
    case 'string':
      if (LONE_SURROGATE.test(node)) return BAD;
      return nfc ? nfcName(node) : node;
    case 'number':
      return Number.isFinite(node) ? node : BAD; // JSON.stringify writes ECMAScript Number::toString = RFC 8785 §3.2.2.3
    case 'boolean':
      return node;
    case 'object':
      break;
    default:
      return BAD;
  }
  if (node === null) return null;
  if (depth >= MAX_DEPTH) return BAD;
  if (Array.isArray(node)) {
    const out: unknown[] = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      const c = item === undefined ? BAD : sortedCopy(item, depth + 1, nfc);
      if (c === BAD) return BAD;
      out[i] = c;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) return BAD;
  const obj = node as Record<string, unknown>;
  const raws = Object.keys(obj);
  const names = nfc ? raws.map(nfcName) : raws;
  const order: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    const name = names[i] as string;
    if (obj[raws[i] as string] === undefined) continue;
    if (LONE_SURROGATE.test(name) || ARRAY_INDEX.test(name) || name === '__proto__') return BAD;
    order.push(i);
  }
  // default string comparison is by UTF-16 code units, as RFC 8785 §3.2.3 requires
  order.sort((x, y) => { const a = names[x] as string; const b = names[y] as string; return a < b ? -1 : a > b ? 1 : 0; });
  const out: Record<string, unknown> = {};
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    const name = names[i] as string;
    if (j > 0 && names[order[j - 1] as number] === name) return BAD; // two names equal after NFC
    const c = sortedCopy(obj[raws[i] as string], depth + 1, nfc);
    if (c === BAD) return BAD;
    out[name] = c;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

function nfcName(name: string): string {
  return ASCII.test(name) ? name : name.normalize('NFC');
}

function fastText(value: unknown, nfc: boolean): string | undefined {
  const copy = sortedCopy(value, 0, nfc);
  return copy === BAD ? undefined : JSON.stringify(copy);
}

/**
 * RFC 8785 canonical UTF-8 bytes of a JSON value (NFC-normalised strings and names when `nfc`). Throws the
 * shared canonicaliser's typed errors (`JSON_NOT_CANONICALIZABLE`, `INPUT_TOO_DEEP`) for values JSON cannot express.
 *
 * @example
 * ```ts
 * Buffer.from(canonicalBytes({ b: 1, a: 'Hải' }, true)).toString(); // '{"a":"Hải","b":1}'
 * ```
 */
export function canonicalBytes(value: unknown, nfc: boolean): Uint8Array {
  const text = fastText(value, nfc);
  if (text === undefined) return canonicalizeToBytes(value, { normalizeNfc: nfc });
  const buf = Buffer.from(text, 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Whether `bytes` are exactly the RFC 8785 canonical form of the JSON they hold. A `true` answer also proves
 * the text is valid UTF-8 JSON without duplicate member names or lone surrogates (the canonical form has none),
 * so callers can skip the strict parser. Returns the parsed value then.
 *
 * @example
 * ```ts
 * isCanonicalJson(new TextEncoder().encode('{"a":1}')); // { canonical: true, value: { a: 1 } }
 * ```
 */
export function isCanonicalJson(bytes: Uint8Array, maxDepth = 256): { canonical: true; value: unknown } | { canonical: false } {
  if (!depthWithin(bytes, Math.min(maxDepth, MAX_DEPTH))) return { canonical: false }; // JSON.stringify recurses
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    value = JSON.parse(text);
    // Fast proof: JSON.stringify writes RFC 8785 numbers and string escapes, in the member order JSON.parse kept; a
    // duplicate member would be lost (shorter text). Then the order must be sorted and the strings well formed.
    if (JSON.stringify(value) === text) return sortedAndWellFormed(value, 0) ? { canonical: true, value } : { canonical: false };
  } catch {
    return { canonical: false };
  }
  // Integer-like member names (reordered by JS objects), or not canonical: compare with the canonical bytes.
  let buf: Buffer;
  try {
    buf = Buffer.from(canonicalBytes(value, false));
  } catch {
    return { canonical: false };
  }
  return buf.length === bytes.length && buf.equals(bytes) ? { canonical: true, value } : { canonical: false };
}

/** Whether the bracket nesting of a JSON text stays within `max` (strings skipped). */
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

/** Members in UTF-16 code unit order at every level, no lone surrogates, bounded depth. */
function sortedAndWellFormed(node: unknown, depth: number): boolean {
  if (typeof node === 'string') return !LONE_SURROGATE.test(node);
  if (typeof node !== 'object' || node === null) return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(node)) return node.every((item) => sortedAndWellFormed(item, depth + 1));
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if ((i > 0 && !((keys[i - 1] as string) < k)) || LONE_SURROGATE.test(k)) return false;
    if (!sortedAndWellFormed((node as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}
