/**
 * Shadow attacks (Mainka, Mladenov, Rohlmann, Schwenk, "Shadow Attacks: Hiding and Replacing Content in Signed
 * PDFs", NDSS 2021): content prepared before signing is revealed, replaced or both by an incremental update after
 * signing. Every variant must end in TOTAL_FAILED with the change named, except where the document's DocMDP
 * level explicitly permits the change (annotations under P = 3), which must then be listed as allowed.
 */
import { describe, expect, it } from 'vitest';
import { stream, TestPdf } from '../../formats/pades/verify/helpers/test-pdf.js';
import { forbiddenOf, useSigners, verdictOf, verify } from './helpers.js';

const { sign } = useSigners();

/** Page 3 shows content 4 under a white overlay 8; 9 is an unused "shadow" content stream; 10 a text field; 11 an annotation. */
function shadowDocument(): TestPdf {
  return TestPdf.create({
    formFields: ['10 0 R'],
    extraObjects: {
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents [4 0 R 8 0 R] /Annots [10 0 R 11 0 R] >>',
      4: stream('BT /F1 18 Tf 72 770 Td (Diem Toan: 3.0 - Khong du dieu kien) Tj ET'),
      8: stream('1 1 1 rg 60 760 400 30 re f 0 g BT /F1 18 Tf 72 770 Td (Diem Toan: 9.5 - Len lop) Tj ET'),
      9: stream('BT /F1 18 Tf 72 770 Td (Diem Toan: 10 - Hoc sinh gioi) Tj ET'),
      10: '<< /FT /Tx /T (NhanXet) /V (Ngoan) /Type /Annot /Subtype /Widget /Rect [72 700 300 720] /P 3 0 R >>',
      11: '<< /Type /Annot /Subtype /Square /Rect [60 600 200 650] /C [1 1 1] /IC [1 1 1] /F 4 >>',
    },
  });
}

