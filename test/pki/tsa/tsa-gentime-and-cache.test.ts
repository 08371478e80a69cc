import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCertificate, type NameAttribute } from '../../../fixtures/pki/lib/certificate.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { createTrustStore, type TrustStore } from '../../../src/pki/trust/index.js';
import { httpTimestampAuthority } from '../../../src/pki/tsa/http-authority.js';
import { decodeTimestampToken } from '../../../src/pki/tsa/parse-token.js';
import { verifyTimestampToken } from '../../../src/pki/tsa/verify-token.js';
import type { ValidationData } from '../../../src/pki/types.js';
import { validateCertificate } from '../../../src/pki/validate-certificate.js';
import { FIXTURES_PKI, startPkiServices, TEST_TSA_POLICY, type PkiServices } from '../../helpers/pki-services.js';

const run = promisify(execFile);
const DAY = 86_400_000;
let services: PkiServices;
let trustStore: TrustStore;
let dir: string;
let token: Uint8Array;
let tsaData: ValidationData;
const data = new TextEncoder().encode('Học bạ lớp 12A1');
const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code);
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES_PKI, name));

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu'] });
  const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  trustStore = createTrustStore({ anchors: [services.fixture('root-neac.cert.der')] });
  dir = mkdtempSync(join(tmpdir(), 'edusign-tsa-gentime-'));
  token = await httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(new Uint8Array(createHash('sha256').update(data).digest()), 'SHA-256');
  tsaData = (await validateCertificate(services.fixture('tsa.cert.der'), { trustStore, fetcher, purpose: 'timeStamping' })).validationData;
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A TSA certificate (the test TSA key, issued by ca-edu, critical EKU timeStamping) with the given validity and
 * serial, and a real `openssl ts -reply` token signed with it now. Serial 0x1106 is revoked in ca-edu's CRL.
 */
