/**
 * Options of {@link verifyPdf}.
 * @module
 */
import type { CertificateValidationOptions, CertificateValidationResult, TrustStoreLike } from '../../../pki/types.js';
import type { PdfLimits } from '../pdf/limits.js';

/** Validates a certificate path with revocation (the PKI layer's `validateCertificate`). */
export type CertificateValidator = (certificate: Uint8Array, options: CertificateValidationOptions) => Promise<CertificateValidationResult>;

/** Options of `verifyPdf`. */
export interface VerifyPdfOptions {
  /** Trust anchors. Without them no chain can be validated: signatures are at best INDETERMINATE. */
  trustStore?: TrustStoreLike;
  /** Validation time (default now). */
  at?: Date;
  /** The path validator (default: the PKI layer's `validateCertificate`). */
  validateCertificate?: CertificateValidator;
  /** No network: only data embedded in the PDF (CMS, DSS) and supplied here. */
  offline?: boolean;
  revocation?: CertificateValidationOptions['revocation'];
  fetcher?: CertificateValidationOptions['fetcher'];
  cache?: CertificateValidationOptions['cache'];
  /** Further validation data (e.g. archived CRLs). */
  validationData?: CertificateValidationOptions['validationData'];
  /**
   * Changes tolerated after an approval signature of an uncertified document, as a DocMDP P
   * (default 2: signing and form filling; 3 also tolerates annotations). Certification signatures use their own P.
   */
  approvalPolicy?: 1 | 2 | 3;
  /** Reader limits (file size, nesting, revisions, decoded stream size). */
  limits?: Partial<PdfLimits>;
}
