/**
 * Options of the one {@link verify} call.
 * @module
 */
import type { SignatureFormat } from '../formats/report.js';
import type { VerifyPdfOptions } from '../formats/pades/index.js';
import type { CertificateValidationOptions, TrustStoreLike } from '../pki/types.js';

/** Options of `verify()`, shared by every format. */
export interface VerifyOptions {
  /** Trust anchors (NEAC / VGCA roots in production, the test or demo roots in tests). */
  trustStore?: TrustStoreLike;
  /** Validation time (default now). */
  at?: Date;
  /** No network: only data embedded in the signature or supplied here. */
  offline?: boolean;
  /** Revocation policy: hard- or soft-fail on unknown status, OCSP or CRL first, or skip. */
  revocation?: CertificateValidationOptions['revocation'];
  /** The fetcher for AIA, CRL and OCSP requests (timeouts, size limits); see `createFetcher`. */
  fetcher?: CertificateValidationOptions['fetcher'];
  /** Caller-owned cache, shared across calls so a batch makes O(issuers) network requests. */
  cache?: CertificateValidationOptions['cache'];
  /** Extra validation data (certificates, CRLs, OCSP responses) to use besides what the signature embeds. */
  validationData?: CertificateValidationOptions['validationData'];
  /** Detached JWS payload (bytes) — for JSON signatures made with a detached payload. */
  payload?: Uint8Array;
  /** Force the format instead of sniffing the content. */
  format?: SignatureFormat;
  /** PDF-only options: what an approval signature tolerates afterwards (DocMDP P), and reader limits. */
  pdf?: Pick<VerifyPdfOptions, 'approvalPolicy' | 'limits'>;
  /** Read the signed school record and check it (default true). */
  checkRecord?: boolean;
}
