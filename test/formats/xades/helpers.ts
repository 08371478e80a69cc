/**
 * Test helpers of the XAdES tests: signers over the fixture PKI keys (node:crypto KeyObjects), records.
 */
import { constants, createHash, createPrivateKey, privateEncrypt, sign as nodeSign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HashAlgorithm, SignatureAlgorithm, Signer } from '../../../src/crypto/types.js';

export const PKI = join(import.meta.dirname, '../../../fixtures/pki');

export function der(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(PKI, `${name}.cert.der`)));
}

export function key(name: string): KeyObject {
  return createPrivateKey(readFileSync(join(PKI, `${name}.key.pem`)));
}

const DIGEST_INFO: Record<HashAlgorithm, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

/** A Signer over a fixture key; `calls` counts signDigests calls. */
export function fixtureSigner(name: string, algorithm?: SignatureAlgorithm, chain: string[] = ['ca-edu']): Signer & { calls: { signDigests: number } } {
  const k = key(name);
  const alg: SignatureAlgorithm = algorithm ??
    (k.asymmetricKeyType === 'ec' ? { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
  const hashName = alg.hash.replace('-', '').toLowerCase();
  const calls = { signDigests: 0 };
  const signDigest = (digest: Uint8Array): Uint8Array => {
    if (alg.name === 'RSASSA-PKCS1-v1_5') {
      return new Uint8Array(privateEncrypt({ key: k, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([Buffer.from(DIGEST_INFO[alg.hash], 'hex'), digest])));
    }
    throw new Error('signDigests in tests: RSA PKCS#1 only');
  };
  return {
    certificate: der(name),
    chain: chain.map(der),
    algorithm: alg,
    calls,
    async sign(data: Uint8Array): Promise<Uint8Array> {
      if (alg.name === 'ECDSA') return new Uint8Array(nodeSign(hashName, data, { key: k, dsaEncoding: 'ieee-p1363' }));
      if (alg.name === 'RSA-PSS') return new Uint8Array(nodeSign(hashName, data, { key: k, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }));
      return new Uint8Array(nodeSign(hashName, data, k));
    },
    async signDigests(digests: readonly Uint8Array[]): Promise<Uint8Array[]> {
      calls.signDigests++;
      return digests.map(signDigest);
    },
  };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A học bạ-like record in the e-invoice DSCKS layout. */
export function sampleRecord(extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<HocBa xmlns="urn:edusign:hocba:1">
  <DLHocBa Id="data">
    <HocSinh><HoTen>Nguyễn Văn An</HoTen><NgaySinh>2010-05-01</NgaySinh></HocSinh>
    <KetQua Mon="Toán"><DiemTB>8.5</DiemTB></KetQua>
    <KetQua Mon="Ngữ văn"><DiemTB>7.8</DiemTB></KetQua>${extra}
  </DLHocBa>
  <DSCKS/>
</HocBa>
`;
}
