/**
 * The algorithm names and P1363 ECDSA values are what JWS needs: compact JWS made with our signers (sign() and
 * signDigests()) verify with panva/jose, an independent implementation.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { compactVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwsAlgorithmName } from '../../src/crypto/algorithms.js';
import { loadPemSigner } from '../../src/crypto/pem.js';
import type { SignatureAlgorithm, Signer } from '../../src/crypto/types.js';
import { makeP384Identity, pkiIdentity, type TestIdentity } from './keys.js';

let p384: ReturnType<typeof makeP384Identity>;
beforeAll(() => { p384 = makeP384Identity(); });
afterAll(() => p384?.cleanup());

async function compactJws(signer: Signer, payload: string, viaDigest: boolean): Promise<string> {
  const header = Buffer.from(JSON.stringify({ alg: jwsAlgorithmName(signer.algorithm) })).toString('base64url');
  const input = new TextEncoder().encode(`${header}.${Buffer.from(payload).toString('base64url')}`);
  const h = signer.algorithm.hash.replace('-', '').toLowerCase();
  const sig = viaDigest
    ? (await signer.signDigests([new Uint8Array(createHash(h).update(input).digest())]))[0] as Uint8Array
    : await signer.sign(input);
  return `${new TextDecoder().decode(input)}.${Buffer.from(sig).toString('base64url')}`;
}

describe('JWS interop with jose', () => {
  const cases: Array<[() => TestIdentity, SignatureAlgorithm]> = [
    [() => pkiIdentity('teacher'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
    [() => pkiIdentity('teacher'), { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 }],
    [() => pkiIdentity('teacher-ecdsa'), { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }],
    [() => p384, { name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' }],
  ];
  for (const [idOf, algorithm] of cases) {
    it(`${jwsAlgorithmName(algorithm)}: sign() and signDigests() produce JWS that jose verifies`, async () => {
      const id = idOf();
      const signer = loadPemSigner({ key: id.keyPem, certificate: id.certPem, algorithm });
      const key = new X509Certificate(id.certDer).publicKey;
      for (const viaDigest of [false, true]) {
        const jws = await compactJws(signer, '{"hocBa":"10A1"}', viaDigest);
        const { payload, protectedHeader } = await compactVerify(jws, key);
        expect(protectedHeader.alg).toBe(jwsAlgorithmName(algorithm));
        expect(new TextDecoder().decode(payload)).toBe('{"hocBa":"10A1"}');
      }
    });
  }
});
