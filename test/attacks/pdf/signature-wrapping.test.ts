/**
 * Signature wrapping and universal signature forgery (Mladenov et al., CCS 2019): ByteRanges that do not exclude
 * exactly this signature's /Contents, do not start at 0, do not end at the end of the signed revision, a second
 * /Contents, and signature dictionaries with missing, empty or null values. All must be FORMAT_FAILURE, even when
 * the CMS itself verifies over the ranges the attacker chose.
 */
import { describe, expect, it } from 'vitest';
import { stream, TestPdf } from '../../formats/pades/verify/helpers/test-pdf.js';
import { codesOf, useSigners, verdictOf, verify } from './helpers.js';

const { sign } = useSigners();
const FORMAT = ['TOTAL_FAILED', 'FORMAT_FAILURE'];

async function forged(options: Parameters<TestPdf['sign']>[0] extends infer O ? Partial<O> : never, prepare?: (pdf: TestPdf) => void) {
  const pdf = TestPdf.create();
  prepare?.(pdf);
  pdf.sign({ field: 'GVCN', cms: sign(), ...options });
  return verify(pdf.bytes);
}

describe('signature wrapping', () => {
  it('the gap is larger than /Contents (it also hides the bytes after it)', async () => {
    const r = await forged({ ranges: ([z, a, b, c]) => [z, a, b + 12, c - 12] });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('BYTE_RANGE_GAP_NOT_CONTENTS');
  });

  it('the gap is another hex string of the dictionary, /Contents sits inside the signed bytes', async () => {
    const r = await forged({
      sigBody: (b) => b.replace('/M (', `/Dummy <${'0'.repeat(16384)}> /M (`),
      ranges: ([z, , , ], text, at) => {
        const d = text.indexOf('/Dummy <', at) + 7;
        return [z, d, d + 16386, text.length - (d + 16386)];
      },
      cmsAt: (_c, text, at) => text.indexOf('/Dummy <', at) + 7,
    });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('BYTE_RANGE_GAP_NOT_CONTENTS');
  });

  it('a second /Contents in the signature dictionary', async () => {
    const r = await forged({ sigBody: (b) => b.replace(/>>$/, '/Contents <3082> >>') });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('DUPLICATE_SIGNATURE_ENTRY');
  });

  it('the signed bytes stop before the end of the revision (its xref and trailer are not covered)', async () => {
    const r = await forged({ ranges: ([z, a, b, c]) => [z, a, b, c - 40] });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('BYTE_RANGE_NOT_REVISION_END');
  });

  it('the signed bytes do not start at 0', async () => {
    const r = await forged({ ranges: ([, a, b, c]) => [9, a - 9, b, c] });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('BYTE_RANGE_NOT_FROM_START');
  });

  it('the ByteRange reaches beyond the file', async () => {
    const r = await forged({ ranges: ([z, a, b, c]) => [z, a, b, c + 1000] });
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r)).toContain('BYTE_RANGE_OUTSIDE_FILE');
  });

  it('the signature dictionary of a valid signature is redefined in a later update', async () => {
    const pdf = TestPdf.create();
    const sigNum = pdf.sign({ field: 'GVCN', cms: sign() });
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const body = /\d+ 0 obj\n(<< \/Type \/Sig[\s\S]*?>>)\nendobj/.exec(text.slice(text.indexOf(`${sigNum} 0 obj`)))![1]!;
    pdf.update({ [sigNum]: body.replace('/M (D:2026', '/M (D:2027') });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(FORMAT);
    expect(codesOf(r).join()).toMatch(/BYTE_RANGE_(GAP_NOT_CONTENTS|WRONG_REVISION)/);
  });

  it('the ByteRange numbers are rewritten after signing to move the second range', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 9: stream('BT /F1 18 Tf 72 700 Td (chen vao) Tj ET') });
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const m = /\/ByteRange \[0 (\d+) +(\d+) +(\d+) *\]/.exec(text)!;
    const moved = `[0 ${m[1]} ${m[2]} ${Number(m[3]) + (text.length - (Number(m[2]) + Number(m[3])))}]`;
    const at = text.indexOf(m[0]) + '/ByteRange '.length;
    pdf.bytes.set(Uint8Array.from(Buffer.from(moved.padEnd(m[0].length - '/ByteRange '.length), 'latin1')), at);
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)[0]).toBe('TOTAL_FAILED');
  });
});

