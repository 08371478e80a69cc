import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate, type RSAPSSKeyPairKeyObjectOptions } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  digestAlgorithmOid, hashFromOid, hashFromXmldsigDigestMethod, jwsAlgorithmName, parseRsaPssParams, rsaPssParamsDer,
  sameSignatureAlgorithm, signatureAlgorithmFromIdentifier, signatureAlgorithmFromJws, signatureAlgorithmFromXmldsig,
  signatureAlgorithmIdentifier, xmldsigDigestMethod, xmldsigSignatureMethod,
} from '../../src/crypto/algorithms.js';
import { assertAlgorithmFitsKey, defaultSignatureAlgorithm, describeKey } from '../../src/crypto/key-algorithm.js';
import { readDer } from '../../src/crypto/der.js';
import type { SignatureAlgorithm } from '../../src/crypto/types.js';
import { codeOf, fixture } from './keys.js';

const ALL: SignatureAlgorithm[] = [
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
  { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 }, { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' },
];

describe('algorithm names', () => {
  it('round-trips through CMS AlgorithmIdentifier, JWS alg and XMLDSig URIs', () => {
    for (const alg of ALL) {
      const id = signatureAlgorithmIdentifier(alg);
      const ctx = alg.name === 'ECDSA' ? { namedCurve: alg.namedCurve } : {};
      expect(sameSignatureAlgorithm(signatureAlgorithmFromIdentifier(id, ctx), alg)).toBe(true);
      expect(sameSignatureAlgorithm(signatureAlgorithmFromJws(jwsAlgorithmName(alg)), alg)).toBe(true);
      expect(sameSignatureAlgorithm(signatureAlgorithmFromXmldsig(xmldsigSignatureMethod(alg), ctx), alg)).toBe(true);
    }
    expect(ALL.map(jwsAlgorithmName)).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384']);
    expect(signatureAlgorithmIdentifier(ALL[0] as SignatureAlgorithm)).toEqual({ oid: '1.2.840.113549.1.1.11',
      parameters: Uint8Array.of(5, 0) });
    expect(signatureAlgorithmIdentifier(ALL[6] as SignatureAlgorithm)).toEqual({ oid: '1.2.840.10045.4.3.2' });
    expect(xmldsigSignatureMethod(ALL[3] as SignatureAlgorithm)).toBe('http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1');
  });

  it('maps digests both ways and refuses SHA-1 / MD5 / none', async () => {
    for (const h of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      expect(hashFromOid(digestAlgorithmOid(h))).toBe(h);
      expect(hashFromXmldsigDigestMethod(xmldsigDigestMethod(h))).toBe(h);
    }
    expect(await codeOf(() => hashFromOid('1.3.14.3.2.26'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => hashFromXmldsigDigestMethod('http://www.w3.org/2000/09/xmldsig#sha1'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => signatureAlgorithmFromJws('none'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => signatureAlgorithmFromJws('HS256'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => signatureAlgorithmFromJws('ES512'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => jwsAlgorithmName({ name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-256' }))).toBe('UNSUPPORTED_ALGORITHM');
    // No RS1: a SHA-1 algorithm never gets a JWS name (it would be written as "RS1").
    expect(await codeOf(() => jwsAlgorithmName({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' as 'SHA-256' }))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => signatureAlgorithmFromIdentifier({ oid: '1.2.840.113549.1.1.5' }))).toBe('UNSUPPORTED_ALGORITHM');
    expect(signatureAlgorithmFromIdentifier({ oid: '1.2.840.113549.1.1.1' }, { hash: 'SHA-384' }))
      .toEqual({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' });
  });

  it('XMLDSig URIs: SHA-1, HMAC, unknown hashes and PSS salts other than the hash length are refused both ways', async () => {
    const sha1 = 'SHA-1' as unknown as SignatureAlgorithm['hash'];
    expect(await codeOf(() => xmldsigDigestMethod(sha1))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => xmldsigDigestMethod('constructor' as unknown as SignatureAlgorithm['hash']))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => xmldsigSignatureMethod({ name: 'RSASSA-PKCS1-v1_5', hash: sha1 }))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => xmldsigSignatureMethod({ name: 'ECDSA', hash: sha1, namedCurve: 'P-256' }))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => xmldsigSignatureMethod({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 20 }))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => xmldsigSignatureMethod({ name: 'RSA-PSS', hash: 'SHA-384', saltLength: 32 }))).toBe('UNSUPPORTED_ALGORITHM');
    for (const uri of ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
      'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha224', 'http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1',
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 ', '']) {
      expect(await codeOf(() => signatureAlgorithmFromXmldsig(uri, { namedCurve: 'P-256' })), uri).toBe('UNSUPPORTED_ALGORITHM');
    }
    for (const uri of ['http://www.w3.org/2000/09/xmldsig#sha1', 'http://www.w3.org/2001/04/xmldsig-more#sha224', 'http://www.w3.org/2001/04/xmlenc#sha256#']) {
      expect(await codeOf(() => hashFromXmldsigDigestMethod(uri)), uri).toBe('UNSUPPORTED_ALGORITHM');
    }
    // ECDSA needs the key's curve; RSA-PSS URIs mean salt = hash length
    expect(await codeOf(() => signatureAlgorithmFromXmldsig('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'))).toBe('UNSUPPORTED_ALGORITHM');
    expect(signatureAlgorithmFromXmldsig('http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1')).toEqual({ name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 });
    expect(xmldsigDigestMethod('SHA-384')).toBe('http://www.w3.org/2001/04/xmldsig-more#sha384');
  });

  it('RSASSA-PSS-params: parses what OpenSSL writes and writes what OpenSSL reads', () => {
    // An id-RSASSA-PSS SPKI made by node/OpenSSL carries RSASSA-PSS-params in its AlgorithmIdentifier.
    const pssOptions: RSAPSSKeyPairKeyObjectOptions = { modulusLength: 1024, hashAlgorithm: 'sha384',
      // @types/node 20.19 declares saltLength as string; node:crypto takes a number.
      mgf1HashAlgorithm: 'sha384', saltLength: 48 as unknown as string };
    const { publicKey } = generateKeyPairSync('rsa-pss', pssOptions);
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    // SPKI = SEQ { AlgorithmIdentifier SEQ { OID rsassaPss, params SEQ }, BIT STRING }
    const bytes = new Uint8Array(spki);
    const outer = readDer(bytes, 0);
    const algId = readDer(bytes, outer.contentStart);
    const oid = readDer(bytes, algId.contentStart);
    const params = bytes.subarray(oid.end, algId.end);
    expect(parseRsaPssParams(params)).toEqual({ hash: 'SHA-384', saltLength: 48 });
    const ours = rsaPssParamsDer('SHA-256', 32);
    const text = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: ours }).toString();
    expect(text).toContain('sha256');
    expect(text).toContain('mgf1');
    expect(text).toMatch(/INTEGER\s+:20/);
    expect(parseRsaPssParams(ours)).toEqual({ hash: 'SHA-256', saltLength: 32 });
  });

  it('chooses a default algorithm from the certificate key, and checks fit', async () => {
    const rsa = new X509Certificate(fixture('teacher.cert.der')).publicKey;
    const ec = new X509Certificate(fixture('teacher-ecdsa.cert.der')).publicKey;
    expect(describeKey(rsa)).toEqual({ type: 'RSA', modulusLength: 2048 });
    expect(defaultSignatureAlgorithm(rsa)).toEqual({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
    expect(defaultSignatureAlgorithm(rsa, { rsaScheme: 'pss', hash: 'SHA-512' }))
      .toEqual({ name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 });
    expect(defaultSignatureAlgorithm(ec)).toEqual({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' });
    expect(defaultSignatureAlgorithm(new Uint8Array(fixture('teacher-ecdsa.cert.der')))).toEqual(defaultSignatureAlgorithm(ec));
    expect(defaultSignatureAlgorithm(fixture('teacher.cert.pem').toString('utf8'))).toEqual(defaultSignatureAlgorithm(rsa));
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
    expect(defaultSignatureAlgorithm(p384)).toEqual({ name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' });
    expect(await codeOf(() => assertAlgorithmFitsKey(ALL[6] as SignatureAlgorithm, rsa))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => assertAlgorithmFitsKey(ALL[7] as SignatureAlgorithm, ec))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => assertAlgorithmFitsKey(ALL[0] as SignatureAlgorithm, ec))).toBe('UNSUPPORTED_ALGORITHM');
    expect(await codeOf(() => assertAlgorithmFitsKey({ name: 'RSA-PSS', hash: 'SHA-512', saltLength: 200 }, rsa))).toBe('INVALID_ARGUMENT');
    const ed = generateKeyPairSync('ed25519').publicKey;
    expect(await codeOf(() => defaultSignatureAlgorithm(ed))).toBe('UNSUPPORTED_ALGORITHM');
  });
});
