/**
 * PKCS#1 v1.5 `DigestInfo` (RFC 8017 §9.2): what an RSA PKCS#1 v1.5 signature actually signs.
 * Needed to sign a pre-computed digest with a raw RSA operation (node `privateEncrypt`, PKCS#11 `CKM_RSA_PKCS`).
 * @module
 */
import { digestAlgorithmIdentifierDer } from './algorithms.js';
import { concatBytes, derTlv } from './der.js';
import { assertDigestLengths } from './digest.js';
import type { HashAlgorithm } from './types.js';

/**
 * DER `DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }`.
 *
 * @example
 * ```ts
 * const info = encodeDigestInfo('SHA-256', digest('SHA-256', data)); // 51 bytes, starts 30 31 30 0d 06 09
 * ```
 */
export function encodeDigestInfo(hash: HashAlgorithm, digestValue: Uint8Array): Uint8Array {
  assertDigestLengths(hash, [digestValue]);
  return derTlv(0x30, concatBytes(digestAlgorithmIdentifierDer(hash), derTlv(0x04, digestValue)));
}
