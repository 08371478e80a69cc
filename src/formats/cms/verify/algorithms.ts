/**
 * Object identifiers and algorithm names the CMS verifier understands.
 * @module
 */
import type { HashAlgorithm } from '../../../crypto/types.js';

/** Digest algorithms by OID. SHA-1 is recognised only to be refused with a clear reason. */
export const DIGEST_OIDS: Readonly<Record<string, HashAlgorithm | 'SHA-1'>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** Kinds of signature algorithm, keyed by OID; `hash` is set when the OID fixes the digest. */
export const SIGNATURE_OIDS: Readonly<Record<string, { kind: 'rsa' | 'rsa-pss' | 'ecdsa'; hash?: HashAlgorithm | 'SHA-1' }>> = {
  '1.2.840.113549.1.1.1': { kind: 'rsa' },
  '1.2.840.113549.1.1.5': { kind: 'rsa', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { kind: 'rsa', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { kind: 'rsa', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { kind: 'rsa', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { kind: 'rsa-pss' },
  '1.2.840.10045.2.1': { kind: 'ecdsa' },
  '1.2.840.10045.4.1': { kind: 'ecdsa', hash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', hash: 'SHA-512' },
};

/** CMS / CAdES / PAdES object identifiers. */
export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  ocspResponseRevInfo: '1.3.6.1.5.5.7.16.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  mgf1: '1.2.840.113549.1.1.8',
} as const;

/**
 * node:crypto hash name for a digest algorithm.
 *
 * @example
 * ```ts
 * nodeHashName('SHA-256'); // 'sha256'
 * ```
 */
export function nodeHashName(hash: HashAlgorithm | 'SHA-1'): string {
  return hash.replace('-', '').toLowerCase();
}
