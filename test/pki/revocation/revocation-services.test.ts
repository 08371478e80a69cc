import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { parseCertificateDer } from '../../../src/pki/revocation/cert-facts.js';
import { checkCertificateWithCrl } from '../../../src/pki/revocation/crl-check.js';
import { parseCrl } from '../../../src/pki/revocation/crl.js';
import { checkCertificateWithOcsp } from '../../../src/pki/revocation/ocsp-check.js';
import { buildOcspRequest, sendOcspRequest } from '../../../src/pki/revocation/ocsp-request.js';
import { checkRevocation } from '../../../src/pki/revocation/check-revocation.js';
import type { Fetcher } from '../../../src/pki/types.js';
import { startPkiServices, type PkiServices } from '../../helpers/pki-services.js';
import { issueUnknownCertificate } from '../../helpers/pki-throwaway.js';

let services: PkiServices;
let fetcher: Fetcher;
const der = (name: string): Uint8Array => services.fixture(`${name}.cert.der`);
const cert = (name: string) => parseCertificateDer(der(name));
const codes = (check: { findings: { code: string }[] }): string[] => check.findings.map((f) => f.code);
const chainOf = (leaf: string): Uint8Array[] => [der(leaf), der('ca-edu'), der('root-neac')];

beforeAll(async () => {
  services = await startPkiServices({ tsa: false });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
});
afterAll(async () => services?.stop());

