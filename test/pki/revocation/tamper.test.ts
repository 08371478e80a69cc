import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { parseCertificateDer } from '../../../src/pki/revocation/cert-facts.js';
import { checkCertificateWithCrl } from '../../../src/pki/revocation/crl-check.js';
import { checkCertificateWithOcsp } from '../../../src/pki/revocation/ocsp-check.js';
import { buildOcspRequest, sendOcspRequest } from '../../../src/pki/revocation/ocsp-request.js';
import { startPkiServices, type PkiServices } from '../../helpers/pki-services.js';

let services: PkiServices;
beforeAll(async () => { services = await startPkiServices({ tsa: false, ocspCas: ['ca-edu'], crlCas: ['ca-edu'] }); });
afterAll(async () => services?.stop());

/** About `count` positions spread over `length` bytes (deterministic). */
function positions(length: number, count: number): number[] {
  const step = Math.max(1, Math.floor(length / count));
  return Array.from({ length: Math.ceil(length / step) }, (_, i) => i * step).filter((p) => p < length);
}

describe('hostile revocation data is never taken as "good"', () => {
  it('every sampled one-bit change or truncation of a real OCSP "revoked" answer gives revoked-as-sent or unknown, never good', async () => {
    const ca = parseCertificateDer(services.fixture('ca-edu.cert.der'));
    const revoked = parseCertificateDer(services.fixture('revoked.cert.der'));
    const request = await buildOcspRequest(revoked, ca);
    const fetcher = createFetcher({ resolve: services.resolve });
    const response = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-edu', request.der, 'POST');
    const now = new Date();
    const outcomes = new Map<string, number>();
    for (const p of positions(response.length, 60)) {
      for (const variant of [flip(response, p), response.subarray(0, p)]) {
        const check = await checkCertificateWithOcsp(revoked, ca, variant, { at: now, now, nonce: request.nonce });
        expect(check.status, `byte ${p}`).not.toBe('good');
        if (check.status === 'revoked') expect(check.revocationTime?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
        outcomes.set(check.status, (outcomes.get(check.status) ?? 0) + 1);
      }
    }
    expect(outcomes.get('unknown')).toBeGreaterThan(50);
  });

  it('every sampled one-bit change or truncation of a real CRL listing a revocation never hides it', async () => {
    const ca = parseCertificateDer(services.fixture('ca-edu.cert.der'));
    const revoked = parseCertificateDer(services.fixture('revoked.cert.der'));
    const crl = await services.makeCrl('ca-edu');
    const now = new Date();
    for (const p of positions(crl.length, 120)) {
      for (const variant of [flip(crl, p), crl.subarray(0, p)]) {
        const check = await checkCertificateWithCrl(revoked, ca, variant, { at: now, now });
        expect(check.status, `byte ${p}`).not.toBe('good');
      }
    }
  });
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