describe('universal signature forgery', () => {
  const cases: [string, (b: string) => string, string][] = [
    ['no /Contents', (b) => b.replace(/\/Contents <0+>/, ''), 'CONTENTS_NOT_HEX_STRING'],
    ['/Contents null', (b) => b.replace(/\/Contents <0+>/, '/Contents null'), 'CONTENTS_NOT_HEX_STRING'],
    ['/Contents as a literal string', (b) => b.replace(/\/Contents <0+>/, '/Contents (x)'), 'CONTENTS_NOT_HEX_STRING'],
    ['no /ByteRange', (b) => b.replace('/ByteRange [0 ********** ********** **********]', ''), 'BYTE_RANGE_MALFORMED'],
    ['/ByteRange []', (b) => b.replace('/ByteRange [0 ********** ********** **********]', '/ByteRange []'), 'BYTE_RANGE_MALFORMED'],
    ['/ByteRange null', (b) => b.replace('/ByteRange [0 ********** ********** **********]', '/ByteRange null'), 'BYTE_RANGE_MALFORMED'],
    ['/ByteRange with negatives', (b) => b.replace('/ByteRange [0 ********** ********** **********]', '/ByteRange [0 -1 -1 -1]'), 'BYTE_RANGE_MALFORMED'],
    ['/ByteRange [0 0 0 0]', (b) => b.replace('/ByteRange [0 ********** ********** **********]', '/ByteRange [0 0 0 0]'), 'BYTE_RANGE_GAP_NOT_CONTENTS'],
    ['/ByteRange indirect', (b) => b.replace('/ByteRange [0 ********** ********** **********]', '/ByteRange 1 0 R'), 'BYTE_RANGE_MALFORMED'],
  ];
  for (const [name, edit, code] of cases) {
    it(name, async () => {
      const r = await forged({ sigBody: edit, cms: () => new Uint8Array(0) });
      expect(verdictOf(r)).toEqual(FORMAT);
      expect(codesOf(r)).toContain(code);
    });
  }

  it('/Contents that is not a CMS, or a CMS without signer', async () => {
    const junk = await forged({ cms: () => Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00]) });
    expect(verdictOf(junk)).toEqual(FORMAT);
    expect(codesOf(junk)).toContain('CMS_MALFORMED');
  });

  it('/Contents edited: a flipped byte in the signature value, and in the zero padding', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const start = text.indexOf('/Contents <') + 11;
    const end = text.indexOf('0000000000', start); // end of the DER, start of the padding
    const inSignature = pdf.bytes.slice();
    inSignature[end - 10] = inSignature[end - 10] === 0x61 ? 0x62 : 0x61;
    expect(verdictOf(await verify(inSignature))).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
    const inPadding = pdf.bytes.slice();
    inPadding[end + 100] = 0x37;
    const r = await verify(inPadding);
    expect(verdictOf(r)).toEqual(['TOTAL_PASSED', undefined]);
    expect(codesOf(r)).toContain('CMS_TRAILING_DATA');
  });
});

describe('hiding a signature', () => {
  it('a later update removes the signature field from the AcroForm: the signature is still reported, and failed', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.sign({ field: 'HieuTruong', cms: sign('b') });
    const acro = pdf.acroFormNum!;
    const second = /\d+ 0 R\]/.exec(pdf.bodies.get(acro)!)![0].slice(0, -1);
    pdf.update({ [acro]: `<< /Fields [${second}] /SigFlags 3 >>` });
    const r = await verify(pdf.bytes);
    expect(r.signatures.map((s) => s.id)).toEqual(['GVCN', 'HieuTruong']);
    expect(verdictOf(r, 0)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(r.signatures[0]!.modificationsAfter.filter((m) => !m.allowed).map((m) => m.description).join()).toMatch(/form fields removed/);
  });
});