describe('OCSP against openssl ocsp', () => {
  for (const method of ['GET', 'POST'] as const) {
    it(`good and revoked by ${method}, nonce echoed, delegated responder accepted`, async () => {
      const ca = cert('ca-edu');
      for (const [name, status] of [['teacher', 'good'], ['revoked', 'revoked']] as const) {
        const c = cert(name);
        const request = await buildOcspRequest(c, ca);
        const before = services.requestCount(method === 'GET' ? 'ocsp:/ca-edu/' : 'ocsp:/ca-edu');
        const response = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-edu', request.der, method);
        expect(services.requestCount(method === 'GET' ? 'ocsp:/ca-edu/' : 'ocsp:/ca-edu')).toBe(before + 1);
        const now = new Date();
        const check = await checkCertificateWithOcsp(c, ca, response, { at: now, now, nonce: request.nonce, requireNonce: true });
        expect(check.status).toBe(status);
        expect(check.source).toBe('ocsp');
        expect(check.raw).toEqual(response);
        expect(check.nextUpdate!.getTime()).toBeGreaterThan(now.getTime());
        if (status === 'revoked') {
          expect(check.revocationTime?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
          expect(check.revocationReason).toBe('keyCompromise');
        }
      }
    });
  }

  it('a certificate the CA never issued is unknown, and the CRL is not used to call it good', async () => {
    const unknownDer = await issueUnknownCertificate('ca-edu', '7777');
    const ca = cert('ca-edu');
    const request = await buildOcspRequest(parseCertificateDer(unknownDer), ca);
    const response = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-edu', request.der, 'POST');
    const now = new Date();
    const check = await checkCertificateWithOcsp(parseCertificateDer(unknownDer), ca, response, { at: now, now, nonce: request.nonce });
    expect(check.status).toBe('unknown');
    expect(codes(check)).toContain('OCSP_STATUS_UNKNOWN');
    const [level] = await checkRevocation([unknownDer, der('ca-edu')], { fetcher });
    expect(level?.status).toBe('unknown');
    expect(codes(level!)).toEqual(expect.arrayContaining(['OCSP_STATUS_UNKNOWN', 'REVOCATION_HARD_FAIL']));
  });

  it('refuses a replayed response (nonce mismatch), a truncated response and a foreign responder', async () => {
    const ca = cert('ca-edu');
    const teacher = cert('teacher');
    const request = await buildOcspRequest(teacher, ca);
    const response = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-edu', request.der, 'POST');
    const now = new Date();
    const replay = await checkCertificateWithOcsp(teacher, ca, response, { at: now, now, nonce: new Uint8Array(16).fill(7) });
    expect(replay.status).toBe('unknown');
    expect(codes(replay)).toEqual(['OCSP_NONCE_MISMATCH']);

    const truncated = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/truncated/ca-edu', request.der, 'POST');
    expect(truncated.length).toBeLessThan(response.length);
    const cut = await checkCertificateWithOcsp(teacher, ca, truncated, { at: now, now });
    expect(cut.status).toBe('unknown');
    expect(codes(cut)).toEqual(['OCSP_MALFORMED']);

    const foreign = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-vgca-sub', request.der, 'POST');
    const wrong = await checkCertificateWithOcsp(teacher, ca, foreign, { at: now, now });
    expect(wrong.status).toBe('unknown');
    expect(codes(wrong)).toEqual(['OCSP_RESPONDER_NOT_AUTHORISED']); // signed by ca-vgca-sub's responder

    const flipped = new Uint8Array(response);
    const at = Buffer.from(flipped).indexOf(Buffer.from(request.nonce!));
    expect(at).toBeGreaterThan(0);
    flipped[at]! ^= 0x01; // inside the signed tbsResponseData
    const forged = await checkCertificateWithOcsp(teacher, ca, flipped, { at: now, now });
    expect(forged.status).toBe('unknown');
    expect(codes(forged)).toEqual(['OCSP_SIGNATURE_INVALID']);
  });
});

describe('CRL made by openssl ca -gencrl', () => {
  it('good and revoked from the published DER CRL, and from a PEM CRL', async () => {
    const ca = cert('ca-edu');
    const published = await fetcher.fetch('http://pki.edusign.test/ca-edu.crl');
    const pem = await services.makeCrl('ca-edu', { format: 'pem' });
    expect(new TextDecoder().decode(pem.subarray(0, 20))).toContain('-----BEGIN X509 CRL');
    for (const bytes of [published, pem]) {
      const now = new Date();
      const good = await checkCertificateWithCrl(cert('teacher'), ca, bytes, { at: now, now });
      expect(good.status).toBe('good');
      const revoked = await checkCertificateWithCrl(cert('revoked'), ca, bytes, { at: now, now });
      expect(revoked.status).toBe('revoked');
      expect(revoked.revocationTime?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
      expect(revoked.revocationReason).toBe('keyCompromise');
      expect(revoked.raw?.[0]).toBe(0x30);
    }
    expect(parseCrl(pem).crlNumber).toBeDefined();
  });

  it('a stale CRL, a CRL of another CA and a CRL with a broken signature give unknown', async () => {
    const ca = cert('ca-edu');
    const teacher = cert('teacher');
    const shortLived = await services.makeCrl('ca-edu', { hours: 1 });
    const later = new Date(Date.now() + 3 * 3_600_000);
    const stale = await checkCertificateWithCrl(teacher, ca, shortLived, { at: later, now: later });
    expect(stale.status).toBe('unknown');
    expect(codes(stale)).toEqual(['CRL_STALE']);

    const other = await services.makeCrl('ca-vgca-sub');
    const now = new Date();
    const wrong = await checkCertificateWithCrl(teacher, ca, other, { at: now, now });
    expect(codes(wrong)).toEqual(['CRL_WRONG_ISSUER']);

    const good = await services.makeCrl('ca-edu');
    const broken = new Uint8Array(good);
    broken[broken.length - 1]! ^= 0x01;
    const bad = await checkCertificateWithCrl(teacher, ca, broken, { at: now, now });
    expect(codes(bad)).toEqual(['CRL_SIGNATURE_INVALID']);

    const garbage = await checkCertificateWithCrl(teacher, ca, new Uint8Array([0x30, 0x82, 0x01]), { at: now, now });
    expect(codes(garbage)).toEqual(['CRL_MALFORMED']);
  });
});

describe('checkRevocation over the whole path', () => {
  it('checks every level but the anchor, OCSP first, keeping raw responses', async () => {
    const checks = await checkRevocation(chainOf('teacher'), { fetcher });
    expect(checks).toHaveLength(2);
    expect(checks.map((c) => [c.status, c.source])).toEqual([['good', 'ocsp'], ['good', 'ocsp']]);
    expect(checks[1]?.origin).toBe('http://ocsp.edusign.test/root-neac');
    expect(checks[0]?.subject).toBe('UID=CCCD:031186001234, CN=Nguyễn Thị Thu Hà, T=Giáo viên, O=Trường THPT Trần Phú, L=Hải Phòng, ST=Hải Phòng, C=VN');
    const revoked = await checkRevocation(chainOf('revoked'), { fetcher, policy: { prefer: 'crl' } });
    expect(revoked.map((c) => [c.status, c.source])).toEqual([['revoked', 'crl'], ['good', 'crl']]);
    // OCSP responder unreachable: the CRL answers
    const noOcsp = createFetcher({ resolve: { ...services.resolve, 'ocsp.edusign.test': '127.0.0.1:1' }, timeoutMs: 2000 });
    const fallback = await checkRevocation(chainOf('revoked'), { fetcher: noOcsp });
    expect(fallback.map((c) => [c.status, c.source])).toEqual([['revoked', 'crl'], ['good', 'crl']]);
  });

  it('hard-fail vs soft-fail when nothing can be known (offline, no data)', async () => {
    const hard = await checkRevocation(chainOf('teacher'), { fetcher, offline: true });
    expect(hard.map((c) => c.status)).toEqual(['unknown', 'unknown']);
    expect(codes(hard[0]!)).toEqual(expect.arrayContaining(['REVOCATION_OFFLINE', 'REVOCATION_HARD_FAIL']));
    const soft = await checkRevocation(chainOf('teacher'), { fetcher, offline: true, policy: { mode: 'soft-fail' } });
    expect(codes(soft[0]!)).toContain('REVOCATION_SOFT_FAIL');
    const noSource = await checkRevocation([der('ocsp-ca-edu'), der('ca-edu')], { fetcher });
    expect(codes(noSource[0]!)).toEqual(['REVOCATION_NO_SOURCE', 'REVOCATION_HARD_FAIL']);
    const skipped = await checkRevocation(chainOf('teacher'), { policy: { skip: true } });
    expect(skipped.map((c) => c.status)).toEqual(['not-checked', 'not-checked']);
  });

  it('offline mode uses embedded data only (no request made)', async () => {
    const online = await checkRevocation(chainOf('revoked'), { fetcher });
    const crl = await fetcher.fetch('http://pki.edusign.test/root-neac.crl');
    const before = services.requestCount('');
    const offline = await checkRevocation(chainOf('revoked'), {
      fetcher, offline: true, validationData: { ocspResponses: [online[0]!.raw!], crls: [crl] },
    });
    expect(services.requestCount('')).toBe(before);
    expect(offline.map((c) => [c.status, c.source, c.origin])).toEqual([['revoked', 'ocsp', 'embedded'], ['good', 'crl', 'embedded']]);
  });

  it('1,000 validations of one school make O(issuers) network calls with a shared cache', async () => {
    const cache = createPkiCache();
    const counting = createFetcher({ resolve: services.resolve });
    const before = services.requestCount('');
    const signers = ['teacher', 'teacher2', 'homeroom', 'principal'];
    for (let i = 0; i < 1000; i++) {
      const checks = await checkRevocation(chainOf(signers[i % signers.length]!), { fetcher: counting, cache });
      if (checks.some((c) => c.status !== 'good')) throw new Error(`round ${i}: ${JSON.stringify(checks)}`);
    }
    // one OCSP call per signer certificate + one for ca-edu (asked of root-neac's responder)
    expect(services.requestCount('') - before).toBe(signers.length + 1);
  });

  it('concurrent validations sharing a cache make one request per certificate', async () => {
    const cache = createPkiCache();
    const before = services.requestCount('');
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      checkRevocation(chainOf(i % 2 ? 'teacher' : 'revoked'), { fetcher, cache, policy: { prefer: i % 4 < 2 ? 'ocsp' : 'crl' } })));
    expect(all.map((checks) => checks[0]?.status)).toEqual(Array.from({ length: 50 }, (_, i) => (i % 2 ? 'good' : 'revoked')));
    // OCSP: teacher, revoked, ca-edu; CRL: ca-edu.crl, root-neac.crl
    expect(services.requestCount('') - before).toBe(5);
  });

  it('a server that never answers and an endless CRL end within the configured bounds', async () => {
    const hanging = new Set<http.ServerResponse>();
    const hostile = http.createServer((req, res) => {
      if ((req.url ?? '').endsWith('.crl')) {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 0x30);
        const pump = (): void => { while (!res.destroyed && res.write(chunk)) { /* fill */ } if (!res.destroyed) res.once('drain', pump); };
        pump();
      } else {
        hanging.add(res);
      }
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(hostile.address() as AddressInfo).port}`;
    try {
      const slow = createFetcher({ resolve: { 'pki.edusign.test': address, 'ocsp.edusign.test': address }, timeoutMs: 500, maxBytes: 2 * 1024 * 1024 });
      const start = Date.now();
      const [leaf] = await checkRevocation(chainOf('teacher').slice(0, 2), { fetcher: slow });
      expect(Date.now() - start).toBeLessThan(4000);
      expect(leaf?.status).toBe('unknown');
      expect(codes(leaf!)).toEqual(expect.arrayContaining(['REVOCATION_SOURCE_NETWORK_TIMEOUT', 'REVOCATION_SOURCE_RESPONSE_TOO_LARGE', 'REVOCATION_HARD_FAIL']));
      const huge = await fetcher.fetch('http://pki.edusign.test/hostile/huge', { maxBytes: 10 * 1024 * 1024 }).catch((e: { code?: string }) => e.code);
      expect(huge).toBe('RESPONSE_TOO_LARGE');
    } finally {
      for (const res of hanging) res.destroy();
      hostile.closeAllConnections();
      await new Promise<void>((r) => hostile.close(() => r()));
    }
  });
});

describe('OCSP signed by the CA itself, CRLs served as PEM', () => {
  it('accepts a CA-signed response and a PEM CRL fetched from the network (kept as DER)', async () => {
    const own = await startPkiServices({ ocspCas: ['ca-edu'], crlCas: ['ca-edu'], crlFormat: 'pem', ocspSigner: 'ca', tsa: false });
    try {
      const f = createFetcher({ resolve: own.resolve });
      const [leaf] = await checkRevocation([der('revoked'), der('ca-edu')], { fetcher: f });
      expect([leaf?.status, leaf?.source]).toEqual(['revoked', 'ocsp']);
      const [byCrl] = await checkRevocation([der('revoked'), der('ca-edu')], { fetcher: f, policy: { prefer: 'crl' } });
      expect([byCrl?.status, byCrl?.source, byCrl?.raw?.[0]]).toEqual(['revoked', 'crl', 0x30]);
    } finally {
      await own.stop();
    }
  });
});

describe('OCSP responder identified by key, responses without nextUpdate', () => {
  it('accepts byKey responder IDs; without nextUpdate a response is fresh for 24 h only', async () => {
    const own = await startPkiServices({ ocspCas: ['ca-edu'], crlCas: [], tsa: false, ocspResponderIdByKey: true, ocspNextUpdate: false });
    try {
      const f = createFetcher({ resolve: own.resolve });
      const ca = cert('ca-edu');
      const teacher = cert('teacher');
      const request = await buildOcspRequest(teacher, ca);
      const response = await sendOcspRequest(f, 'http://ocsp.edusign.test/ca-edu', request.der, 'GET');
      const now = new Date();
      const fresh = await checkCertificateWithOcsp(teacher, ca, response, { at: now, now, nonce: request.nonce });
      expect([fresh.status, fresh.nextUpdate]).toEqual(['good', undefined]);
      const later = new Date(now.getTime() + 25 * 3_600_000);
      const stale = await checkCertificateWithOcsp(teacher, ca, response, { at: later, now: later });
      expect([stale.status, codes(stale)]).toEqual(['unknown', ['OCSP_STALE']]);
      // not cached without nextUpdate: a second validation asks again
      const cache = createPkiCache();
      await checkRevocation([der('teacher'), der('ca-edu')], { fetcher: f, cache });
      await checkRevocation([der('teacher'), der('ca-edu')], { fetcher: f, cache });
      expect(own.requestCount('ocsp:')).toBe(3);
    } finally {
      await own.stop();
    }
  });
});
