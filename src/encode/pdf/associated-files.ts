/**
 * The record embedded as PDF/A-3 associated files: canonical JSON (RFC 8785, what the QR hash covers) and the
 * record XML, each a file specification with /AFRelationship listed in the catalog's /AF and /EmbeddedFiles.
 * @module
 */
import { AFRelationship, type PDFDocument } from 'pdf-lib';
import type { Gradebook, Transcript } from '../../model/types.js';
import { canonicalRecordBytes } from '../record/canonical-json.js';
import { toXml } from '../record/to-xml.js';
import { RECORD_FILE_NAMES, type RecordFileRelationship } from './options.js';

/**
 * Attaches `record.json` (canonical JSON) and `record.xml` with a fixed /ModDate and /CreationDate.
 *
 * @example
 * ```ts
 * await attachRecord(doc, transcript, new Date('2025-05-31T00:00:00+07:00'), 'Source');
 * ```
 */
export async function attachRecord(doc: PDFDocument, record: Transcript | Gradebook, date: Date, relationship: RecordFileRelationship): Promise<void> {
  const rel = AFRelationship[relationship];
  await doc.attach(canonicalRecordBytes(record), RECORD_FILE_NAMES.json, {
    mimeType: 'application/json', description: 'Hồ sơ dạng JSON chuẩn tắc (RFC 8785) / canonical record JSON',
    creationDate: date, modificationDate: date, afRelationship: rel,
  });
  await doc.attach(new TextEncoder().encode(toXml(record)), RECORD_FILE_NAMES.xml, {
    mimeType: 'application/xml', description: 'Hồ sơ dạng XML / record XML (urn:edusign-vn:record:1)',
    creationDate: date, modificationDate: date, afRelationship: rel,
  });
}
