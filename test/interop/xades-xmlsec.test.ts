/**
 * Independent checks with xmlsec1 (Debian xmlsec1 1.2.37): it accepts every signature we make, and our verifier
 * accepts what `xmlsec1 --sign` makes from a template — and rejects it after tampering, wrapping or moving.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countersignXml, signXml, verifyXml } from '../../src/formats/xades/index.js';
import { der, fixtureSigner, PKI, sampleRecord } from '../formats/xades/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xades-xmlsec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ID_ATTRS = [
  '--id-attr:Id', 'urn:edusign:hocba:1:DLHocBa',
  '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
  '--id-attr:Id', `${DS}:Signature`,
  '--id-attr:Id', `${DS}:SignatureValue`,
  '--id-attr:Id', `${DS}:Object`,
];

function xmlsecVerify(xml: string | Uint8Array, nodeId: string): { status: number; output: string } {
  const file = join(dir, `v-${nodeId}-${Math.random().toString(16).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmlsec1', ['--verify', '--trusted-pem', join(PKI, 'root-neac.cert.pem'), '--untrusted-pem', join(PKI, 'ca-edu.cert.pem'),
    ...ID_ATTRS, '--node-id', nodeId, file], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

const trustStore = { anchors: [der('root-neac')], intermediates: [der('ca-edu')] };
const verifyOpts = { trustStore, revocation: { skip: true }, offline: true } as const;

describe('xmlsec1 accepts our signatures', () => {
  it('one signer (RSA), and rejects it after a one-character change', async () => {
    const { xml, signatureId } = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' } });
    const ok = xmlsecVerify(xml, signatureId);
    expect(ok.output).toContain('OK');
    expect(ok.status).toBe(0);
    const bad = xmlsecVerify(xml.replace('Nguyễn Văn An', 'Nguyễn Văn Án'), signatureId);
    expect(bad.status).not.toBe(0);
  });

  it('three parallel signers (RSA, ECDSA, C14N 1.1) and a countersignature', async () => {
    const a = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
    const b = await signXml(a.xml, { signer: fixtureSigner('teacher-ecdsa'), role: 'Giáo viên bộ môn', placement: { slot: 'GVBM' }, canonicalization: 'c14n11' });
    const c = await signXml(b.xml, { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' }, canonicalization: 'c14n' });
    const d = await countersignXml(c.xml, 'sig-gvcn', { signer: fixtureSigner('principal'), role: 'Hiệu trưởng' });
    for (const id of ['sig-gvcn', b.signatureId, c.signatureId, d.signatureId]) {
      const r = xmlsecVerify(d.xml, id);
      expect(r.status, `${id}: ${r.output}`).toBe(0);
    }
    expect((await verifyXml(d.xml, verifyOpts)).indication).toBe('TOTAL_PASSED');
  });

  it('enveloping signatures', async () => {
    const env = await signXml('<DLHocBa xmlns="urn:x"><A>1</A></DLHocBa>', { signer: fixtureSigner('homeroom'), mode: 'enveloping', signatureId: 'sig-env' });
    expect(xmlsecVerify(env.xml, 'sig-env').status).toBe(0);
  });
});

/** A template signed by xmlsec1: plain XMLDSig over DLHocBa, the signature in a DSCKS sibling. */
function xmlsecSigned(): string {
  const template = `<?xml version="1.0" encoding="UTF-8"?>
<HocBa xmlns="urn:edusign:hocba:1">
  <DLHocBa Id="data"><HocSinh><HoTen>Nguyễn Văn An</HoTen></HocSinh><DiemTB>8.5</DiemTB></DLHocBa>
  <DSCKS><GVCN><Signature xmlns="${DS}" Id="sig-xmlsec">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
      <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
      <Reference URI="#data">
        <Transforms><Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></Transforms>
        <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/>
      </Reference>
    </SignedInfo>
    <SignatureValue/>
    <KeyInfo><X509Data/></KeyInfo>
  </Signature></GVCN></DSCKS>
</HocBa>
`;
  const t = join(dir, 'template.xml');
  writeFileSync(t, template);
  return execFileSync('xmlsec1', ['--sign', '--privkey-pem', `${join(PKI, 'homeroom.key.pem')},${join(PKI, 'homeroom.cert.pem')}`,
    '--id-attr:Id', 'urn:edusign:hocba:1:DLHocBa', t], { encoding: 'utf8', timeout: 20_000 });
}

