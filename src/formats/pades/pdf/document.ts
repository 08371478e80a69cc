/**
 * `openPdf`: a lazy, bounded view of a PDF file through its revision chain (startxref → /Prev → …,
 * hybrid /XRefStm included). Objects are parsed on demand through the cross-reference data, never all.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import { decodeStream } from './filters.js';
import { resolvePdfLimits, type PdfLimits } from './limits.js';
import { malformed } from './malformed.js';
import { asDict, asInt, PdfDict, PdfRef, PdfStream, type PdfObject } from './objects.js';
import { parseIndirectObject, parseObject, skipWhite } from './parser.js';
import { parseXrefSection, type XrefBudget, type XrefEntry, type XrefSection } from './xref.js';
import { HybridEntries, maxObjectNumber } from './xref-entries.js';

/** One revision (one cross-reference section and its trailer), oldest first in {@link PdfDocument.revisions}. */
export interface PdfRevision {
  /** 0 for the original file, then one per incremental update. */
  index: number;
  /** `table`, `stream`, or `hybrid` (a table whose trailer has /XRefStm). */
  xrefKind: 'table' | 'stream' | 'hybrid';
  /** Offset of the section (`xref` keyword or xref stream object): the value `startxref` points to. */
  xrefOffset: number;
  /** Offset just after the trailer dictionary or the xref stream's `endobj`. */
  xrefEnd: number;
  /** Offset just after the `%%EOF` that ends this revision, or `undefined` when none was found. */
  eofEnd: number | undefined;
  /** {@link eofEnd} plus the end-of-line that follows `%%EOF` (if any). */
  end: number | undefined;
  trailer: PdfDict;
  /** /Prev of the trailer, when present. */
  prev: number | undefined;
  /** The entries this section defines (for hybrid files, the table merged over its /XRefStm). */
  entries: ReadonlyMap<number, XrefEntry>;
}

/** A parsed PDF: revisions, trailer, catalog, and lazy object access. */
export interface PdfDocument {
  /** The file bytes (not copied). */
  readonly bytes: Uint8Array;
  /** Revisions, oldest first; the last one is the current state of the document. */
  readonly revisions: readonly PdfRevision[];
  /** The newest trailer. */
  readonly trailer: PdfDict;
  /** Value of the last `startxref`. */
  readonly startxref: number;
  /** End of the real file (after the last `%%EOF` and its end-of-line); bytes after it are trailing garbage. */
  readonly end: number;
  /** Reference of the document catalog (/Root). */
  readonly catalogRef: PdfRef;
  /** The document catalog (as of the newest revision). */
  readonly catalog: PdfDict;
  /** Smallest object number never used by any revision (also ≥ every /Size). */
  readonly nextObjectNumber: number;
  /** The object `ref` points to, as of revision `revision` (default: the newest); `null` for free/missing. */
  getObject(ref: PdfRef, revision?: number): PdfObject;
  /** `value` itself, or the object it references (one level). */
  resolve(value: PdfObject | undefined, revision?: number): PdfObject | undefined;
  /** The cross-reference entry for object `num` as of `revision` (default newest). */
  lookup(num: number, revision?: number): XrefEntry | undefined;
  /** Decode a stream (no filter / FlateDecode), within the document's limits. */
  decode(stream: PdfStream): Uint8Array;
}

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');
const STARTXREF = enc('startxref');
const EOF_MARK = enc('%%EOF');

function view(bytes: Uint8Array): Buffer { return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); }

function readStartxrefAt(bytes: Uint8Array, at: number): number | undefined {
  const p = skipWhite(bytes, at + STARTXREF.length);
  let v = 0; let e = p;
  while (e < bytes.length && bytes[e]! >= 0x30 && bytes[e]! <= 0x39 && e - p < 16) { v = v * 10 + bytes[e]! - 0x30; e++; }
  return e === p ? undefined : v;
}

/** Find the value of the last usable `startxref` (trying the last few occurrences). */
function findStartxref(bytes: Uint8Array): { value: number; at: number } {
  const buf = view(bytes);
  let from = buf.length;
  for (let tries = 0; tries < 4 && from > 0; tries++) {
    const at = buf.lastIndexOf(STARTXREF, from - 1);
    if (at < 0) break;
    const value = readStartxrefAt(bytes, at);
    if (value !== undefined && value < bytes.length) return { value, at };
    from = at;
  }
  throw malformed('no startxref found');
}

/** Offsets after the `%%EOF` that follows `startxrefAt` (without / with the end-of-line). */
function eofAfter(bytes: Uint8Array, startxrefAt: number): { eofEnd: number; end: number } | undefined {
  const eof = view(bytes).indexOf(EOF_MARK, startxrefAt);
  if (eof < 0) return undefined;
  const eofEnd = eof + EOF_MARK.length;
  let end = eofEnd;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return { eofEnd, end };
}

