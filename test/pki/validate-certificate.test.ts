import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEdusignError } from '../../src/errors.js';
import { checkSignerCertificate } from '../../src/pki/check-signer.js';
import { createPkiCache } from '../../src/pki/net/cache.js';
import { createFetcher } from '../../src/pki/net/fetcher.js';
import { createTrustStore, type TrustStore } from '../../src/pki/trust/index.js';
import type { Fetcher } from '../../src/pki/types.js';
import { validateCertificate } from '../../src/pki/validate-certificate.js';
import { startPkiServices, type PkiServices } from '../helpers/pki-services.js';

let services: PkiServices;
let fetcher: Fetcher;
let trustStore: TrustStore;
const der = (name: string): Uint8Array => services.fixture(`${name}.cert.der`);
const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code);

beforeAll(async () => {
  services = await startPkiServices({ tsa: false });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  trustStore = createTrustStore({ anchors: [der('root-neac'), der('root-vgca')] });
});
afterAll(async () => services?.stop());

describe('validateCertificate (path + revocation against openssl services)', () => {
  it('passes a good teacher certificate, fetching ca-edu by AIA, and gathers B-LT data', async () => {
    const cache = createPkiCache();
    const result = await validateCertificate(der('teacher'), { trustStore, fetcher, cache });
    expect([result.indication, result.subIndication]).toEqual(['TOTAL_PASSED', undefined]);
    expect(result.chain.map((e) => e.subject)).toHaveLength(3);
    expect(result.revocation.map((r) => [r.status, r.source])).toEqual([['good', 'ocsp'], ['good', 'ocsp']]);
    expect(result.validationData.certificates).toHaveLength(3);
    expect(result.validationData.ocspResponses).toHaveLength(2);
    expect(result.validationData.crls).toHaveLength(0);
    const crlFirst = await validateCertificate(der('school-seal'), { trustStore, fetcher, revocation: { prefer: 'crl' } });
    expect(crlFirst.indication).toBe('TOTAL_PASSED');
    expect(crlFirst.validationData.crls).toHaveLength(2);
  });

  it('revoked: TOTAL_FAILED/REVOKED now; before the revocation date REVOKED_NO_POE, or passed when that time is proven', async () => {
    const now = await validateCertificate(der('revoked'), { trustStore, fetcher });
    expect([now.indication, now.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(codes(now)).toContain('CERT_REVOKED_BY_OCSP');
    const before = new Date('2026-06-01T00:00:00Z');
    const unproven = await validateCertificate(der('revoked'), { trustStore, fetcher, at: before });
    expect([unproven.indication, unproven.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
    const proven = await validateCertificate(der('revoked'), { trustStore, fetcher, at: before, atIsProven: true });
    expect(proven.indication).toBe('TOTAL_PASSED');
    expect(codes(proven)).toContain('CERT_REVOKED_AFTER_VALIDATION_TIME');
  });

  it('expired and not-yet-valid certificates keep the path conclusion', async () => {
    const expired = await validateCertificate(der('expired'), { trustStore, fetcher });
    expect(expired.indication).toBe('INDETERMINATE');
    expect(expired.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    const future = await validateCertificate(der('not-yet-valid'), { trustStore, fetcher });
    expect([future.indication, future.subIndication]).toEqual(['TOTAL_FAILED', 'NOT_YET_VALID']);
  });

  it('unknown revocation status: TRY_LATER under hard-fail, passed with a warning under soft-fail', async () => {
    const offline = await validateCertificate(der('teacher'), { trustStore, offline: true, extraCertificates: [der('ca-edu')] });
    expect([offline.indication, offline.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    const soft = await validateCertificate(der('teacher'), { trustStore, offline: true, extraCertificates: [der('ca-edu')], revocation: { mode: 'soft-fail' } });
    expect(soft.indication).toBe('TOTAL_PASSED');
    expect(codes(soft)).toContain('REVOCATION_SOFT_FAIL');
  });

  it('offline with the embedded data of an earlier online validation gives the same answer, with no request', async () => {
    const online = await validateCertificate(der('teacher'), { trustStore, fetcher });
    const before = services.requestCount('');
    const offline = await validateCertificate(der('teacher'), {
      trustStore, offline: true, fetcher, extraCertificates: online.validationData.certificates, validationData: online.validationData,
    });
    expect(services.requestCount('')).toBe(before);
    expect(offline.indication).toBe('TOTAL_PASSED');
    expect(offline.revocation.map((r) => r.origin)).toEqual(['embedded', 'embedded']);
  });

  it('a path that reaches no anchor is not revocation-checked', async () => {
    const lone = await validateCertificate(der('teacher'), { trustStore: createTrustStore({ anchors: [der('root-vgca')] }), fetcher });
    expect(lone.indication).toBe('INDETERMINATE');
    expect(lone.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(lone.revocation).toEqual([]);
  });
});

describe('checkSignerCertificate (check before signing)', () => {
  const signer = (name: string) => ({ certificate: der(name), chain: [der('ca-edu')] });
  async function refusal(name: string, extra: object = {}): Promise<string> {
    try {
      await checkSignerCertificate(signer(name), { trustStore, fetcher, ...extra });
      return 'passed';
    } catch (error) {
      if (!isEdusignError(error)) throw error;
      expect(error.messageVi.length).toBeGreaterThan(0);
      return error.code;
    }
  }

  it('passes a good certificate and returns the validation data to embed', async () => {
    const check = await checkSignerCertificate(signer('teacher'), { trustStore, fetcher });
    expect(check.passed).toBe(true);
    expect(check.validationData.ocspResponses.length).toBe(2);
    expect(check.warnings).toEqual([]);
  });

  it('refuses revoked, expired, not-yet-valid, unsuitable, untrusted and unknown-status certificates', async () => {
    expect(await refusal('revoked')).toBe('CERT_REVOKED');
    expect(await refusal('expired')).toBe('CERT_EXPIRED');
    expect(await refusal('not-yet-valid')).toBe('CERT_NOT_YET_VALID');
    expect(await refusal('no-signing-ku')).toBe('CERT_NOT_USABLE_FOR_SIGNING');
    expect(await refusal('teacher', { trustStore: createTrustStore({ anchors: [der('root-vgca')] }) })).toBe('CERT_UNTRUSTED');
    expect(await refusal('teacher', { offline: true })).toBe('REVOCATION_UNKNOWN');
    expect(await refusal('teacher', { offline: true, revocation: { mode: 'soft-fail' } })).toBe('passed');
    expect(await refusal('weak-rsa1024')).toBe('CERT_NOT_USABLE_FOR_SIGNING');
    expect(await refusal('md5-signed')).toBe('CERT_NOT_USABLE_FOR_SIGNING');
    expect(await refusal('unknown-critical')).toBe('CERT_NOT_USABLE_FOR_SIGNING');
    expect(await refusal('teacher-ecdsa')).toBe('passed');
  });

  it('with allowInvalidCertificate, returns the failed result with a coded warning instead of throwing', async () => {
    const check = await checkSignerCertificate(signer('revoked'), { trustStore, fetcher, allowInvalidCertificate: true });
    expect(check.passed).toBe(false);
    expect(check.refusal).toBe('CERT_REVOKED');
    expect(codes({ findings: check.warnings })).toContain('SIGNER_CERTIFICATE_CHECK_OVERRIDDEN');
    expect(check.validation.subIndication).toBe('REVOKED');
    expect(check.validationData.ocspResponses.length).toBeGreaterThan(0);
  });
});
