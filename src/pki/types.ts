/**
 * Contracts of the PKI layer that formats (PAdES/XAdES/JAdES) build on. Implementations live beside this
 * file (`cert/`, `trust/`, `path/`, `revocation/`, `tsa/`, `net/`).
 * @module
 */
import type { HashAlgorithm } from '../crypto/types.js';
import type { Finding, Indication, SubIndication } from './indication.js';

/** What a certificate is checked for (drives keyUsage / extendedKeyUsage checks). */
export type CertificatePurpose = 'documentSigning' | 'ocspSigning' | 'timeStamping' | 'any';

/** Raw validation material, as embedded in B-LT signatures (DSS, xVals/rVals, CertificateValues/RevocationValues). */
export interface ValidationData {
  /** DER certificates. */
  certificates: Uint8Array[];
  /** DER CRLs. */
  crls: Uint8Array[];
  /** DER OCSPResponse structures (the full response, not only BasicOCSPResponse). */
  ocspResponses: Uint8Array[];
}

/** Options of the one network fetcher (AIA, CRL, OCSP, TSA). */
export interface FetchRequest {
  /** HTTP method (default `GET`; OCSP and TSA requests use `POST`). */
  method?: 'GET' | 'POST';
  /** Request body for `POST` (DER OCSPRequest, TimeStampReq). */
  body?: Uint8Array;
  /** `Content-Type` of the body, e.g. `application/ocsp-request`. */
  contentType?: string;
  /** `Accept` header, e.g. `application/timestamp-reply`. */
  accept?: string;
  /** Overrides the fetcher's default timeout. */
  timeoutMs?: number;
  /** Overrides the fetcher's default maximum response size. */
  maxBytes?: number;
}

/** The only thing in the SDK that talks to the network. */
export interface Fetcher {
  /** Fetch `url` (http/https only, no cross-scheme redirects); throws EdusignError NETWORK_* / RESPONSE_TOO_LARGE. */
  fetch(url: string, request?: FetchRequest): Promise<Uint8Array>;
}

/** How revocation is checked. */
export interface RevocationPolicy {
  /** `hard-fail`: unknown status makes the result INDETERMINATE; `soft-fail`: a warning. Default `hard-fail`. */
  mode?: 'hard-fail' | 'soft-fail';
  /** Which source to try first; the other is the fallback. Default `ocsp`. */
  prefer?: 'ocsp' | 'crl';
  /** Skip revocation checks entirely (recorded as a warning). */
  skip?: boolean;
}

/** Status of one certificate of the chain. */
export interface RevocationCheck {
  /** SHA-256 fingerprint (hex) of the certificate checked. */
  certificateSha256: string;
  /** Subject DN of the certificate checked. */
  subject: string;
  /** The status found; `not-checked` when the caller switched revocation checking off. */
  status: 'good' | 'revoked' | 'unknown' | 'not-checked';
  /** Which kind of revocation data gave the status. */
  source: 'ocsp' | 'crl' | 'none';
  /** Where it came from: a URL, or `embedded`. */
  origin?: string;
  /** When the certificate was revoked (status `revoked`). */
  revocationTime?: Date;
  /** CRL reason name (`keyCompromise`, `cessationOfOperation`, …; `reason-<n>` for an unknown code). */
  revocationReason?: string;
  /** thisUpdate of the CRL or OCSP single response used. */
  thisUpdate?: Date;
  /** nextUpdate of the CRL or OCSP single response used, when given. */
  nextUpdate?: Date;
  /** producedAt of the OCSP response (OCSP only). */
  producedAt?: Date;
  /** The raw DER of the CRL or OCSPResponse used, for embedding. */
  raw?: Uint8Array;
  /**
   * Further data the decision relied on, for embedding too: e.g. the CRL showing that a delegated OCSP
   * responder without id-pkix-ocsp-nocheck was not revoked (RFC 6960 §4.2.2.2.1).
   */
  supporting?: { crls: Uint8Array[] };
  /** Coded observations (stale data, responder problems, soft-fail, …). */
  findings: Finding[];
}

/** One certificate of a validated path, signer first, trust anchor last. */
export interface ChainElement {
  /** Subject DN. */
  subject: string;
  /** Issuer DN. */
  issuer: string;
  /** Serial number (hex). */
  serialNumber: string;
  /** SHA-256 fingerprint of the DER (hex). */
  sha256: string;
  /** Start of the validity period. */
  notBefore: Date;
  /** End of the validity period. */
  notAfter: Date;
  /** The certificate (DER). */
  der: Uint8Array;
  /**
   * Where the path builder found it: in the signature, as a trust anchor, among the store's intermediates,
   * fetched through AIA, or supplied by the caller (the certificate being validated).
   */
  source: 'signature' | 'trust-anchor' | 'store' | 'aia' | 'supplied';
}

