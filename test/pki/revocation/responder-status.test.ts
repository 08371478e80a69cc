import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCertificate, type NameAttribute } from '../../../fixtures/pki/lib/certificate.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { parseCertificateDer } from '../../../src/pki/revocation/cert-facts.js';
import { buildOcspRequest } from '../../../src/pki/revocation/ocsp-request.js';
import { createTrustStore, type TrustStore } from '../../../src/pki/trust/index.js';
import { validateCertificate } from '../../../src/pki/validate-certificate.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../../helpers/pki-services.js';

const run = promisify(execFile);
let services: PkiServices;
let trustStore: TrustStore;
let dir: string;
let caEduCrl: Uint8Array;
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES_PKI, name));
const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code);

beforeAll(async () => {
  services = await startPkiServices({ tsa: false, ocspCas: [], crlCas: ['ca-edu'] });
  trustStore = createTrustStore({ anchors: [services.fixture('root-neac.cert.der')], intermediates: [services.fixture('ca-edu.cert.der')] });
  dir = mkdtempSync(join(tmpdir(), 'edusign-responder-'));
  caEduCrl = await services.makeCrl('ca-edu');
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A real `openssl ocsp` answer about `teacher`, signed by a delegated responder certificate (ca-edu issued,
 * id-kp-OCSPSigning, NO id-pkix-ocsp-nocheck) with serial `serial`. 0x1106 is the serial ca-edu's CRL lists as
 * revoked (keyCompromise), so that responder is revoked for the CRL.
 */
async function answerFromResponderWithoutNocheck(serial: bigint): Promise<Uint8Array> {
  const caName: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'CA Giáo dục thử nghiệm']];
  const responderKey = createPrivateKey(fixture('ocsp-ca-edu.key.pem'));
  const caKey = createPrivateKey(fixture('ca-edu.key.pem'));
  const spki = (k: ReturnType<typeof createPrivateKey>) => createPublicKey(k).export({ type: 'spki', format: 'der' });
  const certDer = buildCertificate({
    serial, subject: [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', `OCSP không nocheck ${serial}`]],
    notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z'),
    keyUsage: ['digitalSignature'], extendedKeyUsage: { oids: ['1.3.6.1.5.5.7.3.9'], critical: false },
    crlUrl: 'http://pki.edusign.test/ca-edu.crl',
  }, { privateKey: responderKey, spki: spki(responderKey), algorithm: 'rsa' }, { subject: caName, key: { privateKey: caKey, spki: spki(caKey), algorithm: 'rsa' } });
  const pem = `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  const files = { cert: join(dir, `r${serial}.pem`), req: join(dir, `q${serial}.der`), resp: join(dir, `a${serial}.der`) };
  writeFileSync(files.cert, pem);
  const request = await buildOcspRequest(parseCertificateDer(services.fixture('teacher.cert.der')), parseCertificateDer(services.fixture('ca-edu.cert.der')), { nonce: false });
  writeFileSync(files.req, request.der);
  await run('openssl', ['ocsp', '-index', join(FIXTURES_PKI, 'ca-edu.index.txt'), '-CA', join(FIXTURES_PKI, 'ca-edu.cert.pem'),
    '-rsigner', files.cert, '-rkey', join(FIXTURES_PKI, 'ocsp-ca-edu.key.pem'), '-reqin', files.req, '-respout', files.resp, '-ndays', '1']);
  return new Uint8Array(readFileSync(files.resp));
}

describe('delegated OCSP responder without id-pkix-ocsp-nocheck: its own status is checked with the CA CRL', () => {
  it('responder not revoked: the OCSP answer is used and the "not checked" warning disappears', async () => {
    const response = await answerFromResponderWithoutNocheck(0x7e58n);
    const result = await validateCertificate(services.fixture('teacher.cert.der'), {
      trustStore, offline: true, revocation: { mode: 'soft-fail' }, validationData: { ocspResponses: [response], crls: [caEduCrl] },
    });
    expect([result.revocation[0]?.status, result.revocation[0]?.source]).toEqual(['good', 'ocsp']);
    expect(codes(result.revocation[0] ?? { findings: [] })).not.toContain('OCSP_RESPONDER_STATUS_NOT_CHECKED');
    // The CRL that cleared the responder is part of the B-LT data, next to the OCSP response.
    expect(result.revocation[0]?.supporting?.crls).toEqual([caEduCrl]);
    expect(result.validationData.crls).toEqual([caEduCrl]);
    expect(result.validationData.ocspResponses).toEqual([response]);
  });

  it('responder revoked in the CRL: its answer is not trusted; the certificate status comes from the CRL instead', async () => {
    const response = await answerFromResponderWithoutNocheck(0x1106n);
    const result = await validateCertificate(services.fixture('teacher.cert.der'), {
      trustStore, offline: true, revocation: { mode: 'soft-fail' }, validationData: { ocspResponses: [response], crls: [caEduCrl] },
    });
    expect([result.revocation[0]?.status, result.revocation[0]?.source]).toEqual(['good', 'crl']);
    const onlyOcsp = await validateCertificate(services.fixture('teacher.cert.der'), {
      trustStore, offline: true, revocation: { mode: 'soft-fail' }, validationData: { ocspResponses: [response], crls: [] },
    });
    // Without the CRL nothing can be said about the responder: the answer is kept, with the warning (as before).
    expect([onlyOcsp.revocation[0]?.status, onlyOcsp.revocation[0]?.source]).toEqual(['good', 'ocsp']);
    expect(codes(onlyOcsp.revocation[0] ?? { findings: [] })).toContain('OCSP_RESPONDER_STATUS_NOT_CHECKED');
  });

  it('online: the responder status is fetched from its CRL distribution point', async () => {
    const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
    const response = await answerFromResponderWithoutNocheck(0x1106n);
    const before = services.requestCount('pki:/ca-edu.crl');
    const result = await validateCertificate(services.fixture('teacher.cert.der'), {
      trustStore, fetcher, revocation: { mode: 'soft-fail' }, validationData: { ocspResponses: [response] },
    });
    expect(services.requestCount('pki:/ca-edu.crl')).toBeGreaterThan(before);
    expect([result.revocation[0]?.status, result.revocation[0]?.source]).toEqual(['good', 'crl']);
    // A responder that is not revoked: its answer is used, and the fetched CRL that cleared it is gathered.
    const fine = await answerFromResponderWithoutNocheck(0x7e59n);
    const cache = createPkiCache();
    for (let round = 0; round < 2; round++) {
      const used = await validateCertificate(services.fixture('teacher.cert.der'), {
        trustStore, fetcher, cache, revocation: { mode: 'soft-fail' }, validationData: { ocspResponses: [fine] },
      });
      expect([used.revocation[0]?.status, used.revocation[0]?.source], `round ${round}`).toEqual(['good', 'ocsp']);
      expect(used.validationData.crls, `round ${round}`).toHaveLength(1);
    }
  });
});
