/**
 * The reference RFC 8785 walk (JSON Canonicalization Scheme): writes the canonical text member by member with a
 * JSON Pointer path, so that every value JSON cannot express gets a typed error saying where. `canonicalize`
 * uses the fast path (`canonical-fast.ts`) first and this walk when the fast path gives up. Internal.
 *
 * - Object members are sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3).
 * - Numbers use the ECMAScript `Number.prototype.toString` form (RFC 8785 §3.2.2.3); `-0` becomes `0`.
 * - Strings use the JSON escapes of RFC 8785 §3.2.2.2 (which are exactly the ones of ES2019 `JSON.stringify`
 *   on well-formed strings); lone surrogates are refused.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { CanonicalizeOptions } from './canonicalize.js';

/** Default nesting limit of the canonicaliser. */
export const DEFAULT_MAX_DEPTH = 512;

const LONE_SURROGATE = /\p{Surrogate}/u;

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
 * RFC 8785 canonical text by the reference walk; throws `JSON_NOT_CANONICALIZABLE` / `INPUT_TOO_DEEP`.
 *
 * @example
 * ```ts
 * canonicalWalk({ b: 1, a: [true, null, 1e21] }, {}); // '{"a":[true,null,1e+21],"b":1}'
 * canonicalWalk({ a: Number.NaN }, {}); // throws EdusignError JSON_NOT_CANONICALIZABLE at /a
 * ```
 */
export function canonicalWalk(value: unknown, options: CanonicalizeOptions): string {
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

