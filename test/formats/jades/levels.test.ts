/**
 * JAdES B-T, B-LT, B-LTA with the real test PKI services (openssl OCSP responders, CRLs, TSA on 127.0.0.1):
 * each level is an operation on the one below; an LT/LTA signature then verifies offline from what it embeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, createPkiCache, httpTimestampAuthority } from '../../../src/pki/index.js';
import type { Fetcher, TimestampAuthority } from '../../../src/pki/types.js';
import { extendJws, signJws, verifyJws } from '../../../src/formats/jades/index.js';
import { startPkiServices, type PkiServices } from '../../helpers/pki-services.js';
import { jwcryptoVerify, pem, sampleRecord, signerFor, trustStore } from './helpers.js';

let services: PkiServices;
let fetcher: Fetcher;
let tsa: TimestampAuthority;

type General = { payload?: string; signatures: { protected: string; header?: { etsiU?: string[] }; signature: string }[] };
const etsiNames = (sig: General['signatures'][number]): string[] =>
  (sig.header?.etsiU ?? []).map((e) => Object.keys(JSON.parse(Buffer.from(e, 'base64url').toString('utf8')) as object)[0]!);

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'] });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 10_000 });
  const http = httpTimestampAuthority(services.tsaUrl, { fetcher });
  // A random nonce may be sent as a non-minimal INTEGER and openssl then answers "rejection" (reported to pki): retry once.
  tsa = { timestamp: (d, h) => http.timestamp(d, h).catch(() => http.timestamp(d, h)) };
});
afterAll(async () => {
  await services?.stop();
});

describe('JAdES levels', () => {
  it('B-T: sigTst over the base64url signature value; best signature time from it', async () => {
    const cache = createPkiCache();
    const { jws, warnings } = await signJws(sampleRecord(), signerFor('homeroom'), { level: 'B-T', timestampAuthority: tsa, check: { trustStore, fetcher, cache } });
    expect(warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const obj = JSON.parse(jws) as General;
    expect(etsiNames(obj.signatures[0]!)).toEqual(['sigTst']);
    const r = await verifyJws(jws, { trustStore, fetcher, cache });
    const s = r.signatures[0]!;
    expect([s.level, s.indication, s.subIndication]).toEqual(['B-T', 'TOTAL_PASSED', undefined]);
    expect(s.timestamps.map((t) => [t.kind, t.indication])).toEqual([['signature', 'TOTAL_PASSED']]);
    expect(s.bestSignatureTime.getTime()).toBe(s.timestamps[0]!.genTime!.getTime());
    // the timestamp covers the signature value: another signature value breaks it
    const other = await signJws(sampleRecord(), signerFor('homeroom'), { check: { skip: true }, signingTime: new Date(Date.now() - 60_000) });
    const moved = JSON.stringify({ ...obj, signatures: [{ ...obj.signatures[0]!, protected: (JSON.parse(other.jws) as General).signatures[0]!.protected, signature: (JSON.parse(other.jws) as General).signatures[0]!.signature }] });
    const rm = await verifyJws(moved, { trustStore, fetcher, cache });
    expect(rm.signatures[0]!.timestamps[0]!.indication).not.toBe('TOTAL_PASSED');
    expect(rm.indication).not.toBe('TOTAL_PASSED');
  });

  it('B-LT then B-LTA by extension; verifies offline; tampering the archived data is caught; a second arcTst covers the first', async () => {
    const signed = await signJws(sampleRecord(), signerFor('principal'), { role: 'Hiệu trưởng', check: { trustStore, fetcher } });
    const lt = await extendJws(signed.jws, 'B-LT', { timestampAuthority: tsa, check: { trustStore, fetcher } });
    expect(etsiNames((JSON.parse(lt.jws) as General).signatures[0]!)).toEqual(['sigTst', 'xVals', 'rVals']);
    const rlt = await verifyJws(lt.jws, { trustStore, offline: true });
    expect([rlt.signatures[0]!.level, rlt.indication]).toEqual(['B-LT', 'TOTAL_PASSED']);
    const lta = await extendJws(lt.jws, 'B-LTA', { timestampAuthority: tsa, check: { trustStore, fetcher } });
    const rlta = await verifyJws(lta.jws, { trustStore, offline: true });
    const s = rlta.signatures[0]!;
    expect([s.level, s.indication, s.subIndication]).toEqual(['B-LTA', 'TOTAL_PASSED', undefined]);
    expect(s.timestamps.map((t) => [t.kind, t.indication])).toEqual([['signature', 'TOTAL_PASSED'], ['archive', 'TOTAL_PASSED']]);
    const lta2 = await extendJws(lta.jws, 'B-LTA', { timestampAuthority: tsa, check: { trustStore, fetcher } });
    const r2 = await verifyJws(lta2.jws, { trustStore, offline: true });
    expect(r2.signatures[0]!.timestamps.map((t) => [t.kind, t.indication])).toEqual([['signature', 'TOTAL_PASSED'], ['archive', 'TOTAL_PASSED'], ['archive', 'TOTAL_PASSED']]);
    // dropping the xVals element (archived data) breaks the archive timestamp
    const obj = JSON.parse(lta.jws) as General;
    const etsiU = obj.signatures[0]!.header!.etsiU!;
    const dropped = JSON.stringify({ ...obj, signatures: [{ ...obj.signatures[0]!, header: { etsiU: [etsiU[0]!, etsiU[2]!, etsiU[1]!, etsiU[3]!] } }] });
    const rt = await verifyJws(dropped, { trustStore, offline: true });
    expect(rt.signatures[0]!.timestamps.find((t) => t.kind === 'archive')!.indication).not.toBe('TOTAL_PASSED');
    expect(rt.indication).not.toBe('TOTAL_PASSED');
  });

  it('two signers (GVCN, principal) at B-LTA: our verify (offline) and jwcrypto accept every signature', async () => {
    const options = { level: 'B-LTA' as const, timestampAuthority: tsa, check: { trustStore, fetcher } };
    const { jws } = await signJws(sampleRecord(), [
      { signer: signerFor('homeroom'), role: 'Giáo viên chủ nhiệm' },
      { signer: signerFor('principal'), role: 'Hiệu trưởng' },
    ], options);
    const r = await verifyJws(jws, { trustStore, offline: true, requireCanonicalPayload: true });
    const summary = r.signatures.map((s) => ({ level: s.level, indication: s.indication, signer: s.signer.commonName, role: s.signer.role, timestamps: s.timestamps.map((t) => t.kind) }));
    expect(summary).toEqual([
      { level: 'B-LTA', indication: 'TOTAL_PASSED', signer: 'Trần Văn Minh', role: 'Giáo viên chủ nhiệm', timestamps: ['signature', 'archive'] },
      { level: 'B-LTA', indication: 'TOTAL_PASSED', signer: 'Phạm Quốc Hùng', role: 'Hiệu trưởng', timestamps: ['signature', 'archive'] },
    ]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(jwcryptoVerify(jws, [pem('homeroom', 'cert'), pem('principal', 'cert')])).toEqual(['ok', 'ok']);
  });

  it('B-LTA with a detached payload (sigD): the archive timestamp covers the payload given at extension', async () => {
    const { canonicalizeToBytes } = await import('../../../src/encode/index.js');
    const payload = canonicalizeToBytes(sampleRecord(), { normalizeNfc: true });
    const { jws } = await signJws(sampleRecord(), signerFor('homeroom'), { detached: true, level: 'B-LTA', timestampAuthority: tsa, check: { trustStore, fetcher } });
    const r = await verifyJws(jws, { trustStore, offline: true, payload });
    expect([r.signatures[0]!.level, r.indication]).toEqual(['B-LTA', 'TOTAL_PASSED']);
    await expect(extendJws(jws, 'B-LTA', { timestampAuthority: tsa, check: { trustStore, fetcher } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('check before signing refuses a revoked signer; the compact form refuses B-T', async () => {
    await expect(signJws({ a: 1 }, signerFor('revoked'), { check: { trustStore, fetcher } })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
    const allowed = await signJws({ a: 1 }, signerFor('revoked'), { check: { trustStore, fetcher, allowInvalidCertificate: true } });
    expect(allowed.warnings.map((w) => w.code)).toContain('SIGNER_CERTIFICATE_CHECK_OVERRIDDEN');
    await expect(signJws({ a: 1 }, signerFor('homeroom'), { serialization: 'compact', level: 'B-T', timestampAuthority: tsa, check: { skip: true } }))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
