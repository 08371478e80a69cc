import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFetcher } from '../../src/pki/net/fetcher.js';
import { httpTimestampAuthority } from '../../src/pki/tsa/http-authority.js';
import type { TimestampAuthority } from '../../src/pki/types.js';
import { asArray, asDict, openPdf, PdfStream } from '../../src/formats/pades/pdf/index.js';
import { addDocumentTimestamp, completePdfSignature, extendPdf, preparePdfSignature, signPdf } from '../../src/formats/pades/sign/index.js';
import { embeddedSignatures } from '../../src/formats/pades/sign/embedded-signatures.js';
import { verifyPdf } from '../../src/formats/pades/verify/index.js';
import { classicPdf, xrefStreamPdf } from '../helpers/pdf-samples.js';
import { startPkiServices, type PkiServices } from '../helpers/pki-services.js';
import { ocspStatuses, opensslTsVerify, opensslVerifyAll, pdfsig, qpdfProblems, signerInfoParts } from '../formats/pades/sign/inspect.js';
import { PKI, testSigner } from '../formats/pades/sign/test-signers.js';

let services: PkiServices;
let tsa: TimestampAuthority;
let validation: { fetcher: ReturnType<typeof createFetcher>; trustStore: { anchors: Uint8Array[]; intermediates: Uint8Array[] } };

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 10_000 });
  tsa = httpTimestampAuthority(services.tsaUrl, { fetcher });
  validation = { fetcher, trustStore: { anchors: [readFileSync(join(PKI, 'root-neac.cert.der'))], intermediates: [] } };
});
afterAll(async () => { await services?.stop(); });

function dss(pdf: Uint8Array): { certs: Uint8Array[]; ocsps: Uint8Array[]; crls: Uint8Array[] } {
  const doc = openPdf(pdf);
  const d = asDict(doc.resolve(doc.catalog.get('DSS')));
  const read = (k: string): Uint8Array[] => (asArray(d?.get(k)) ?? []).map((r) => doc.decode(doc.resolve(r) as PdfStream));
  return { certs: read('Certs'), ocsps: read('OCSPs'), crls: read('CRLs') };
}

function byteRangeContent(pdf: Uint8Array, br: number[]): Uint8Array {
  return Buffer.concat([pdf.subarray(br[0]!, br[0]! + br[1]!), pdf.subarray(br[2]!, br[2]! + br[3]!)]);
}

