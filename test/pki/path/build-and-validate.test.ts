import { describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import type { PathValidationOptions } from '../../../src/pki/path/types.js';
import { validatePath } from '../../../src/pki/path/validate-path.js';
import { decodeCertificate } from '../../../src/pki/cert/decode-certificate.js';
import { certDer } from '../cert/fixture.js';
import { fixtureFetcher, NOW, standardStore } from './helpers.js';

const sha = (name: string) => decodeCertificate(certDer(name)).sha256;
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

function check(name: string, options: Partial<PathValidationOptions> = {}) {
  return buildAndValidatePath(certDer(name), { trustStore: standardStore(), at: NOW, ...options });
}

describe('buildAndValidatePath: the test PKI', () => {
  it.each(['teacher', 'teacher2', 'homeroom', 'principal', 'teacher-ecdsa', 'revoked'])('%s chains to root-neac through ca-edu', async (name) => {
    const r = await check(name);
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_PASSED', undefined]);
    expect(r.chain.map((c) => c.sha256)).toEqual([sha(name), sha('ca-edu'), sha('root-neac')]);
    expect(r.chain.map((c) => c.source)).toEqual(['supplied', 'store', 'trust-anchor']);
    expect(r.trustAnchor?.subject).toBe('CN=Root CA Thử nghiệm (NEAC-like), O=edusign-vn test, C=VN');
  });

  it('the school seal chains to the VGCA-like root', async () => {
    const r = await check('school-seal');
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.chain.map((c) => c.sha256)).toEqual([sha('school-seal'), sha('ca-vgca-sub'), sha('root-vgca')]);
  });

  it('expired: OUT_OF_BOUNDS_NO_POE now, valid at a time inside its validity', async () => {
    const now = await check('expired');
    expect([now.indication, now.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    expect(codes(now)).toContain('CERT_EXPIRED_AT_TIME');
    expect(now.chain).toHaveLength(3);
    expect((await check('expired', { at: new Date('2023-06-01T00:00:00Z') })).indication).toBe('TOTAL_PASSED');
  });

  it('not yet valid: TOTAL_FAILED / NOT_YET_VALID', async () => {
    const r = await check('not-yet-valid');
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'NOT_YET_VALID']);
  });

  it('keyUsage without digitalSignature/nonRepudiation cannot sign documents', async () => {
    const r = await check('no-signing-ku');
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    expect(codes(r)).toContain('KEY_USAGE_NOT_FOR_SIGNING');
    expect((await check('no-signing-ku', { purpose: 'any' })).indication).toBe('TOTAL_PASSED');
  });

  it('purposes: TSA and OCSP certificates for their jobs only, wrong EKU refused', async () => {
    expect((await check('tsa', { purpose: 'timeStamping' })).indication).toBe('TOTAL_PASSED');
    expect(codes(await check('tsa', { purpose: 'documentSigning' }))).toContain('EKU_NOT_FOR_PURPOSE');
    expect((await check('ocsp-ca-edu', { purpose: 'ocspSigning' })).indication).toBe('TOTAL_PASSED');
    expect((await check('ocsp-ca-vgca-sub', { purpose: 'ocspSigning' })).indication).toBe('TOTAL_PASSED');
    for (const [name, purpose] of [['teacher', 'timeStamping'], ['teacher', 'ocspSigning'], ['wrong-eku', 'ocspSigning'], ['wrong-eku', 'timeStamping']] as const) {
      const r = await check(name, { purpose });
      expect([name, purpose, r.subIndication, codes(r)]).toEqual([name, purpose, 'CHAIN_CONSTRAINTS_FAILURE', expect.arrayContaining(['EKU_NOT_FOR_PURPOSE'])]);
    }
  });

  it('an unknown critical extension is refused', async () => {
    const r = await check('unknown-critical');
    expect(r.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(r.findings.find((f) => f.code === 'UNKNOWN_CRITICAL_EXTENSION')?.message).toContain('2.999.2.1');
  });

  it('a path that violates pathLen 0 of ca-edu is refused', async () => {
    const r = await check('pathlen-leaf', { extraCertificates: [certDer('sub-ca-pathlen')] });
    expect(r.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(codes(r)).toContain('PATH_LENGTH_EXCEEDED');
    expect(r.chain.map((c) => c.source)).toEqual(['supplied', 'signature', 'store', 'trust-anchor']);
  });

  it('algorithm policy: MD5 never, SHA-1 and RSA-1024 only before the cut-off date', async () => {
    const legacy = { legacyAlgorithmsUntil: new Date('2030-01-01T00:00:00Z') };
    for (const [name, code] of [['weak-rsa1024', 'WEAK_KEY'], ['sha1-signed', 'WEAK_HASH_SHA1']] as const) {
      const r = await check(name);
      expect([r.subIndication, codes(r)]).toEqual(['CRYPTO_CONSTRAINTS_FAILURE', expect.arrayContaining([code])]);
      expect((await check(name, { cryptoPolicy: legacy })).indication).toBe('TOTAL_PASSED');
    }
    const md5 = await check('md5-signed', { cryptoPolicy: legacy });
    expect([md5.subIndication, codes(md5)]).toEqual(['CRYPTO_CONSTRAINTS_FAILURE', expect.arrayContaining(['WEAK_HASH_MD5'])]);
  });

  it('a certificate whose signature was altered fails with CERTIFICATE_CHAIN_GENERAL_FAILURE', async () => {
    const der = Uint8Array.from(certDer('teacher'));
    der[der.length - 10] = (der[der.length - 10] ?? 0) ^ 0x01;
    const r = await buildAndValidatePath(der, { trustStore: standardStore(), at: NOW });
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE']);
    expect(codes(r)).toContain('CERT_SIGNATURE_INVALID');
  });

  it('a trust anchor validates by itself; no anchor means NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const root = await check('root-neac', { purpose: 'any' });
    expect([root.indication, root.chain.length, root.chain[0]?.source]).toEqual(['TOTAL_PASSED', 1, 'trust-anchor']);
    const none = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(['root-vgca']), at: NOW, offline: true });
    expect([none.indication, none.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(none.chain.map((c) => c.sha256)).toEqual([sha('teacher'), sha('ca-edu')]);
    expect(codes(none)).toContain('NO_TRUST_ANCHOR');
  });

  it('a malformed helper certificate is skipped and noted, not fatal', async () => {
    const junk = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05);
    const ok = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(), at: NOW, extraCertificates: [junk] });
    expect(ok.indication).toBe('TOTAL_PASSED');
    const none = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(['root-vgca']), at: NOW, extraCertificates: [junk] });
    expect(codes(none)).toEqual(expect.arrayContaining(['NO_TRUST_ANCHOR', 'HELPER_CERTIFICATE_MALFORMED']));
  });

  it('corrupt DER is a CERT_MALFORMED error, not a result', async () => {
    const bad = certDer('teacher').subarray(0, 200);
    await expect(buildAndValidatePath(bad, { trustStore: standardStore(), at: NOW })).rejects.toSatisfy(
      (e: unknown) => isEdusignError(e) && e.code === 'CERT_MALFORMED',
    );
  });
});

