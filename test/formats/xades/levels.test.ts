/**
 * B-T, B-LT, B-LTA with the real test PKI services (openssl OCSP responders, CRLs, TSA on 127.0.0.1):
 * each level is an operation on the one below; an LT/LTA signature then verifies offline from what it embeds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, createPkiCache, httpTimestampAuthority } from '../../../src/pki/index.js';
import type { Fetcher, TimestampAuthority } from '../../../src/pki/types.js';
import { countersignXml, extendXml, signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { startPkiServices, type PkiServices } from '../../helpers/pki-services.js';
import { der, fixtureSigner, PKI, sampleRecord } from './helpers.js';

let services: PkiServices;
let fetcher: Fetcher;
let tsa: TimestampAuthority;
const trustStore = { anchors: [der('root-neac')], intermediates: [der('ca-edu')] };
const dir = mkdtempSync(join(tmpdir(), 'xades-levels-'));

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 10_000 });
  tsa = httpTimestampAuthority(services.tsaUrl, { fetcher });
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('XAdES levels', () => {
  it('B-T: SignatureTimeStamp over the SignatureValue; best signature time from it', async () => {
    const cache = createPkiCache();
    const { xml, signatureId } = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), level: 'B-T', timestampAuthority: tsa, check: { trustStore, fetcher, cache } });
    expect(xml).toContain('<xades:SignatureTimeStamp');
    const r = await verifyXml(xml, { trustStore, fetcher, cache });
    const s = r.signatures.find((x) => x.id === signatureId)!;
    expect([s.level, s.indication, s.subIndication]).toEqual(['B-T', 'TOTAL_PASSED', undefined]);
    expect(s.timestamps).toHaveLength(1);
    expect(s.timestamps[0]!.indication).toBe('TOTAL_PASSED');
    expect(s.bestSignatureTime.getTime()).toBe(s.timestamps[0]!.genTime!.getTime());
  });

  it('B-LT then B-LTA by extension; verifies offline from embedded data; tampering the archive timestamp input is caught', async () => {
    const signed = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' }, check: { trustStore, fetcher } });
    const lt = await extendXml(signed.xml, signed.signatureId, 'B-LT', { timestampAuthority: tsa, validation: { trustStore, fetcher } });
    expect(lt.xml).toMatch(/<xades:CertificateValues>[^]*<xades:RevocationValues>/);
    const rlt = await verifyXml(lt.xml, { trustStore, offline: true });
    expect([rlt.signatures[0]!.level, rlt.indication]).toEqual(['B-LT', 'TOTAL_PASSED']);
    const lta = await extendXml(lt.xml, signed.signatureId, 'B-LTA', { timestampAuthority: tsa, validation: { trustStore, fetcher } });
    expect(lta.xml).toContain('<xades141:ArchiveTimeStamp');
    // validation data of the archive timestamp's TSA (what CertificateValues/RevocationValues do not have yet)
    expect(lta.warnings.map((w) => w.code)).not.toContain('XADES_LTA_TIMESTAMP_NOT_VALID');
    if (lta.xml.includes('<xades141:TimeStampValidationData>')) expect(lta.xml).toMatch(/<\/xades141:ArchiveTimeStamp><xades141:TimeStampValidationData>/);
    const rlta = await verifyXml(lta.xml, { trustStore, offline: true });
    const s = rlta.signatures[0]!;
    expect([s.level, s.indication, s.subIndication]).toEqual(['B-LTA', 'TOTAL_PASSED', undefined]);
    expect(s.timestamps.map((t) => [t.kind, t.indication])).toEqual([['signature', 'TOTAL_PASSED'], ['archive', 'TOTAL_PASSED']]);
    // a second archive timestamp covers the first one
    const lta2 = await extendXml(lta.xml, signed.signatureId, 'B-LTA', { timestampAuthority: tsa, validation: { trustStore, fetcher } });
    const r2 = await verifyXml(lta2.xml, { trustStore, offline: true });
    expect(r2.signatures[0]!.timestamps.map((t) => t.kind)).toEqual(['signature', 'archive', 'archive']);
    expect(r2.indication).toBe('TOTAL_PASSED');
    // changing the embedded validation data breaks the archive timestamp
    const tampered = lta.xml.replace('<xades:CertificateValues>', '<xades:CertificateValues Id="x">');
    const rt = await verifyXml(tampered, { trustStore, offline: true });
    expect(rt.signatures[0]!.timestamps.find((t) => t.kind === 'archive')!.indication).not.toBe('TOTAL_PASSED');
    expect(rt.indication).not.toBe('TOTAL_PASSED');
  });

  it('B-LT takes the trust store from check when validation has none, embeds supplied validationData; verify uses supplied validationData', async () => {
    const signed = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), level: 'B-T', timestampAuthority: tsa, check: { trustStore, fetcher } });
    const extra = der('teacher');
    const lt = await extendXml(signed.xml, signed.signatureId, 'B-LT', { check: { trustStore, fetcher }, validationData: { certificates: [extra] } });
    expect(lt.xml).toContain(Buffer.from(extra).toString('base64'));
    // without a trust store in either place B-LT is a usage error
    await expect(extendXml(signed.xml, signed.signatureId, 'B-LT', { validation: { fetcher } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // the B-T signature alone has no revocation data offline; the data the B-LT copy gathered, supplied by the caller, is enough
    const values = (tag: string) => [...(lt.xml as string).matchAll(new RegExp(`<xades:${tag}>([^<]+)</xades:${tag}>`, 'g'))].map((m) => new Uint8Array(Buffer.from(m[1]!, 'base64')));
    const bare = await verifyXml(signed.xml, { trustStore, offline: true });
    expect(bare.indication).not.toBe('TOTAL_PASSED');
    const supplied = await verifyXml(signed.xml, { trustStore, offline: true,
      validationData: { certificates: values('EncapsulatedX509Certificate'), crls: values('EncapsulatedCRLValue'), ocspResponses: values('EncapsulatedOCSPValue') } });
    expect([supplied.indication, supplied.signatures[0]!.level]).toEqual(['TOTAL_PASSED', 'B-T']);
  });

  it('three signers at B-LTA (GVCN, principal, seal-like third) plus a countersignature: ours and xmlsec1 accept all', async () => {
    const opts = { timestampAuthority: tsa, check: { trustStore, fetcher }, validation: { trustStore, fetcher }, level: 'B-LTA' as const };
    const a = await signXml(sampleRecord(), { ...opts, signer: fixtureSigner('homeroom'), role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
    const b = await signXml(a.xml, { ...opts, signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' }, signatureId: 'sig-ht' });
    const c = await signXml(b.xml, { ...opts, signer: fixtureSigner('teacher-ecdsa'), role: 'Giáo viên bộ môn', placement: { slot: 'GVBM' }, signatureId: 'sig-gvbm' });
    const d = await countersignXml(c.xml, 'sig-gvcn', { ...opts, signer: fixtureSigner('principal'), role: 'Hiệu trưởng', signatureId: 'sig-cs' });
    const r = await verifyXml(d.xml, { trustStore, offline: true });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(r.signatures.map((s) => ({ id: s.id, level: s.level, indication: s.indication, signer: s.signer.commonName, role: s.signer.role })), null, 1));
    expect(r.signatures.map((s) => [s.id, s.level, s.indication])).toEqual([
      ['sig-gvcn', 'B-LTA', 'TOTAL_PASSED'], ['sig-cs', 'B-LTA', 'TOTAL_PASSED'], ['sig-ht', 'B-LTA', 'TOTAL_PASSED'], ['sig-gvbm', 'B-LTA', 'TOTAL_PASSED'],
    ].map(([id, level]) => [id, level, 'TOTAL_PASSED']));
    const f = join(dir, 'three.xml');
    writeFileSync(f, d.xml);
    for (const id of ['sig-gvcn', 'sig-ht', 'sig-gvbm', 'sig-cs']) {
      const x = spawnSync('xmlsec1', ['--verify', '--trusted-pem', join(PKI, 'root-neac.cert.pem'), '--untrusted-pem', join(PKI, 'ca-edu.cert.pem'),
        '--id-attr:Id', 'urn:edusign:hocba:1:DLHocBa', '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
        '--id-attr:Id', 'http://www.w3.org/2000/09/xmldsig#:Signature', '--id-attr:Id', 'http://www.w3.org/2000/09/xmldsig#:SignatureValue', '--node-id', id, f], { encoding: 'utf8' });
      expect(x.status, `${id}: ${x.stderr}`).toBe(0);
    }
  });

  it('check-before-signing with a trust store refuses a revoked certificate', async () => {
    await expect(signXml(sampleRecord(), { signer: fixtureSigner('revoked'), check: { trustStore, fetcher } })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
  });

  it('B-T without a TSA is a usage error', async () => {
    await expect(signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), level: 'B-T' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
