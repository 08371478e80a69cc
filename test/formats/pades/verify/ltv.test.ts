/**
 * Levels and long-term validation with the real test PKI and services (openssl OCSP responders, CRLs, TSA):
 * a signature made by openssl cms, then document timestamps and a DSS added by hand, verified online, offline
 * from the DSS, and after the signer's certificate expired.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes, derOid, derTlv } from '../../../../src/crypto/der.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../../../src/formats/pades/verify/index.js';
import { createFetcher } from '../../../../src/pki/net/fetcher.js';
import { createTrustStore } from '../../../../src/pki/trust/trust-store.js';
import { httpTimestampAuthority } from '../../../../src/pki/tsa/http-authority.js';
import { validateCertificate } from '../../../../src/pki/validate-certificate.js';
import type { Fetcher, TimestampAuthority } from '../../../../src/pki/types.js';
import { startPkiServices, type PkiServices } from '../../../helpers/pki-services.js';
import { fixtureCert, fixtureIdentity, opensslCmsSign, scratch } from './helpers/openssl.js';
import { TestPdf } from './helpers/test-pdf.js';

let services: PkiServices;
let fetcher: Fetcher;
let tsa: TimestampAuthority;
let box: ReturnType<typeof scratch>;
const trustStore = createTrustStore({ anchors: [fixtureCert('root-neac')] });

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  tsa = httpTimestampAuthority(services.tsaUrl, { fetcher });
  box = scratch();
});
afterAll(async () => { await services.stop(); box.dispose(); });

const homeroom = fixtureIdentity('homeroom');
const signHomeroom = (chunks: [Uint8Array, Uint8Array]) => opensslCmsSign(box.dir, homeroom, Buffer.concat(chunks));
const docTimestamp = (chunks: [Uint8Array, Uint8Array]) =>
  tsa.timestamp(new Uint8Array(createHash('sha256').update(chunks[0]).update(chunks[1]).digest()), 'SHA-256');

async function validationDataFor(certs: Uint8Array[]) {
  const out = { certificates: [] as Uint8Array[], ocspResponses: [] as Uint8Array[], crls: [] as Uint8Array[] };
  for (const cert of certs) {
    const r = await validateCertificate(cert, { trustStore, fetcher, purpose: 'any' });
    expect(r.indication).toBe('TOTAL_PASSED');
    out.certificates.push(...r.validationData.certificates);
    out.ocspResponses.push(...r.validationData.ocspResponses);
    out.crls.push(...r.validationData.crls);
  }
  return out;
}

describe('PAdES levels B-B → B-T → B-LT → B-LTA on a PDF we assemble', () => {
  it('detects each level and validates online, then offline from the DSS without network requests', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signHomeroom });
    const online = { trustStore, fetcher };
    let report = await verifyPdf(pdf.bytes, online);
    expect(report.signatures[0]).toMatchObject({ id: 'GVCN', level: 'B-B', indication: 'TOTAL_PASSED' });
    expect(report.signatures[0]!.signer.commonName).toBe('Trần Văn Minh');
    expect(report.signatures[0]!.chain.length).toBeGreaterThanOrEqual(2);

    await pdf.signAsync({ field: 'DocTS1', subFilter: 'ETSI.RFC3161', cms: docTimestamp });
    report = await verifyPdf(pdf.bytes, online);
    expect(report.signatures.map((s) => [s.id, s.level, s.indication])).toEqual([
      ['GVCN', 'B-T', 'TOTAL_PASSED'], ['DocTS1', undefined, 'TOTAL_PASSED']]);
    const gvcn = report.signatures[0]!;
    expect(gvcn.timestamps).toMatchObject([{ kind: 'document', indication: 'TOTAL_PASSED' }]);
    expect(gvcn.bestSignatureTime.getTime()).toBe(gvcn.timestamps[0]!.genTime!.getTime());
    expect(gvcn.modificationsAfter).toContainEqual(expect.objectContaining({ description: expect.stringContaining('new document timestamp'), allowed: true }));

    pdf.addDss(await validationDataFor([homeroom.certDer, fixtureCert('tsa')]));
    report = await verifyPdf(pdf.bytes, online);
    expect(report.signatures[0]).toMatchObject({ level: 'B-LT', indication: 'TOTAL_PASSED' });

    await pdf.signAsync({ field: 'DocTS2', subFilter: 'ETSI.RFC3161', cms: docTimestamp });
    report = await verifyPdf(pdf.bytes, online);
    expect(report.signatures.map((s) => [s.id, s.level, s.indication])).toEqual([
      ['GVCN', 'B-LTA', 'TOTAL_PASSED'], ['DocTS1', undefined, 'TOTAL_PASSED'], ['DocTS2', undefined, 'TOTAL_PASSED']]);
    expect(report.indication).toBe('TOTAL_PASSED');

    // offline: everything comes from the DSS and the CMS, no request reaches the services
    const before = services.requestCount('ocsp:') + services.requestCount('pki:');
    report = await verifyPdf(pdf.bytes, { trustStore, offline: true });
    expect(report.signatures[0]).toMatchObject({ level: 'B-LTA', indication: 'TOTAL_PASSED' });
    expect(services.requestCount('ocsp:') + services.requestCount('pki:')).toBe(before);

    // a tampered copy fails whatever the level
    const tampered = pdf.bytes.slice();
    const at = Buffer.from(tampered).indexOf('Nguyen Van A');
    tampered[at] = 'M'.charCodeAt(0);
    report = await verifyPdf(tampered, { trustStore, offline: true });
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(report.indication).toBe('TOTAL_FAILED');
  });

  it('validates a B-T signature at its timestamp time after the signer certificate expired (offline, from the DSS)', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: signHomeroom });
    await pdf.signAsync({ field: 'DocTS1', subFilter: 'ETSI.RFC3161', cms: docTimestamp });
    pdf.addDss(await validationDataFor([homeroom.certDer, fixtureCert('tsa')]));
    await pdf.signAsync({ field: 'DocTS2', subFilter: 'ETSI.RFC3161', cms: docTimestamp });
    const later = new Date('2031-06-01T00:00:00Z'); // homeroom expired 2031-01-01; the TSA certificate is valid to 2035
    const report = await verifyPdf(pdf.bytes, { trustStore, offline: true, at: later });
    const s = report.signatures[0]!;
    expect(s.bestSignatureTime.getTime()).toBeLessThan(new Date('2031-01-01T00:00:00Z').getTime());
    expect(s.level).toBe('B-LTA');
    expect([s.indication, s.subIndication, s.findings.map((f) => f.code)]).toEqual(['TOTAL_PASSED', undefined, expect.any(Array)]);
    // without the timestamps' proof of existence the same signature cannot be accepted in 2031
    const bare = TestPdf.create();
    bare.sign({ field: 'GVCN', cms: signHomeroom });
    const r2 = await verifyPdf(bare.bytes, { trustStore, offline: true, at: later });
    expect(r2.signatures[0]).toMatchObject({ indication: "INDETERMINATE", subIndication: "OUT_OF_BOUNDS_NO_POE" });
    // the newest document timestamp has no later proof of existence: its TSA needs fresh revocation data in 2031
    expect(report.signatures[2]).toMatchObject({ id: 'DocTS2', indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
  });

  it('judges a revoked signer at the time a timestamp proves: revoked after it -> valid, revoked before it -> REVOKED', async () => {
    const revoked = fixtureIdentity('revoked'); // revoked 2026-10-01 (keyCompromise)
    const verdictWithTimestampAt = async (genTime: string | undefined) => {
      const pdf = TestPdf.create();
      pdf.sign({ field: 'GVBM', cms: (chunks) => opensslCmsSign(box.dir, revoked, Buffer.concat(chunks)) });
      if (genTime) await pdf.signAsync({ field: 'DocTS', subFilter: 'ETSI.RFC3161', cms: (chunks) => craftedToken(chunks, genTime) });
      const report = await verifyPdf(pdf.bytes, { trustStore, fetcher });
      return [report.signatures[0]!.indication, report.signatures[0]!.subIndication];
    };
    expect(await verdictWithTimestampAt(undefined)).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(await verdictWithTimestampAt('20261015000000Z')).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(await verdictWithTimestampAt('20260901000000Z')).toEqual(['TOTAL_PASSED', undefined]);
  });
});

/**
 * An RFC 3161 token with a chosen genTime, signed by the test TSA key with `openssl cms` (a live TSA only
 * stamps "now"): TSTInfo built by hand, encapsulated, ESS signingCertificateV2 via -cades.
 */
function craftedToken(chunks: [Uint8Array, Uint8Array], genTime: string): Uint8Array {
  const digest = createHash('sha256').update(chunks[0]).update(chunks[1]).digest();
  const tstInfo = derTlv(0x30, concatBytes(
    derTlv(0x02, Uint8Array.of(1)),
    derOid('2.999.1.2'),
    derTlv(0x30, concatBytes(derTlv(0x30, concatBytes(derOid('2.16.840.1.101.3.4.2.1'), derTlv(0x05, new Uint8Array(0)))), derTlv(0x04, digest))),
    derTlv(0x02, Uint8Array.of(0x42)),
    derTlv(0x18, Uint8Array.from(Buffer.from(genTime, 'latin1'))),
  ));
  const input = join(box.dir, 'tstinfo.der');
  const output = join(box.dir, 'token.der');
  writeFileSync(input, tstInfo);
  const tsa = fixtureIdentity('tsa');
  execFileSync('openssl', ['cms', '-sign', '-binary', '-nodetach', '-cades', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', input,
    '-signer', tsa.certPath, '-inkey', tsa.keyPath, '-certfile', tsa.chainPath!, '-outform', 'DER', '-out', output, '-md', 'sha256']);
  return new Uint8Array(readFileSync(output));
}
