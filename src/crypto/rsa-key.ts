/**
 * node:crypto refuses raw RSA operations (`privateEncrypt` / `publicDecrypt` without PKCS#1 padding) on keys
 * typed `id-RSASSA-PSS`. The key material is the same RSA key, so for the raw operations the PSS-typed key is
 * re-read as a plain RSA key (PKCS#1). Callers still only make PSS signatures with it (see assertAlgorithmFitsKey).
 * @module
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { readDer } from './der.js';

/**
 * The same key as an `rsa`-typed KeyObject (unchanged when it already is one).
 *
 * @example
 * ```ts
 * privateEncrypt({ key: asPlainRsaKey(pssKey), padding: constants.RSA_NO_PADDING }, block);
 * ```
 */
export function asPlainRsaKey(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa-pss') return key;
  try {
    if (key.type === 'private') {
      // PrivateKeyInfo ::= SEQUENCE { version INTEGER, algorithm AlgorithmIdentifier, privateKey OCTET STRING }
      const der = new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
      const seq = readDer(der, 0, der.length, 'KEY_MALFORMED');
      const version = readDer(der, seq.contentStart, seq.end, 'KEY_MALFORMED');
      const algorithm = readDer(der, version.end, seq.end, 'KEY_MALFORMED');
      const octets = readDer(der, algorithm.end, seq.end, 'KEY_MALFORMED');
      return createPrivateKey({ key: Buffer.from(der.subarray(octets.contentStart, octets.end)), format: 'der', type: 'pkcs1' });
    }
    // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    const der = new Uint8Array(key.export({ format: 'der', type: 'spki' }));
    const seq = readDer(der, 0, der.length, 'KEY_MALFORMED');
    const algorithm = readDer(der, seq.contentStart, seq.end, 'KEY_MALFORMED');
    const bits = readDer(der, algorithm.end, seq.end, 'KEY_MALFORMED');
    return createPublicKey({ key: Buffer.from(der.subarray(bits.contentStart + 1, bits.end)), format: 'der', type: 'pkcs1' });
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('KEY_MALFORMED', { detail: 'cannot read the RSA-PSS key as an RSA key', cause });
  }
}