describe('validatePath: CA checks', () => {
  const decoded = (name: string) => decodeCertificate(certDer(name));
  const at = NOW;
  it('an anchor without basicConstraints (v1-style root) is accepted; an intermediate without it is not', () => {
    const root = decoded('root-neac');
    delete root.extensions.basicConstraints;
    expect(validatePath([decoded('teacher'), decoded('ca-edu'), root], { at, purpose: 'documentSigning' }).map((p) => p.finding.code)).toEqual([]);
    const ca = decoded('ca-edu');
    delete ca.extensions.basicConstraints;
    expect(validatePath([decoded('teacher'), ca, decoded('root-neac')], { at, purpose: 'documentSigning' }).map((p) => p.finding.code)).toEqual(['NOT_A_CA']);
  });

  it('an end certificate used as an issuer is NOT_A_CA; an anchor asserting cA=false is refused', () => {
    const codes = validatePath([decoded('teacher2'), decoded('teacher'), decoded('root-neac')], { at, purpose: 'any' }).map((p) => p.finding.code);
    expect(codes).toEqual(expect.arrayContaining(['NOT_A_CA', 'CA_KEY_CERT_SIGN_MISSING']));
    const anchorLeaf = validatePath([decoded('teacher2'), decoded('teacher')], { at, purpose: 'any' }).map((p) => p.finding.code);
    expect(anchorLeaf).toEqual(expect.arrayContaining(['NOT_A_CA']));
  });
});

