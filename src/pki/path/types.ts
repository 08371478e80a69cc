/**
 * Options and result of path building + validation ({@link buildAndValidatePath}).
 * @module
 */
import type { Finding, Indication, SubIndication } from '../indication.js';
import type { CertificatePurpose, ChainElement, Fetcher, PkiCacheLike, TrustStoreLike } from '../types.js';
import type { CryptoPolicy } from './crypto-policy.js';
import type { PolicyOptions } from './policy-tree.js';

/** Bounds of the path search (nothing loops, nothing runs away). */
export interface PathSearchLimits {
  /** Longest path, anchor included. Default 10. */
  maxDepth?: number;
  /** Complete candidate paths validated before giving up. Default 16. */
  maxPaths?: number;
  /** Issuer lookups (search-tree nodes) before giving up. Default 256. */
  maxSteps?: number;
  /** AIA caIssuers downloads per call (each URL at most once). Default 6. */
  maxAiaFetches?: number;
}

/**
 * Options of {@link buildAndValidatePath}. A structural subset of `CertificateValidationOptions`, so a
 * caller holding those can pass them straight through.
 */
export interface PathValidationOptions {
  trustStore: TrustStoreLike;
  /** Validation time (default: now). */
  at?: Date;
  /** Default `documentSigning`. */
  purpose?: CertificatePurpose;
  /** Certificates found in the signature (path-building helpers, untrusted). */
  extraCertificates?: readonly Uint8Array[];
  /** No network: AIA is not followed. */
  offline?: boolean;
  /** Used for AIA caIssuers downloads; without one, AIA is not followed. */
  fetcher?: Fetcher;
  /** Caller-owned cache; AIA downloads are stored under `aia:<url>`. */
  cache?: PkiCacheLike;
  cryptoPolicy?: CryptoPolicy;
  /** Certificate policy requirements (RFC 5280 user-initial-policy-set etc.); default: any policy. */
  policy?: PolicyOptions;
  limits?: PathSearchLimits;
  /** Source recorded for the end certificate in the chain. Default `supplied`. */
  targetSource?: ChainElement['source'];
}

/**
 * Result of {@link buildAndValidatePath}.
 *
 * - `indication`/`subIndication`: `TOTAL_PASSED` when a valid path to an anchor exists (revocation NOT checked);
 *   otherwise the conclusion of the best path tried (`NO_CERTIFICATE_CHAIN_FOUND` when none reached an anchor,
 *   `OUT_OF_BOUNDS_NO_POE` for an expired certificate, `NOT_YET_VALID` (TOTAL_FAILED), `CHAIN_CONSTRAINTS_FAILURE`,
 *   `CRYPTO_CONSTRAINTS_FAILURE`, `CERTIFICATE_CHAIN_GENERAL_FAILURE` for a bad certificate signature).
 * - `chain`: the valid path, or the best failing one (end certificate first, anchor last), or the longest
 *   partial path when no anchor was reached.
 * - `findings`: problems of that path plus search notes (AIA failures, limits).
 */
export interface PathValidationResult {
  indication: Indication;
  subIndication?: SubIndication;
  chain: ChainElement[];
  findings: Finding[];
  /** The anchor the chain ends in, when one was reached. */
  trustAnchor?: ChainElement;
  /** Complete candidate paths validated. */
  pathsTried: number;
  /** Certificates downloaded through AIA (DER), for embedding as validation data. */
  fetchedCertificates: Uint8Array[];
  /**
   * When the path passed: the certificate policies it is valid for (RFC 5280 user-constrained policy set;
   * `['2.5.29.32.0']` = any policy, `[]` = none asserted but none required).
   */
  validPolicies?: string[];
}
