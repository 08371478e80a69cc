import { describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../../src/errors.js';
import type { Signer } from '../../../../src/crypto/types.js';
import { openPdf, asArray, asDict, asName, asInt, PdfDict } from '../../../../src/formats/pades/pdf/index.js';
import { completePdfSignature, extendPdf, preparePdfSignature, signPdf, signPdfBatch } from '../../../../src/formats/pades/sign/index.js';
import { embeddedSignatures } from '../../../../src/formats/pades/sign/embedded-signatures.js';
import { listFields } from '../../../../src/formats/pades/sign/form.js';
import { classicPdf, emptySignatureFieldPdf, xrefStreamPdf } from '../../../helpers/pdf-samples.js';
import { testSigner } from './test-signers.js';

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  try { await p; } catch (e) {
    expect(isEdusignError(e), String(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

function sigDicts(pdf: Uint8Array): PdfDict[] {
  const doc = openPdf(pdf);
  return listFields(doc).filter((f) => f.type === 'Sig' && f.value).map((f) => asDict(doc.resolve(f.value)!)!);
}

describe('signPdf structure', () => {
  it('writes the signature dictionary PAdES expects (no signingTime attribute, /M set)', async () => {
    const t = new Date('2026-05-20T08:00:00Z');
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime: t, reason: 'Ký học bạ' });
    const [sig] = sigDicts(pdf);
    expect(asName(sig!.get('SubFilter'))).toBe('ETSI.CAdES.detached');
    expect(Buffer.from((sig!.get('M') as { bytes: Uint8Array }).bytes).toString()).toBe('D:20260520080000Z');
    const br = asArray(sig!.get('ByteRange'))! as number[];
    expect(br[0]).toBe(0);
    expect(br[2]! + br[3]!).toBe(pdf.length);
    const doc = openPdf(pdf);
    const form = asDict(doc.resolve(doc.catalog.get('AcroForm')))!;
    expect(asInt(form.get('SigFlags'))).toBe(3);
    // the CMS has no signingTime attribute (1.2.840.113549.1.9.5)
    const cms = Buffer.from(embeddedSignatures(doc)[0]!.contents);
    expect(cms.includes(Buffer.from('06092a864886f70d010905', 'hex'))).toBe(false);
    expect(cms.includes(Buffer.from('060b2a864886f70d010910022f', 'hex'))).toBe(true); // signingCertificateV2
  });

  it('refuses a too-small placeholder instead of writing a corrupt file', async () => {
    await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), contentsSize: 200 }), 'PDF_PLACEHOLDER_TOO_SMALL');
  });

  it('refuses to append after trailing bytes that look like PDF data', async () => {
    const input = Buffer.concat([Buffer.from(classicPdf()), Buffer.from('\n7 0 obj\n<< /Evil true >>\nendobj\n')]);
    await expectCode(signPdf(input, { signer: testSigner('teacher') }), 'PDF_CANNOT_APPEND');
  });

  it('signs into an existing empty field by name, and refuses unknown or signed fields', async () => {
    const input = emptySignatureFieldPdf('HieuTruong');
    const { pdf } = await signPdf(input, { signer: testSigner('principal'), field: 'HieuTruong' });
    const doc = openPdf(pdf);
    const fields = listFields(doc);
    expect(fields).toHaveLength(1);
    expect(fields[0]!.fullName).toBe('HieuTruong');
    expect(fields[0]!.value).toBeDefined();
    await expectCode(signPdf(pdf, { signer: testSigner('teacher'), field: 'HieuTruong' }), 'PDF_FIELD_ALREADY_SIGNED');
    await expectCode(signPdf(input, { signer: testSigner('teacher'), field: 'GVCN' }), 'PDF_FIELD_NOT_FOUND');
  });

  it('signs a field nested in a field hierarchy by its full name (HocBa.HieuTruong)', async () => {
    const nested = classicPdf('N', { overrides: {
      1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [7 0 R] >>',
      6: '<< /T (HocBa) /Kids [7 0 R] >>',
      7: '<< /Type /Annot /Subtype /Widget /FT /Sig /T (HieuTruong) /Parent 6 0 R /Rect [300 50 500 110] /P 3 0 R >>',
    } });
    const { pdf } = await signPdf(nested, { signer: testSigner('principal'), field: 'HocBa.HieuTruong', appearance: { rect: [0, 0, 0, 0], role: 'Hiệu trưởng' } });
    const [field] = listFields(openPdf(pdf));
    expect(field!.fullName).toBe('HocBa.HieuTruong');
    expect(field!.value).toBeDefined();
    expect(field!.dict.get('AP')).toBeDefined();
  });

  it('certifies with DocMDP, allows approvals under P=2, refuses any signature under P=1', async () => {
    const certified = await signPdf(classicPdf(), { signer: testSigner('principal'), certify: 2 });
    const doc = openPdf(certified.pdf);
    const perms = asDict(doc.resolve(doc.catalog.get('Perms')))!;
    expect(perms.get('DocMDP')).toBeDefined();
    const ref = asDict(asArray(sigDicts(certified.pdf)[0]!.get('Reference'))![0])!;
    expect(asName(ref.get('TransformMethod'))).toBe('DocMDP');
    expect(asInt(asDict(ref.get('TransformParams'))!.get('P'))).toBe(2);
    const approved = await signPdf(certified.pdf, { signer: testSigner('teacher') });
    expect(sigDicts(approved.pdf)).toHaveLength(2);
    await expectCode(signPdf(approved.pdf, { signer: testSigner('teacher2'), certify: 2 }), 'PDF_SIGNING_FORBIDDEN');
    const locked = await signPdf(classicPdf(), { signer: testSigner('principal'), certify: 1 });
    await expectCode(signPdf(locked.pdf, { signer: testSigner('teacher') }), 'PDF_SIGNING_FORBIDDEN');
  });

  it('adds a FieldMDP lock', async () => {
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('homeroom'), lock: { action: 'All' } });
    const doc = openPdf(pdf);
    const field = listFields(doc)[0]!;
    expect(asName(asDict(field.dict.get('Lock'))!.get('Action'))).toBe('All');
    const ref = asDict(asArray(sigDicts(pdf)[0]!.get('Reference'))![0])!;
    expect(asName(ref.get('TransformMethod'))).toBe('FieldMDP');
  });

  it('mirrors an existing field lock (/Lock Include) in the signature FieldMDP reference', async () => {
    const locked = classicPdf('L', { overrides: {
      1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>',
      6: '<< /Type /Annot /Subtype /Widget /FT /Sig /T (GVCN) /Rect [0 0 0 0] /P 3 0 R /Lock << /Type /SigFieldLock /Action /Include /Fields [(DiemTB) (XepLoai)] >> >>',
    } });
    const { pdf } = await signPdf(locked, { signer: testSigner('homeroom'), field: 'GVCN' });
    const ref = asDict(asArray(sigDicts(pdf)[0]!.get('Reference'))![0])!;
    expect(asName(ref.get('TransformMethod'))).toBe('FieldMDP');
    const params = asDict(ref.get('TransformParams'))!;
    expect(asName(params.get('Action'))).toBe('Include');
    expect((asArray(params.get('Fields')) ?? []).length).toBe(2);
  });

  it('refuses an expired signer certificate unless allowed (then warns)', async () => {
    await expectCode(signPdf(classicPdf(), { signer: testSigner('expired') }), 'CERT_EXPIRED');
    const { warnings } = await signPdf(classicPdf(), { signer: testSigner('expired'), check: { allowInvalidCertificate: true } });
    expect(warnings.map((w) => w.code)).toContain('CERT_EXPIRED');
  });

  it('names new fields in Vietnamese and refuses duplicate names', async () => {
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('principal'), fieldName: 'Chữ ký Hiệu trưởng' });
    expect(listFields(openPdf(pdf)).map((f) => f.fullName)).toEqual(['Chữ ký Hiệu trưởng']);
    await expectCode(signPdf(pdf, { signer: testSigner('teacher'), fieldName: 'Chữ ký Hiệu trưởng' }), 'INVALID_ARGUMENT');
    const second = await signPdf(pdf, { signer: testSigner('teacher') });
    expect(listFields(openPdf(second.pdf)).map((f) => f.fullName)).toEqual(['Chữ ký Hiệu trưởng', 'Signature1']);
  });

  it('survives loops in the form and page trees (bounded, typed)', async () => {
    const formLoop = classicPdf('x', { overrides: {
      1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>', 6: '<< /T (a) /Kids [6 0 R 7 0 R] >>', 7: '<< /T (b) /Parent 6 0 R /Kids [6 0 R] >>',
    } });
    const { pdf } = await signPdf(formLoop, { signer: testSigner('teacher') });
    expect(sigDicts(pdf)).toHaveLength(1);
    const pageLoop = classicPdf('x', { overrides: { 2: '<< /Type /Pages /Kids [2 0 R] /Count 1 >>' } });
    await expectCode(signPdf(pageLoop, { signer: testSigner('teacher') }), 'PDF_MALFORMED');
  });

  it('turns the appearance upright on a rotated page (/Rotate 90)', async () => {
    const rotated = classicPdf('R', { overrides: { 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>' } });
    const { pdf } = await signPdf(rotated, { signer: testSigner('principal'), appearance: { page: 1, rect: [60, 60, 70, 220], role: 'Hiệu trưởng' } });
    const doc = openPdf(pdf);
    const widget = listFields(doc)[0]!.dict;
    expect(widget.get('Rect')).toEqual([60, 60, 130, 280]);
    const ap = doc.resolve(asDict(widget.get('AP'))!.get('N')) as { dict: PdfDict };
    expect(ap.dict.get('Matrix')).toEqual([0, 1, -1, 0, 0, 0]);
    expect(ap.dict.get('BBox')).toEqual([0, 0, 220, 70]);
  });

  it('extendPdf refuses a PDF without signatures; B-LT offline embeds the certificates and warns about revocation', async () => {
    await expectCode(extendPdf(classicPdf(), 'B-LT'), 'SIGNATURE_NOT_FOUND');
    await expectCode(extendPdf(classicPdf(), 'B-LTA'), 'INVALID_ARGUMENT');
    const { pdf: signed } = await signPdf(classicPdf(), { signer: testSigner('teacher') });
    const { pdf, warnings } = await extendPdf(signed, 'B-LT', { validation: { offline: true } });
    expect(warnings.map((w) => w.code)).toContain('LT_REVOCATION_MISSING');
    const doc = openPdf(pdf);
    const dss = asDict(doc.resolve(doc.catalog.get('DSS')))!;
    expect(asArray(dss.get('Certs'))).toHaveLength(2);
    // extending again adds nothing new
    const again = await extendPdf(pdf, 'B-LT', { validation: { offline: true } });
    expect(again.pdf).toBe(pdf);
    expect(again.warnings.map((w) => w.code)).toContain('DSS_NOTHING_TO_ADD');
  });

  it('gives typed errors for unusable input', async () => {
    await expectCode(signPdf(new Uint8Array([1, 2, 3]), { signer: testSigner('teacher') }), 'PDF_MALFORMED');
    await expectCode(signPdf(classicPdf(), { signer: undefined as unknown as Signer }), 'INVALID_ARGUMENT');
    await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), appearance: { page: 9, rect: [0, 0, 100, 50] } }), 'INVALID_ARGUMENT');
  });
});

