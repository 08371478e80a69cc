/**
 * Options of the PDF renderers ({@link renderTranscriptPdf}, {@link renderGradebookPdf}).
 * @module
 */

/** Relationship of an embedded record to the PDF (ISO 32000-2 §14.13.2, PDF/A-3 `/AFRelationship`). */
export type RecordFileRelationship = 'Source' | 'Data' | 'Alternative' | 'Supplement';

/** Options shared by the transcript and gradebook renderers. All are optional; the output is deterministic. */
export interface RenderPdfOptions {
  /**
   * Verification URL pattern printed as a QR code on every page. Placeholders: `{id}` (record id,
   * percent-encoded), `{sha256}` (SHA-256 of the canonical record JSON, lowercase hex), `{kind}`
   * (`transcript` / `gradebook`). Default {@link DEFAULT_VERIFY_URL_PATTERN}. Must give an `https:` or `http:` URL.
   */
  verifyUrlPattern?: string;
  /**
   * Creation date written in /Info and XMP (CreationDate, ModDate, MetadataDate, embedded files' ModDate).
   * Default: the latest instant found in the record (locks, updates, corrections), else 31 May of the last
   * school year, so the same record always gives the same bytes.
   */
  creationDate?: Date | string;
  /** Modification date (default: `creationDate`). */
  modificationDate?: Date | string;
  /** TrueType/OpenType font bytes with Vietnamese glyphs (default: the bundled `assets/fonts/DejaVuSans.ttf`). */
  font?: Uint8Array;
  /** Embed the canonical JSON and XML of the record as PDF/A-3 associated files (default `true`). */
  embedRecord?: boolean;
  /** `/AFRelationship` of the embedded record files (default `Source`: the PDF is rendered from them). */
  recordRelationship?: RecordFileRelationship;
  /** Document title (default: built from the record, e.g. `Học bạ THPT – Hoàng Minh Linh`). */
  title?: string;
  /** /Producer and xmp:CreatorTool (default `edusign-vn`). */
  producer?: string;
}

/** Default verification URL pattern (an example domain: integrators set their own). */
export const DEFAULT_VERIFY_URL_PATTERN = 'https://verify.example.edu.vn/v/{id}#{sha256}';

/** File names of the embedded record inside the PDF. */
export const RECORD_FILE_NAMES = { json: 'record.json', xml: 'record.xml' } as const;
