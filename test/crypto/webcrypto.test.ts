import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cryptoKeySigner } from '../../src/crypto/webcrypto.js';
import { verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { codeOf, pkiIdentity } from './keys.js';

const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');

async function importKey(pem: string, algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams, extractable: boolean) {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, algorithm, extractable, ['sign']);
}

describe('cryptoKeySigner', () => {
  it('RSASSA-PKCS1-v1_5 and RSA-PSS CryptoKeys (non-extractable): sign() and signDigests()', async () => {
    for (const name of ['RSASSA-PKCS1-v1_5', 'RSA-PSS'] as const) {
      const key = await importKey(rsa.keyPem, { name, hash: 'SHA-384' }, false);
      const signer = cryptoKeySigner(key, rsa.certPem);
      expect(signer.algorithm).toEqual(name === 'RSA-PSS' ? { name, hash: 'SHA-384', saltLength: 48 } : { name, hash: 'SHA-384' });
      const data = new TextEncoder().encode(`WebCrypto ${name}`);
      expect(verifyMessageSignature(rsa.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
      const d = new Uint8Array(createHash('sha384').update(data).digest());
      const [sig] = await signer.signDigests([d]);
      expect(verifyDigestSignature(rsa.certDer, signer.algorithm, d, sig as Uint8Array)).toBe(true);
    }
  });

  it('ECDSA: sign() always; signDigests() only for an extractable key (else UNSUPPORTED_ALGORITHM)', async () => {
    const fixed = await importKey(ec.keyPem, { name: 'ECDSA', namedCurve: 'P-256' }, false);
    const signer = cryptoKeySigner(fixed, ec.certDer);
    const data = new TextEncoder().encode('ECDSA WebCrypto');
    const sig = await signer.sign(data);
    expect(sig).toHaveLength(64);
    expect(verifyMessageSignature(ec.certDer, signer.algorithm, data, sig)).toBe(true);
    expect(await codeOf(() => signer.signDigests([new Uint8Array(32)]))).toBe('UNSUPPORTED_ALGORITHM');
    const loose = cryptoKeySigner(await importKey(ec.keyPem, { name: 'ECDSA', namedCurve: 'P-256' }, true), ec.certDer);
    const d = new Uint8Array(createHash('sha256').update(data).digest());
    const [ds] = await loose.signDigests([d]);
    expect(verifyDigestSignature(ec.certDer, loose.algorithm, d, ds as Uint8Array)).toBe(true);
  });

  it('refuses a public key, a key of another certificate', async () => {
    const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    expect(await codeOf(() => cryptoKeySigner(pair.publicKey, ec.certDer))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => cryptoKeySigner(pair.privateKey, ec.certDer))).toBe('KEY_CERT_MISMATCH');
  });
});
