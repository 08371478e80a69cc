/**
 * Checks a ds:SignatureValue over the canonical SignedInfo (ECDSA values are r||s), through the crypto layer.
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { verifyMessageSignature } from '../../crypto/verify-signature.js';
import { signatureMethodForKey } from './algorithms.js';

/**
 * Whether `signature` is a valid signature of `data` under `key` with the given SignatureMethod URI. Never throws
 * for a wrong value, a refused method or a key of the wrong type (returns false).
 *
 * @example
 * ```ts
 * verifySignatureValue(cert.publicKey, 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', canonicalSignedInfo, value);
 * ```
 */
export function verifySignatureValue(key: KeyObject, signatureMethod: string, data: Uint8Array, signature: Uint8Array): boolean {
  const algorithm = signatureMethodForKey(signatureMethod, key);
  return algorithm !== undefined && verifyMessageSignature(key, algorithm, data, signature);
}
