/**
 * ByteRange sanity (ISO 32000-1 §12.8.1, ETSI EN 319 142-1 §5.1): exactly two ranges starting at 0, the gap is
 * exactly the hex /Contents string of this signature dictionary (delimiters included, nothing else), and the
 * signed bytes end exactly at the end (%%EOF) of the revision that wrote the signature dictionary.
 * Anything else is a FORMAT_FAILURE (signature wrapping, moved ranges, a second /Contents, uncovered bytes).
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import { finding } from '../../cms/verify/finding.js';
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asInt, PdfString } from '../pdf/objects.js';
import type { PdfSignatureField } from './find-signatures.js';
import { isHexString, locateDictionary, type ValueSpan } from './locate-dictionary.js';

/** Result of {@link checkByteRange}. */
export interface ByteRangeCheck {
  ok: boolean;
  findings: Finding[];
  /** `[0, a, b, c]` as declared. */
  byteRange?: [number, number, number, number];
  /** The two signed ranges as zero-copy views of the file. */
  signedChunks?: [Uint8Array, Uint8Array];
  /** Offset just after the last signed byte. */
  coveredEnd?: number;
  /** Index of the revision the signature covers (its dictionary was written in it). */
  signedRevision?: number;
  /** The decoded /Contents (the CMS, zero padded). */
  contents?: Uint8Array;
}

const bad = (code: string, en: string, vi: string): ByteRangeCheck =>
  ({ ok: false, findings: [finding(code, en, vi)] });

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function gapIsExactlyHex(bytes: Uint8Array, span: ValueSpan): boolean {
  if (bytes[span.start] !== 0x3c || bytes[span.end - 1] !== 0x3e) return false;
  for (let i = span.start + 1; i < span.end - 1; i++) if (!isHexDigit(bytes[i]!)) return false;
  return true;
}

function definingRevision(doc: PdfDocument, num: number): number | undefined {
  for (let i = doc.revisions.length - 1; i >= 0; i--) {
    const e = doc.revisions[i]!.entries.get(num);
    if (e !== undefined) return e.kind === 'free' ? undefined : i;
  }
  return undefined;
}

function readRanges(span: ValueSpan | undefined): [number, number, number, number] | undefined {
  const arr = asArray(span?.value);
  if (!arr || arr.length !== 4) return undefined;
  const nums = arr.map((v) => asInt(v));
  if (nums.some((n) => n === undefined)) return undefined;
  return nums as [number, number, number, number];
}

/**
 * Check the ByteRange of one signature field against the file structure.
 *
 * @example
 * ```ts
 * const check = checkByteRange(doc, field);
 * if (!check.ok) console.log(check.findings); // FORMAT_FAILURE
 * ```
 */
export function checkByteRange(doc: PdfDocument, field: PdfSignatureField): ByteRangeCheck {
  const bytes = doc.bytes;
  const objectRef = field.sigRef ?? field.fieldRef;
  if (!objectRef) return bad('SIGNATURE_DICTIONARY_NOT_LOCATABLE', 'The signature dictionary is not an object of the file', 'Không định vị được từ điển chữ ký trong tệp');
  const located = locateDictionary(doc, objectRef, field.sigRef ? [] : ['V']);
  if (located === 'in-object-stream') {
    return bad('SIGNATURE_DICTIONARY_COMPRESSED', 'The signature dictionary is inside an object stream, so /Contents cannot be excluded from the signed bytes',
      'Từ điển chữ ký nằm trong object stream nên không thể loại /Contents khỏi dữ liệu được ký');
  }
  if (typeof located === 'string') {
    return bad('SIGNATURE_DICTIONARY_NOT_LOCATABLE', 'The signature dictionary cannot be located in the file', 'Không định vị được từ điển chữ ký trong tệp');
  }
  const contents = located.entries.get('Contents');
  const rangeSpan = located.entries.get('ByteRange');
  if (!contents || !isHexString(contents.value)) {
    return bad('CONTENTS_NOT_HEX_STRING', '/Contents is missing or not a hex string', '/Contents thiếu hoặc không phải chuỗi hex');
  }
  if (contents.occurrences > 1 || (rangeSpan?.occurrences ?? 0) > 1) {
    return bad('DUPLICATE_SIGNATURE_ENTRY', 'The signature dictionary has a second /Contents or /ByteRange (signature wrapping)',
      'Từ điển chữ ký có /Contents hoặc /ByteRange thứ hai (tấn công bọc chữ ký)');
  }
  const ranges = readRanges(rangeSpan);
  if (!ranges) {
    return bad('BYTE_RANGE_MALFORMED', '/ByteRange is not an array of four non-negative integers', '/ByteRange không phải mảng bốn số nguyên không âm');
  }
  const [start, a, b, c] = ranges;
  const findings: Finding[] = [];
  if (start !== 0) findings.push(finding('BYTE_RANGE_NOT_FROM_START', 'The signed bytes do not start at offset 0', 'Dữ liệu được ký không bắt đầu từ vị trí 0'));
  if (a !== contents.start || b !== contents.end) {
    findings.push(finding('BYTE_RANGE_GAP_NOT_CONTENTS', 'The unsigned gap is not exactly the /Contents string of this signature (signature wrapping)',
      'Khoảng không được ký không đúng là chuỗi /Contents của chữ ký này (tấn công bọc chữ ký)'));
  } else if (!gapIsExactlyHex(bytes, contents)) {
    findings.push(finding('BYTE_RANGE_GAP_NOT_HEX', 'The unsigned gap holds something other than hex digits', 'Khoảng không được ký chứa ký tự khác chữ số hex'));
  }
  const coveredEnd = b + c;
  if (!Number.isSafeInteger(coveredEnd) || coveredEnd > bytes.length || b < a) {
    findings.push(finding('BYTE_RANGE_OUTSIDE_FILE', 'The ByteRange reaches beyond the end of the file', 'ByteRange vượt quá cuối tệp'));
    return { ok: false, findings, byteRange: ranges };
  }
  const defining = definingRevision(doc, objectRef.num);
  const signedRevision = doc.revisions.findIndex((r) => r.eofEnd !== undefined && r.end !== undefined && coveredEnd >= r.eofEnd && coveredEnd <= r.end);
  if (signedRevision < 0) {
    findings.push(finding('BYTE_RANGE_NOT_REVISION_END', 'The signed bytes do not end at the %%EOF of a revision',
      'Dữ liệu được ký không kết thúc tại %%EOF của một phiên bản'));
  } else if (defining !== signedRevision) {
    findings.push(finding('BYTE_RANGE_WRONG_REVISION', 'The signed bytes end at another revision than the one that wrote the signature dictionary',
      'Dữ liệu được ký kết thúc ở phiên bản khác với phiên bản chứa từ điển chữ ký'));
  }
  if (findings.length > 0) return { ok: false, findings, byteRange: ranges, coveredEnd };
  return {
    ok: true, findings, byteRange: ranges, coveredEnd, signedRevision,
    signedChunks: [bytes.subarray(0, a), bytes.subarray(b, coveredEnd)],
    contents: (contents.value as PdfString).bytes,
  };
}
