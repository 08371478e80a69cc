import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPemSigner } from '../../src/crypto/pem.js';
import type { SignatureAlgorithm } from '../../src/crypto/types.js';
import { assertSignatureValues, verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { codeOf, pkiIdentity } from './keys.js';

const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');
const d32 = new Uint8Array(createHash('sha256').update('x').digest());
const ALGS: Array<[Uint8Array, SignatureAlgorithm]> = [
  [rsa.certDer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
  [rsa.certDer, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }],
  [ec.certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }],
];

describe('verifyDigestSignature on hostile values', () => {
  it('random bytes of any length never verify and never throw (fast-check)', () => {
    for (const [cert, alg] of ALGS) {
      fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (sig) => {
        expect(verifyDigestSignature(cert, alg, d32, sig)).toBe(false);
      }), { numRuns: 60 });
    }
  });

  it('a valid value for another algorithm, key or digest does not verify', async () => {
    const rsaSigner = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem });
    const [pkcs1] = await rsaSigner.signDigests([d32]);
    expect(verifyDigestSignature(rsa.certDer, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, d32, pkcs1 as Uint8Array)).toBe(false);
    expect(verifyDigestSignature(pkiIdentity('teacher2').certDer, rsaSigner.algorithm, d32, pkcs1 as Uint8Array)).toBe(false);
    expect(verifyDigestSignature(ec.certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, d32, pkcs1 as Uint8Array)).toBe(false);
    const pss = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem, algorithm: { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 } });
    const [p] = await pss.signDigests([d32]);
    expect(verifyDigestSignature(rsa.certDer, pss.algorithm, d32, p as Uint8Array)).toBe(true);
    expect(verifyDigestSignature(rsa.certDer, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 20 }, d32, p as Uint8Array)).toBe(false);
  });

  it('verifyMessageSignature: the key must fit the algorithm (an RSA PKCS#1 value never passes as ECDSA or PSS)', async () => {
    const data = new TextEncoder().encode('hồ sơ');
    const pkcs1 = new Uint8Array(nodeSign('sha256', data, rsa.privateKey));
    expect(verifyMessageSignature(rsa.certDer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, data, pkcs1)).toBe(true);
    // node:crypto ignores dsaEncoding for an RSA key and would accept this value
    expect(verifyMessageSignature(rsa.certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, data, pkcs1)).toBe(false);
    expect(verifyMessageSignature(rsa.certDer, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, data, pkcs1)).toBe(false);
    const p1363 = new Uint8Array(nodeSign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(verifyMessageSignature(ec.certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, data, p1363)).toBe(true);
    expect(verifyMessageSignature(ec.certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-384' }, data, p1363)).toBe(false);
    expect(verifyMessageSignature(ec.certDer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, data, p1363)).toBe(false);
    const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
    const v521 = new Uint8Array(nodeSign('sha512', data, { key: p521.privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(verifyMessageSignature(p521.publicKey, { name: 'ECDSA', hash: 'SHA-512', namedCurve: 'P-384' }, data, v521)).toBe(false);
  });

  it('assertSignatureValues: count mismatch or a bad value → SIGNER_FAILED; wrong digest size → INVALID_ARGUMENT', async () => {
    const signer = loadPemSigner({ key: ec.keyPem, certificate: ec.certPem });
    const [good] = await signer.signDigests([d32]);
    expect(() => assertSignatureValues(ec.certDer, signer.algorithm, [d32], [good as Uint8Array], 'test')).not.toThrow();
    expect(await codeOf(() => assertSignatureValues(ec.certDer, signer.algorithm, [d32, d32], [good as Uint8Array], 'test'))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => assertSignatureValues(ec.certDer, signer.algorithm, [d32], [new Uint8Array(64)], 'test'))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => verifyDigestSignature(ec.certDer, signer.algorithm, new Uint8Array(31), good as Uint8Array))).toBe('INVALID_ARGUMENT');
  });
});
