import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../../../src/formats/pades/verify/index.js';
import { isEdusignError } from '../../../../src/errors.js';
import { makeIdentity, opensslCmsSign, scratch, type OpensslIdentity } from './helpers/openssl.js';
import { TestPdf, stream } from './helpers/test-pdf.js';

let box: ReturnType<typeof scratch>;
let teacher: OpensslIdentity;
let principal: OpensslIdentity;

beforeAll(() => {
  box = scratch();
  teacher = makeIdentity(box.dir, 'Giao vien chu nhiem');
  principal = makeIdentity(box.dir, 'Hieu truong', { serial: '0x77' });
});
afterAll(() => box.dispose());

const signWith = (id: OpensslIdentity) => (chunks: [Uint8Array, Uint8Array]) =>
  opensslCmsSign(box.dir, id, Buffer.concat(chunks));

describe('verifyPdf on PDFs signed by openssl cms over a ByteRange we assemble', () => {
  it('passes the cryptography of one signature and reports the signer and coverage', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signWith(teacher) });
    const report = await verifyPdf(pdf.bytes);
    expect(report.signatures).toHaveLength(1);
    const s = report.signatures[0]!;
    expect(s.id).toBe('GVCN');
    expect(s.signer.commonName).toBe('Giao vien chu nhiem');
    expect(s.coverage.kind).toBe('whole-document');
    expect(s.level).toBe('B-B');
    expect(s.modificationsAfter).toEqual([]);
    // no trust store: the cryptography is fine but the chain cannot be judged
    expect(s).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(s.findings.map((f) => f.code)).toContain('NO_TRUST_STORE');
  });

  it('passes with a validator that trusts the signer, and keeps the first signature valid after a second', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signWith(teacher) });
    pdf.sign({ field: 'HieuTruong', cms: signWith(principal) });
    const report = await verifyPdf(pdf.bytes, { trustStore: { anchors: [], intermediates: [] }, validateCertificate: trustAll });
    expect(report.signatures.map((s) => [s.id, s.indication, s.coverage.kind])).toEqual([
      ['GVCN', 'TOTAL_PASSED', 'revision'], ['HieuTruong', 'TOTAL_PASSED', 'whole-document']]);
    expect(report.signatures[0]!.modificationsAfter.every((m) => m.allowed)).toBe(true);
    expect(report.signatures[0]!.modificationsAfter.map((m) => m.description).join('\n')).toMatch(/new signature field "HieuTruong"/);
    expect(report.indication).toBe('TOTAL_PASSED');
  });

  it('reports HASH_FAILURE when one byte inside a signed range changes', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signWith(teacher) });
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const at = text.indexOf('Toan 9.5') + 5;
    pdf.bytes[at] = '1'.charCodeAt(0); // 9.5 -> 1.5
    const report = await verifyPdf(pdf.bytes, { trustStore: { anchors: [], intermediates: [] }, validateCertificate: trustAll });
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(report.indication).toBe('TOTAL_FAILED');
  });

  it('rejects a page content replaced in an appended update (incremental saving attack)', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signWith(teacher) });
    pdf.update({ 4: stream('BT /F1 18 Tf 72 770 Td (Hoc ba - Nguyen Van A - Toan 10) Tj ET') });
    const report = await verifyPdf(pdf.bytes, { trustStore: { anchors: [], intermediates: [] }, validateCertificate: trustAll });
    const s = report.signatures[0]!;
    expect(s).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
    expect(s.modificationsAfter).toContainEqual({ description: 'revision 3: object 4 used by the signed pages (content or resources) was overwritten', allowed: false });
  });

  it('returns a report without signatures for an unsigned PDF and throws PDF_MALFORMED for garbage', async () => {
    const report = await verifyPdf(TestPdf.create().bytes);
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND', signatures: [] });
    await expect(verifyPdf(new TextEncoder().encode('not a pdf'))).rejects.toSatisfy((e: unknown) => isEdusignError(e) && e.code === 'PDF_MALFORMED');
    await expect(verifyPdf(TestPdf.create().bytes, { at: new Date('x') })).rejects.toSatisfy((e: unknown) => isEdusignError(e) && e.code === 'INVALID_ARGUMENT');
  });
});

import type { CertificateValidationOptions, CertificateValidationResult } from '../../../../src/pki/types.js';
/** A validator for tests that only need the PDF logic: trusts any certificate and records what it was asked. */
async function trustAll(cert: Uint8Array, options: CertificateValidationOptions): Promise<CertificateValidationResult> {
  expect(options.at).toBeInstanceOf(Date);
  expect(cert.length).toBeGreaterThan(100);
  return { indication: 'TOTAL_PASSED', chain: [], revocation: [], validationData: { certificates: [], crls: [], ocspResponses: [] }, findings: [] };
}
