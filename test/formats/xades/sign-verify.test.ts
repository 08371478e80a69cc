import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeXmlSignature, countersignXml, extendXml, prepareXmlSignature, signXml, signXmlBatch, verifyXml } from '../../../src/formats/xades/index.js';
import { isEdusignError } from '../../../src/errors.js';
import { der, fixtureSigner, sampleRecord } from './helpers.js';

const trustStore = { anchors: [der('root-neac')], intermediates: [der('ca-edu')] };
const verifyOpts = { trustStore, revocation: { skip: true }, offline: true } as const;

async function expectPassed(xml: string | Uint8Array, extra: Parameters<typeof verifyXml>[1] = {}) {
  const report = await verifyXml(xml, { ...verifyOpts, ...extra });
  expect(report.signatures.map((s) => [s.id, s.indication, s.subIndication, s.findings.map((f) => f.code)]))
    .toEqual(report.signatures.map((s) => [s.id, 'TOTAL_PASSED', undefined, s.findings.map((f) => f.code)]));
  expect(report.indication).toBe('TOTAL_PASSED');
  return report;
}

describe('signXml / verifyXml (B-B)', () => {
  it('signs the record element into a DSCKS role slot and verifies, giving back exactly the signed element', async () => {
    const { xml, signatureId, warnings } = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' } });
    expect(xml).toContain('<DSCKS><HieuTruong><ds:Signature');
    expect(warnings.map((w) => w.code)).toContain('CERT_PATH_NOT_CHECKED');
    const report = await expectPassed(xml, { expectedSignedElement: { localName: 'DLHocBa', namespace: 'urn:edusign:hocba:1' } });
    const sig = report.signatures[0]!;
    expect(sig.id).toBe(signatureId);
    expect(sig.level).toBe('B-B');
    expect(sig.signer.role).toBe('Hiệu trưởng');
    expect(sig.signer.commonName).toBe('Phạm Quốc Hùng');
    expect(sig.signer.personalId).toBe('031075004567');
    expect(sig.location).toMatch(/\/\{urn:edusign:hocba:1\}DSCKS\[1\]\/\{urn:edusign:hocba:1\}HieuTruong\[1\]\/\{http:\/\/www.w3.org\/2000\/09\/xmldsig#\}Signature\[1\]$/);
    expect(sig.chain).toHaveLength(3);
    expect(sig.chain[2]!.source).toBe('trust-anchor');
    expect(sig.chain[0]!.subject).toContain('Phạm Quốc Hùng');
    expect(sig.signedElements).toHaveLength(1);
    const el = sig.signedElements[0]!;
    expect(el.path).toBe('/{urn:edusign:hocba:1}HocBa[1]/{urn:edusign:hocba:1}DLHocBa[1]');
    expect(el.content).toMatch(/^<DLHocBa xmlns="urn:edusign:hocba:1" Id="data">/);
    expect(el.content).toContain('Nguyễn Văn An');
  });

  it('fails HASH_FAILURE after a one-character change of the signed content', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    const r = await verifyXml(xml.replace('<DiemTB>8.5</DiemTB>', '<DiemTB>9.5</DiemTB>'), verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.subIndication).toBe('HASH_FAILURE');
  });

  it('fails SIG_CRYPTO_FAILURE when SignedInfo is changed', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    // changes that canonicalisation removes (attribute whitespace, a comment) are not changes of the signed data
    const same = await verifyXml(xml.replace('<ds:Reference Id=', '<ds:Reference  Id=').replace(/(<ds:SignatureMethod Algorithm="[^"]+"\/>)/, '$1<!---->'), verifyOpts);
    expect(same.indication).toBe('TOTAL_PASSED');
    const tampered = xml.replace(/(<ds:Reference Id="[^"]+")/, '$1 Type="urn:x"');
    expect((await verifyXml(tampered, verifyOpts)).signatures[0]!.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('rejects a signature whose signed element is not the expected one', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    const r = await verifyXml(xml, { ...verifyOpts, expectedSignedElement: { localName: 'Other' } });
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_UNEXPECTED_SIGNED_ELEMENT');
    expect(r.indication).toBe('TOTAL_FAILED');
  });

  it.each([
    ['RSA PKCS#1 SHA-384', 'principal', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }],
    ['RSA PKCS#1 SHA-512', 'principal', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }],
    ['RSA-PSS SHA-256', 'principal', { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }],
    ['ECDSA P-256 SHA-256', 'teacher-ecdsa', { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }],
    ['ECDSA P-256 SHA-512', 'teacher-ecdsa', { name: 'ECDSA', hash: 'SHA-512', namedCurve: 'P-256' }],
  ] as const)('signs and verifies with %s', async (_n, name, algorithm) => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner(name, algorithm) });
    await expectPassed(xml);
  });

  it.each(['exc-c14n', 'c14n', 'c14n11'] as const)('signs and verifies with canonicalization %s (namespaces and xml:lang inherited)', async (c) => {
    const doc = '<r:HocBa xmlns:r="urn:r" xmlns:o="urn:other" xml:lang="vi"><r:DLHocBa Id="data" o:x="1"><r:A>á</r:A></r:DLHocBa></r:HocBa>';
    const { xml } = await signXml(doc, { signer: fixtureSigner('homeroom'), canonicalization: c });
    await expectPassed(xml);
  });

  it('signs the whole document (URI="") when there is no Id, enveloped in the root', async () => {
    const { xml } = await signXml('<?xml version="1.0"?>\n<!-- head -->\n<a><b>x</b></a>', { signer: fixtureSigner('homeroom') });
    expect(xml).toMatch(/<b>x<\/b><ds:Signature/);
    const r = await expectPassed(xml);
    expect(r.signatures[0]!.signedElements[0]!.path).toBe('/');
    expect(r.signatures[0]!.signedElements[0]!.content).toBe('<a><b>x</b></a>');
  });

  it('makes parallel signatures that each cover only the record, and a countersignature over the GVCN signature', async () => {
    const gvcn = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
    const ht = await signXml(gvcn.xml, { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' } });
    const cs = await countersignXml(ht.xml, 'sig-gvcn', { signer: fixtureSigner('principal'), role: 'Hiệu trưởng' });
    expect(cs.xml).toMatch(/<DSCKS><GVCN><ds:Signature[^]*<xades:CounterSignature><ds:Signature[^]*<\/GVCN><HieuTruong>/);
    const r = await expectPassed(cs.xml);
    expect(r.signatures).toHaveLength(3);
    const counter = r.signatures.find((s) => s.id === cs.signatureId)!;
    expect(counter.countersignatureOf).toBe('sig-gvcn');
    expect(counter.coverage.kind).toBe('xml-countersignature');
    // the GVCN signature's value is what the countersignature covers: changing it breaks both
    const broken = cs.xml.replace(/(<ds:SignatureValue Id="sig-gvcn-value">)(.)/, (_m, a: string, c: string) => a + (c === 'A' ? 'B' : 'A'));
    const rb = await verifyXml(broken, verifyOpts);
    expect(rb.signatures.find((s) => s.id === 'sig-gvcn')!.subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(rb.signatures.find((s) => s.id === cs.signatureId)!.subIndication).toBe('HASH_FAILURE');
    expect(rb.signatures.find((s) => s.id === ht.signatureId)!.indication).toBe('TOTAL_PASSED');
  });

  it('makes detached and enveloping signatures', async () => {
    const content = new TextEncoder().encode('%PDF-1.7 bytes of a transcript');
    const det = await signXml(content, { signer: fixtureSigner('homeroom'), mode: 'detached', detached: { uri: 'hocba.pdf', mimeType: 'application/pdf' } });
    const r = await expectPassed(det.xml, { detachedContent: { 'hocba.pdf': content } });
    expect(r.signatures[0]!.signedElements[0]!.content).toEqual(content);
    const missing = await verifyXml(det.xml, verifyOpts);
    expect(missing.signatures[0]!.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
    const env = await signXml('<?xml version="1.0"?><DLHocBa xmlns="urn:x"><A>1</A></DLHocBa>', { signer: fixtureSigner('homeroom'), mode: 'enveloping' });
    expect(env.xml.startsWith('<ds:Signature')).toBe(true);
    const re = await expectPassed(env.xml);
    expect(re.signatures[0]!.signedElements[0]!.content).toContain('<DLHocBa xmlns="urn:x"><A>1</A></DLHocBa>');
  });

  it('returns bytes for bytes input and keeps everything outside the signature byte-identical', async () => {
    const input = new TextEncoder().encode(sampleRecord());
    const { xml } = await signXml(input, { signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' } });
    expect(xml).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder().decode(xml);
    const stripped = text.replace(/<GVCN><ds:Signature[^]*<\/ds:Signature><\/GVCN>/, '<GVCN/>').replace('<DSCKS><GVCN/></DSCKS>', '<DSCKS/>');
    expect(stripped).toBe(sampleRecord());
  });

  it('puts SigningCertificateV2, SignerRoleV2, DataObjectFormat and an optional SignaturePolicyIdentifier in SignedProperties', async () => {
    const { xml } = await signXml(sampleRecord(), {
      signer: fixtureSigner('principal'), role: ['Hiệu trưởng'], signingTime: new Date('2026-06-01T08:00:00Z'),
      policy: { identifier: 'urn:oid:2.999.1.1', digest: new Uint8Array(32), description: 'Chính sách thử' },
    });
    expect(xml).toMatch(/<xades:SignedSignatureProperties><xades:SigningTime>2026-06-01T08:00:00Z<\/xades:SigningTime><xades:SigningCertificateV2>[^]*<xades:IssuerSerialV2>[^]*<xades:SignaturePolicyIdentifier>[^]*<xades:SignerRoleV2><xades:ClaimedRoles><xades:ClaimedRole>Hiệu trưởng<\/xades:ClaimedRole>/);
    expect(xml).toMatch(/<xades:DataObjectFormat ObjectReference="#sig-[0-9a-f]+-ref0"><xades:MimeType>text\/xml<\/xades:MimeType>/);
    const r = await expectPassed(xml);
    expect(r.signatures[0]!.claimedSigningTime?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
  });

  it('refuses to sign with an expired or non-signing certificate (check-before-signing)', async () => {
    await expect(signXml(sampleRecord(), { signer: fixtureSigner('expired') })).rejects.toMatchObject({ code: 'CERT_EXPIRED' });
    await expect(signXml(sampleRecord(), { signer: fixtureSigner('no-signing-ku') })).rejects.toMatchObject({ code: 'CERT_NOT_USABLE_FOR_SIGNING' });
    const soft = await signXml(sampleRecord(), { signer: fixtureSigner('expired'), check: { allowInvalidCertificate: true } });
    expect(soft.warnings.map((w) => w.code)).toContain('CERT_EXPIRED');
    const skipped = await signXml(sampleRecord(), { signer: fixtureSigner('expired'), check: { skip: true } });
    expect(skipped.warnings.map((w) => w.code)).toEqual(['SIGNER_CHECK_SKIPPED']);
  });

  it('refuses unusable input with typed errors', async () => {
    const signer = fixtureSigner('principal');
    for (const [input, opts, code] of [
      ['<a', {}, 'XML_MALFORMED'],
      ['<a Id="x"/><!-- -->', { recordId: 'missing' }, 'XML_UNEXPECTED_STRUCTURE'],
      ['<r><a Id="x"/><b Id="x"/></r>', { recordId: 'x' }, 'XML_UNEXPECTED_STRUCTURE'],
      [sampleRecord(), { signatureId: 'data' }, 'INVALID_ARGUMENT'],
      [sampleRecord(), { signatureId: 'bad id' }, 'INVALID_ARGUMENT'],
    ] as const) {
      const err = await signXml(input, { signer, ...opts }).catch((e: unknown) => e);
      expect(isEdusignError(err), String(err)).toBe(true);
      expect((err as { code: string }).code).toBe(code);
    }
  });
});

describe('two-phase and batch signing', () => {
  it('prepares a digest and a JSON state, completes with an external value', async () => {
    const signer = fixtureSigner('principal');
    const { digest, state } = await prepareXmlSignature(sampleRecord(), { certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm, role: 'Hiệu trưởng' });
    expect(digest).toHaveLength(32);
    const wire = JSON.parse(JSON.stringify(state)) as unknown;
    const [value] = await signer.signDigests([digest]);
    const done = await completeXmlSignature(wire, value!);
    await expectPassed(done.xml);
  });

  it('refuses a wrong signature value and a tampered state', async () => {
    const signer = fixtureSigner('principal');
    const other = fixtureSigner('homeroom');
    const { digest, state } = await prepareXmlSignature(sampleRecord(), { certificate: signer.certificate, algorithm: signer.algorithm });
    const [wrong] = await other.signDigests([digest]);
    await expect(completeXmlSignature(state, wrong!)).rejects.toMatchObject({ code: 'SIGNER_FAILED' });
    const [value] = await signer.signDigests([digest]);
    await expect(completeXmlSignature({ ...state, valueOffset: state.valueOffset + 1 }, value!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
    await expect(completeXmlSignature({ v: 2 }, value!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
    // a state whose document was edited (same length, so the offsets still fit) is refused, not completed into a broken file
    const edited = { ...state, xml: state.xml.replace('<DiemTB>8.5</DiemTB>', '<DiemTB>9.5</DiemTB>') };
    await expect(completeXmlSignature(edited, value!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
    const editedInfo = { ...state, xml: state.xml.replace('<ds:SignatureMethod Algorithm="', '<ds:SignatureMethod Algorithm="x') };
    await expect(completeXmlSignature(editedInfo, value!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
  });

  it('signs N documents with one signDigests call', async () => {
    const signer = fixtureSigner('homeroom');
    const docs = [0, 1, 2, 3].map((i) => sampleRecord(`<So>${i}</So>`));
    const results = await signXmlBatch(docs, signer, { role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' } });
    expect(signer.calls.signDigests).toBe(1);
    expect(results).toHaveLength(4);
    for (const [i, r] of results.entries()) {
      const report = await expectPassed(r.xml);
      expect(report.signatures[0]!.signedElements[0]!.content).toContain(`<So>${i}</So>`);
    }
  });
});

describe('Unicode normalisation', () => {
  const decomposed = sampleRecord().replace('Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD'));

  it('warns when the signed content is not NFC, and signs the bytes as given', async () => {
    const r = await signXml(decomposed, { signer: fixtureSigner('principal') });
    expect(r.warnings.map((w) => w.code)).toContain('XADES_CONTENT_NOT_NFC');
    expect(r.xml).toContain('Nguyễn Văn An'.normalize('NFD'));
    await expectPassed(r.xml);
  });

  it('normalises the input to NFC on request', async () => {
    const r = await signXml(new TextEncoder().encode(decomposed), { signer: fixtureSigner('principal'), nfc: 'normalize' });
    expect(r.xml).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder().decode(r.xml);
    expect(text).toContain('Nguyễn Văn An'.normalize('NFC'));
    expect(r.warnings.map((w) => w.code)).not.toContain('XADES_CONTENT_NOT_NFC');
    await expectPassed(r.xml);
  });
});

describe('extendXml errors', () => {
  it('needs a known XAdES signature and the services of the level', async () => {
    const { xml, signatureId } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    await expect(extendXml(xml, 'nope', 'B-T', {})).rejects.toMatchObject({ code: 'SIGNATURE_NOT_FOUND' });
    await expect(extendXml(xml, signatureId, 'B-T', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(extendXml(xml, signatureId, 'B-X' as 'B-T', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const same = await extendXml(xml, signatureId, 'B-B', {});
    expect(same.xml).toBe(xml);
  });
});

describe('adding signatures never breaks existing ones', () => {
  it('refuses a second whole-document signature (it would invalidate the first)', async () => {
    const first = await signXml('<a><b>x</b></a>', { signer: fixtureSigner('homeroom'), signatureId: 'sig-1' });
    await expect(signXml(first.xml, { signer: fixtureSigner('principal') })).rejects.toMatchObject({ code: 'XML_UNEXPECTED_STRUCTURE' });
    const cs = await countersignXml(first.xml, 'sig-1', { signer: fixtureSigner('principal') });
    await expectPassed(cs.xml);
  });

  it('refuses to place a signature inside a record another signature covers', async () => {
    const first = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom') });
    await expect(signXml(first.xml, { signer: fixtureSigner('principal'), placement: { container: 'inside-record' } })).rejects.toMatchObject({ code: 'XML_UNEXPECTED_STRUCTURE' });
  });

  it('refuses to sign an element inside a signature', async () => {
    const first = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), signatureId: 'sig-1' });
    await expect(signXml(first.xml, { signer: fixtureSigner('principal'), recordId: 'sig-1-sp' })).rejects.toMatchObject({ code: 'XML_UNEXPECTED_STRUCTURE' });
  });
});

describe('signature policy', () => {
  const document = new TextEncoder().encode('Chính sách chữ ký học bạ (thử nghiệm)');
  const digest = new Uint8Array(createHash('sha256').update(document).digest());

  it('checks SigPolicyHash against a known policy, reports an unknown one', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), policy: { identifier: 'urn:oid:2.999.1.1', digest } });
    const known = await expectPassed(xml, { signaturePolicies: [{ identifier: 'urn:oid:2.999.1.1', document }] });
    expect(known.signatures[0]!.policy).toBe('urn:oid:2.999.1.1');
    const unknown = await verifyXml(xml, verifyOpts);
    expect(unknown.indication).toBe('TOTAL_PASSED');
    expect(unknown.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_POLICY_NOT_CHECKED');
    const wrong = await verifyXml(xml, { ...verifyOpts, signaturePolicies: [{ identifier: 'urn:oid:2.999.1.1', document: new Uint8Array([1]) }] });
    expect([wrong.indication, wrong.signatures[0]!.subIndication]).toEqual(['INDETERMINATE', 'POLICY_PROCESSING_ERROR']);
  });
});
