/**
 * The low-level PDF reader shared by PAdES signing and verification.
 * @module
 */
export { openPdf, type PdfDocument, type PdfRevision } from './document.js';
export { DEFAULT_PDF_LIMITS, resolvePdfLimits, type PdfLimits } from './limits.js';
export {
  PdfDict, PdfName, PdfRef, PdfStream, PdfString, asArray, asDict, asInt, asName, decodeTextString, name, textString,
  type PdfObject,
} from './objects.js';
export { parseIndirectObject, parseObject, type IndirectObject, type ParseContext } from './parser.js';
export { decodeStream } from './filters.js';
export type { XrefEntry, XrefSection } from './xref.js';
