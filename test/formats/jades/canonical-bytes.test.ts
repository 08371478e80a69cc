/**
 * The JAdES fast canonicaliser against the shared RFC 8785 one (src/encode/json/canonicalize.ts): same bytes for
 * every JSON value, same typed errors for values JSON cannot express; `isCanonicalJson` agrees with both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalizeToBytes } from '../../../src/encode/json/canonicalize.js';
import { parseJsonStrict } from '../../../src/encode/json/parse-strict.js';
import { canonicalBytes, isCanonicalJson } from '../../../src/formats/jades/lib/canonical-bytes.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('canonicalBytes', () => {
  it('equals the shared canonicaliser on arbitrary JSON values (with and without NFC)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', '01', '__proto__', 'a\u0302', 'â', '€', '\u{1F600}'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ unit: 'grapheme' }),
        fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 5 })),
    })).v;
    fc.assert(fc.property(value, fc.boolean(), (v, nfc) => {
      let expected: string;
      try {
        expected = hex(canonicalizeToBytes(v, { normalizeNfc: nfc }));
      } catch (e) {
        expect(() => canonicalBytes(v, nfc)).toThrow(expect.objectContaining({ code: (e as { code: string }).code }) as Error);
        return;
      }
      expect(hex(canonicalBytes(v, nfc))).toBe(expected);
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
    expect(isCanonicalJson(enc('['.repeat(300) + ']'.repeat(300)), 256).canonical).toBe(false);
    expect(isCanonicalJson(enc('['.repeat(300) + ']'.repeat(300)), 400).canonical).toBe(true);
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
