/**
 * encode/pdf: transcripts and gradebooks as readable PDF/A-3b documents (Vietnamese layout, empty signature
 * fields named by role and year, a QR code per page, the record embedded as associated files), and
 * `extractRecord` to read the embedded record back. Knows nothing about signatures beyond the empty fields.
 * @module
 */
export { renderTranscriptPdf } from './render-transcript.js';
export { renderGradebookPdf } from './render-gradebook.js';
export { extractRecord, type ExtractedRecord } from './extract-record.js';
export { DEFAULT_VERIFY_URL_PATTERN, RECORD_FILE_NAMES, type RenderPdfOptions, type RecordFileRelationship } from './options.js';
export { signatureFieldName, type SignatureFieldName } from './signature-fields.js';
export { verificationUrl, recordSha256 } from './verify-url.js';
export { srgbIccProfile } from './srgb-icc.js';
export { bundledFontPath } from './font.js';