describe('PAdES levels with a real openssl TSA and OCSP responders', () => {
  it('B-T: the CMS carries a signature timestamp over the signature value (openssl ts -verify)', async () => {
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('teacher'), level: 'B-T', timestampAuthority: tsa });
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    expect(opensslVerifyAll(pdf)).toEqual(['ok']);
    const { signatureValue, timestampToken } = signerInfoParts(embeddedSignatures(openPdf(pdf))[0]!.contents);
    expect(timestampToken).toBeDefined();
    expect(opensslTsVerify(timestampToken!, { digest: createHash('sha256').update(signatureValue).digest() })).toBe('ok');
    expect(qpdfProblems(pdf)).toEqual([]);
  });

  it('B-T with a too small timestamp reservation signs again with the real size (local signer)', async () => {
    let signatures = 0;
    const base = testSigner('teacher');
    const counting = { ...base, sign: async (d: Uint8Array) => { signatures++; return base.sign(d); } };
    const { pdf } = await signPdf(classicPdf(), { signer: counting, level: 'B-T', timestampAuthority: tsa, timestampSizeHint: 10 });
    expect(signatures).toBe(2);
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true });
    await expect(signPdf(classicPdf(), { signer: base, level: 'B-T', timestampAuthority: tsa, contentsSize: 2500 }))
      .rejects.toMatchObject({ code: 'PDF_PLACEHOLDER_TOO_SMALL' });
  });

  it('B-LT: a DSS with the certificates and good OCSP responses of the signer and TSA chains', async () => {
    const { pdf, warnings } = await signPdf(xrefStreamPdf(), { signer: testSigner('homeroom'), level: 'B-LT', timestampAuthority: tsa, validation,
      check: { trustStore: validation.trustStore, fetcher: validation.fetcher } });
    expect(warnings).toEqual([]);
    const doc = openPdf(pdf);
    expect(doc.revisions).toHaveLength(3);
    expect(doc.revisions[2]!.xrefKind).toBe('stream');
    const data = dss(pdf);
    const subjects = data.certs.map((c) => new X509Certificate(c).subject).join('\n');
    expect(subjects).toContain('Trần Văn Minh');
    expect(subjects).toContain('TSA');
    expect(data.ocsps.length).toBeGreaterThanOrEqual(2);
    for (const o of data.ocsps) expect(ocspStatuses(o)).toEqual(['good']);
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true });
    expect(qpdfProblems(pdf)).toEqual([]);
  });

  it('B-LTA: DSS then a document timestamp over the whole file (openssl ts -verify -data)', async () => {
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('principal'), level: 'B-LTA', timestampAuthority: tsa, validation });
    const sigs = embeddedSignatures(openPdf(pdf));
    expect(sigs.map((s) => s.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.RFC3161']);
    const docTs = sigs[1]!;
    // the document timestamp covers its whole revision; the TSA's own validation data follows in a last DSS update
    const revisions = openPdf(pdf).revisions;
    expect(revisions[revisions.length - 2]!.end).toBe(docTs.byteRange[2]! + docTs.byteRange[3]!);
    expect(opensslTsVerify(docTs.contents, { data: byteRangeContent(pdf, docTs.byteRange) })).toBe('ok');
    expect(dss(pdf).certs.length).toBeGreaterThanOrEqual(3);
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true });
    expect(qpdfProblems(pdf)).toEqual([]);
    expect(opensslVerifyAll(pdf)).toEqual(['ok']);
  });

  it('extendPdf raises a 4-signature B-B file to B-LTA; every signature stays valid', async () => {
    let pdf = classicPdf('Hoc ba 4 chu ky');
    for (const name of ['teacher', 'teacher2', 'homeroom', 'principal']) pdf = (await signPdf(pdf, { signer: testSigner(name) })).pdf;
    const before = openPdf(pdf).revisions.length;
    const { pdf: lta, warnings } = await extendPdf(pdf, 'B-LTA', { timestampAuthority: tsa, validation });
    expect(warnings).toEqual([]);
    // DSS, document timestamp, DSS with the document timestamp's TSA data
    expect(openPdf(lta).revisions.length).toBe(before + 3);
    const sigs = pdfsig(lta);
    expect(sigs).toHaveLength(5);
    expect(sigs.slice(0, 4).every((s) => s.valid && s.trusted)).toBe(true);
    expect(opensslVerifyAll(lta)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const subjects = dss(lta).certs.map((c) => new X509Certificate(c).subject).join('\n');
    for (const n of ['Nguyễn Thị Thu Hà', 'Lê Văn Nam', 'Trần Văn Minh', 'Phạm Quốc Hùng']) expect(subjects).toContain(n);
    expect(qpdfProblems(lta)).toEqual([]);
    // our verifier, offline, from the DSS alone: every signature and the document timestamp pass
    const report = await verifyPdf(lta, { trustStore: validation.trustStore, offline: true });
    expect(report.signatures.map((s) => s.indication)).toEqual(Array(5).fill('TOTAL_PASSED'));
    expect(report.signatures.slice(0, 4).map((s) => s.level)).toEqual(Array(4).fill('B-LTA'));
    const tampered = Buffer.from(lta); tampered[200] = tampered[200]! ^ 0x01;
    expect((await verifyPdf(tampered, { trustStore: validation.trustStore, offline: true })).indication).toBe('TOTAL_FAILED');
  });

  it('check-before-signing with a trust store refuses a revoked certificate, or signs with a coded warning when overridden', async () => {
    const check = { trustStore: validation.trustStore, fetcher: validation.fetcher };
    await expect(signPdf(classicPdf(), { signer: testSigner('revoked'), check })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
    const { warnings } = await signPdf(classicPdf(), { signer: testSigner('revoked'), check: { ...check, allowInvalidCertificate: true } });
    expect(warnings.map((w) => w.code)).toContain('SIGNER_CERTIFICATE_CHECK_OVERRIDDEN');
  });

  it('document timestamps: reservation grows to the real token size unless forced; allowed under DocMDP P=1', async () => {
    let calls = 0;
    const counting: TimestampAuthority = { timestamp: (d, h) => { calls++; return tsa.timestamp(d, h); } };
    const certified = (await signPdf(classicPdf(), { signer: testSigner('principal'), certify: 1 })).pdf;
    const { pdf } = await addDocumentTimestamp(certified, { timestampAuthority: counting, sizeHint: 100 });
    expect(calls).toBe(2);
    const sigs = embeddedSignatures(openPdf(pdf));
    expect(sigs.map((s) => s.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.RFC3161']);
    expect(opensslTsVerify(sigs[1]!.contents, { data: byteRangeContent(pdf, sigs[1]!.byteRange) })).toBe('ok');
    await expect(addDocumentTimestamp(certified, { timestampAuthority: tsa, contentsSize: 100 })).rejects.toMatchObject({ code: 'PDF_PLACEHOLDER_TOO_SMALL' });
    // DSS + document timestamp are permitted under P=1 (ISO 32000-2 §12.8.2.2.1), a new signature is not
    const { pdf: lta } = await extendPdf(certified, 'B-LTA', { timestampAuthority: tsa, validation });
    expect(pdfsig(lta)[0]).toMatchObject({ valid: true, trusted: true });
    await expect(signPdf(lta, { signer: testSigner('teacher') })).rejects.toMatchObject({ code: 'PDF_SIGNING_FORBIDDEN' });
  });

  it('two-phase B-T: the timestamp is fetched at completion', async () => {
    const signer = testSigner('teacher2');
    const { digest, state } = await preparePdfSignature(classicPdf(), { signer, level: 'B-T' });
    const [value] = await signer.signDigests([digest]);
    const { pdf } = await completePdfSignature(JSON.parse(JSON.stringify(state)), value!, { timestampAuthority: tsa });
    expect(signerInfoParts(embeddedSignatures(openPdf(pdf))[0]!.contents).timestampToken).toBeDefined();
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true });
  });
});
