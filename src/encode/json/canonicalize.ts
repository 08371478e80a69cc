/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * - Object members are sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3).
 * - Numbers use the ECMAScript `Number.prototype.toString` form (RFC 8785 §3.2.2.3); `-0` becomes `0`.
 * - Strings use the JSON escapes of RFC 8785 §3.2.2.2 (which are exactly the ones of ES2019 `JSON.stringify`
 *   on well-formed strings); lone surrogates are refused.
 * - No whitespace.
 *
 * Optionally (and always for school records) every string, member names included, is NFC-normalised first.
 * @module
 */
import { EdusignError } from '../../errors.js';

/** Options of {@link canonicalize}. */
export interface CanonicalizeOptions {
  /** NFC-normalise every string and member name before canonicalising (default `false`). */
  normalizeNfc?: boolean;
  /** Maximum nesting depth of arrays/objects (default 512). Deeper input throws `INPUT_TOO_DEEP`. */
  maxDepth?: number;
}

const LONE_SURROGATE = /\p{Surrogate}/u;
const DEFAULT_MAX_DEPTH = 512;

function fail(detail: string, path: string): never {
  throw new EdusignError('JSON_NOT_CANONICALIZABLE', { detail: `${detail} at ${path || '/'}`, context: { path } });
}

function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Compares two strings by UTF-16 code units (what RFC 8785 requires; not locale order, not code points). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function serializeString(value: string, path: string, nfc: boolean): string {
  if (LONE_SURROGATE.test(value)) fail('lone surrogate in string', path);
  return JSON.stringify(nfc ? value.normalize('NFC') : value);
}

function serializeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) fail(`non-finite number ${String(value)}`, path);
  // ECMAScript Number::toString is the RFC 8785 number format; it already prints -0 as "0".
  return String(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Serialises a JSON value in RFC 8785 canonical form.
 *
 * Accepts `null`, booleans, finite numbers, strings, arrays and plain objects. Object members whose value is
 * `undefined` are omitted (as `JSON.stringify` does); anything else that JSON cannot express (`undefined` in an
 * array, functions, symbols, bigints, `NaN`/`Infinity`, class instances such as `Date`, cycles, lone surrogates)
 * throws an {@link EdusignError} with code `JSON_NOT_CANONICALIZABLE`. With `normalizeNfc`, two member names that
 * become equal after NFC normalisation are refused the same way.
 *
 * @example
 * ```ts
 * canonicalize({ b: 1, a: [true, null, 1e21] }); // '{"a":[true,null,1e+21],"b":1}'
 * canonicalize({ name: 'Nguye\u0302\u0303n' }, { normalizeNfc: true }); // '{"name":"Nguyễn"}'
 * ```
 */
export function canonicalize(value: unknown, options: CanonicalizeOptions = {}): string {
  const nfc = options.normalizeNfc ?? false;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const ancestors = new Set<object>();

  const walk = (node: unknown, path: string, depth: number): string => {
    switch (typeof node) {
      case 'string':
        return serializeString(node, path, nfc);
      case 'number':
        return serializeNumber(node, path);
      case 'boolean':
        return node ? 'true' : 'false';
      case 'object':
        break;
      default:
        return fail(`${typeof node} is not a JSON value`, path);
    }
    if (node === null) return 'null';
    if (depth >= maxDepth) {
      throw new EdusignError('INPUT_TOO_DEEP', { detail: `nesting deeper than ${maxDepth} at ${path || '/'}`, context: { path } });
    }
    if (ancestors.has(node)) fail('cyclic structure', path);
    ancestors.add(node);
    try {
      if (Array.isArray(node)) {
        const items: string[] = [];
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i];
          if (item === undefined) fail('undefined array element', `${path}/${i}`);
          items.push(walk(item, `${path}/${i}`, depth + 1));
        }
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(node)) fail(`object of type ${node.constructor?.name ?? 'unknown'} is not a JSON value`, path);
      const members = new Map<string, unknown>();
      for (const rawKey of Object.keys(node)) {
        const memberValue = node[rawKey];
        if (memberValue === undefined) continue;
        if (LONE_SURROGATE.test(rawKey)) fail('lone surrogate in member name', `${path}/${pointerToken(rawKey)}`);
        const key = nfc ? rawKey.normalize('NFC') : rawKey;
        if (members.has(key)) fail(`member names collide after NFC normalisation: ${JSON.stringify(key)}`, path);
        members.set(key, memberValue);
      }
      const keys = [...members.keys()].sort(compareCodeUnits);
      const parts = keys.map((key) => `${JSON.stringify(key)}:${walk(members.get(key), `${path}/${pointerToken(key)}`, depth + 1)}`);
      return `{${parts.join(',')}}`;
    } finally {
      ancestors.delete(node);
    }
  };

  return walk(value, '', 0);
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
  return new TextEncoder().encode(canonicalize(value, options));
}
