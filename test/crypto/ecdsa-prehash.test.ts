import { createHash, createPrivateKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaSignDigest, ecdsaVerifyDigest } from '../../src/crypto/ecdsa-prehash.js';
import { curveParams, isOnCurve, multiplyAdd } from '../../src/crypto/ec-curve.js';

const b64u = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

describe('ECDSA over a pre-computed digest', () => {
  it('matches the RFC 6979 A.2.5 vector (P-256, SHA-256, "sample")', () => {
    const key = createPrivateKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256',
      d: b64u('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721'),
      x: b64u('60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6'),
      y: b64u('7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299') } });
    const digest = createHash('sha256').update('sample').digest();
    const sig = Buffer.from(ecdsaSignDigest(key, digest, 'SHA-256')).toString('hex').toUpperCase();
    expect(sig).toBe('EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716' +
      'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8');
  });

  it('curve constants are sane: G on the curve, n·G = ∞', () => {
    for (const name of ['P-256', 'P-384'] as const) {
      const c = curveParams(name);
      expect(isOnCurve(c, { x: c.gx, y: c.gy })).toBe(true);
      expect(multiplyAdd(c, c.n)).toBeNull();
    }
  });

  for (const [namedCurve, hash, nodeHash] of [['P-256', 'SHA-256', 'sha256'], ['P-384', 'SHA-384', 'sha384'],
    ['P-256', 'SHA-512', 'sha512'], ['P-384', 'SHA-256', 'sha256']] as const) {
    it(`${namedCurve} with ${hash}: node:crypto verifies ours, we verify node's`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      for (let i = 0; i < 3; i++) {
        const data = Buffer.from(`bảng điểm ${i}`);
        const digest = createHash(nodeHash).update(data).digest();
        const ours = ecdsaSignDigest(privateKey, digest, hash);
        expect(verify(nodeHash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, ours)).toBe(true);
        const theirs = sign(nodeHash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
        expect(ecdsaVerifyDigest(publicKey, digest, theirs)).toBe(true);
        const tampered = Uint8Array.from(theirs);
        tampered[5] = (tampered[5] as number) ^ 1;
        expect(ecdsaVerifyDigest(publicKey, digest, tampered)).toBe(false);
        expect(ecdsaVerifyDigest(publicKey, createHash(nodeHash).update('other').digest(), theirs)).toBe(false);
      }
    });
  }

  it('rejects out-of-range r/s and wrong lengths without throwing', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const digest = createHash('sha256').update('x').digest();
    expect(ecdsaVerifyDigest(publicKey, digest, new Uint8Array(64))).toBe(false);
    expect(ecdsaVerifyDigest(publicKey, digest, new Uint8Array(64).fill(0xff))).toBe(false);
    expect(ecdsaVerifyDigest(publicKey, digest, new Uint8Array(63).fill(1))).toBe(false);
  });
});
