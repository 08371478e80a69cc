import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { createTrustStore, type TrustStore } from '../../../src/pki/trust/index.js';
import { httpTimestampAuthority } from '../../../src/pki/tsa/http-authority.js';
import { decodeTimestampToken } from '../../../src/pki/tsa/parse-token.js';
import { verifyTimestampToken } from '../../../src/pki/tsa/verify-token.js';
import type { Fetcher } from '../../../src/pki/types.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../../helpers/pki-services.js';

const run = promisify(execFile);
let services: PkiServices;
let fetcher: Fetcher;
let trustStore: TrustStore;
let dir: string;
const data = new TextEncoder().encode('Sổ điểm lớp 11A2, học kỳ I');
const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());
const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code);

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  trustStore = createTrustStore({ anchors: [services.fixture('root-neac.cert.der')] });
  dir = mkdtempSync(join(tmpdir(), 'edusign-tsa-verify-'));
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('verifyTimestampToken', () => {
  it('passes a token from our client: imprint, CMS signature, ESS binding, TSA path and revocation', async () => {
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(sha256(data), 'SHA-256');
    const byData = await verifyTimestampToken(token, { data, trustStore, fetcher });
    expect([byData.indication, byData.subIndication]).toEqual(['TOTAL_PASSED', undefined]);
    expect(byData.hashAlgorithm).toBe('SHA-256');
    expect(byData.genTime).toBeInstanceOf(Date);
    expect(byData.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(byData.tsa?.chain).toHaveLength(3);
    expect(byData.tsa?.revocation.map((r) => r.status)).toEqual(['good', 'good']);
    const byDigest = await verifyTimestampToken(token, { digest: sha256(data), hashAlgorithm: 'SHA-256', trustStore, fetcher });
    expect(byDigest.indication).toBe('TOTAL_PASSED');
  });

  it('a token without certificates (certReq false, SHA-512) needs the TSA certificate supplied', async () => {
    const digest = new Uint8Array(createHash('sha512').update(data).digest());
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher, certReq: false }).timestamp(digest, 'SHA-512');
    expect(decodeTimestampToken(token).info.certificates).toEqual([]);
    const alone = await verifyTimestampToken(token, { digest, hashAlgorithm: 'SHA-512', trustStore, fetcher });
    expect([alone.indication, alone.subIndication]).toEqual(['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']);
    const helped = await verifyTimestampToken(token, {
      digest, hashAlgorithm: 'SHA-512', trustStore, fetcher, extraCertificates: [services.fixture('tsa.cert.der')],
    });
    expect(helped.indication).toBe('TOTAL_PASSED');
    const wrongAlgorithm = await verifyTimestampToken(token, { digest, hashAlgorithm: 'SHA-256', trustStore, fetcher });
    expect(wrongAlgorithm.subIndication).toBe('HASH_FAILURE');
  });

  it('a substituted TSA certificate (same key, issuer and serial, other content) breaks the ESS binding', async () => {
    const digest = sha256(data);
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher, certReq: false }).timestamp(digest, 'SHA-256');
    writeFileSync(join(dir, 'ext.cnf'), 'extendedKeyUsage = critical, timeStamping\nkeyUsage = critical, digitalSignature\n');
    await run('openssl', ['req', '-new', '-key', join(FIXTURES_PKI, 'tsa.key.pem'), '-subj', '/C=VN/O=edusign-vn test/CN=TSA impostor',
      '-out', join(dir, 'impostor.csr')]);
    await run('openssl', ['x509', '-req', '-in', join(dir, 'impostor.csr'), '-CA', join(FIXTURES_PKI, 'ca-edu.cert.pem'),
      '-CAkey', join(FIXTURES_PKI, 'ca-edu.key.pem'), '-set_serial', '0x110A', '-days', '30', '-sha256',
      '-extfile', join(dir, 'ext.cnf'), '-outform', 'DER', '-out', join(dir, 'impostor.der')]);
    const impostor = new Uint8Array(readFileSync(join(dir, 'impostor.der')));
    const verification = await verifyTimestampToken(token, { digest, trustStore, fetcher, extraCertificates: [impostor] });
    expect([verification.indication, verification.subIndication]).toEqual(['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']);
    expect(codes(verification)).toEqual(['TSA_ESS_CERT_ID_MISMATCH']);
  });

  it('passes a token made by openssl ts -reply (SHA-384 imprint, no nonce)', async () => {
    const dataFile = join(dir, 'data.bin');
    writeFileSync(dataFile, data);
    const query = join(dir, 'q.tsq');
    await run('openssl', ['ts', '-query', '-data', dataFile, '-sha384', '-cert', '-no_nonce', '-out', query]);
    const reply = join(dir, 'r.der');
    await run('openssl', ['ts', '-reply', '-config', join(services.dir, 'tsa.cnf'), '-queryfile', query, '-token_out', '-out', reply]);
    const verification = await verifyTimestampToken(new Uint8Array(readFileSync(reply)), { data, trustStore, fetcher });
    expect(verification.indication).toBe('TOTAL_PASSED');
    expect(verification.hashAlgorithm).toBe('SHA-384');
  });

  it('fails other data, a tampered token, garbage, and an untrusted TSA', async () => {
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(sha256(data), 'SHA-256');
    const other = await verifyTimestampToken(token, { data: new TextEncoder().encode('khác'), trustStore, fetcher });
    expect([other.indication, other.subIndication]).toEqual(['TOTAL_FAILED', 'HASH_FAILURE']);

    const { tstInfoDer } = decodeTimestampToken(token);
    const genTimeAt = Buffer.from(token).indexOf(Buffer.from(tstInfoDer)) + Buffer.from(tstInfoDer).indexOf(0x18); // GeneralizedTime tag
    const tampered = new Uint8Array(token);
    tampered[genTimeAt + 5]! ^= 0x01; // one digit of the year of genTime
    const altered = await verifyTimestampToken(tampered, { data, trustStore, fetcher });
    expect(altered.indication).toBe('TOTAL_FAILED');
    expect(altered.subIndication).toBe('HASH_FAILURE');
    expect(codes(altered)).toEqual(['TSA_TSTINFO_ALTERED']);

    const garbage = await verifyTimestampToken(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), { data, trustStore });
    expect([garbage.indication, garbage.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);

    const untrusted = await verifyTimestampToken(token, { data, trustStore: createTrustStore({ anchors: [services.fixture('root-vgca.cert.der')] }), fetcher });
    expect([untrusted.indication, untrusted.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
  });

  it('rejects a token-shaped CMS signed (openssl cms -sign -cades) by a certificate without the timeStamping EKU', async () => {
    // openssl ts -reply refuses such a signer, so sign a genuine TSTInfo with openssl cms instead
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(sha256(data), 'SHA-256');
    const tstFile = join(dir, 'tst.der');
    writeFileSync(tstFile, decodeTimestampToken(token).tstInfoDer);
    const forged = join(dir, 'forged.der');
    await run('openssl', ['cms', '-sign', '-in', tstFile, '-binary', '-nodetach', '-econtent_type', '1.2.840.113549.1.9.16.1.4',
      '-signer', join(FIXTURES_PKI, 'wrong-eku.cert.pem'), '-inkey', join(FIXTURES_PKI, 'wrong-eku.key.pem'), '-md', 'sha256', '-cades',
      '-outform', 'DER', '-out', forged]);
    const verification = await verifyTimestampToken(new Uint8Array(readFileSync(forged)), { data, trustStore, fetcher });
    expect([verification.indication, verification.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    expect(codes(verification)).toEqual(['TSA_EKU_INVALID']);
  });
});
