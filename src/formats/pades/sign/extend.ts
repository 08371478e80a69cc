/**
 * `extendPdf`: raise the level of the signatures of a signed PDF, each step in its own incremental update
 * (ETSI EN 319 142-1 §5.4): B-T adds a document timestamp; B-LT adds a DSS with the certificates, OCSP
 * responses and CRLs of every signature's and timestamp's chain; B-LTA adds the DSS, then a document
 * timestamp over everything.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { CertificateValidationOptions, TimestampAuthority, ValidationData } from '../../../pki/types.js';
import type { PdfLimits } from '../pdf/limits.js';
import { collectValidationData } from './collect-validation-data.js';
import { addDocumentTimestamp } from './document-timestamp.js';
import { addValidationData } from './dss.js';
import type { PdfSignResult } from './options.js';

/** Options of {@link extendPdf}. */
export interface ExtendPdfOptions {
  /** Needed for B-T and B-LTA. */
  timestampAuthority?: TimestampAuthority;
  /** Validation data to embed as is (e.g. gathered by check-before-signing). */
  validationData?: Partial<ValidationData>;
  /** How to fetch revocation data for B-LT (trust store, fetcher, cache, offline, policy). */
  validation?: Partial<CertificateValidationOptions>;
  /** First reservation for the document timestamp token (default 12 000; retried once with the real need). */
  documentTimestampSize?: number;
  limits?: Partial<PdfLimits>;
}

/**
 * Extend every signature of `pdf` to `level`.
 *
 * @example
 * ```ts
 * const { pdf: lta, warnings } = await extendPdf(signed, 'B-LTA', { timestampAuthority: tsa,
 *   validation: { trustStore, fetcher } });
 * ```
 */
export async function extendPdf(pdf: Uint8Array, level: 'B-T' | 'B-LT' | 'B-LTA', options: ExtendPdfOptions = {}): Promise<PdfSignResult> {
  if (!['B-T', 'B-LT', 'B-LTA'].includes(level)) throw new EdusignError('INVALID_ARGUMENT', { detail: `cannot extend to ${String(level)}` });
  const warnings: Finding[] = [];
  let current = pdf;
  if (level === 'B-LT' || level === 'B-LTA') {
    const collected = await collectValidationData(current, options);
    warnings.push(...collected.findings);
    const merged: ValidationData = {
      certificates: [...(options.validationData?.certificates ?? []), ...collected.data.certificates],
      crls: [...(options.validationData?.crls ?? []), ...collected.data.crls],
      ocspResponses: [...(options.validationData?.ocspResponses ?? []), ...collected.data.ocspResponses],
    };
    const added = await addValidationData(current, merged, { limits: options.limits });
    warnings.push(...added.warnings);
    current = added.pdf;
  }
  if (level === 'B-T' || level === 'B-LTA') {
    if (!options.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a timestampAuthority` });
    const stamped = await addDocumentTimestamp(current, { timestampAuthority: options.timestampAuthority, sizeHint: options.documentTimestampSize, limits: options.limits });
    warnings.push(...stamped.warnings);
    current = stamped.pdf;
  }
  return { pdf: current, warnings };
}
