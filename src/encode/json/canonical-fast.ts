/**
 * The fast path of the RFC 8785 canonicaliser. The text is written by the engine's `JSON.stringify` (whose number
 * format is ECMAScript `Number::toString`, RFC 8785 §3.2.2.3, and whose string escapes are those of RFC 8785
 * §3.2.2.2), in canonical member order: a first bounded walk checks the value and collects the member names;
 * when nothing needs NFC changes and there are few distinct names, `JSON.stringify(value, sortedNames)` writes
 * every object's members in the order of that list (ECMA-262 SerializeJSONObject with a PropertyList); otherwise
 * a copy with members inserted in canonical order is written (integer-like names, which JS objects reorder,
 * leave the copy path). It gives up
 * (returns `undefined`) on anything unusual — a non-finite number, a non-plain object, an integer-like member
 * name (JS objects reorder those), an NFC collision of names, a lone surrogate, nesting at the depth limit — and
 * the caller then uses the reference walk (`canonical-walk.ts`), which gives the typed error with its path.
 * Internal; differentially property-tested against the reference walk.
 * @module
 */

/** Integer-like names come first in JS objects whatever the insertion order: they leave the fast path. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
/** `JSON.stringify` (ES2019) writes a lone surrogate as a `\udXXX` escape (a pair stays raw); may over-match `\\ud…`. */
const ESCAPED_SURROGATE = /\\ud[89a-f]/;
const NON_ASCII = /[^\x00-\x7f]/;
const BAD = Symbol('not on the fast path');

function nfcText(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

/** Whether `names` is strictly increasing by UTF-16 code units (RFC 8785 §3.2.3), i.e. already canonical. */
function strictlySorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (!((names[i - 1] as string) < (names[i] as string))) return false;
  return true;
}

function sortedObject(obj: Record<string, unknown>, depth: number, maxDepth: number, nfc: boolean): Record<string, unknown> | typeof BAD {
  const raws = Object.keys(obj);
  const names: string[] = [];
  const rawOf = new Map<string, string>();
  for (const raw of raws) {
    if (obj[raw] === undefined) continue; // omitted, as JSON.stringify does
    const c0 = raw.charCodeAt(0);
    if ((c0 >= 0x30 && c0 <= 0x39 && ARRAY_INDEX.test(raw)) || raw === '__proto__') return BAD;
    const name = nfc ? nfcText(raw) : raw;
    if (rawOf.has(name)) return BAD; // two names equal after NFC
    rawOf.set(name, raw);
    names.push(name);
  }
  // default sort compares by UTF-16 code units, as RFC 8785 §3.2.3 requires
  if (!strictlySorted(names)) names.sort();
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const c = copy(obj[rawOf.get(name) as string], depth + 1, maxDepth, nfc);
    if (c === BAD) return BAD;
    out[name] = c;
  }
  return out;
}

/** A copy with members inserted in RFC 8785 order, or `BAD`. Recursion is bounded by `maxDepth`. */
function copy(node: unknown, depth: number, maxDepth: number, nfc: boolean): unknown {
  switch (typeof node) {
    case 'string':
      return nfc ? nfcText(node) : node;
    case 'number':
      return Number.isFinite(node) ? node : BAD;
    case 'boolean':
      return node;
    case 'object':
      break;
    default:
      return BAD;
  }
  if (node === null) return null;
  if (depth >= maxDepth) return BAD;
  if (Array.isArray(node)) {
    const out = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      const c = item === undefined ? BAD : copy(item, depth + 1, maxDepth, nfc);
      if (c === BAD) return BAD;
      out[i] = c;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) return BAD;
  return sortedObject(node as Record<string, unknown>, depth, maxDepth, nfc);
}

/** What the checking walk found: the distinct member names, and how much work a property list would be. */
interface Scan { names: Set<string>; objects: number; members: number; nfcChanges: boolean }

/** Checks `node` (JSON-expressible, plain, finite, depth within `maxDepth`) and collects its member names. */
function scan(node: unknown, depth: number, maxDepth: number, nfc: boolean, s: Scan): boolean {
  switch (typeof node) {
    case 'string':
      if (nfc && !s.nfcChanges && NON_ASCII.test(node) && node.normalize('NFC') !== node) s.nfcChanges = true;
      return true;
    case 'number':
      return Number.isFinite(node);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (node === null) return true;
  if (depth >= maxDepth) return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (item === undefined || !scan(item, depth + 1, maxDepth, nfc, s)) return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj);
  s.objects++;
  s.members += keys.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = obj[k];
    if (v === undefined) continue;
    if (k === '__proto__') return false;
    if (nfc && !s.nfcChanges && NON_ASCII.test(k) && k.normalize('NFC') !== k) s.nfcChanges = true;
    s.names.add(k);
    if (!scan(v, depth + 1, maxDepth, nfc, s)) return false;
  }
  return true;
}

/**
 * Whether `JSON.stringify(value, names)` writes exactly the own members: every listed name an object lacks must
 * read as a function or `undefined` through `Object.prototype` (then it is skipped), and the work — every
 * listed name is looked up in every object — must stay within a small multiple of the members.
 */
function propertyListFits(s: Scan): boolean {
  if (s.names.size * s.objects > 8 * s.members + 65_536) return false;
  const base = Object.prototype as Record<string, unknown>;
  for (const name of s.names) {
    if (name in base && typeof base[name] !== 'function') return false;
  }
  return true;
}

/**
 * RFC 8785 canonical text of `value` on the fast path, or `undefined` when the value needs the reference walk
 * (for its typed error, or for an integer-like member name / a `\\u…` sequence the fast path does not decide).
 *
 * @example
 * ```ts
 * fastCanonicalText({ b: 1, a: 'Hải' }, true, 512); // '{"a":"Hải","b":1}'
 * fastCanonicalText({ a: Number.NaN }, false, 512); // undefined (the reference walk throws the typed error)
 * ```
 */
export function fastCanonicalText(value: unknown, nfc: boolean, maxDepth: number): string | undefined {
  const s: Scan = { names: new Set<string>(), objects: 0, members: 0, nfcChanges: false };
  if (!scan(value, 0, maxDepth, nfc, s)) return undefined;
  let text: string;
  if (!s.nfcChanges && propertyListFits(s)) {
    // default sort compares by UTF-16 code units, as RFC 8785 §3.2.3 requires. The value is read a second time
    // here: a getter or proxy answering differently than to the walk may make it throw (then: reference walk).
    try {
      text = JSON.stringify(value, [...s.names].sort());
    } catch {
      return undefined;
    }
  } else {
    const c = copy(value, 0, maxDepth, nfc);
    if (c === BAD) return undefined;
    text = JSON.stringify(c);
  }
  return ESCAPED_SURROGATE.test(text) ? undefined : text;
}