describe('two-phase and batch', () => {
  it('prepares, round-trips the state through JSON, signs the digest elsewhere, completes', async () => {
    const signer = testSigner('teacher2');
    const { digest, digestAlgorithm, state } = await preparePdfSignature(xrefStreamPdf(), {
      signer: { certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm },
    });
    expect(digestAlgorithm).toBe('SHA-256');
    const json = JSON.stringify(state);
    const [value] = await signer.signDigests([digest]);
    const { pdf } = await completePdfSignature(JSON.parse(json), value!);
    expect(sigDicts(pdf)).toHaveLength(1);
    // tampering with the state is detected
    const bad = JSON.parse(json);
    const bytes = Buffer.from(bad.pdf, 'base64'); bytes[20] = bytes[20]! ^ 1; bad.pdf = bytes.toString('base64');
    await expectCode(completePdfSignature(bad, value!), 'TWO_PHASE_STATE_INVALID');
    await expectCode(completePdfSignature({ kind: 'nope' } as never, value!), 'TWO_PHASE_STATE_INVALID');
    // a signature value from another key is refused
    const [other] = await testSigner('teacher').signDigests([digest]);
    await expectCode(completePdfSignature(JSON.parse(json), other!), 'KEY_CERT_MISMATCH');
  });

  it('keeps the prepared PDF out of the state on request (detachedPdf) and checks it at completion', async () => {
    const signer = testSigner('teacher');
    const { digest, state, preparedPdf } = await preparePdfSignature(classicPdf(), { signer, detachedPdf: true });
    expect(state.pdf).toBeUndefined();
    expect(JSON.stringify(state).length).toBeLessThan(6000);
    const [value] = await signer.signDigests([digest]);
    await expectCode(completePdfSignature(state, value!), 'TWO_PHASE_STATE_INVALID');
    const other = Buffer.from(preparedPdf); other[30] = other[30]! ^ 1;
    await expectCode(completePdfSignature(state, value!, { preparedPdf: other }), 'TWO_PHASE_STATE_INVALID');
    const { pdf } = await completePdfSignature(state, value!, { preparedPdf });
    expect(sigDicts(pdf)).toHaveLength(1);
  });

  it('signs N documents with one signDigests call', async () => {
    const base = testSigner('homeroom');
    let calls = 0; let singles = 0;
    const counting: Signer = {
      certificate: base.certificate, chain: base.chain, algorithm: base.algorithm,
      sign: async (d) => { singles++; return base.sign(d); },
      signDigests: async (ds) => { calls++; return base.signDigests(ds); },
    };
    const results = await signPdfBatch([classicPdf('A'), xrefStreamPdf('B'), emptySignatureFieldPdf()], counting, { reason: 'Duyệt' });
    expect(calls).toBe(1);
    expect(singles).toBe(0);
    expect(results).toHaveLength(3);
    for (const r of results) expect(sigDicts(r.pdf).length).toBeGreaterThanOrEqual(1);
  });
});
