/**
 * Verification of every format in one call, document-level checks of school records, and human reports.
 * @module
 */
export { verify } from './verify.js';
export type { VerifyOptions } from './options.js';
export { detectFormat } from './detect-format.js';
export { checkRecord, type RecordCheck } from './check-record.js';
export { recordSigners, type NamedSigner } from './record-signers.js';
export { matchSigners, type SignerMatch } from './match-signers.js';
export { renderReportText, renderReportHtml } from './render-report.js';
export { INDICATION_LABELS, SUB_INDICATION_LABELS, ROLE_LABELS, type Bilingual } from './explain.js';
export { reportToJson, type ReportJsonOptions } from './report-json.js';
