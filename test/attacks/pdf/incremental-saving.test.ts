/**
 * Incremental saving attacks (Mladenov, Mainka, Meyer zu Selhausen, Grothe, Schwenk, "1 Trillion Dollar Refund:
 * How To Spoof PDF Signatures", CCS 2019): content appended after the signed revision, with or without a proper
 * cross-reference section, and objects of the signed revision overwritten.
 */
import { describe, expect, it } from 'vitest';
import { stream, TestPdf } from '../../formats/pades/verify/helpers/test-pdf.js';
import { forbiddenOf, useSigners, verdictOf, verify } from './helpers.js';

const { sign } = useSigners();
const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const EVIL = stream('BT /F1 18 Tf 72 770 Td (Hoc ba - Nguyen Van A - Toan 10) Tj ET');

function signed(): TestPdf {
  const pdf = TestPdf.create();
  pdf.sign({ field: 'GVCN', cms: sign() });
  return pdf;
}

describe('incremental saving attacks', () => {
  it('ISA 1: the page content stream is overwritten in an appended update with a proper xref', async () => {
    const pdf = signed();
    pdf.update({ 4: EVIL });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r)).toEqual(['revision 3: object 4 used by the signed pages (content or resources) was overwritten']);
  });

  it('ISA 2: a new content stream is added and the page re-pointed at it', async () => {
    const pdf = signed();
    const n = pdf.alloc();
    pdf.update({ [n]: EVIL, 3: pdf.bodies.get(3)!.replace('/Contents 4 0 R', `/Contents ${n} 0 R`) });
    expect(verdictOf(await verify(pdf.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  it('ISA 3: objects appended after %%EOF without xref or trailer (for viewers that repair by scanning)', async () => {
    const pdf = signed();
    pdf.append(latin1(`4 0 obj\n${EVIL}\nendobj\n`));
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(r.warnings.map((w) => w.code)).toContain('UNCOVERED_TRAILING_OBJECTS');
  });

  it('ISA 4: an update whose xref does not list an object it carries', async () => {
    const pdf = signed();
    // the stray object sits before the listed ones; the xref only lists object 1 rewritten unchanged
    pdf.append(latin1(`4 0 obj\n${EVIL}\nendobj\n`));
    pdf.update({ 1: pdf.bodies.get(1)! });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/the update holds content its cross-reference section does not list/);
  });

  it('ISA 5: a new object fills a reference that was dangling in the signed revision', async () => {
    const pdf = TestPdf.create({ extraObjects: { 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents [4 0 R 7 0 R] >>' } });
    // object 7 is referenced but missing (null) when signed; make sure the signer does not take number 7
    pdf.size = 8;
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 7: EVIL });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/object 7 was referenced but missing in the signed revision/);
  });

  it('ISA 6: the trailer of the update points to a brand-new catalog', async () => {
    const pdf = signed();
    const cat = pdf.alloc(); const pages = pdf.alloc(); const page = pdf.alloc(); const content = pdf.alloc();
    pdf.update({
      [cat]: `<< /Type /Catalog /Pages ${pages} 0 R /AcroForm ${pdf.acroFormNum} 0 R >>`,
      [pages]: `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`,
      [page]: `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents ${content} 0 R >>`,
      [content]: EVIL,
    });
    // rewrite the last trailer's /Root (our helper always writes /Root 1 0 R)
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const at = text.lastIndexOf('/Root 1 0 R');
    pdf.bytes.set(latin1(`/Root ${String(cat).padEnd(2)}0 R`.slice(0, 11)), at);
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/the trailer points to another document catalog/);
  });

  it('ISA 7: an object stream of the signed revision is replaced (its objects change without being listed)', async () => {
    const pdf = signed();
    const n = pdf.alloc();
    pdf.update({ [n]: stream('', '/Type /ObjStm /N 0 /First 0') });
    pdf.update({ [n]: stream('1 0 ', '/Type /ObjStm /N 1 /First 4') });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/ObjStm stream \d+ of the signed revision was replaced/);
  });

  it('plain trailing garbage after %%EOF (a mail footer) is only a warning', async () => {
    const pdf = signed();
    pdf.append(latin1('\r\n-- gui tu dien thoai --\r\n'));
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_PASSED', undefined]);
    expect(r.warnings.map((w) => w.code)).toEqual(['UNCOVERED_TRAILING_BYTES']);
    expect(r.signatures[0]!.modificationsAfter).toEqual([{ description: expect.stringMatching(/bytes after the last %%EOF/), allowed: true }]);
  });
});