/**
 * Where the revision whose section starts at `xrefOffset` ends: after the `%%EOF` of the first
 * `startxref` after the section that points back to it (linearized files point from the end of the file
 * to a section near the start); else after the first `%%EOF` that follows the section.
 */
function findEof(bytes: Uint8Array, from: number, xrefOffset: number): { eofEnd: number; end: number } | undefined {
  const buf = view(bytes);
  let first: number | undefined;
  let at = buf.indexOf(STARTXREF, from);
  for (let i = 0; at >= 0 && i < 64; i++) {
    first ??= at;
    if (readStartxrefAt(bytes, at) === xrefOffset) return eofAfter(bytes, at);
    at = buf.indexOf(STARTXREF, at + STARTXREF.length);
  }
  return first === undefined ? undefined : eofAfter(bytes, first);
}

interface Built {
  revisions: PdfRevision[];
  startxref: number;
}

function readChain(bytes: Uint8Array, limits: PdfLimits): Built {
  const { value: startxref } = findStartxref(bytes);
  const budget: XrefBudget = { entries: 0 };
  const visited = new Set<number>();
  const newestFirst: Omit<PdfRevision, 'index'>[] = [];
  let offset: number | undefined = startxref;
  while (offset !== undefined) {
    if (visited.has(offset)) throw malformed('cycle in /Prev chain', offset);
    visited.add(offset);
    if (newestFirst.length >= limits.maxRevisions) throw malformed(`more than ${limits.maxRevisions} revisions`, offset);
    const section: XrefSection = parseXrefSection(bytes, offset, limits, budget);
    let entries = section.entries;
    let kind: PdfRevision['xrefKind'] = section.kind;
    const xrefStm = asInt(section.trailer.get('XRefStm'));
    if (section.kind === 'table' && xrefStm !== undefined) {
      if (visited.has(xrefStm)) throw malformed('cycle through /XRefStm', xrefStm);
      visited.add(xrefStm);
      const hidden = parseXrefSection(bytes, xrefStm, limits, budget);
      if (hidden.kind !== 'stream') throw malformed('/XRefStm does not point to an xref stream', xrefStm);
      entries = new HybridEntries(entries, hidden.entries);
      kind = 'hybrid';
    }
    if (section.trailer.has('Encrypt')) throw new EdusignError('PDF_ENCRYPTED', { detail: 'the trailer has /Encrypt' });
    const prevObj = section.trailer.get('Prev');
    const prev = prevObj === undefined ? undefined : asInt(prevObj);
    if (prevObj !== undefined && prev === undefined) throw malformed('bad /Prev', offset);
    newestFirst.push({ xrefKind: kind, xrefOffset: section.offset, xrefEnd: section.end, eofEnd: undefined, end: undefined, trailer: section.trailer, prev, entries });
    offset = prev;
  }
  const revisions = newestFirst.reverse().map((r, index) => ({ ...r, index }));
  // each revision ends at the first `startxref … %%EOF` after its section
  for (const r of revisions) {
    const found = findEof(bytes, r.xrefEnd, r.xrefOffset);
    if (found) { r.eofEnd = found.eofEnd; r.end = found.end; }
  }
  return { revisions, startxref };
}

interface ObjectStreamIndex { data: Uint8Array; offsets: number[]; nums: number[]; first: number }

/**
 * Open a PDF for reading. Throws `PDF_MALFORMED` (broken structure, /Prev cycles, too deep, …),
 * `PDF_ENCRYPTED`, or `INPUT_TOO_LARGE`; work and memory are bounded by `limits`.
 *
 * @example
 * ```ts
 * const doc = openPdf(await readFile('hoc-ba.pdf'));
 * console.log(doc.revisions.length, doc.catalog.get('Type'));
 * const acroForm = doc.resolve(doc.catalog.get('AcroForm'));
 * ```
 */