describe('shadow attacks', () => {
  it('baseline: the untouched document verifies', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    expect(verdictOf(await verify(pdf.bytes))).toEqual(['TOTAL_PASSED', undefined]);
  });

  it('hide, variant 1: the overlay is dropped from the page content array', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 3: pdf.bodies.get(3)!.replace('/Contents [4 0 R 8 0 R]', '/Contents [4 0 R]') });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/page 3 changed: \/Contents/);
  });

  it('hide, variant 2: the overlay object is freed by the cross-reference section only', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 8: null });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/object 8 used by the signed pages \(content or resources\) was deleted/);
  });

  it('hide, variant 3: the overlay annotation is deleted — forbidden by default and under P=2, allowed (and listed) under P=3', async () => {
    const attack = (pdf: TestPdf): void => {
      pdf.update({ 3: pdf.bodies.get(3)!.replace('/Annots [10 0 R 11 0 R]', '/Annots [10 0 R]'), 11: null });
    };
    const approval = shadowDocument();
    approval.sign({ field: 'GVCN', cms: sign() });
    attack(approval);
    expect(verdictOf(await verify(approval.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(verdictOf(await verify(approval.bytes, { approvalPolicy: 3 }))).toEqual(['TOTAL_PASSED', undefined]);

    const p2 = shadowDocument();
    p2.sign({ field: 'GVCN', cms: sign(), docMdp: 2 });
    attack(p2);
    expect(verdictOf(await verify(p2.bytes, { approvalPolicy: 3 }))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);

    const p3 = shadowDocument();
    p3.sign({ field: 'GVCN', cms: sign(), docMdp: 3 });
    attack(p3);
    const r = await verify(p3.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_PASSED', undefined]);
    expect(r.signatures[0]!.modificationsAfter).toContainEqual({ description: 'revision 3: page 3: annotation 11 removed', allowed: true });
  });

  it('replace, variant 1: the font used by the signed page is overwritten', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 5: '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding << /Differences [51 /nine] >> >>' });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/object 5 used by the signed pages \(content or resources\) was overwritten/);
  });

  it('replace, variant 2: a form value is changed — form filling (allowed, listed) unless the signature locks the field', async () => {
    const fill = (pdf: TestPdf): void => { pdf.update({ 10: pdf.bodies.get(10)!.replace('/V (Ngoan)', '/V (Vi pham ky luat)') }); };
    const open = shadowDocument();
    open.sign({ field: 'GVCN', cms: sign() });
    fill(open);
    const r = await verify(open.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_PASSED', undefined]);
    expect(r.signatures[0]!.modificationsAfter).toContainEqual({ description: 'revision 3: form field "NhanXet" filled in', allowed: true });

    const locked = shadowDocument();
    locked.sign({ field: 'GVCN', cms: sign(), fieldMdp: { action: 'Include', fields: ['NhanXet'] } });
    fill(locked);
    const r2 = await verify(locked.bytes);
    expect(verdictOf(r2)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r2).join()).toMatch(/locked form field "NhanXet" changed/);

    const certifiedP1 = shadowDocument();
    certifiedP1.sign({ field: 'GVCN', cms: sign(), docMdp: 1 });
    fill(certifiedP1);
    expect(verdictOf(await verify(certifiedP1.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  it('hide-and-replace: the page is pointed at the shadow content stream that was already in the signed file', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 3: pdf.bodies.get(3)!.replace('/Contents [4 0 R 8 0 R]', '/Contents 9 0 R') });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/page 3 changed: \/Contents/);
  });

  it('hide-and-replace through the page tree: a new page object replaces the signed one in /Kids', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign() });
    const n = pdf.alloc();
    pdf.update({ [n]: pdf.bodies.get(3)!.replace('/Contents [4 0 R 8 0 R]', '/Contents 9 0 R'), 2: `<< /Type /Pages /Kids [${n} 0 R] /Count 1 >>` });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/page tree node 2 changed/);
  });

  it('evil annotation: a FreeText annotation added after a P=2 certification is forbidden; after P=3 it is allowed and listed', async () => {
    for (const p of [2, 3] as const) {
      const pdf = shadowDocument();
      pdf.sign({ field: 'GVCN', cms: sign(), docMdp: p });
      const n = pdf.alloc();
      pdf.update({
        [n]: '<< /Type /Annot /Subtype /FreeText /Rect [60 760 460 790] /Contents (Diem Toan: 10) /DA (/Helv 18 Tf 0 g) >>',
        3: pdf.bodies.get(3)!.replace('/Annots [10 0 R 11 0 R]', `/Annots [10 0 R 11 0 R ${n} 0 R]`),
      });
      const r = await verify(pdf.bytes);
      expect(verdictOf(r)).toEqual(p === 2 ? ['TOTAL_FAILED', 'FORMAT_FAILURE'] : ['TOTAL_PASSED', undefined]);
    }
  });

  it('sneaky signature: an unsigned signature field with a visible appearance is forbidden', async () => {
    const pdf = shadowDocument();
    pdf.sign({ field: 'GVCN', cms: sign(), docMdp: 2 });
    const ap = pdf.alloc(); const field = pdf.alloc();
    pdf.update({
      [ap]: stream('1 1 1 rg 0 0 400 30 re f 0 g BT /F1 18 Tf 12 8 Td (Diem Toan: 10) Tj ET', '/Type /XObject /Subtype /Form /BBox [0 0 400 30] /Resources << /Font << /F1 5 0 R >> >>'),
      [field]: `<< /FT /Sig /T (Fake) /Type /Annot /Subtype /Widget /Rect [60 760 460 790] /AP << /N ${ap} 0 R >> /P 3 0 R >>`,
      6: `<< /Fields [10 0 R ${pdf.bodies.get(6)!.match(/\d+ 0 R\]/)![0].slice(0, -1)} ${field} 0 R] /SigFlags 3 >>`,
      3: pdf.bodies.get(3)!.replace('/Annots [10 0 R 11 0 R]', `/Annots [10 0 R 11 0 R ${field} 0 R]`),
    });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/new unsigned signature field "Fake" with a visible appearance/);
  });

  it('document information (trailer /Info) updates are allowed; a font disguised as /Info is not', async () => {
    const pdf = TestPdf.create({ extraObjects: { 7: '<< /Title (Hoc ba) /ModDate (D:20261129) >>' } });
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 7: '<< /Title (Hoc ba) /ModDate (D:20261130) >>' }, { trailerExtra: '/Info 7 0 R' });
    // 7 was not the /Info of the signed revision: overwriting it is not a metadata update
    expect(verdictOf(await verify(pdf.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);

    const honest = TestPdf.create({ extraObjects: { 7: '<< /Title (Hoc ba) >>' } });
    honest.trailerInfo = '/Info 7 0 R';
    honest.update({ 1: honest.bodies.get(1)! });
    honest.sign({ field: 'GVCN', cms: sign() });
    honest.update({ 7: '<< /Title (Hoc ba) /ModDate (D:20261130) >>' });
    const ok = await verify(honest.bytes);
    expect(verdictOf(ok)).toEqual(['TOTAL_PASSED', undefined]);
    expect(ok.signatures[0]!.modificationsAfter).toContainEqual({ description: 'revision 4: document metadata (object 7) updated', allowed: true });

    const disguised = TestPdf.create();
    disguised.trailerInfo = '/Info 5 0 R';
    disguised.update({ 1: disguised.bodies.get(1)! });
    disguised.sign({ field: 'GVCN', cms: sign() });
    disguised.update({ 5: '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>' });
    expect(verdictOf(await verify(disguised.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  it('a content stream also listed as an annotation stays frozen under P=3', async () => {
    const pdf = shadowDocument();
    pdf.update({ 3: pdf.bodies.get(3)!.replace('/Annots [10 0 R 11 0 R]', '/Annots [10 0 R 11 0 R 4 0 R]') });
    pdf.sign({ field: 'GVCN', cms: sign(), docMdp: 3 });
    pdf.update({ 4: stream('BT /F1 18 Tf 72 770 Td (Diem Toan: 10) Tj ET') });
    const r = await verify(pdf.bytes);
    expect(verdictOf(r)).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(forbiddenOf(r).join()).toMatch(/object 4 used by the signed pages/);
  });

  it('FieldMDP Exclude: every field but the excluded ones is locked; a certified P=3 document lets an approval tolerate annotations', async () => {
    const fill = (pdf: TestPdf): void => { pdf.update({ 10: pdf.bodies.get(10)!.replace('/V (Ngoan)', '/V (Vi pham)') }); };
    const excluded = shadowDocument();
    excluded.sign({ field: 'GVCN', cms: sign(), fieldMdp: { action: 'Exclude', fields: ['NhanXet'] } });
    fill(excluded);
    expect(verdictOf(await verify(excluded.bytes))).toEqual(['TOTAL_PASSED', undefined]);
    const others = shadowDocument();
    others.sign({ field: 'GVCN', cms: sign(), fieldMdp: { action: 'Exclude', fields: ['Khac'] } });
    fill(others);
    expect(verdictOf(await verify(others.bytes))).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);

    const certified = shadowDocument();
    certified.sign({ field: 'HieuTruong', cms: sign(), docMdp: 3 });
    certified.sign({ field: 'GVCN', cms: sign('b') });
    const n = certified.alloc();
    certified.update({ [n]: '<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (Da xem) >>', 3: certified.bodies.get(3)!.replace('/Annots [10 0 R 11 0 R', `/Annots [10 0 R 11 0 R ${n} 0 R`) });
    const r = await verify(certified.bytes);
    expect(r.signatures.map((s) => [s.id, s.indication])).toEqual([['HieuTruong', 'TOTAL_PASSED'], ['GVCN', 'TOTAL_PASSED']]);
  });
});
