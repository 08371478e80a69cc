import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { memoised } from '../../../src/pki/net/memo.js';
import { createTrustStore, type TrustStore } from '../../../src/pki/trust/index.js';
import type { ValidationData } from '../../../src/pki/types.js';
import { validateCertificate } from '../../../src/pki/validate-certificate.js';
import { startPkiServices, type PkiServices } from '../../helpers/pki-services.js';

let services: PkiServices;
let trustStore: TrustStore;
let ocspData: ValidationData;
let crlData: ValidationData;
let revokedData: ValidationData;
const der = (name: string): Uint8Array => services.fixture(`${name}.cert.der`);

beforeAll(async () => {
  services = await startPkiServices({ tsa: false, ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  trustStore = createTrustStore({ anchors: [der('root-neac')], intermediates: [der('ca-edu')] });
  ocspData = (await validateCertificate(der('teacher'), { trustStore, fetcher })).validationData;
  crlData = (await validateCertificate(der('teacher'), { trustStore, fetcher, revocation: { prefer: 'crl' } })).validationData;
  revokedData = (await validateCertificate(der('revoked'), { trustStore, fetcher })).validationData;
});
afterAll(async () => services?.stop());

describe('memoised revocation decisions (offline, supplied data, shared cache)', () => {
  it('a cached decision gives exactly the result of an uncached one, for OCSP and CRL data, good and revoked', async () => {
    const cache = createPkiCache();
    for (const [name, validationData] of [['teacher', ocspData], ['teacher', crlData], ['revoked', revokedData]] as const) {
      const options = { trustStore, offline: true, validationData, revocation: { prefer: validationData.crls.length ? 'crl' as const : 'ocsp' as const } };
      const plainStore = { anchors: trustStore.anchors, intermediates: trustStore.intermediates }; // no memo
      const fresh = await validateCertificate(der(name), { ...options, trustStore: plainStore });
      const first = await validateCertificate(der(name), { ...options, cache });
      const second = await validateCertificate(der(name), { ...options, cache });
      expect(first).toEqual(fresh);
      expect(second).toEqual(fresh);
    }
    expect(cache.size).toBeGreaterThan(4);
  });

  it('freshness is decided per call: a memoised OCSP decision does not make old data fresh later', async () => {
    const cache = createPkiCache();
    const options = { trustStore, offline: true, validationData: ocspData, cache };
    expect((await validateCertificate(der('teacher'), options)).indication).toBe('TOTAL_PASSED');
    // Two days later the responses (nextUpdate = +1 day) are stale for a validation at that time.
    const later = new Date(Date.now() + 2 * 86_400_000);
    const stale = await validateCertificate(der('teacher'), { ...options, at: later, now: later });
    expect([stale.indication, stale.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(stale.findings.map((f) => f.code)).toContain('OCSP_STALE');
  });

  it('a changed response is a new key: a tampered copy is judged on its own even after the genuine one was cached', async () => {
    const cache = createPkiCache();
    const options = { trustStore, offline: true, cache };
    expect((await validateCertificate(der('teacher'), { ...options, validationData: ocspData })).indication).toBe('TOTAL_PASSED');
    const tampered = ocspData.ocspResponses.map((r) => {
      const copy = new Uint8Array(r);
      // producedAt (GeneralizedTime, 15 chars): change a seconds digit; the signed data no longer matches.
      const at = copy.findIndex((byte, i) => byte === 0x18 && copy[i + 1] === 0x0f);
      expect(at).toBeGreaterThan(0);
      copy[at + 15] = (copy[at + 15] ?? 0) ^ 0x01;
      return copy;
    });
    const result = await validateCertificate(der('teacher'), { ...options, validationData: { ...ocspData, ocspResponses: tampered } });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.findings.map((f) => f.code)).toContain('OCSP_SIGNATURE_INVALID');
  });

  it('memoised() computes once per key and recomputes over an unreadable entry; without a cache it always computes', async () => {
    const cache = createPkiCache();
    let calls = 0;
    const compute = () => ({ n: ++calls, at: 5 });
    expect(await memoised(cache, 'k', compute)).toEqual({ n: 1, at: 5 });
    expect(await memoised(cache, 'k', compute)).toEqual({ n: 1, at: 5 });
    cache.set('k', new Uint8Array([0xff, 0x00]), undefined);
    expect(await memoised(cache, 'k', compute)).toEqual({ n: 2, at: 5 });
    expect(await memoised(undefined, 'k', compute)).toEqual({ n: 3, at: 5 });
  });
});
