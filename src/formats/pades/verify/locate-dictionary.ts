/**
 * Byte positions of the entries of an indirect dictionary as written in the file: needed to prove that the
 * ByteRange gap is exactly the /Contents string of the signature dictionary (and that no second /Contents hides).
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { PdfName, PdfRef, PdfString, type PdfObject } from '../pdf/objects.js';
import { parseObject, skipWhite } from '../pdf/parser.js';

/** Where one dictionary value lies in the file. */
export interface ValueSpan {
  /** Offset of the first byte of the value. */
  start: number;
  /** Offset just after the value. */
  end: number;
  value: PdfObject;
  /** How many times the key appears in the dictionary (more than 1 is a wrapping attempt). */
  occurrences: number;
}

/** Why a dictionary could not be located. */
export type LocateFailure = 'in-object-stream' | 'not-found' | 'unparsable';

const HEADER = /^\s*(\d+)\s+(\d+)\s+obj/;

function dictSpans(bytes: Uint8Array, pos: number): Map<string, ValueSpan> | undefined {
  const ctx = { maxDepth: 64 };
  let p = skipWhite(bytes, pos);
  if (bytes[p] !== 0x3c || bytes[p + 1] !== 0x3c) return undefined;
  p += 2;
  const spans = new Map<string, ValueSpan>();
  for (let guard = 0; guard < 100_000; guard++) {
    p = skipWhite(bytes, p);
    if (p >= bytes.length) return undefined;
    if (bytes[p] === 0x3e && bytes[p + 1] === 0x3e) return spans;
    const key = parseObject(bytes, p, ctx);
    if (!(key.value instanceof PdfName)) return undefined;
    const start = skipWhite(bytes, key.end);
    const val = parseObject(bytes, start, ctx, 1);
    const previous = spans.get(key.value.name);
    spans.set(key.value.name, { start, end: val.end, value: val.value, occurrences: (previous?.occurrences ?? 0) + 1 });
    p = val.end;
  }
  return undefined;
}

/**
 * Locate the entries of the dictionary object `ref` (as of the newest revision), or of the dictionary found under
 * `path` inside it (e.g. `['V']` for a signature dictionary written directly in its field).
 *
 * @example
 * ```ts
 * const spans = locateDictionary(doc, sigRef);
 * if (typeof spans !== 'string') console.log(spans.entries.get('Contents'));
 * ```
 */
export function locateDictionary(doc: PdfDocument, ref: PdfRef, path: readonly string[] = []):
  { objectOffset: number; entries: Map<string, ValueSpan> } | LocateFailure {
  const entry = doc.lookup(ref.num);
  if (entry === undefined || entry.kind === 'free') return 'not-found';
  if (entry.kind === 'compressed') return 'in-object-stream';
  const bytes = doc.bytes;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + entry.offset, Math.min(64, bytes.length - entry.offset)).toString('latin1');
  const m = HEADER.exec(head);
  if (!m || Number(m[1]) !== ref.num) return 'unparsable';
  try {
    let entries = dictSpans(bytes, entry.offset + m[0].length);
    for (const key of path) {
      const span = entries?.get(key);
      entries = span ? dictSpans(bytes, span.start) : undefined;
    }
    return entries ? { objectOffset: entry.offset, entries } : 'unparsable';
  } catch {
    return 'unparsable';
  }
}

/** `true` when `value` is a hex string. @example `isHexString(span.value)` */
export function isHexString(value: PdfObject): value is PdfString {
  return value instanceof PdfString && value.hex;
}