export function openPdf(bytes: Uint8Array, limits?: Partial<PdfLimits>): PdfDocument {
  const lim = resolvePdfLimits(limits);
  if (!(bytes instanceof Uint8Array)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'PDF must be a Uint8Array' });
  if (bytes.length > lim.maxFileBytes) throw new EdusignError('INPUT_TOO_LARGE', { detail: `PDF larger than ${lim.maxFileBytes} bytes` });
  // the header must be in the first 1024 bytes: never scan a large file for it
  const head = view(bytes).subarray(0, 1024 + 5).indexOf(enc('%PDF-'));
  if (head < 0 || head > 1024) throw malformed('no %PDF- header');
  const { revisions, startxref } = readChain(bytes, lim);
  const newest = revisions[revisions.length - 1]!;
  const objectCache = new Map<string, PdfObject>();
  const objStmCache = new Map<number, ObjectStreamIndex>();
  const resolving = new Set<string>();

  const lookup = (num: number, revision = revisions.length - 1): XrefEntry | undefined => {
    for (let i = Math.min(revision, revisions.length - 1); i >= 0; i--) {
      const e = revisions[i]!.entries.get(num);
      if (e !== undefined) return e;
    }
    return undefined;
  };

  const ctxFor = (revision: number) => ({
    maxDepth: lim.maxDepth,
    resolveLength: (ref: PdfRef): number | undefined => {
      try { return asInt(getObject(ref, revision) ?? undefined); } catch { return undefined; }
    },
  });

  const objectStream = (streamNum: number, revision: number): ObjectStreamIndex => {
    const entry = lookup(streamNum, revision);
    if (entry?.kind !== 'offset') throw malformed(`object stream ${streamNum} not found`);
    const cacheKey = entry.offset;
    const cached = objStmCache.get(cacheKey);
    if (cached) return cached;
    const stream = getObject(new PdfRef(streamNum, entry.gen), revision);
    if (!(stream instanceof PdfStream)) throw malformed(`object ${streamNum} is not an object stream`);
    const n = asInt(stream.dict.get('N')); const first = asInt(stream.dict.get('First'));
    if (n === undefined || first === undefined || n > lim.maxObjectsPerObjectStream) throw malformed(`bad object stream ${streamNum}`);
    const data = decodeStream(stream, lim.maxDecodedStreamBytes);
    const nums: number[] = []; const offsets: number[] = [];
    let p = 0;
    for (let i = 0; i < n; i++) {
      const a = parseObject(data, p, { maxDepth: 1 }); const b = parseObject(data, a.end, { maxDepth: 1 });
      const num = asInt(a.value); const off = asInt(b.value);
      if (num === undefined || off === undefined || first + off > data.length) throw malformed(`bad object stream header ${streamNum}`);
      nums.push(num); offsets.push(first + off); p = b.end;
    }
    const index = { data, offsets, nums, first };
    objStmCache.set(cacheKey, index);
    return index;
  };

  function getObject(ref: PdfRef, revision = revisions.length - 1): PdfObject {
    const entry = lookup(ref.num, revision);
    if (entry === undefined || entry.kind === 'free') return null;
    const key = entry.kind === 'offset' ? `o${entry.offset}` : `c${entry.streamNum}:${entry.index}`;
    const hit = objectCache.get(key);
    if (hit !== undefined) return hit;
    if (resolving.has(key)) throw malformed(`reference loop through object ${ref.num}`);
    resolving.add(key);
    try {
      let value: PdfObject;
      if (entry.kind === 'offset') {
        if (entry.gen !== ref.gen) return null;
        if (entry.offset >= bytes.length) throw malformed(`object ${ref.num} offset outside the file`, entry.offset);
        const obj = parseIndirectObject(bytes, entry.offset, ctxFor(revision));
        if (obj.num !== ref.num) throw malformed(`xref points object ${ref.num} at object ${obj.num}`, entry.offset);
        value = obj.value;
      } else {
        if (ref.gen !== 0) return null;
        const stm = objectStream(entry.streamNum, revision);
        const off = stm.offsets[entry.index];
        if (off === undefined || stm.nums[entry.index] !== ref.num) throw malformed(`object ${ref.num} not in object stream ${entry.streamNum}`);
        value = parseObject(stm.data, off, { maxDepth: lim.maxDepth }).value;
        if (value instanceof PdfStream) throw malformed('stream inside an object stream');
      }
      objectCache.set(key, value);
      return value;
    } finally {
      resolving.delete(key);
    }
  }

  const resolve = (value: PdfObject | undefined, revision?: number): PdfObject | undefined =>
    value instanceof PdfRef ? getObject(value, revision) : value;

  const rootRef = newest.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw malformed('trailer has no /Root reference');
  const catalog = asDict(getObject(rootRef) ?? undefined);
  if (!catalog || catalog instanceof PdfStream) throw malformed('/Root is not a dictionary');

  let next = 0;
  for (const r of revisions) {
    next = Math.max(next, asInt(r.trailer.get('Size')) ?? 0);
    next = Math.max(next, maxObjectNumber(r.entries) + 1);
  }

  const realEnd = findEofAfterStartxref(bytes);
  return {
    bytes, revisions, trailer: newest.trailer, startxref, end: realEnd, catalogRef: rootRef, catalog,
    nextObjectNumber: next, getObject, resolve, lookup,
    decode: (stream) => decodeStream(stream, lim.maxDecodedStreamBytes),
  };
}

function findEofAfterStartxref(bytes: Uint8Array): number {
  const { at } = findStartxref(bytes);
  const found = eofAfter(bytes, at);
  if (!found) throw malformed('no %%EOF after the last startxref');
  return found.end;
}
