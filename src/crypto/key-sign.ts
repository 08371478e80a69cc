/**
 * Sign with an in-memory node:crypto private key: a whole message (node:crypto does the hashing) or a
 * pre-computed digest (raw RSA for PKCS#1 v1.5 and PSS, {@link ecdsaSignDigest} for ECDSA).
 * @module
 */
import { constants, privateEncrypt, sign as nodeSign, type KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { encodeDigestInfo } from './digest-info.js';
import { assertDigestLengths, nodeHashName } from './digest.js';
import { ecdsaSignDigest } from './ecdsa-prehash.js';
import { emsaPssEncode } from './emsa-pss.js';
import { describeKey } from './key-algorithm.js';
import { asPlainRsaKey } from './rsa-key.js';
import type { SignatureAlgorithm } from './types.js';

function nodeOptions(key: KeyObject, algorithm: SignatureAlgorithm) {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': return { key, padding: constants.RSA_PKCS1_PADDING };
    case 'RSA-PSS': return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength };
    case 'ECDSA': return { key, dsaEncoding: 'ieee-p1363' as const };
    default: throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: 'signature algorithm' });
  }
}

/**
 * Hash and sign `data`. ECDSA output is P1363.
 *
 * @example
 * ```ts
 * const sig = signMessageWithKey(privateKey, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, bytes);
 * ```
 */
export function signMessageWithKey(privateKey: KeyObject, algorithm: SignatureAlgorithm, data: Uint8Array): Uint8Array {
  try {
    return new Uint8Array(nodeSign(nodeHashName(algorithm.hash), data, nodeOptions(privateKey, algorithm)));
  } catch (cause) {
    throw new EdusignError('SIGNER_FAILED', { detail: (cause as Error).message, cause });
  }
}

function rawRsa(privateKey: KeyObject, block: Uint8Array, padding: number): Uint8Array {
  try {
    return new Uint8Array(privateEncrypt({ key: asPlainRsaKey(privateKey), padding }, block));
  } catch (cause) {
    throw new EdusignError('UNSUPPORTED_ALGORITHM', {
      detail: `raw RSA operation refused by node:crypto (${(cause as Error).message})`,
      detailVi: `node:crypto từ chối phép toán RSA thô (${(cause as Error).message})`,
      cause,
    });
  }
}

/**
 * Sign a pre-computed digest (made with `algorithm.hash`). RSA PKCS#1 v1.5 signs the DigestInfo with
 * `privateEncrypt` (type-1 padding); RSA-PSS encodes EMSA-PSS here and applies the raw RSA operation;
 * ECDSA uses {@link ecdsaSignDigest}. The result equals what {@link signMessageWithKey} gives for the message
 * (byte-for-byte for PKCS#1 v1.5; PSS and ECDSA are randomised/deterministic but verify the same way).
 *
 * @example
 * ```ts
 * const sig = signDigestWithKey(privateKey, algorithm, digest(algorithm.hash, bytes));
 * ```
 */
export function signDigestWithKey(privateKey: KeyObject, algorithm: SignatureAlgorithm, digestValue: Uint8Array): Uint8Array {
  assertDigestLengths(algorithm.hash, [digestValue]);
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return rawRsa(privateKey, encodeDigestInfo(algorithm.hash, digestValue), constants.RSA_PKCS1_PADDING);
    case 'RSA-PSS': {
      const d = describeKey(privateKey);
      const bits = d.type === 'EC' ? 0 : d.modulusLength;
      const k = Math.ceil(bits / 8);
      const em = emsaPssEncode(algorithm.hash, digestValue, algorithm.saltLength, bits);
      const block = new Uint8Array(k);
      block.set(em, k - em.length);
      return rawRsa(privateKey, block, constants.RSA_NO_PADDING);
    }
    case 'ECDSA':
      return ecdsaSignDigest(privateKey, digestValue, algorithm.hash);
    default:
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: 'signature algorithm' });
  }
}