async function tokenFromTsa(notBefore: Date, notAfter: Date, serial = 0x7e57n): Promise<{ token: Uint8Array; certDer: Buffer }> {
  const caName: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'CA Giáo dục thử nghiệm']];
  const tsaKey = createPrivateKey(fixture('tsa.key.pem'));
  const caKey = createPrivateKey(fixture('ca-edu.key.pem'));
  const spki = (k: ReturnType<typeof createPrivateKey>) => createPublicKey(k).export({ type: 'spki', format: 'der' });
  const certDer = buildCertificate({
    serial, subject: [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', `TSA thử ${serial}`]], notBefore, notAfter,
    keyUsage: ['digitalSignature'], extendedKeyUsage: { oids: ['1.3.6.1.5.5.7.3.8'], critical: true },
    crlUrl: 'http://pki.edusign.test/ca-edu.crl',
  }, { privateKey: tsaKey, spki: spki(tsaKey), algorithm: 'rsa' }, { subject: caName, key: { privateKey: caKey, spki: spki(caKey), algorithm: 'rsa' } });
  const pem = `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  writeFileSync(join(dir, 'late.pem'), pem);
  writeFileSync(join(dir, 'data.bin'), data);
  writeFileSync(join(dir, 'tsa.cnf'), ['[tsa]', 'default_tsa = t', '[t]', `serial = ${join(dir, 'serial')}`,
    `signer_cert = ${join(dir, 'late.pem')}`, `signer_key = ${join(FIXTURES_PKI, 'tsa.key.pem')}`, 'signer_digest = sha256',
    `default_policy = ${TEST_TSA_POLICY}`, 'digests = sha256', 'ess_cert_id_alg = sha256', ''].join('\n'));
  writeFileSync(join(dir, 'serial'), '01\n');
  await run('openssl', ['ts', '-query', '-data', join(dir, 'data.bin'), '-sha256', '-cert', '-out', join(dir, 'q.tsq')]);
  await run('openssl', ['ts', '-reply', '-config', join(dir, 'tsa.cnf'), '-queryfile', join(dir, 'q.tsq'), '-token_out', '-out', join(dir, 'token.der')]);
  return { token: new Uint8Array(readFileSync(join(dir, 'token.der'))), certDer };
}

describe('verifyTimestampToken: genTime must fall inside the TSA certificate validity', () => {
  it('a token whose genTime precedes its TSA certificate fails even when the path is validated at a time the certificate is valid', async () => {
    const notBefore = new Date(Date.now() + 30 * DAY);
    const late = await tokenFromTsa(notBefore, new Date(notBefore.getTime() + 365 * DAY));
    const at = new Date(notBefore.getTime() + DAY);
    const verification = await verifyTimestampToken(late.token, {
      data, trustStore, at, offline: true, revocation: { mode: 'soft-fail' }, extraCertificates: [services.fixture('ca-edu.cert.der')],
    });
    expect([verification.indication, verification.subIndication]).toEqual(['TOTAL_FAILED', 'NOT_YET_VALID']);
    expect(codes(verification)[0]).toBe('TSA_CERT_NOT_VALID_AT_GENTIME');
    expect(verification.tsa?.indication).toBe('TOTAL_PASSED'); // the path alone (soft-fail revocation) was fine at `at`
  });

  it('the genuine token passes, and the TSA path can be validated at a later proof-of-existence time', async () => {
    const verification = await verifyTimestampToken(token, { data, trustStore, offline: true, validationData: tsaData });
    expect([verification.indication, verification.subIndication]).toEqual(['TOTAL_PASSED', undefined]);
    expect(codes(verification)).not.toContain('TSA_CERT_NOT_VALID_AT_GENTIME');
  });
});

describe('verifyTimestampToken: a TSA certificate revoked before or after genTime', () => {
  const validity = [new Date('2025-01-01T00:00:00Z'), new Date('2035-01-01T00:00:00Z')] as const;

  it('revoked (2026-10-01, CRL) before the genTime of a token made now: TOTAL_FAILED / REVOKED', async () => {
    const revokedTsa = await tokenFromTsa(...validity, 0x1106n);
    const crl = await services.makeCrl('ca-edu');
    const verification = await verifyTimestampToken(revokedTsa.token, {
      data, trustStore, offline: true, validationData: { crls: [crl] }, revocation: { mode: 'soft-fail', prefer: 'crl' },
      extraCertificates: [services.fixture('ca-edu.cert.der')],
    });
    expect([verification.indication, verification.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(codes(verification)).not.toContain('TSA_REVOKED_AFTER_GENTIME');
  });

  it('revoked after genTime (a token dated 2025 by the TSA, re-signed with openssl cms -cades): INDETERMINATE / REVOKED_NO_POE', async () => {
    const revokedTsa = await tokenFromTsa(...validity, 0x1106n);
    const tst = Buffer.from(decodeTimestampToken(revokedTsa.token).tstInfoDer);
    const at = tst.indexOf(Buffer.from([0x18, 0x0f, 0x32, 0x30, 0x32, 0x36])); // GeneralizedTime "2026…"
    expect(at).toBeGreaterThan(0);
    tst[at + 5] = 0x35; // genTime in 2025, before the revocation on 2026-10-01
    writeFileSync(join(dir, 'tst-2025.der'), tst);
    await run('openssl', ['cms', '-sign', '-in', join(dir, 'tst-2025.der'), '-binary', '-nodetach', '-econtent_type', '1.2.840.113549.1.9.16.1.4',
      '-signer', join(dir, 'late.pem'), '-inkey', join(FIXTURES_PKI, 'tsa.key.pem'), '-md', 'sha256', '-cades', '-outform', 'DER', '-out', join(dir, 'token-2025.der')]);
    const token2025 = new Uint8Array(readFileSync(join(dir, 'token-2025.der')));
    const crl = await services.makeCrl('ca-edu');
    const verification = await verifyTimestampToken(token2025, {
      data, trustStore, offline: true, validationData: { crls: [crl] }, revocation: { mode: 'soft-fail', prefer: 'crl' },
      extraCertificates: [services.fixture('ca-edu.cert.der')],
    });
    expect(verification.genTime?.getUTCFullYear()).toBe(2025);
    expect([verification.indication, verification.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
    expect(codes(verification)[0]).toBe('TSA_REVOKED_AFTER_GENTIME');
  });
});

describe('verifyTimestampToken with a shared cache (memoised token facts)', () => {
  it('gives the uncached result again and again, and a tampered token sharing the cache is judged on its own', async () => {
    const cache = createPkiCache();
    const options = { data, trustStore, offline: true, validationData: tsaData };
    const plainStore = { anchors: trustStore.anchors, intermediates: trustStore.intermediates }; // no memo
    const plain = await verifyTimestampToken(token, { ...options, trustStore: plainStore });
    expect(plain.indication).toBe('TOTAL_PASSED');
    expect(await verifyTimestampToken(token, { ...options, cache })).toEqual(plain);
    expect(await verifyTimestampToken(token, { ...options, cache })).toEqual(plain);
    const tampered = new Uint8Array(token);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0x01; // inside the CMS signature value
    const bad = await verifyTimestampToken(tampered, { ...options, cache });
    expect(bad.indication).toBe('TOTAL_FAILED');
    expect(await verifyTimestampToken(tampered, { ...options, trustStore: plainStore })).toEqual(bad);
    const other = await verifyTimestampToken(token, { ...options, cache, data: new TextEncoder().encode('khác') });
    expect([other.indication, other.subIndication]).toEqual(['TOTAL_FAILED', 'HASH_FAILURE']);
  });
});
