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
  method?: 'GET' | 'POST';
  body?: Uint8Array;
  contentType?: string;
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
  subject: string;
  status: 'good' | 'revoked' | 'unknown' | 'not-checked';
  source: 'ocsp' | 'crl' | 'none';
  /** Where it came from: a URL, or `embedded`. */
  origin?: string;
  revocationTime?: Date;
  revocationReason?: string;
  thisUpdate?: Date;
  nextUpdate?: Date;
  producedAt?: Date;
  /** The raw DER of the CRL or OCSPResponse used, for embedding. */
  raw?: Uint8Array;
  findings: Finding[];
}

/** One certificate of a validated path, signer first, trust anchor last. */
export interface ChainElement {
  subject: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  notBefore: Date;
  notAfter: Date;
  der: Uint8Array;
  source: 'signature' | 'trust-anchor' | 'store' | 'aia' | 'supplied';
}

/** Result of certificate path validation (RFC 5280 §6 + revocation). */
export interface CertificateValidationResult {
  indication: Indication;
  subIndication?: SubIndication;
  /** The best path found (signer first), even when validation failed. */
  chain: ChainElement[];
  revocation: RevocationCheck[];
  /** Everything gathered (certificates, CRLs, OCSP responses), ready to embed for B-LT. */
  validationData: ValidationData;
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
  purpose?: CertificatePurpose;
  /** Certificates found in the signature, to help building the path. */
  extraCertificates?: readonly Uint8Array[];
  /** Embedded or supplied revocation data, used before any network access. */
  validationData?: Partial<ValidationData>;
  revocation?: RevocationPolicy;
  /** No network at all: use only supplied/embedded data. */
  offline?: boolean;
  fetcher?: Fetcher;
  /** Cache owned by the caller (CRLs by URL, OCSP by certificate, AIA certificates). */
  cache?: PkiCacheLike;
}

/** Caller-owned cache for network results; see `createPkiCache()`. */
export interface PkiCacheLike {
  get(key: string, now: Date): Uint8Array | undefined;
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
  indication: Indication;
  subIndication?: SubIndication;
  genTime?: Date;
  hashAlgorithm?: HashAlgorithm;
  /** Serial number of the token (hex). */
  serialNumber?: string;
  tsa?: CertificateValidationResult;
  findings: Finding[];
}
