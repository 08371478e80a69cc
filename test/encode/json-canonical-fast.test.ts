/**
 * The fast path of the shared RFC 8785 canonicaliser (canonical-fast.ts, used by `canonicalize`) against the
 * reference walk (canonical-walk.ts): same text for every JSON value, same typed errors for values JSON cannot
 * express; `isCanonicalJson` agrees with "strict parse + canonicalise + compare".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCanonicalText } from '../../src/encode/json/canonical-fast.js';
import { canonicalWalk } from '../../src/encode/json/canonical-walk.js';
import { canonicalize, canonicalizeToBytes } from '../../src/encode/json/canonicalize.js';
import { isCanonicalJson } from '../../src/encode/json/is-canonical.js';
import { parseJsonStrict } from '../../src/encode/json/parse-strict.js';

const canonicalBytes = (v: unknown, nfc: boolean): Uint8Array => canonicalizeToBytes(v, { normalizeNfc: nfc });

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('canonicalize: fast path and reference walk', () => {
  it('gives the text of the reference walk (or its typed error) on arbitrary JSON values, with and without NFC', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', '01', '__proto__', 'a\u0302', 'â', '€', '\u{1F600}'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ unit: 'grapheme' }),
        fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 5 })),
    })).v;
    fc.assert(fc.property(value, fc.boolean(), (v, nfc) => {
      let expected: string;
      try {
        expected = hex(Buffer.from(canonicalWalk(v, { normalizeNfc: nfc }), 'utf8'));
      } catch (e) {
        expect(fastCanonicalText(v, nfc, 512)).toBeUndefined();
        expect(() => canonicalBytes(v, nfc)).toThrow(expect.objectContaining({ code: (e as { code: string }).code }) as Error);
        return;
      }
      expect(hex(canonicalBytes(v, nfc))).toBe(expected);
      const fast = fastCanonicalText(v, nfc, 512);
      if (fast !== undefined) expect(hex(Buffer.from(fast, 'utf8'))).toBe(expected);
      const c = isCanonicalJson(canonicalizeToBytes(v));
      expect(c.canonical).toBe(true);
    }), { numRuns: 400 });
  });

  it('refuses what JSON cannot express with the shared typed errors; isCanonicalJson says no to non-canonical text', () => {
    expect(() => canonicalBytes({ a: Number.POSITIVE_INFINITY }, false)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICALIZABLE' }) as Error);
    expect(() => canonicalBytes({ a: '\udc00' }, true)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICALIZABLE' }) as Error);
    expect(() => canonicalBytes({ 'a\u0302': 1, 'â': 2 }, true)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICALIZABLE' }) as Error);
    expect(() => canonicalBytes(new Date(0), false)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICALIZABLE' }) as Error);
    expect(Buffer.from(canonicalBytes({ b: [1e21, -0, 0.1], a: 'Hải', 10: 1, 9: 2 }, true)).toString()).toBe('{"10":1,"9":2,"a":"Hải","b":[1e+21,0,0.1]}');
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(isCanonicalJson(enc('{"a":1,"a":1}')).canonical).toBe(false);
    expect(isCanonicalJson(enc('{"b":1,"a":1}')).canonical).toBe(false);
    expect(isCanonicalJson(enc('{"a": 1}')).canonical).toBe(false);
    expect(isCanonicalJson(enc('{"a":"\\ud800"}')).canonical).toBe(false);
    expect(isCanonicalJson(Uint8Array.of(0x22, 0xff, 0x22)).canonical).toBe(false);
    expect(isCanonicalJson(enc('{"a":1.0}')).canonical).toBe(false);
    expect(isCanonicalJson(enc('{"a":1}'))).toEqual({ canonical: true, value: { a: 1 } });
    // deep nesting never reaches the (recursive) JSON.stringify
    expect(isCanonicalJson(enc('['.repeat(100_000) + ']'.repeat(100_000))).canonical).toBe(false);
    // ... nor JSON.parse, which would take seconds to build a hostile deep structure of a few MB
    const deep = enc('[{"a":'.repeat(1_000_000) + '1' + '}]'.repeat(1_000_000));
    const started = process.hrtime.bigint();
    expect(isCanonicalJson(deep).canonical).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(400);
    expect(isCanonicalJson(enc('['.repeat(300) + ']'.repeat(300)), 256).canonical).toBe(false);
    expect(isCanonicalJson(enc('['.repeat(300) + ']'.repeat(300)), 400).canonical).toBe(true);
    // a backslash followed by "ud800" is text, not a lone surrogate: canonical, on both paths
    expect(isCanonicalJson(enc('{"a":"\\\\ud800"}'))).toEqual({ canonical: true, value: { a: '\\ud800' } });
    expect(canonicalize({ a: '\\udc00' })).toBe('{"a":"\\\\udc00"}');
    expect(isCanonicalJson(enc('{"10":1,"9":2}'))).toEqual({ canonical: true, value: { 10: 1, 9: 2 } });
  });

  it('leaves the fast path for what it does not decide, and the reference walk gives the typed error', () => {
    // integer-like names (which JS objects reorder) are written in code unit order by the property list
    expect(fastCanonicalText({ 9: 2, 10: 1 }, false, 512)).toBe('{"10":1,"9":2}');
    // names Object.prototype also has: objects without them do not pick up the inherited function
    expect(fastCanonicalText({ constructor: 1, toString: 'x', a: {} }, false, 512)).toBe('{"a":{},"constructor":1,"toString":"x"}');
    // many distinct names (a property list would be quadratic) and NFC changes take the copy path: same text
    const wide = Array.from({ length: 100 }, (_, i) => Object.fromEntries(Array.from({ length: 100 }, (_, j) => [`k${i}-${99 - j}`, j])));
    expect(fastCanonicalText(wide, false, 512)).toBe(canonicalWalk(wide, {}));
    const decomposed = { 'Nguye\u0302\u0303n': ['Ha\u0309i', { 9: 1, 10: 2 }] };
    expect(fastCanonicalText(decomposed, true, 512)).toBeUndefined(); // integer-like names on the copy path
    expect(fastCanonicalText({ 'Nguye\u0302\u0303n': 'Ha\u0309i' }, true, 512)).toBe('{"Nguyễn":"Hải"}');
    expect(canonicalize(decomposed, { normalizeNfc: true })).toBe('{"Nguyễn":["Hải",{"10":2,"9":1}]}');
    expect(fastCanonicalText({ a: '\udc00' }, false, 512)).toBeUndefined();
    expect(fastCanonicalText({ ['__proto__']: 1 }, false, 512)).toBeUndefined();
    expect(fastCanonicalText({ b: [1, 'Hải'], a: null }, false, 512)).toBe('{"a":null,"b":[1,"Hải"]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICALIZABLE' }) as Error);
    let deep: unknown = 1;
    for (let i = 0; i < 600; i++) deep = [deep];
    expect(fastCanonicalText(deep, false, 512)).toBeUndefined();
    expect(() => canonicalize(deep)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_DEEP' }) as Error);
    expect(() => canonicalize([[[1]]], { maxDepth: 2 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_DEEP' }) as Error);
  });
});

describe('isCanonicalJson', () => {
  const reference = (bytes: Uint8Array): boolean => {
    try {
      const v = parseJsonStrict(bytes);
      return Buffer.from(canonicalizeToBytes(v)).equals(Buffer.from(bytes));
    } catch {
      return false;
    }
  };
  it('agrees with "strict parse + shared canonicaliser + byte comparison" on arbitrary JSON texts', () => {
    const text = fc.oneof(fc.json(), fc.json().map((t) => t.replace(/,/g, ', ')),
      fc.tuple(fc.string(), fc.json(), fc.json()).map(([k, a, b]) => `{${JSON.stringify(k)}:${a},${JSON.stringify(k)}:${b}}`),
      fc.dictionary(fc.string(), fc.integer()).map((d) => canonicalize(d)),
      fc.constantFrom('{"10":1,"9":2}', '{"9":2,"10":1}', '-0', '1E2', '1e+2', '100', '"\\ud800"', '"\\u00e9"', '"é"', '{"a":[1,{"c":0,"b":1}]}'));
    fc.assert(fc.property(text, (t) => {
      const bytes = new TextEncoder().encode(t);
      expect(isCanonicalJson(bytes).canonical).toBe(reference(bytes));
    }), { numRuns: 600 });
  });
});
