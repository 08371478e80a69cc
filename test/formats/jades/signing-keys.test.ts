/**
 * Verification speed-ups that must not change a verdict: signing keys memoised in a caller-owned map
 * (`signingKeys`, pre-filled with `importJwsSigningKeys` or filled while verifying) and certificate names in the
 * caller's PKI cache, both keyed by the SHA-256 of the certificate DER.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importJwsSigningKeys, signJws, verifyJws, type JwsSigningKeys } from '../../../src/formats/jades/index.js';
import { createPkiCache } from '../../../src/pki/index.js';
import { der, pem, sampleRecord, signerFor, trustStore } from './helpers.js';

const digest = (name: string): string => createHash('sha256').update(der(name)).digest('base64url');
const signTwo = async (): Promise<string> => (await signJws(sampleRecord(), [
  { signer: signerFor('homeroom'), role: 'Giáo viên chủ nhiệm' }, { signer: signerFor('principal'), role: 'Hiệu trưởng' },
], { check: { skip: true } })).jws;
const verifyOpts = { trustStore, offline: true, revocation: { skip: true }, at: new Date('2026-06-01T00:00:00Z') } as const;

describe('JAdES verification with memoised signing keys', () => {
  it('fills the caller map and the PKI cache on first use, and gives the same report from them', async () => {
    const jws = await signTwo();
    const plain = await verifyJws(jws, verifyOpts);
    expect(plain.indication).toBe('TOTAL_PASSED');
    const signingKeys: JwsSigningKeys = new Map();
    const cache = createPkiCache();
    const first = await verifyJws(jws, { ...verifyOpts, signingKeys, cache });
    expect([...signingKeys.keys()].sort()).toEqual([digest('homeroom'), digest('principal')].sort());
    expect(signingKeys.get(digest('principal'))?.names.subject).toBe(plain.signatures[1]?.signer.subject);
    const hex = Buffer.from(digest('principal'), 'base64url').toString('hex');
    expect(cache.get(`jades-cert:${hex}`, new Date())).toBeInstanceOf(Uint8Array);
    const fromMap = await verifyJws(jws, { ...verifyOpts, signingKeys });
    const fromCache = await verifyJws(jws, { ...verifyOpts, cache });
    for (const r of [first, fromMap, fromCache]) expect(r).toEqual(plain);
  });

  it('takes pre-imported keys by certificate digest; tampering is still caught', async () => {
    const signingKeys = importJwsSigningKeys([der('homeroom'), der('principal')]);
    expect(signingKeys.size).toBe(2);
    const jws = await signTwo();
    const ok = await verifyJws(jws, { ...verifyOpts, signingKeys });
    expect(ok.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    const obj = JSON.parse(jws) as { payload: string };
    const changed = JSON.stringify({ ...obj, payload: Buffer.from(Buffer.from(obj.payload, 'base64url').toString('utf8').replace('Toán', 'Toan')).toString('base64url') });
    const bad = await verifyJws(changed, { ...verifyOpts, signingKeys });
    expect(bad.signatures.map((s) => s.subIndication)).toEqual(['SIG_CRYPTO_FAILURE', 'SIG_CRYPTO_FAILURE']);
    // the map is trusted as given: an entry with another key under the principal's digest fails that signature
    const wrong: JwsSigningKeys = new Map([[digest('principal'), { publicKey: createPublicKey(pem('homeroom', 'cert')), names: { subject: 'x', issuer: 'y', serialNumber: '1' } }]]);
    const swapped = await verifyJws(jws, { ...verifyOpts, signingKeys: wrong });
    expect(swapped.signatures.map((s) => s.subIndication ?? s.indication)).toEqual(['TOTAL_PASSED', 'SIG_CRYPTO_FAILURE']);
  });

  it('refuses an unreadable certificate with a typed error, and ignores an unreadable cache entry', async () => {
    expect(() => importJwsSigningKeys([Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)])).toThrow(expect.objectContaining({ code: 'CERT_MALFORMED' }) as Error);
    const cache = createPkiCache();
    cache.set(`jades-cert:${Buffer.from(digest('principal'), 'base64url').toString('hex')}`, Uint8Array.of(0x7b), undefined);
    const jws = await signTwo();
    const r = await verifyJws(jws, { ...verifyOpts, cache });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[1]?.signer.subject).toBe((await verifyJws(jws, verifyOpts)).signatures[1]?.signer.subject);
  });
});
