/**
 * Reads the school record a verified signature covers — from what the verifier says was signed, never by
 * re-reading the original document (the defence against signature wrapping).
 * @module
 */
import type { SignatureReport } from '../formats/report.js';
import type { XmlSignatureReport } from '../formats/xades/index.js';
import { fromXml } from '../encode/record/from-xml.js';
import { parseJsonStrict } from '../encode/json/parse-strict.js';
import { extractRecord } from '../encode/pdf/extract-record.js';

const RECORD_ELEMENTS = new Set(['transcript', 'gradebook', 'record']);

/**
 * The record signed by XAdES signatures: the canonical XML of the signed record element, as the verifier digested it.
 * Returns `undefined` when no signature covers a record element.
 *
 * @example
 * ```ts
 * const record = recordFromXmlSignatures(report.signatures);
 * ```
 */
export function recordFromXmlSignatures(signatures: readonly SignatureReport[]): unknown {
  for (const signature of signatures as readonly XmlSignatureReport[]) {
    for (const element of signature.signedElements ?? []) {
      if (typeof element.content !== 'string') continue;
      if (element.localName && !RECORD_ELEMENTS.has(element.localName)) continue;
      try {
        return fromXml(element.content);
      } catch {
        // Not a record element: try the next one.
      }
    }
  }
  return undefined;
}

/**
 * The record embedded in a signed PDF (its `record.json` associated file). Call only after verification: the
 * embedded file belongs to the signed revisions, and modification analysis fails any signature whose revision
 * was changed afterwards. Returns `undefined` when the PDF carries no record.
 *
 * @example
 * ```ts
 * const record = await recordFromPdf(pdfBytes);
 * ```
 */
export async function recordFromPdf(pdf: Uint8Array): Promise<unknown> {
  try {
    const { json } = await extractRecord(pdf);
    return json === undefined ? undefined : parseJsonStrict(json);
  } catch {
    return undefined;
  }
}
