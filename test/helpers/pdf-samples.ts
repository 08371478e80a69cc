/**
 * Small sample PDFs made in tests, one per structural variant the reader/writer must handle:
 * classic xref table, xref stream + object streams, hybrid (/XRefStm), already incrementally updated,
 * trailing garbage after %%EOF, and a padded file of a chosen size (for benchmarks).
 * Hand-built so every byte is known; no external files.
 */
import { randomBytes } from 'node:crypto';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Page content showing one line of text with a standard font. */
function content(text: string): string {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
}

/** The base objects 1..5 of a one-page document (catalog, pages, page, content, font). */
function baseObjects(text: string): Map<number, string> {
  return new Map([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'],
    [4, content(text)],
    [5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ]);
}

function xrefTable(entries: Map<number, number>, size: number, withFree0: boolean): string {
  const nums = [...entries.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  if (withFree0) out += '0 1\n0000000000 65535 f\r\n';
  // one subsection per run of consecutive numbers
  let i = 0;
  while (i < nums.length) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(entries.get(nums[k]!)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  void size;
  return out;
}

function writeObjects(head: Buffer, objects: Map<number, string>): { body: Buffer; offsets: Map<number, number> } {
  const parts: Buffer[] = [head];
  let pos = head.length;
  const offsets = new Map<number, number>();
  for (const [num, text] of objects) {
    offsets.set(num, pos);
    const b = latin1(`${num} 0 obj\n${text}\nendobj\n`);
    parts.push(b); pos += b.length;
  }
  return { body: Buffer.concat(parts), offsets };
}

const HEADER = latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');

/**
 * A one-page PDF with a classic xref table.
 *
 * @example
 * ```ts
 * const pdf = classicPdf('Hello');
 * const loop = classicPdf('x', { trailerExtra: (xref) => `/Prev ${xref} ` });
 * ```
 */
export function classicPdf(text = 'Hoc ba so', options: { overrides?: Record<number, string>; trailerExtra?: (xrefOffset: number) => string } = {}): Uint8Array {
  const objects = baseObjects(text);
  for (const [num, body] of Object.entries(options.overrides ?? {})) objects.set(Number(num), body);
  const { body, offsets } = writeObjects(HEADER, objects);
  const xref = xrefTable(offsets, 6, true);
  const extra = options.trailerExtra?.(body.length) ?? '';
  const trailer = `trailer\n<< /Size ${Math.max(5, ...objects.keys()) + 1} /Root 1 0 R ${extra}/ID [<0102030405060708090a0b0c0d0e0f10> <0102030405060708090a0b0c0d0e0f10>] >>\nstartxref\n${body.length}\n%%EOF\n`;
  return Buffer.concat([body, latin1(xref + trailer)]);
}

/** Encode xref-stream rows (W = [1 4 2]). */
function xrefRows(rows: [number, number, number][]): Buffer {
  const out = Buffer.alloc(rows.length * 7);
  rows.forEach(([t, a, b], i) => { out[i * 7] = t; out.writeUInt32BE(a, i * 7 + 1); out.writeUInt16BE(b, i * 7 + 5); });
  return out;
}

/** An object stream holding `objects` (uncompressed). */
function objectStream(objects: [number, string][]): Buffer {
  let header = ''; let data = ''; 
  for (const [num, text] of objects) { header += `${num} ${data.length} `; data += `${text}\n`; }
  const first = header.length;
  const all = header + data;
  return latin1(`<< /Type /ObjStm /N ${objects.length} /First ${first} /Length ${all.length} >>\nstream\n${all}\nendstream`);
}

/**
 * A one-page PDF whose catalog, page tree and font live in an object stream, indexed by an xref stream.
 *
 * @example
 * ```ts
 * const pdf = xrefStreamPdf();
 * ```
 */
export function xrefStreamPdf(text = 'Xref stream'): Uint8Array {
  const base = baseObjects(text);
  const objstm = objectStream([[1, base.get(1)!], [2, base.get(2)!], [5, base.get(5)!]]);
  const parts: Buffer[] = [HEADER];
  let pos = HEADER.length;
  const put = (num: number, body: Buffer | string): number => {
    const off = pos;
    const b = Buffer.concat([latin1(`${num} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(b); pos += b.length; return off;
  };
  const o3 = put(3, base.get(3)!); const o4 = put(4, base.get(4)!); const o6 = put(6, objstm);
  const rows: [number, number, number][] = [[0, 0, 65535], [2, 6, 0], [2, 6, 1], [1, o3, 0], [1, o4, 0], [2, 6, 2], [1, o6, 0], [1, pos, 0]];
  const data = xrefRows(rows);
  const xrefOff = pos;
  put(7, Buffer.concat([latin1(`<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]));
  parts.push(latin1(`startxref\n${xrefOff}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A hybrid-reference PDF: a classic table (objects 3, 4, 7) plus /XRefStm indexing objects 1, 2, 5
 * that live in an object stream (what a PDF 1.4 reader cannot see).
 *
 * @example
 * ```ts
 * const pdf = hybridPdf();
 * ```
 */
export function hybridPdf(text = 'Hybrid'): Uint8Array {
  const base = baseObjects(text);
  const objstm = objectStream([[1, base.get(1)!], [2, base.get(2)!], [5, base.get(5)!]]);
  const parts: Buffer[] = [HEADER];
  let pos = HEADER.length;
  const put = (num: number, body: Buffer | string): number => {
    const off = pos;
    const b = Buffer.concat([latin1(`${num} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(b); pos += b.length; return off;
  };
  const o3 = put(3, base.get(3)!); const o4 = put(4, base.get(4)!); const o6 = put(6, objstm);
  const rows: [number, number, number][] = [[2, 6, 0], [2, 6, 1]];
  const data1 = xrefRows(rows); const data5 = xrefRows([[2, 6, 2]]);
  const data = Buffer.concat([data1, data5]);
  const o7 = pos;
  put(7, Buffer.concat([latin1(`<< /Type /XRef /Size 8 /W [1 4 2] /Index [1 2 5 1] /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]));
  const xrefOff = pos;
  const table = `xref\n0 1\n0000000000 65535 f\r\n3 2\n${String(o3).padStart(10, '0')} 00000 n\r\n${String(o4).padStart(10, '0')} 00000 n\r\n6 2\n${String(o6).padStart(10, '0')} 00000 n\r\n${String(o7).padStart(10, '0')} 00000 n\r\n`;
  parts.push(latin1(`${table}trailer\n<< /Size 8 /Root 1 0 R /XRefStm ${o7} >>\nstartxref\n${xrefOff}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * `classicPdf` plus one incremental update that adds an /Info dictionary and replaces the page content.
 *
 * @example
 * ```ts
 * const pdf = updatedPdf(); // 2 revisions
 * ```
 */
export function updatedPdf(): Uint8Array {
  const first = Buffer.from(classicPdf('Version 1'));
  const prev = first.lastIndexOf(latin1('startxref'));
  const prevOffset = Number(/startxref\s+(\d+)/.exec(first.subarray(prev).toString('latin1'))![1]);
  const objects = new Map([[4, content('Version 2')], [6, '<< /Producer (edusign test) /Title (Cap nhat) >>']]);
  const { body, offsets } = writeObjects(first, objects);
  const xref = xrefTable(offsets, 7, false);
  const trailer = `trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R /Prev ${prevOffset} /ID [<0102030405060708090a0b0c0d0e0f10> <1102030405060708090a0b0c0d0e0f10>] >>\nstartxref\n${body.length}\n%%EOF\n`;
  return Buffer.concat([body, latin1(xref + trailer)]);
}

/**
 * `classicPdf` followed by bytes that are not part of any revision (as some e-mail gateways add).
 *
 * @example
 * ```ts
 * const pdf = trailingGarbagePdf();
 * ```
 */
export function trailingGarbagePdf(garbage = '\r\n\0\0-- mail footer --\n'): Uint8Array {
  return Buffer.concat([classicPdf('Trailing'), latin1(garbage)]);
}

/**
 * A classic PDF padded with an unreferenced-by-pages but valid random-data stream up to about `size` bytes.
 *
 * @example
 * ```ts
 * const pdf = paddedPdf(100 * 1024);
 * ```
 */
export function paddedPdf(size: number): Uint8Array {
  const objects = baseObjects('Padded');
  const pad = randomBytes(Math.max(0, size - 1200)).toString('hex').slice(0, Math.max(0, size - 1200));
  objects.set(6, `<< /Length ${pad.length} >>\nstream\n${pad}\nendstream`);
  objects.set(1, '<< /Type /Catalog /Pages 2 0 R /PieceInfo << /Pad << /Private 6 0 R >> >> >>');
  const { body, offsets } = writeObjects(HEADER, objects);
  const xref = xrefTable(offsets, 7, true);
  return Buffer.concat([body, latin1(`${xref}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`)]);
}

/**
 * `classicPdf` with an empty signature field `name` (widget at [300 50 500 110] on page 1), as a form
 * designer prepares a học bạ for its signers.
 *
 * @example
 * ```ts
 * const pdf = emptySignatureFieldPdf('HieuTruong');
 * ```
 */
export function emptySignatureFieldPdf(fieldName = 'HieuTruong'): Uint8Array {
  return classicPdf('Field', { overrides: {
    1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>',
    3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>',
    6: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${fieldName}) /F 4 /Rect [300 50 500 110] /P 3 0 R >>`,
  } });
}