/** Result of certificate path validation (RFC 5280 §6 + revocation). */
export interface CertificateValidationResult {
  /** Verdict of path validation and revocation checking (ETSI EN 319 102-1). */
  indication: Indication;
  /** Why, when the indication is not TOTAL_PASSED. */
  subIndication?: SubIndication;
  /** The best path found (signer first), even when validation failed. */
  chain: ChainElement[];
  /** Revocation status of the certificates of the chain. */
  revocation: RevocationCheck[];
  /** Everything gathered (certificates, CRLs, OCSP responses), ready to embed for B-LT. */
  validationData: ValidationData;
  /** Coded observations behind the verdict. */
  findings: Finding[];
}

/** A certificate trust store: anchors kept apart from untrusted helper certificates. */
export interface TrustStoreLike {
  /** Trust anchors (DER). */
  readonly anchors: readonly Uint8Array[];
  /** Intermediate certificates that may help build a path but are not trusted (DER). */
  readonly intermediates: readonly Uint8Array[];
}

/** Options of certificate validation. */
export interface CertificateValidationOptions {
  /** Trust anchors and helper intermediates. */
  trustStore: TrustStoreLike;
  /** Validation time (default now). For signatures: the best signature time. */
  at?: Date;
  /**
   * `at` is proven (a best signature time backed by a timestamp / proof of existence): a revocation after
   * `at` then does not fail the validation (recorded as a finding). Default false: REVOKED_NO_POE.
   */
  atIsProven?: boolean;
  /** The current time (freshness of revocation data, cache expiry); default `new Date()`. For tests and replays. */
  now?: Date;
  /** What the certificate must be fit for (key usage / extended key usage checks); default `documentSigning`. */
  purpose?: CertificatePurpose;
  /** Certificates found in the signature, to help building the path. */
  extraCertificates?: readonly Uint8Array[];
  /** Embedded or supplied revocation data, used before any network access. */
  validationData?: Partial<ValidationData>;
  /** Revocation policy (hard/soft-fail, OCSP or CRL first, skip). */
  revocation?: RevocationPolicy;
  /** No network at all: use only supplied/embedded data. */
  offline?: boolean;
  /** The fetcher for AIA, CRL and OCSP (see `createFetcher()`); without it only supplied data and the cache are used. */
  fetcher?: Fetcher;
  /** Cache owned by the caller (CRLs by URL, OCSP by certificate, AIA certificates). */
  cache?: PkiCacheLike;
}

/**
 * Caller-owned cache for network results; see `createPkiCache()`. It also holds memoised verdicts of pure
 * checks (e.g. "certificate X is signed by key Y"), which are trusted when read back: back it only with storage
 * that untrusted parties cannot write (network data in it is re-verified, verdicts are not).
 */
export interface PkiCacheLike {
  /** The cached bytes for `key`, or `undefined` when absent or expired at `now`. */
  get(key: string, now: Date): Uint8Array | undefined;
  /** Stores bytes under `key` until `expires` (`undefined`: no expiry of its own). */
  set(key: string, value: Uint8Array, expires: Date | undefined): void;
  /**
   * Optional: network work in progress by key, so that concurrent validations sharing this cache make one
   * request instead of N (`createPkiCache()` provides it). Entries are removed when the work settles.
   */
  readonly inflight?: Map<string, Promise<unknown>>;
}

/** Source of RFC 3161 timestamps. */
export interface TimestampAuthority {
  /** Returns a DER TimeStampToken (a CMS ContentInfo) over `digest`. */
  timestamp(digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array>;
}

/** Result of verifying an RFC 3161 timestamp token. */
export interface TimestampVerification {
  /** Verdict on the token (imprint, CMS signature, TSA certificate path). */
  indication: Indication;
  /** Why, when the indication is not TOTAL_PASSED. */
  subIndication?: SubIndication;
  /** The time the TSA asserts (TSTInfo genTime). */
  genTime?: Date;
  /** Hash algorithm of the message imprint. */
  hashAlgorithm?: HashAlgorithm;
  /** Serial number of the token (hex). */
  serialNumber?: string;
  /** Validation of the TSA certificate (path and revocation), once the token itself checked out. */
  tsa?: CertificateValidationResult;
  /** Coded observations behind the verdict. */
  findings: Finding[];
}
