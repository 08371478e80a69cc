/**
 * PAdES signing: sign, two-phase, batch, extend, validation data, document timestamps.
 * @module
 */
export { signPdf, type SignPdfOptions } from './sign-pdf.js';
export { signPdfBatch } from './batch.js';
export { createPdfAppearanceCache, type PdfAppearanceCache, type PdfAppearanceCacheOptions } from './appearance-cache.js';
export { preparePdfSignature, type PreparePdfSignatureOptions, type PreparedPdfSignature, type SignerIdentity } from './prepare.js';
export { completePdfSignature, type CompletePdfSignatureOptions } from './complete.js';
export { parsePdfSignatureState, type PdfSignatureState } from './state.js';
export { extendPdf, type ExtendPdfOptions } from './extend.js';
export { addValidationData } from './dss.js';
export { addDocumentTimestamp, type DocumentTimestampOptions } from './document-timestamp.js';
export type { PdfSignOptions, PdfSignResult, PdfSignatureAppearance, PdfFieldLock } from './options.js';
