import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonStrict } from '../../src/encode/json/parse-strict.js';
import { isEdusignError } from '../../src/errors.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`;
  }
  return undefined;
}

/** Whether a JSON.parse result holds something the strict parser must refuse (lone surrogate, ±Infinity). */
function refusable(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value === 'string') return /\p{Surrogate}/u.test(value);
  if (Array.isArray(value)) return value.some(refusable);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => refusable(k) || refusable(v));
  return false;
}

describe('parseJsonStrict', () => {
  it('parses what JSON.parse parses, from strings and UTF-8 bytes', () => {
    const text = '{ "a" : [1, -2.5e3, 0, -0, true, false, null, "Hải Phòng \\u00e9 \\ud83d\\ude00 \\/"], "b": {} , "c": [] }';
    expect(parseJsonStrict(text)).toEqual(JSON.parse(text) as unknown);
    expect(parseJsonStrict(new TextEncoder().encode(text))).toEqual(JSON.parse(text) as unknown);
    expect(parseJsonStrict(new Uint8Array([0xef, 0xbb, 0xbf, 0x31]))).toBe(1);
    expect(parseJsonStrict(' "x" ')).toBe('x');
  });

  it('keeps "__proto__" as an ordinary own member', () => {
    const value = parseJsonStrict('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    // names Object.prototype also has are own data members, in document order, and duplicates are still refused
    const named = parseJsonStrict('{"constructor":1,"toString":"x","hasOwnProperty":null,"a":2}') as Record<string, unknown>;
    expect(Object.entries(named)).toEqual([['constructor', 1], ['toString', 'x'], ['hasOwnProperty', null], ['a', 2]]);
    expect(codeOf(() => parseJsonStrict('{"toString":1,"toString":2}'))).toBe('JSON_DUPLICATE_KEY');
    expect(codeOf(() => parseJsonStrict('{"__proto__":1,"__proto__":2}'))).toBe('JSON_DUPLICATE_KEY');
  });

  it('refuses duplicate member names, also when escaped differently', () => {
    expect(codeOf(() => parseJsonStrict('{"a":1,"a":2}'))).toBe('JSON_DUPLICATE_KEY');
    expect(codeOf(() => parseJsonStrict('{"x":{"a":1,"\\u0061":2}}'))).toBe('JSON_DUPLICATE_KEY');
    expect(codeOf(() => parseJsonStrict('[{"a":1},{"a":2}]'))).toBeUndefined();
  });

  it('refuses malformed grammar with JSON_MALFORMED', () => {
    const bad = ['', ' ', '{', '[1,]', '{"a":1,}', '{a:1}', "'x'", '01', '1.', '.5', '+1', '1e', 'NaN', 'Infinity',
      'tru', 'nul', '[1 2]', '{"a" 1}', '"\\x"', '"\\u12G4"', '"a\nb"', '"abc', '1 2', '[]]', '{}}', '\u00a01', '"\\ud800"',
      '"\\udc00x"', '1e400', '-1e400', '1e-400'];
    for (const text of bad) expect([text, codeOf(() => parseJsonStrict(text))]).toEqual([text, 'JSON_MALFORMED']);
    expect(codeOf(() => parseJsonStrict('"\ud800"'))).toBe('JSON_MALFORMED');
    expect(codeOf(() => parseJsonStrict(new Uint8Array([0x22, 0xc3, 0x28, 0x22])))).toBe('JSON_MALFORMED');
    expect(parseJsonStrict('0e-400')).toBe(0);
    expect(parseJsonStrict('5e-324')).toBe(5e-324);
  });

  it('enforces size, depth and string-length limits in bounded time', () => {
    const started = Date.now();
    expect(codeOf(() => parseJsonStrict('1'.repeat(101), { maxBytes: 100 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseJsonStrict(new Uint8Array(101), { maxBytes: 100 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseJsonStrict('"é"', { maxBytes: 3 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseJsonStrict('['.repeat(1_000_000)))).toBe('INPUT_TOO_DEEP');
    expect(codeOf(() => parseJsonStrict('{"a":'.repeat(300) + '1' + '}'.repeat(300)))).toBe('INPUT_TOO_DEEP');
    expect(parseJsonStrict('['.repeat(256) + ']'.repeat(256))).toBeDefined();
    const huge = `"${'a'.repeat(10 * 1024 * 1024)}"`;
    expect(codeOf(() => parseJsonStrict(huge, { maxStringLength: 1024 * 1024 }))).toBe('INPUT_TOO_LARGE');
    expect((parseJsonStrict(huge, { maxStringLength: 16 * 1024 * 1024 }) as string).length).toBe(10 * 1024 * 1024);
    expect(codeOf(() => parseJsonStrict(`{"${'k'.repeat(2000)}":1}`, { maxStringLength: 1000 }))).toBe('INPUT_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects non-string, non-bytes input with INVALID_ARGUMENT', () => {
    expect(codeOf(() => parseJsonStrict(42 as unknown as string))).toBe('INVALID_ARGUMENT');
  });

  it('property: agrees with JSON.parse on JSON.stringify output', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(parseJsonStrict(text)).toEqual(JSON.parse(text) as unknown);
      }),
      { numRuns: 300 },
    );
  });

  it('property: never throws anything but an EdusignError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', 'e', '.', ' ', 'a', 't', 'n') , maxLength: 40 }), (text) => {
        try {
          parseJsonStrict(text);
        } catch (e) {
          expect(isEdusignError(e)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property (differential): never accepts what JSON.parse rejects, and agrees with it whenever it accepts', () => {
    const unit = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', 'd', '8', '0', '1', '-', '+', 'e', 'E', '.', ' ', '\n', 'a', 'true', 'null', '"k"', '"k":1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        let reference: { ok: true; value: unknown } | { ok: false };
        try {
          reference = { ok: true, value: JSON.parse(text) as unknown };
        } catch {
          reference = { ok: false };
        }
        let ours: { ok: true; value: unknown } | { ok: false; code: string };
        try {
          ours = { ok: true, value: parseJsonStrict(text) };
        } catch (e) {
          expect(isEdusignError(e)).toBe(true);
          ours = { ok: false, code: isEdusignError(e) ? e.code : '' };
        }
        if (!reference.ok) expect(ours.ok).toBe(false);
        if (ours.ok && reference.ok) expect(ours.value).toEqual(reference.value);
        // JSON.parse accepts duplicates (last wins), lone surrogates and out-of-range numbers; we refuse exactly those
        if (reference.ok && !ours.ok) {
          if (ours.code === 'JSON_DUPLICATE_KEY') return;
          expect(ours.code).toBe('JSON_MALFORMED');
          expect(refusable(reference.value) || /[eE]-?[0-9]{3,}/.test(text)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
