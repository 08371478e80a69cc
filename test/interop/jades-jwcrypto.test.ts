/**
 * Independent checks of JAdES with /usr/bin/python3 jwcrypto (Debian python3-jwcrypto) and panva/jose:
 * they verify the cryptography of every signature we make, and we verify what they make — and reject it after
 * a one-character payload change, a header swap between signatures, and a re-ordered-key payload when canonical
 * form is required.
 */
import { createHash } from 'node:crypto';
import { GeneralSign, importPKCS8 } from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalizeToBytes } from '../../src/encode/index.js';
import { signJws, verifyJws } from '../../src/formats/jades/index.js';
import { der, jwcryptoSign, jwcryptoVerify, pem, sampleRecord, signerFor, trustStore } from '../formats/jades/helpers.js';

const opts = { trustStore, offline: true, revocation: { skip: true as const } };
const x5c = (name: string): string[] => [Buffer.from(der(name)).toString('base64'), Buffer.from(der('ca-edu')).toString('base64')];
const jadesHeader = (name: string, alg: string): Record<string, unknown> => ({
  alg, cty: 'json', 'x5t#S256': createHash('sha256').update(der(name)).digest('base64url'), x5c: x5c(name), sigT: '2026-11-29T08:00:00Z', crit: ['sigT'],
});

type General = { payload: string; signatures: { protected: string; header?: unknown; signature: string }[] };

/** The three tampering cases of the issue, each must fail. */
async function expectTamperingRejected(jws: string, canonicalOk: boolean): Promise<void> {
  const obj = JSON.parse(jws) as General;
  const payload = Buffer.from(obj.payload, 'base64url').toString('utf8');
  // one character of the payload
  const changed = JSON.stringify({ ...obj, payload: Buffer.from(payload.replace('8.5', '9.5')).toString('base64url') });
  const r1 = await verifyJws(changed, opts);
  expect([r1.indication, r1.subIndication]).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
  // protected headers swapped between the two signatures
  const [a, b] = obj.signatures as [General['signatures'][number], General['signatures'][number]];
  const swapped = JSON.stringify({ ...obj, signatures: [{ ...a, protected: b.protected }, { ...b, protected: a.protected }] });
  const r2 = await verifyJws(swapped, opts);
  expect(r2.signatures.map((s) => s.indication)).toEqual(['TOTAL_FAILED', 'TOTAL_FAILED']);
  expect(r2.indication).toBe('TOTAL_FAILED');
  // the untouched JWS passes (and is canonical when we expect it)
  const ok = await verifyJws(jws, { ...opts, requireCanonicalPayload: canonicalOk });
  expect(ok.indication).toBe('TOTAL_PASSED');
}

describe('JAdES interop: jwcrypto and jose verify what we sign', () => {
  it('general (RS256 GVCN, ES256, PS256 principal), flattened, compact, detached sigD: jwcrypto says ok for each signature', async () => {
    const general = await signJws(sampleRecord(), [
      { signer: signerFor('homeroom'), role: 'Giáo viên chủ nhiệm' },
      { signer: signerFor('teacher-ecdsa'), role: 'Giáo viên bộ môn' },
      { signer: signerFor('principal', { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }), role: 'Hiệu trưởng', commitment: 'proofOfApproval' },
    ], { check: { skip: true } });
    expect(jwcryptoVerify(general.jws, ['homeroom', 'teacher-ecdsa', 'principal'].map((n) => pem(n, 'cert')))).toEqual(['ok', 'ok', 'ok']);
    // each certificate verifies only its own signature: jwcrypto checks every signature with one key and needs one to pass,
    // so verify with a wrong key to prove it really checks
    expect(jwcryptoVerify(general.jws, [pem('teacher2', 'cert')])).toEqual(['fail InvalidJWSSignature']);
    const flat = await signJws({ a: 'Hải Phòng' }, signerFor('teacher-ecdsa'), { serialization: 'flattened', check: { skip: true } });
    const compact = await signJws({ a: 'Hải Phòng' }, signerFor('homeroom', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }), { serialization: 'compact', check: { skip: true } });
    expect(jwcryptoVerify(flat.jws, [pem('teacher-ecdsa', 'cert')])).toEqual(['ok']);
    expect(jwcryptoVerify(compact.jws, [pem('homeroom', 'cert')])).toEqual(['ok']);
    for (const b64 of [true, false]) {
      const detached = await signJws(sampleRecord(), signerFor('homeroom'), { detached: { b64 }, check: { skip: true } });
      // with sigD the JWS Payload is empty: the signing input is "<protected>."
      expect(jwcryptoVerify(detached.jws, [pem('homeroom', 'cert')], new Uint8Array(0))).toEqual(['ok']);
    }
  });

  it('we verify a JWS made by jwcrypto (JAdES-like header + a plain x5c signature) and reject the tampered copies', async () => {
    const payload = canonicalizeToBytes(sampleRecord());
    const jws = jwcryptoSign(payload, [
      { keyPem: pem('homeroom', 'key'), alg: 'RS256', protected: jadesHeader('homeroom', 'RS256') },
      { keyPem: pem('teacher-ecdsa', 'key'), alg: 'ES256', protected: { alg: 'ES256', x5c: x5c('teacher-ecdsa') } },
    ]);
    const r = await verifyJws(jws, { ...opts, requireCanonicalPayload: true });
    expect(r.signatures.map((s) => [s.level, s.indication])).toEqual([['B-B', 'TOTAL_PASSED'], [undefined, 'TOTAL_PASSED']]);
    expect(r.warnings.map((w) => w.code)).toContain('NOT_JADES_BASELINE');
    await expectTamperingRejected(jws, true);
    // a payload with re-ordered keys, signed by jwcrypto: refused when canonical form is required
    const reordered = jwcryptoSign(new TextEncoder().encode('{"hocSinh":{"hoTen":"Nguyễn Văn An"},"diem":[]}'), [
      { keyPem: pem('homeroom', 'key'), alg: 'RS256', protected: jadesHeader('homeroom', 'RS256') },
    ]);
    expect((await verifyJws(reordered, opts)).indication).toBe('TOTAL_PASSED');
    const strict = await verifyJws(reordered, { ...opts, requireCanonicalPayload: true });
    expect([strict.indication, strict.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  it('we verify a JWS made by jose (GeneralSign, two signers) and reject the tampered copies', async () => {
    const payload = canonicalizeToBytes(sampleRecord());
    const sign = new GeneralSign(payload);
    sign.addSignature(await importPKCS8(pem('homeroom', 'key'), 'RS256'), { crit: { sigT: true } }).setProtectedHeader(jadesHeader('homeroom', 'RS256') as never);
    sign.addSignature(await importPKCS8(pem('principal', 'key'), 'PS256'), { crit: { sigT: true } }).setProtectedHeader(jadesHeader('principal', 'PS256') as never);
    const jws = JSON.stringify(await sign.sign());
    const r = await verifyJws(jws, { ...opts, requireCanonicalPayload: true });
    expect(r.signatures.map((s) => [s.alg, s.level, s.indication])).toEqual([['RS256', 'B-B', 'TOTAL_PASSED'], ['PS256', 'B-B', 'TOTAL_PASSED']]);
    await expectTamperingRejected(jws, true);
    // jwcrypto agrees with jose's signatures
    expect(jwcryptoVerify(jws, [pem('homeroom', 'cert'), pem('principal', 'cert')])).toEqual(['ok', 'ok']);
  });
});
