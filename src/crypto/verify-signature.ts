/**
 * Check a signature value against a public key, over a message or over a pre-computed digest. This is the
 * guard every path that receives signature values from outside (PKCS#11 token, remote service, two-phase
 * `complete`) runs before a value is embedded: garbage becomes an error, never a corrupt file.
 * @module
 */
import { constants, createPublicKey, publicDecrypt, timingSafeEqual, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { readCertificate, type CertificateInput } from './certificate-input.js';
import { encodeDigestInfo } from './digest-info.js';
import { hashLength, nodeHashName } from './digest.js';
import { ecdsaVerifyDigest } from './ecdsa-prehash.js';
import { emsaPssVerify } from './emsa-pss.js';
import { describeKey } from './key-algorithm.js';
import { asPlainRsaKey } from './rsa-key.js';
import type { SignatureAlgorithm } from './types.js';

/** A public key: a node:crypto KeyObject (public or private) or a certificate (DER/PEM). */
export type PublicKeyInput = KeyObject | CertificateInput;

/**
 * Turn a {@link PublicKeyInput} into a public KeyObject.
 *
 * @example
 * ```ts
 * const key = toPublicKey(signer.certificate);
 * ```
 */
export function toPublicKey(input: PublicKeyInput): KeyObject {
  if (typeof input === 'string' || input instanceof Uint8Array) return readCertificate(input).x509.publicKey;
  return input.type === 'private' ? createPublicKey(input) : input;
}

function rsaPublic(key: KeyObject, signature: Uint8Array, padding: number): Uint8Array | null {
  try {
    return new Uint8Array(publicDecrypt({ key: asPlainRsaKey(key), padding }, signature));
  } catch {
    return null;
  }
}

/**
 * Verify a signature over a pre-computed digest. Returns false for a wrong or malformed value (never throws for
 * that); throws only for unusable arguments (unsupported algorithm, digest of the wrong length).
 *
 * @example
 * ```ts
 * verifyDigestSignature(certDer, signer.algorithm, digestValue, signatureValue); // true / false
 * ```
 */
export function verifyDigestSignature(
  publicKey: PublicKeyInput,
  algorithm: SignatureAlgorithm,
  digestValue: Uint8Array,
  signature: Uint8Array,
): boolean {
  const key = toPublicKey(publicKey);
  if (digestValue.length !== hashLength(algorithm.hash)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `digest must be ${hashLength(algorithm.hash)} bytes` });
  }
  const d = describeKey(key);
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': {
      if (d.type !== 'RSA' || signature.length !== Math.ceil(d.modulusLength / 8)) return false;
      const recovered = rsaPublic(key, signature, constants.RSA_PKCS1_PADDING);
      const expected = encodeDigestInfo(algorithm.hash, digestValue);
      return recovered !== null && recovered.length === expected.length && timingSafeEqual(recovered, expected);
    }
    case 'RSA-PSS': {
      if (d.type === 'EC') return false;
      const k = Math.ceil(d.modulusLength / 8);
      if (signature.length !== k) return false;
      const m = rsaPublic(key, signature, constants.RSA_NO_PADDING);
      if (m === null) return false;
      const emLen = Math.ceil((d.modulusLength - 1) / 8);
      if (m.subarray(0, k - emLen).some((b) => b !== 0)) return false;
      return emsaPssVerify(algorithm.hash, digestValue, m.subarray(k - emLen), d.modulusLength, algorithm.saltLength);
    }
    case 'ECDSA':
      if (d.type !== 'EC' || d.namedCurve !== algorithm.namedCurve) return false;
      return ecdsaVerifyDigest(key, digestValue, signature);
    default:
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: 'signature algorithm' });
  }
}

/** Whether the key can make signatures of this algorithm (node:crypto alone ignores `dsaEncoding` for RSA keys). */
function keyFits(key: KeyObject, algorithm: SignatureAlgorithm): boolean {
  let d;
  try {
    d = describeKey(key);
  } catch {
    return false;
  }
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': return d.type === 'RSA';
    case 'RSA-PSS': return d.type !== 'EC';
    case 'ECDSA': return d.type === 'EC' && d.namedCurve === algorithm.namedCurve;
    default: return false;
  }
}

/**
 * Verify a signature over a whole message with node:crypto (ECDSA values in P1363). False when the key does not
 * fit the algorithm (an RSA key with ECDSA, an EC key of another curve…).
 *
 * @example
 * ```ts
 * verifyMessageSignature(certDer, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, data, sig);
 * ```
 */
export function verifyMessageSignature(
  publicKey: PublicKeyInput,
  algorithm: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const key = toPublicKey(publicKey);
  if (!keyFits(key, algorithm)) return false;
  const options = algorithm.name === 'RSA-PSS'
    ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength }
    : algorithm.name === 'ECDSA'
      ? { key, dsaEncoding: 'ieee-p1363' as const }
      : { key, padding: constants.RSA_PKCS1_PADDING };
  try {
    return nodeVerify(nodeHashName(algorithm.hash), data, options, signature);
  } catch {
    return false;
  }
}

/**
 * Throw SIGNER_FAILED unless every signature verifies over its digest. Use it on values that came from a token,
 * a remote service or a two-phase caller, before embedding them.
 *
 * @example
 * ```ts
 * assertSignatureValues(certDer, algorithm, digests, signatures, 'PKCS#11 token');
 * ```
 */
export function assertSignatureValues(
  publicKey: PublicKeyInput,
  algorithm: SignatureAlgorithm,
  digests: readonly Uint8Array[],
  signatures: readonly Uint8Array[],
  source: string,
): void {
  if (signatures.length !== digests.length) {
    throw new EdusignError('SIGNER_FAILED', {
      detail: `${source} returned ${signatures.length} signatures for ${digests.length} digests`,
      detailVi: `${source} trả về ${signatures.length} chữ ký cho ${digests.length} giá trị băm`,
    });
  }
  const key = toPublicKey(publicKey);
  digests.forEach((digestValue, index) => {
    const sig = signatures[index];
    if (!(sig instanceof Uint8Array) || !verifyDigestSignature(key, algorithm, digestValue, sig)) {
      throw new EdusignError('SIGNER_FAILED', {
        detail: `${source} returned a signature value that does not verify with the certificate (#${index})`,
        detailVi: `${source} trả về giá trị chữ ký không khớp với chứng thư số (#${index})`,
        context: { index, source },
      });
    }
  });
}