describe('our verifier on xmlsec1 signatures', () => {
  const signed = xmlsecSigned();

  it('accepts the xmlsec1 signature (plain XMLDSig) and gives back the signed element', async () => {
    const r = await verifyXml(signed, verifyOpts);
    expect(r.indication).toBe('TOTAL_PASSED');
    const s = r.signatures[0]!;
    expect(s.level).toBeUndefined();
    expect(s.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['XADES_NOT_XADES', 'XADES_SIGNING_CERTIFICATE_NOT_SIGNED']));
    expect(s.signedElements[0]!.content).toContain('<HoTen>Nguyễn Văn An</HoTen>');
    expect(s.signer.commonName).toBe('Trần Văn Minh');
  });

  it('rejects it after a one-character change in the signed content', async () => {
    const r = await verifyXml(signed.replace('<DiemTB>8.5</DiemTB>', '<DiemTB>8.6</DiemTB>'), verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.subIndication).toBe('HASH_FAILURE');
  });

  it('rejects a wrapping rearrangement (original moved into the signature, forged record in its place)', async () => {
    const original = /<DLHocBa Id="data">[^]*?<\/DLHocBa>/.exec(signed)![0];
    const forged = signed.replace(original, '<DLHocBa><HocSinh><HoTen>Kẻ Mạo Danh</HoTen></HocSinh><DiemTB>10</DiemTB></DLHocBa>')
      .replace('</KeyInfo>', `</KeyInfo><Object>${original}</Object>`);
    const r = await verifyXml(forged, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_SIGNED_ELEMENT_INSIDE_SIGNATURE');
    // the forged record is never what the verifier hands out
    expect(r.signatures[0]!.signedElements.every((e) => !String(e.content).includes('Kẻ Mạo Danh'))).toBe(true);
  });

  it('rejects a duplicate-Id rearrangement (forged record with the same Id first)', async () => {
    const forged = signed.replace('<DLHocBa Id="data">', '<DLHocBa Id="data"><HocSinh><HoTen>Kẻ Mạo Danh</HoTen></HocSinh></DLHocBa><Cu><DLHocBa Id="data">')
      .replace('</DLHocBa>\n  <DSCKS>', '</DLHocBa></Cu>\n  <DSCKS>');
    const r = await verifyXml(forged, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_DUPLICATE_ID');
  });

  it('rejects it after the signed element is moved elsewhere in the document', async () => {
    const original = /<DLHocBa Id="data">[^]*?<\/DLHocBa>/.exec(signed)![0];
    const moved = signed.replace(original, '<DLHocBa><DiemTB>10</DiemTB></DLHocBa>').replace('</HocBa>', `<Luu>${original}</Luu></HocBa>`);
    const r = await verifyXml(moved, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_SIGNED_ELEMENT_MISPLACED');
  });

  it('xmlsec1 itself still accepts the moved element (why the position check matters)', () => {
    const original = /<DLHocBa Id="data">[^]*?<\/DLHocBa>/.exec(signed)![0];
    const moved = signed.replace(original, '<DLHocBa><DiemTB>10</DiemTB></DLHocBa>').replace('</HocBa>', `<Luu>${original}</Luu></HocBa>`);
    const f = join(dir, 'moved.xml');
    writeFileSync(f, moved);
    const r = spawnSync('xmlsec1', ['--verify', '--trusted-pem', join(PKI, 'root-neac.cert.pem'), '--untrusted-pem', join(PKI, 'ca-edu.cert.pem'),
      '--id-attr:Id', 'urn:edusign:hocba:1:DLHocBa', f], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(f, 'utf8')).toContain('<Luu>');
  });
});
