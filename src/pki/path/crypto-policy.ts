/**
 * Algorithm policy for certificates: MD5 never; SHA-1 and small keys only before a configurable date
 * (Circular 15/2025/TT-BKHCN: RSA ≥ 2048, ECDSA ≥ 256 bits).
 * @module
 */
import type { KeyObject } from 'node:crypto';
import type { DecodedCertificate } from '../cert/decode-certificate.js';
import { describePublicKey, type PublicKeyInfo } from '../cert/public-key.js';
import { signatureAlgorithmInfo } from '../cert/signature-algorithm.js';
import { problem, type PathProblem } from './findings.js';

/** Cryptographic constraints. */
export interface CryptoPolicy {
  /**
   * SHA-1 signatures and RSA keys below `minRsaBits` (but ≥ 1024) are accepted when the validation time is
   * before this date, and rejected from it. Default 2019-01-01T00:00:00Z.
   */
  legacyAlgorithmsUntil?: Date;
  /** Default 2048. */
  minRsaBits?: number;
  /** Default 256. */
  minEcBits?: number;
}

/** The default cut-off date for SHA-1 and RSA < 2048. */
export const DEFAULT_LEGACY_ALGORITHMS_UNTIL = new Date('2019-01-01T00:00:00Z');

/**
 * Problems with the signature algorithm of `cert` at time `at`.
 *
 * @example
 * ```ts
 * signaturePolicyProblems(decodeCertificate(sha1Der), new Date()); // [WEAK_HASH_SHA1]
 * ```
 */
export function signaturePolicyProblems(cert: DecodedCertificate, at: Date, policy: CryptoPolicy = {}): PathProblem[] {
  const info = signatureAlgorithmInfo(cert.signatureAlgorithm.oid, cert.signatureAlgorithm.parameters);
  if (!info) return [problem('CERT_SIGNATURE_ALGORITHM_UNSUPPORTED', `${cert.signatureAlgorithm.oid} (${cert.subject.text})`)];
  const until = policy.legacyAlgorithmsUntil ?? DEFAULT_LEGACY_ALGORITHMS_UNTIL;
  if (info.hash === 'md5') return [problem('WEAK_HASH_MD5', cert.subject.text)];
  if (info.hash === 'sha1' && at.getTime() >= until.getTime()) return [problem('WEAK_HASH_SHA1', cert.subject.text)];
  return [];
}

/**
 * Problems with the public key of `cert` at time `at`.
 *
 * @example
 * ```ts
 * keyPolicyProblems(decodeCertificate(rsa1024Der), new Date()); // [WEAK_KEY]
 * ```
 */
export function keyPolicyProblems(cert: DecodedCertificate, at: Date, policy: CryptoPolicy = {}, imported?: KeyObject): PathProblem[] {
  return keyInfoPolicyProblems(describePublicKey(cert.spki, imported), cert, at, policy);
}

/**
 * {@link keyPolicyProblems} for a key already described (e.g. a memoised `describePublicKey()` result).
 *
 * @example
 * ```ts
 * keyInfoPolicyProblems({ algorithm: 'RSA', size: 1024 }, cert, new Date()); // [WEAK_KEY]
 * ```
 */
export function keyInfoPolicyProblems(key: PublicKeyInfo, cert: DecodedCertificate, at: Date, policy: CryptoPolicy = {}): PathProblem[] {
  const legacy = at.getTime() < (policy.legacyAlgorithmsUntil ?? DEFAULT_LEGACY_ALGORITHMS_UNTIL).getTime();
  const detail = `${key.algorithm} ${key.size ?? '?'} bits (${cert.subject.text})`;
  if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') {
    const min = legacy ? 1024 : (policy.minRsaBits ?? 2048);
    return key.size !== undefined && key.size >= min ? [] : [problem('WEAK_KEY', detail)];
  }
  if (key.algorithm === 'EC') return key.size !== undefined && key.size >= (policy.minEcBits ?? 256) ? [] : [problem('WEAK_KEY', detail)];
  if (key.algorithm === 'Ed25519' || key.algorithm === 'Ed448') return [];
  return [problem('KEY_UNSUPPORTED', detail)];
}
