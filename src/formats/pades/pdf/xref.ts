/**
 * Cross-reference sections (ISO 32000-1 §7.5.4 tables, §7.5.8 streams): parse one section at an offset.
 * @module
 */
import { decodeStream } from './filters.js';
import type { PdfLimits } from './limits.js';
import { malformed } from './malformed.js';
import { asArray, asInt, asName, PdfDict, PdfStream, type PdfObject } from './objects.js';
import { matchKeyword, parseIndirectObject, parseObject, skipWhite } from './parser.js';
import { isStandardEntry, StreamEntries, TableEntries, type FixedSubsection, type StreamRange } from './xref-entries.js';

/** Where an object lives, according to one cross-reference section. */
export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; streamNum: number; index: number };

/** One parsed cross-reference section with its trailer. */
export interface XrefSection {
  kind: 'table' | 'stream';
  /** Offset of `xref` / of the xref stream object. */
  offset: number;
  /** Offset just after the trailer dictionary / after `endobj`. */
  end: number;
  entries: ReadonlyMap<number, XrefEntry>;
  /** The trailer dictionary (the stream dictionary for xref streams). */
  trailer: PdfDict;
}

/** A counter shared by all sections of one file, so the total work stays bounded. */
export interface XrefBudget { entries: number }

function readInt(bytes: Uint8Array, pos: number): { value: number; end: number } {
  let end = pos; let v = 0;
  while (end < bytes.length && bytes[end]! >= 0x30 && bytes[end]! <= 0x39 && end - pos < 16) { v = v * 10 + bytes[end]! - 0x30; end++; }
  if (end === pos) throw malformed('expected an integer in xref table', pos);
  return { value: v, end };
}

function count(budget: XrefBudget, limits: PdfLimits, n: number, offset: number): void {
  budget.entries += n;
  if (n < 0 || budget.entries > limits.maxXrefEntries) throw malformed(`more than ${limits.maxXrefEntries} xref entries`, offset);
}

function parseTable(bytes: Uint8Array, offset: number, limits: PdfLimits, budget: XrefBudget): XrefSection {
  let p = skipWhite(bytes, offset);
  if (!matchKeyword(bytes, p, 'xref')) throw malformed('expected "xref"', offset);
  const start = p; p += 4;
  const entries = new Map<number, XrefEntry>();
  const fixed: FixedSubsection[] = [];
  for (;;) {
    p = skipWhite(bytes, p);
    if (p >= bytes.length) throw malformed('xref table without trailer', start);
    if (matchKeyword(bytes, p, 'trailer')) break;
    const first = readInt(bytes, p);
    const n = readInt(bytes, skipWhite(bytes, first.end));
    count(budget, limits, n.value, p);
    p = n.end;
    // standard 20-byte entries: check the first and last, decode any entry when it is looked up
    const q = skipWhite(bytes, p);
    if (n.value > 0 && q + 20 * n.value <= bytes.length && isStandardEntry(bytes, q) && isStandardEntry(bytes, q + 20 * (n.value - 1))) {
      fixed.push({ first: first.value, count: n.value, start: q });
      p = q + 20 * n.value;
      continue;
    }
    for (let i = 0; i < n.value; i++) {
      const off = readInt(bytes, skipWhite(bytes, p));
      const gen = readInt(bytes, skipWhite(bytes, off.end));
      const tp = skipWhite(bytes, gen.end);
      const t = bytes[tp];
      if (t !== 0x6e && t !== 0x66) throw malformed('bad xref entry type', tp);
      p = tp + 1;
      const num = first.value + i;
      if (entries.has(num)) continue;
      if (t === 0x66 || (off.value === 0 && num === 0)) entries.set(num, { kind: 'free' });
      else entries.set(num, { kind: 'offset', offset: off.value, gen: gen.value });
    }
  }
  const trailer = parseObject(bytes, p + 7, { maxDepth: limits.maxDepth });
  if (!(trailer.value instanceof PdfDict)) throw malformed('trailer is not a dictionary', p);
  return { kind: 'table', offset: start, end: trailer.end, entries: new TableEntries(bytes, fixed, entries), trailer: trailer.value };
}

function parseStreamSection(bytes: Uint8Array, offset: number, limits: PdfLimits, budget: XrefBudget): XrefSection {
  const obj = parseIndirectObject(bytes, offset, { maxDepth: limits.maxDepth });
  const stream = obj.value;
  if (!(stream instanceof PdfStream) || asName(stream.dict.get('Type')) !== 'XRef') throw malformed('not an xref stream', offset);
  const dict = stream.dict;
  const w = (asArray(dict.get('W')) ?? []).map((x: PdfObject) => asInt(x));
  if (w.length !== 3 || w.some((x) => x === undefined || x > 7)) throw malformed('bad /W in xref stream', offset);
  const [w0, w1, w2] = w as [number, number, number];
  const size = asInt(dict.get('Size'));
  if (size === undefined) throw malformed('xref stream without /Size', offset);
  const index = (asArray(dict.get('Index')) ?? [0, size]).map((x: PdfObject) => asInt(x));
  if (index.length % 2 !== 0 || index.some((x) => x === undefined)) throw malformed('bad /Index in xref stream', offset);
  const data = decodeStream(stream, limits.maxDecodedStreamBytes);
  const rowLen = w0 + w1 + w2;
  if (rowLen === 0) throw malformed('bad /W in xref stream', offset);
  const ranges: StreamRange[] = [];
  let rows = 0;
  for (let k = 0; k < index.length; k += 2) {
    const first = index[k]!; const n = index[k + 1]!;
    count(budget, limits, n, offset);
    ranges.push({ first, count: n, row: rows });
    rows += n;
  }
  if (rows * rowLen > data.length) throw malformed('xref stream data too short', offset);
  const entries = new StreamEntries(data, [w0, w1, w2], ranges);
  return { kind: 'stream', offset, end: obj.end, entries, trailer: dict };
}

/**
 * Parse the cross-reference section (table or stream) at `offset`.
 *
 * @example
 * ```ts
 * const section = parseXrefSection(bytes, startxref, DEFAULT_PDF_LIMITS, { entries: 0 });
 * ```
 */
export function parseXrefSection(bytes: Uint8Array, offset: number, limits: PdfLimits, budget: XrefBudget): XrefSection {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= bytes.length) throw malformed('xref offset outside the file', offset);
  const p = skipWhite(bytes, offset);
  if (matchKeyword(bytes, p, 'xref')) return parseTable(bytes, p, limits, budget);
  return parseStreamSection(bytes, offset, limits, budget);
}
