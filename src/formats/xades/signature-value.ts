/**
 * Checks a ds:SignatureValue over the canonical SignedInfo with node:crypto (ECDSA values are r||s).
 * @module
 */
import { constants, verify, type KeyObject } from 'node:crypto';
import type { SignatureMethodInfo } from './algorithms.js';
import { nodeHash } from './algorithms.js';

const SALT: Record<string, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * Whether `signature` is a valid signature of `data` under `key` with the given SignatureMethod. Never throws
 * for a wrong value or a key of the wrong type (returns false).
 *
 * @example
 * ```ts
 * verifySignatureValue(cert.publicKey, { kind: 'ECDSA', hash: 'SHA-256' }, canonicalSignedInfo, value);
 * ```
 */
export function verifySignatureValue(key: KeyObject, method: SignatureMethodInfo, data: Uint8Array, signature: Uint8Array): boolean {
  const type = key.asymmetricKeyType;
  try {
    switch (method.kind) {
      case 'RSASSA-PKCS1-v1_5':
        return type === 'rsa' && verify(nodeHash(method.hash), data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'RSA-PSS':
        return (type === 'rsa' || type === 'rsa-pss') &&
          verify(nodeHash(method.hash), data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT[method.hash] ?? 32 }, signature);
      case 'ECDSA':
        return type === 'ec' && verify(nodeHash(method.hash), data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      default:
        return false;
    }
  } catch {
    return false;
  }
}
