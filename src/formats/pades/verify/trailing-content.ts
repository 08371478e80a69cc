/**
 * Bytes after the last %%EOF belong to no revision and no signature covers them. Plain garbage is a warning;
 * PDF objects there are an incremental saving attack aimed at viewers that rebuild broken files by scanning.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import { finding } from '../../cms/verify/finding.js';
import type { PdfDocument } from '../pdf/document.js';

const PDF_SYNTAX = /\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b|\bstartxref\b|\bendobj\b/;
const MAX_SCAN = 1 << 20;

/**
 * Describe uncovered content after the last %%EOF, or `undefined` when there is none (white space only).
 *
 * @example
 * ```ts
 * const t = trailingContent(doc);
 * if (t?.dangerous) console.log(t.finding.message);
 * ```
 */
export function trailingContent(doc: PdfDocument): { finding: Finding; dangerous: boolean } | undefined {
  const tail = doc.bytes.subarray(doc.end);
  let significant = false;
  for (const c of tail) if (c !== 0 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 32) { significant = true; break; }
  if (!significant) return undefined;
  const text = Buffer.from(tail.buffer, tail.byteOffset, Math.min(tail.length, MAX_SCAN)).toString('latin1');
  const dangerous = PDF_SYNTAX.test(text);
  return {
    dangerous,
    finding: dangerous
      ? finding('UNCOVERED_TRAILING_OBJECTS', `${tail.length} bytes after the last %%EOF hold PDF objects that no signature covers (incremental saving attack)`,
        `${tail.length} byte sau %%EOF cuối cùng chứa đối tượng PDF không được chữ ký nào bảo vệ (tấn công lưu gia tăng)`)
      : finding('UNCOVERED_TRAILING_BYTES', `${tail.length} bytes after the last %%EOF are not covered by any signature`,
        `${tail.length} byte sau %%EOF cuối cùng không được chữ ký nào bảo vệ`),
  };
}
