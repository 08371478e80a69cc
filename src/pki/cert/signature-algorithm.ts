/**
 * Certificate signature algorithms (RFC 4055, RFC 5758, RFC 8410): OID → family and hash, and verification
 * of a certificate's signature with node:crypto over the exact TBSCertificate bytes.
 * @module
 */
import { constants, verify, type KeyObject } from 'node:crypto';
import { childrenOf, contentOf, expectTag, readOid, readSingle } from './der-reader.js';
import type { DecodedCertificate } from './decode-certificate.js';
import { importSpki } from './public-key.js';

/** Hashes that can appear in certificate signatures. */
export type CertificateHash = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** A signature algorithm in user terms. */
export interface SignatureAlgorithmInfo {
  family: 'rsa' | 'rsa-pss' | 'ecdsa' | 'eddsa';
  /** Hash (undefined for EdDSA, which hashes internally). */
  hash?: CertificateHash;
  /** Display name, e.g. `sha256WithRSAEncryption`. */
  name: string;
  /** RSA-PSS salt length. */
  saltLength?: number;
}

const TABLE: Readonly<Record<string, Omit<SignatureAlgorithmInfo, 'saltLength'>>> = {
  '1.2.840.113549.1.1.4': { family: 'rsa', hash: 'md5', name: 'md5WithRSAEncryption' },
  '1.2.840.113549.1.1.5': { family: 'rsa', hash: 'sha1', name: 'sha1WithRSAEncryption' },
  '1.2.840.113549.1.1.14': { family: 'rsa', hash: 'sha224', name: 'sha224WithRSAEncryption' },
  '1.2.840.113549.1.1.11': { family: 'rsa', hash: 'sha256', name: 'sha256WithRSAEncryption' },
  '1.2.840.113549.1.1.12': { family: 'rsa', hash: 'sha384', name: 'sha384WithRSAEncryption' },
  '1.2.840.113549.1.1.13': { family: 'rsa', hash: 'sha512', name: 'sha512WithRSAEncryption' },
  '1.2.840.10045.4.1': { family: 'ecdsa', hash: 'sha1', name: 'ecdsa-with-SHA1' },
  '1.2.840.10045.4.3.1': { family: 'ecdsa', hash: 'sha224', name: 'ecdsa-with-SHA224' },
  '1.2.840.10045.4.3.2': { family: 'ecdsa', hash: 'sha256', name: 'ecdsa-with-SHA256' },
  '1.2.840.10045.4.3.3': { family: 'ecdsa', hash: 'sha384', name: 'ecdsa-with-SHA384' },
  '1.2.840.10045.4.3.4': { family: 'ecdsa', hash: 'sha512', name: 'ecdsa-with-SHA512' },
  '1.3.101.112': { family: 'eddsa', name: 'Ed25519' },
  '1.3.101.113': { family: 'eddsa', name: 'Ed448' },
};

const HASH_OIDS: Readonly<Record<string, CertificateHash>> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.4': 'sha224', '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512', '1.2.840.113549.2.5': 'md5',
};

const RSASSA_PSS = '1.2.840.113549.1.1.10';

function hashOfAlgorithmId(der: Uint8Array, tlv: Parameters<typeof childrenOf>[1]): CertificateHash | undefined {
  const [oid] = childrenOf(der, expectTag(tlv, 0x30, 'AlgorithmIdentifier'));
  return HASH_OIDS[readOid(der, oid, 'hash algorithm')];
}

function pssInfo(parameters: Uint8Array | undefined): SignatureAlgorithmInfo | undefined {
  let hash: CertificateHash | undefined = 'sha1';
  let mgfHash: CertificateHash | undefined = 'sha1';
  let saltLength = 20;
  if (parameters) {
    for (const field of childrenOf(parameters, expectTag(readSingle(parameters), 0x30, 'RSASSA-PSS-params'))) {
      const [inner] = childrenOf(parameters, field);
      if (!inner) return undefined;
      if (field.tag === 0xa0) hash = hashOfAlgorithmId(parameters, inner);
      else if (field.tag === 0xa1) {
        const [mgfOid, mgfParams] = childrenOf(parameters, expectTag(inner, 0x30, 'MaskGenAlgorithm'));
        if (readOid(parameters, mgfOid, 'mgf') !== '1.2.840.113549.1.1.8' || !mgfParams) return undefined;
        mgfHash = hashOfAlgorithmId(parameters, mgfParams);
      } else if (field.tag === 0xa2) {
        saltLength = contentOf(parameters, expectTag(inner, 0x02, 'saltLength')).reduce((n, b) => n * 256 + b, 0);
      }
    }
  }
  if (!hash || hash !== mgfHash) return undefined; // node uses the message hash for MGF1
  return { family: 'rsa-pss', hash, name: `RSASSA-PSS(${hash})`, saltLength };
}

/**
 * Identifies a signature algorithm; `undefined` when unknown or unsupported.
 *
 * @example
 * ```ts
 * signatureAlgorithmInfo('1.2.840.113549.1.1.11'); // { family: 'rsa', hash: 'sha256', name: 'sha256WithRSAEncryption' }
 * ```
 */
export function signatureAlgorithmInfo(oid: string, parameters?: Uint8Array): SignatureAlgorithmInfo | undefined {
  if (oid === RSASSA_PSS) {
    try {
      return pssInfo(parameters);
    } catch {
      return undefined;
    }
  }
  const known = TABLE[oid];
  return known ? { ...known } : undefined;
}

/** Outcome of checking a certificate's signature. */
export type SignatureCheck = 'valid' | 'invalid' | 'unsupported';

/**
 * Verifies `cert`'s signature with the issuer's DER SubjectPublicKeyInfo (or its already imported `issuerKey`).
 *
 * @example
 * ```ts
 * verifyCertificateSignature(leaf, issuer.spki); // 'valid'
 * ```
 */
export function verifyCertificateSignature(cert: DecodedCertificate, issuerSpki: Uint8Array, issuerKey?: KeyObject): SignatureCheck {
  const info = signatureAlgorithmInfo(cert.signatureAlgorithm.oid, cert.signatureAlgorithm.parameters);
  const key = issuerKey ?? importSpki(issuerSpki);
  if (!info || !key) return 'unsupported';
  const keyType = key.asymmetricKeyType;
  const compatible =
    (info.family === 'rsa' && keyType === 'rsa') ||
    (info.family === 'rsa-pss' && (keyType === 'rsa' || keyType === 'rsa-pss')) ||
    (info.family === 'ecdsa' && keyType === 'ec') ||
    (info.family === 'eddsa' && (keyType === 'ed25519' || keyType === 'ed448'));
  if (!compatible) return 'invalid';
  try {
    const data = Buffer.from(cert.tbs);
    const signature = Buffer.from(cert.signatureValue);
    const ok = info.family === 'rsa-pss'
      ? verify(info.hash ?? 'sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: info.saltLength ?? 20 }, signature)
      : verify(info.family === 'eddsa' ? null : info.hash ?? 'sha256', data, key, signature);
    return ok ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