describe('buildAndValidatePath: several candidates, cross-certificates, AIA', () => {
  it('skips an expired copy of the CA certificate (same name and key) and uses the valid one', async () => {
    const store = standardStore(['root-neac'], ['ca-edu-expired', 'ca-edu']);
    const r = await buildAndValidatePath(certDer('teacher'), { trustStore: store, at: NOW });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.chain[1]?.sha256).toBe(sha('ca-edu'));
    // Both candidate paths fail for an expired leaf: both are tried and the better one reported.
    const expired = await buildAndValidatePath(certDer('expired'), { trustStore: store, at: NOW });
    expect(expired.pathsTried).toBe(2);
    expect(expired.chain[1]?.sha256).toBe(sha('ca-edu'));
    expect(expired.findings.filter((f) => f.code === 'CERT_EXPIRED_AT_TIME')).toHaveLength(1);
  });

  it('follows a cross-certificate when only root-neac is trusted, and prefers the VGCA root when trusted', async () => {
    const extra = [certDer('root-vgca'), certDer('root-vgca-cross')];
    const neacOnly = await buildAndValidatePath(certDer('school-seal'), { trustStore: standardStore(['root-neac']), at: NOW, extraCertificates: extra });
    expect(neacOnly.indication).toBe('TOTAL_PASSED');
    expect(neacOnly.chain.map((c) => c.sha256)).toEqual([sha('school-seal'), sha('ca-vgca-sub'), sha('root-vgca-cross'), sha('root-neac')]);
    const both = await buildAndValidatePath(certDer('school-seal'), { trustStore: standardStore(), at: NOW, extraCertificates: extra });
    expect(both.chain.map((c) => c.sha256)).toEqual([sha('school-seal'), sha('ca-vgca-sub'), sha('root-vgca')]);
  });

  it('downloads a missing intermediate through AIA caIssuers, once, and reports it', async () => {
    const fetcher = fixtureFetcher(['ca-edu']);
    const r = await buildAndValidatePath(certDer('principal'), { trustStore: standardStore(['root-neac'], []), at: NOW, fetcher });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.chain.map((c) => c.source)).toEqual(['supplied', 'aia', 'trust-anchor']);
    expect(fetcher.calls).toEqual(['http://pki.edusign.test/ca-edu.cer']);
    expect(r.fetchedCertificates).toEqual([certDer('ca-edu')]);
  });

  it('tries AIA after a failing local candidate path', async () => {
    const fetcher = fixtureFetcher(['ca-edu']);
    const r = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(['root-neac'], ['ca-edu-expired']), at: NOW, fetcher });
    expect([r.indication, r.pathsTried, r.chain[1]?.source]).toEqual(['TOTAL_PASSED', 2, 'aia']);
  });

  it('uses the caller cache for AIA', async () => {
    const store = new Map<string, Uint8Array>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: Uint8Array) => void store.set(k, v) };
    const fetcher = fixtureFetcher(['ca-edu']);
    const options = { trustStore: standardStore(['root-neac'], []), at: NOW, fetcher, cache };
    await buildAndValidatePath(certDer('teacher'), options);
    const again = await buildAndValidatePath(certDer('homeroom'), options);
    expect(again.indication).toBe('TOTAL_PASSED');
    expect(fetcher.calls).toHaveLength(1);
  });

  it('offline, without a fetcher, or with a failing server: NO_CERTIFICATE_CHAIN_FOUND with the reason', async () => {
    const store = standardStore(['root-neac'], []);
    const offline = await buildAndValidatePath(certDer('teacher'), { trustStore: store, at: NOW, offline: true, fetcher: fixtureFetcher(['ca-edu']) });
    expect([offline.subIndication, codes(offline)]).toEqual(['NO_CERTIFICATE_CHAIN_FOUND', ['NO_TRUST_ANCHOR', 'AIA_OFFLINE']]);
    expect(codes(await buildAndValidatePath(certDer('teacher'), { trustStore: store, at: NOW }))).toContain('AIA_NO_FETCHER');
    const failing = await buildAndValidatePath(certDer('teacher'), { trustStore: store, at: NOW, fetcher: fixtureFetcher([]) });
    expect(failing.findings.find((f) => f.code === 'AIA_FETCH_FAILED')?.message).toContain('NETWORK_ERROR');
    const garbage = fixtureFetcher([], { 'http://pki.edusign.test/ca-edu.cer': Uint8Array.of(0x30, 0x03, 1, 2, 3) });
    const bad = await buildAndValidatePath(certDer('teacher'), { trustStore: store, at: NOW, fetcher: garbage });
    expect(bad.findings.find((f) => f.code === 'AIA_FETCH_FAILED')?.message).toContain('CERT_MALFORMED');
  });

  it('an AIA loop ends: each URL fetched once, no chain found', async () => {
    const fetcher = fixtureFetcher(['loop-a', 'loop-b']);
    const r = await buildAndValidatePath(certDer('loop-leaf'), { trustStore: standardStore(), at: NOW, fetcher });
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect([...fetcher.calls].sort()).toEqual(['http://pki.edusign.test/loop-a.cer', 'http://pki.edusign.test/loop-b.cer']);
    expect(r.chain.map((c) => c.sha256)).toEqual([sha('loop-leaf'), sha('loop-a'), sha('loop-b')]);
  });

  it('respects the AIA download limit', async () => {
    const fetcher = fixtureFetcher(['loop-a', 'loop-b']);
    const r = await buildAndValidatePath(certDer('loop-leaf'), { trustStore: standardStore(), at: NOW, fetcher, limits: { maxAiaFetches: 1 } });
    expect(fetcher.calls).toHaveLength(1);
    expect(codes(r)).toContain('AIA_LIMIT_REACHED');
  });
});
