/**
 * The signature values (/Contents) of every signature and document timestamp of a PDF.
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asDict, asName, PdfString } from '../pdf/objects.js';
import { listFields } from './form.js';

/** One embedded signature. */
export interface EmbeddedSignature {
  fieldName: string;
  /** `ETSI.CAdES.detached`, `ETSI.RFC3161`, `adbe.pkcs7.detached`, … */
  subFilter: string | undefined;
  /** DER CMS (trailing zero padding removed). */
  contents: Uint8Array;
  /** /ByteRange as written (numbers only). */
  byteRange: number[];
}

function trimPadding(bytes: Uint8Array): Uint8Array {
  // DER length tells the real size; zero padding after it is placeholder filler
  if (bytes[0] !== 0x30) return bytes;
  const l = bytes[1] ?? 0;
  if (l < 0x80) return bytes.subarray(0, 2 + l);
  const n = l & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + n + len));
}

/**
 * Every signed signature field's /Contents.
 *
 * @example
 * ```ts
 * for (const s of embeddedSignatures(openPdf(pdf))) console.log(s.fieldName, s.subFilter);
 * ```
 */
export function embeddedSignatures(doc: PdfDocument): EmbeddedSignature[] {
  const out: EmbeddedSignature[] = [];
  for (const f of listFields(doc)) {
    if (f.type !== 'Sig' || f.value === undefined || f.value === null) continue;
    const sig = asDict(doc.resolve(f.value) ?? undefined);
    const contents = sig?.get('Contents');
    if (!(contents instanceof PdfString)) continue;
    const byteRange = (asArray(doc.resolve(sig?.get('ByteRange')) ?? undefined) ?? []).filter((n): n is number => typeof n === 'number');
    out.push({ fieldName: f.fullName, subFilter: asName(sig?.get('SubFilter')), contents: trimPadding(contents.bytes), byteRange });
  }
  return out;
}
