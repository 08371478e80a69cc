/**
 * `extendPdf`: raise the level of the signatures of a signed PDF, each step in its own incremental update
 * (ETSI EN 319 142-1 §5.4): B-T adds a document timestamp; B-LT adds a DSS with the certificates, OCSP
 * responses and CRLs of every signature's and timestamp's chain; B-LTA adds the DSS, then a document
 * timestamp over everything, then (unless `timestampValidationData: false`) one more DSS update with the
 * validation data of that document timestamp's TSA, so the file validates offline.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { CertificateValidationOptions, TimestampAuthority, ValidationData } from '../../../pki/types.js';
import type { PdfLimits } from '../pdf/limits.js';
import { openPdf } from '../pdf/document.js';
import { collectValidationData } from './collect-validation-data.js';
import { embeddedSignatures } from './embedded-signatures.js';
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
  /**
   * B-LTA: after the document timestamp, add the validation data of its TSA in a last DSS update (default
   * true; without it, offline validation of the newest timestamp has no revocation data).
   */
  timestampValidationData?: boolean;
  /** First reservation for the document timestamp token (default 12 000; retried once with the real need). */
  documentTimestampSize?: number;
  limits?: Partial<PdfLimits>;
}

/**
 * Extend every signature of `pdf` to `level`. Throws SIGNATURE_NOT_FOUND for a PDF without signatures.
 *
 * @example
 * ```ts
 * const { pdf: lta, warnings } = await extendPdf(signed, 'B-LTA', { timestampAuthority: tsa,
 *   validation: { trustStore, fetcher } });
 * ```
 */
export async function extendPdf(pdf: Uint8Array, level: 'B-T' | 'B-LT' | 'B-LTA', options: ExtendPdfOptions = {}): Promise<PdfSignResult> {
  if (!['B-T', 'B-LT', 'B-LTA'].includes(level)) throw new EdusignError('INVALID_ARGUMENT', { detail: `cannot extend to ${String(level)}` });
  if (level !== 'B-LT' && !options.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a timestampAuthority` });
  if (embeddedSignatures(openPdf(pdf, options.limits)).length === 0) {
    throw new EdusignError('SIGNATURE_NOT_FOUND', { detail: 'the PDF has no signature to extend', detailVi: 'PDF không có chữ ký để nâng mức' });
  }
  const warnings: Finding[] = [];
  let current = pdf;
  if (level === 'B-LT' || level === 'B-LTA') current = await addCollectedValidationData(current, options, warnings, false);
  if (level === 'B-T' || level === 'B-LTA') {
    const stamped = await addDocumentTimestamp(current, { timestampAuthority: options.timestampAuthority!, sizeHint: options.documentTimestampSize, limits: options.limits });
    warnings.push(...stamped.warnings);
    current = stamped.pdf;
  }
  if (level === 'B-LTA' && options.timestampValidationData !== false) current = await addCollectedValidationData(current, options, warnings, true);
  return { pdf: current, warnings };
}

/** Collect and add validation data; `quiet` drops the "nothing to add" warning (the follow-up DSS). */
async function addCollectedValidationData(pdf: Uint8Array, options: ExtendPdfOptions, warnings: Finding[], quiet: boolean): Promise<Uint8Array> {
  const collected = await collectValidationData(pdf, options);
  warnings.push(...collected.findings.filter((f) => !warnings.some((w) => w.code === f.code && w.message === f.message)));
  const merged: ValidationData = {
    certificates: [...(options.validationData?.certificates ?? []), ...collected.data.certificates],
    crls: [...(options.validationData?.crls ?? []), ...collected.data.crls],
    ocspResponses: [...(options.validationData?.ocspResponses ?? []), ...collected.data.ocspResponses],
  };
  const added = await addValidationData(pdf, merged, { limits: options.limits });
  warnings.push(...added.warnings.filter((w) => !(quiet && w.code === 'DSS_NOTHING_TO_ADD')));
  return added.pdf;
}
