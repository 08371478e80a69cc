/**
 * The incremental writer (ISO 32000-1 §7.5.6): appends new and changed objects, then a cross-reference
 * section of the same kind as the file's last one (table, or xref stream) and a trailer with /Prev.
 * Existing bytes are never rewritten; trailing bytes after the real end of the file (after the last
 * `%%EOF`) are left out of the output when they are only junk, and refused when they look like PDF data.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { PdfDocument } from '../pdf/document.js';
import { createHash } from 'node:crypto';
import { asArray, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../pdf/objects.js';
import { serializeIndirect, serializeObject } from '../pdf/serialize.js';

/**
 * A pre-serialised object body (what goes between `n g obj` and `endobj`), e.g. a signature dictionary.
 *
 * @example
 * ```ts
 * cs.set(sigRef, new RawObjectBody(Buffer.from('<</Type /Sig>>', 'latin1')));
 * ```
 */
export class RawObjectBody {
  constructor(readonly bytes: Uint8Array) {}
}

/** An object to append: a PDF object, or a pre-serialised body. */
export interface AppendedObject {
  ref: PdfRef;
  value: PdfObject | RawObjectBody;
}

/** Result of {@link writeIncrementalUpdate}. */
export interface IncrementalUpdateResult {
  /** The whole new file: the original (up to its real end) plus the update. */
  bytes: Uint8Array;
  /** Offset in `bytes` of each appended object (`num gen obj`), by object number. */
  offsets: Map<number, number>;
  /** Offset where the update starts (the original's length kept). */
  updateStart: number;
  warnings: Finding[];
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const SUSPICIOUS = /\b(obj|endobj|xref|trailer|startxref|stream)\b/;

/**
 * What to keep of the original: `[0, doc.end)`. Bytes after the last `%%EOF` are dropped (with a warning)
 * when they are junk; when they contain PDF keywords (an unfinished or hidden update) we refuse.
 */
function originalEnd(doc: PdfDocument): { end: number; warnings: Finding[] } {
  const tail = doc.bytes.subarray(doc.end);
  if (tail.length === 0) return { end: doc.end, warnings: [] };
  const text = Buffer.from(tail.subarray(0, 1 << 20)).toString('latin1');
  if (SUSPICIOUS.test(text) || tail.length > 1 << 20) {
    throw new EdusignError('PDF_CANNOT_APPEND', {
      detail: `${tail.length} bytes after the last %%EOF look like PDF data; refusing to guess`,
      detailVi: `có ${tail.length} byte sau %%EOF cuối cùng trông như dữ liệu PDF; từ chối đoán`,
      context: { trailingBytes: tail.length },
    });
  }
  const onlyWhite = /^[\s\0]*$/.test(text);
  return {
    end: doc.end,
    warnings: onlyWhite ? [] : [{
      code: 'PDF_TRAILING_BYTES_DROPPED',
      message: `${tail.length} bytes after the last %%EOF are not part of the PDF and were left out`,
      messageVi: `${tail.length} byte sau %%EOF cuối cùng không thuộc PDF và đã được bỏ đi`,
    }],
  };
}

/**
 * The trailer of the update: /Size, /Root, /Info, /Prev, and /ID with its first element kept and the second
 * changed (ISO 32000-1 §14.4: an updated file keeps its permanent identifier and gets a new changing one),
 * derived from the bytes of the update.
 */
function trailerEntries(doc: PdfDocument, size: number, updateHash: Uint8Array): PdfDict {
  const t = new PdfDict([['Size', size]]);
  for (const key of ['Root', 'Info']) {
    const v = doc.trailer.get(key);
    if (v !== undefined) t.entries.set(key, v);
  }
  const changing = new PdfString(updateHash.subarray(0, 16), true);
  const old = asArray(doc.trailer.get('ID'));
  const permanent = old?.[0] instanceof PdfString ? old[0] : changing;
  t.entries.set('ID', [permanent, changing]);
  t.entries.set('Prev', doc.startxref);
  return t;
}

function runs(nums: number[]): [number, number][] {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++; else out.push([n, 1]);
  }
  return out;
}

