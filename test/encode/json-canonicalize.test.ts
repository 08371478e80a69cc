import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, canonicalizeToBytes } from '../../src/encode/json/canonicalize.js';
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

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalize (RFC 8785)', () => {
  it('reproduces the §3.2.2 serialization example byte for byte', () => {
    // The RFC's input text, parsed with our strict parser (it contains \u escapes and \/).
    const input = parseJsonStrict(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalize(input)).toBe(expected);
    const hex = Buffer.from(canonicalizeToBytes(input)).toString('hex');
    expect(hex.startsWith('7b226c69746572616c73223a5b6e756c6c2c')).toBe(true);
    expect(hex.endsWith('5c5c5c5c5c222f227d')).toBe(true);
  });

  it('sorts members by UTF-16 code units (§3.2.3 example)', () => {
    const input = parseJsonStrict(String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis" }`);
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers like Appendix B of RFC 8785', () => {
    const vectors: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of vectors) expect(canonicalize(fromBits(bits))).toBe(text);
    expect(codeOf(() => canonicalize(fromBits('7fffffffffffffff')))).toBe('JSON_NOT_CANONICALIZABLE');
    expect(codeOf(() => canonicalize(fromBits('7ff0000000000000')))).toBe('JSON_NOT_CANONICALIZABLE');
  });

  it('refuses what JSON cannot express, with a typed error', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [undefined, () => 1, 10n, Symbol('x'), new Date(0), new Map(), [undefined], { s: '\ud800' }, { '\udc00': 1 }, cyclic, -Infinity]) {
      expect(codeOf(() => canonicalize(bad))).toBe('JSON_NOT_CANONICALIZABLE');
    }
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalize(Object.assign(Object.create(null) as object, { z: 1, a: 2 }))).toBe('{"a":2,"z":1}');
  });

  it('limits depth without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codeOf(() => canonicalize(deep))).toBe('INPUT_TOO_DEEP');
  });

  it('NFC-normalises strings and member names on request, and refuses names that collide', () => {
    const nfd = 'Nguye\u0302\u0303n Va\u0306n Ha\u0309i';
    expect(canonicalize({ n: nfd })).toBe(`{"n":"${nfd}"}`);
    expect(canonicalize({ n: nfd }, { normalizeNfc: true })).toBe('{"n":"Nguyễn Văn Hải"}');
    expect(canonicalize({ [nfd]: 1 }, { normalizeNfc: true })).toBe('{"Nguyễn Văn Hải":1}');
    expect(codeOf(() => canonicalize({ 'Hải': 1, 'Ha\u0309i': 2 }, { normalizeNfc: true }))).toBe('JSON_NOT_CANONICALIZABLE');
  });

  it('property: parse(canonicalize(x)) deep-equals x, and canonical form is idempotent', () => {
    const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<unknown>;
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalize(value);
        const back = parseJsonStrict(text);
        // -0 is canonicalised as 0 (RFC 8785), JSON.parse(JSON.stringify) gives the same view
        expect(back).toEqual(JSON.parse(JSON.stringify(value)) as unknown);
        expect(canonicalize(back)).toBe(text);
        expect(canonicalize(JSON.parse(text) as unknown)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('property: NFC canonical form does not depend on the normalisation of the input', () => {
    const viet = fc.stringMatching(/^[a-zA-Zăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(viet, { maxLength: 5 }), fc.constantFrom('NFD' as const, 'NFC' as const), (words, form) => {
        const value = { words: words.map((w) => w.normalize(form)) };
        expect(canonicalize(value, { normalizeNfc: true })).toBe(canonicalize({ words: words.map((w) => w.normalize('NFC')) }));
      }),
      { numRuns: 200 },
    );
  });
});