function xrefTable(offsets: Map<number, { offset: number; gen: number }>, trailer: PdfDict, at: number): Buffer {
  let out = 'xref\n';
  for (const [first, count] of runs([...offsets.keys()])) {
    out += `${first} ${count}\n`;
    for (let n = first; n < first + count; n++) {
      const e = offsets.get(n)!;
      out += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
  }
  return latin1(`${out}trailer\n${serializeObject(trailer)}\nstartxref\n${at}\n%%EOF\n`);
}

function xrefStream(offsets: Map<number, { offset: number; gen: number }>, trailer: PdfDict, num: number, at: number): Buffer {
  const all = new Map(offsets);
  all.set(num, { offset: at, gen: 0 });
  const index = runs([...all.keys()]);
  const rows = Buffer.alloc(all.size * 7);
  let i = 0;
  for (const [first, count] of index) {
    for (let n = first; n < first + count; n++) {
      const e = all.get(n)!;
      rows[i * 7] = 1; rows.writeUInt32BE(e.offset, i * 7 + 1); rows.writeUInt16BE(Math.min(e.gen, 0xffff), i * 7 + 5); i++;
    }
  }
  const dict = new PdfDict([['Type', new PdfName('XRef')], ...trailer.entries, ['W', [1, 4, 2]], ['Index', index.flat()]]);
  dict.entries.set('Size', Math.max(num + 1, (trailer.get('Size') as number)));
  const obj = serializeIndirect(new PdfRef(num, 0), new PdfStream(dict, rows));
  return Buffer.concat([obj, latin1(`startxref\n${at}\n%%EOF\n`)]);
}

/**
 * Append `objects` to `doc` as one incremental update; `nextObjectNumber` must be above every new number
 * (the xref stream, when one is written, takes `nextObjectNumber`).
 *
 * @example
 * ```ts
 * const doc = openPdf(pdf);
 * const ref = new PdfRef(doc.nextObjectNumber, 0);
 * const { bytes } = writeIncrementalUpdate(doc, [{ ref, value: new PdfDict([['Producer', textString('edusign')]]) }],
 *   doc.nextObjectNumber + 1);
 * ```
 */
export function writeIncrementalUpdate(doc: PdfDocument, objects: readonly AppendedObject[], nextObjectNumber: number): IncrementalUpdateResult {
  const { end, warnings } = originalEnd(doc);
  const newestKind = doc.revisions[doc.revisions.length - 1]!.xrefKind;
  const head = doc.bytes.subarray(0, end);
  const lastByte = head[head.length - 1];
  const parts: Uint8Array[] = [head];
  let pos = head.length;
  if (lastByte !== 0x0a && lastByte !== 0x0d) { parts.push(latin1('\n')); pos++; }
  const updateStart = pos;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const idHash = createHash('sha256');
  for (const o of objects) {
    if (o.ref.num <= 0 || o.ref.num >= nextObjectNumber) throw new RangeError(`object number ${o.ref.num} out of range`);
    if (offsets.has(o.ref.num)) throw new RangeError(`object ${o.ref.num} appended twice`);
    // a pre-serialised body (the signature dictionary with its large /Contents placeholder) is not copied here:
    // the output is assembled once, below
    const pieces = o.value instanceof RawObjectBody
      ? [latin1(`${o.ref.num} ${o.ref.gen} obj\n`), o.value.bytes, latin1('\nendobj\n')]
      : [serializeIndirect(o.ref, o.value)];
    offsets.set(o.ref.num, { offset: pos, gen: o.ref.gen });
    for (const piece of pieces) { idHash.update(piece); parts.push(piece); pos += piece.length; }
  }
  if (pos >= 0xffffffff) throw new EdusignError('PDF_CANNOT_APPEND', { detail: 'file larger than 4 GiB' });
  const size = Math.max(nextObjectNumber, doc.nextObjectNumber);
  const xrefAt = pos;
  const updateHash = idHash.update(String(xrefAt)).digest();
  if (newestKind === 'stream') parts.push(xrefStream(offsets, trailerEntries(doc, size + 1, updateHash), size, xrefAt));
  else parts.push(xrefTable(offsets, trailerEntries(doc, size, updateHash), xrefAt));
  // the one allocation of the output: the original is copied once, nothing is re-serialised or scanned
  const out = Buffer.concat(parts, parts.reduce((n, p) => n + p.length, 0));
  const byNum = new Map<number, number>();
  for (const [n, e] of offsets) byNum.set(n, e.offset);
  return { bytes: out, offsets: byNum, updateStart, warnings };
}
