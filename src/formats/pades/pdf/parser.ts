/**
 * Tokenizer and object parser (ISO 32000-1 §7.2–7.3): parses one object, or one indirect object
 * `n g obj … endobj` with its stream, at a byte offset. Never copies stream data; bounded nesting.
 * @module
 */
import { malformed } from './malformed.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './objects.js';

/** Context of a parse: nesting limit and how to resolve an indirect /Length. */
export interface ParseContext {
  maxDepth: number;
  /** Resolve an indirect stream /Length; `undefined` when it cannot be resolved. */
  resolveLength?: (ref: PdfRef) => number | undefined;
}

/** A parsed indirect object. */
export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfObject;
  /** Offset just after `endobj` (or after the object when `endobj` is missing in an object stream). */
  end: number;
}

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

/** `true` for PDF white-space bytes. @example `isWhite(0x20) // true` */
export function isWhite(c: number | undefined): boolean { return c !== undefined && WS[c] === 1; }
function isRegular(c: number | undefined): boolean { return c !== undefined && WS[c] === 0 && DELIM[c] === 0; }

/**
 * Skip white space and comments from `pos`; returns the next significant offset.
 *
 * @example
 * ```ts
 * skipWhite(bytes, 0)
 * ```
 */
export function skipWhite(bytes: Uint8Array, pos: number): number {
  const n = bytes.length;
  while (pos < n) {
    const c = bytes[pos]!;
    if (WS[c] === 1) { pos++; continue; }
    if (c === 0x25) { // %
      while (pos < n && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      continue;
    }
    break;
  }
  return pos;
}

/** Read a regular-character word (keyword or number) at `pos`. */
function readWord(bytes: Uint8Array, pos: number): { word: string; end: number } {
  let end = pos;
  while (end < bytes.length && isRegular(bytes[end])) end++;
  if (end - pos > 255) throw malformed('token longer than 255 bytes', pos);
  let word = '';
  for (let i = pos; i < end; i++) word += String.fromCharCode(bytes[i]!);
  return { word, end };
}

/**
 * `true` when the bytes at `pos` are `keyword` followed by a non-regular character.
 *
 * @example
 * ```ts
 * matchKeyword(bytes, pos, 'endobj')
 * ```
 */
export function matchKeyword(bytes: Uint8Array, pos: number, keyword: string): boolean {
  for (let i = 0; i < keyword.length; i++) if (bytes[pos + i] !== keyword.charCodeAt(i)) return false;
  return !isRegular(bytes[pos + keyword.length]);
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const INT_RE = /^\d+$/;

function parseName(bytes: Uint8Array, pos: number): { value: PdfName; end: number } {
  let end = pos + 1;
  const out: number[] = [];
  while (end < bytes.length && isRegular(bytes[end])) {
    const c = bytes[end]!;
    if (c === 0x23 && end + 2 < bytes.length) { // #xx
      const hex = String.fromCharCode(bytes[end + 1]!, bytes[end + 2]!);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) { out.push(parseInt(hex, 16)); end += 3; continue; }
    }
    out.push(c); end++;
  }
  return { value: new PdfName(Buffer.from(out).toString('latin1')), end };
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function parseHexString(bytes: Uint8Array, pos: number): { value: PdfString; end: number } {
  const close = bytes.indexOf(0x3e, pos + 1);
  if (close < 0) throw malformed('unterminated hex string', pos);
  const out = new Uint8Array((close - pos) >> 1);
  let n = 0; let hi = -1;
  for (let i = pos + 1; i < close; i++) {
    const c = bytes[i]!;
    if (WS[c] === 1) continue;
    const v = hexVal(c);
    if (v < 0) throw malformed('bad character in hex string', i);
    if (hi < 0) hi = v; else { out[n++] = (hi << 4) | v; hi = -1; }
  }
  if (hi >= 0) out[n++] = hi << 4;
  return { value: new PdfString(out.subarray(0, n), true), end: close + 1 };
}

const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

function parseLiteralString(bytes: Uint8Array, pos: number): { value: PdfString; end: number } {
  const out: number[] = [];
  let depth = 1; let i = pos + 1;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x5c) { // backslash
      const d = bytes[i + 1];
      if (d === undefined) break;
      const mapped = ESCAPES[d];
      if (mapped !== undefined) { out.push(mapped); i += 2; continue; }
      if (d >= 0x30 && d <= 0x37) {
        let v = 0; let k = 0;
        while (k < 3 && bytes[i + 1 + k] !== undefined && bytes[i + 1 + k]! >= 0x30 && bytes[i + 1 + k]! <= 0x37) {
          v = v * 8 + (bytes[i + 1 + k]! - 0x30); k++;
        }
        out.push(v & 0xff); i += 1 + k; continue;
      }
      if (d === 0x0d) { i += bytes[i + 2] === 0x0a ? 3 : 2; continue; }
      if (d === 0x0a) { i += 2; continue; }
      out.push(d); i += 2; continue;
    }
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return { value: new PdfString(Uint8Array.from(out)), end: i + 1 };
    out.push(c); i++;
  }
  throw malformed('unterminated literal string', pos);
}

/**
 * Parse one direct object at `pos` (after skipping white space). `n g R` references are recognised.
 *
 * @example
 * ```ts
 * const { value, end } = parseObject(new TextEncoder().encode('<< /A [1 2 0 R] >>'), 0, { maxDepth: 64 });
 * ```
 */
export function parseObject(bytes: Uint8Array, pos: number, ctx: ParseContext, depth = 0): { value: PdfObject; end: number } {
  if (depth > ctx.maxDepth) throw malformed(`objects nested deeper than ${ctx.maxDepth}`, pos);
  pos = skipWhite(bytes, pos);
  if (pos >= bytes.length) throw malformed('unexpected end of file', pos);
  const c = bytes[pos]!;
  if (c === 0x2f) return parseName(bytes, pos);
  if (c === 0x28) return parseLiteralString(bytes, pos);
  if (c === 0x3c) {
    if (bytes[pos + 1] !== 0x3c) return parseHexString(bytes, pos);
    return parseDict(bytes, pos + 2, ctx, depth);
  }
  if (c === 0x5b) {
    const items: PdfObject[] = [];
    let p = pos + 1;
    for (;;) {
      p = skipWhite(bytes, p);
      if (p >= bytes.length) throw malformed('unterminated array', pos);
      if (bytes[p] === 0x5d) return { value: items, end: p + 1 };
      const item = parseObject(bytes, p, ctx, depth + 1);
      items.push(item.value); p = item.end;
    }
  }
  if (!isRegular(c)) throw malformed(`unexpected character 0x${c.toString(16)}`, pos);
  const { word, end } = readWord(bytes, pos);
  if (word === 'true') return { value: true, end };
  if (word === 'false') return { value: false, end };
  if (word === 'null') return { value: null, end };
  if (!NUMBER_RE.test(word)) throw malformed(`unexpected token "${word.slice(0, 20)}"`, pos);
  if (INT_RE.test(word)) {
    // maybe `n g R`
    const p1 = skipWhite(bytes, end);
    if (isRegular(bytes[p1])) {
      const w2 = readWord(bytes, p1);
      if (INT_RE.test(w2.word)) {
        const p2 = skipWhite(bytes, w2.end);
        if (bytes[p2] === 0x52 && !isRegular(bytes[p2 + 1])) {
          return { value: new PdfRef(Number(word), Number(w2.word)), end: p2 + 1 };
        }
      }
    }
  }
  return { value: Number(word), end };
}

function parseDict(bytes: Uint8Array, pos: number, ctx: ParseContext, depth: number): { value: PdfDict; end: number } {
  const dict = new PdfDict();
  let p = pos;
  for (;;) {
    p = skipWhite(bytes, p);
    if (p >= bytes.length) throw malformed('unterminated dictionary', pos);
    if (bytes[p] === 0x3e && bytes[p + 1] === 0x3e) return { value: dict, end: p + 2 };
    if (bytes[p] !== 0x2f) throw malformed('dictionary key is not a name', p);
    const key = parseName(bytes, p);
    const val = parseObject(bytes, key.end, ctx, depth + 1);
    dict.entries.set(key.value.name, val.value);
    p = val.end;
  }
}

function findKeyword(bytes: Uint8Array, from: number, keyword: string): number {
  const needle = Buffer.from(keyword, 'latin1');
  const hay = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return hay.indexOf(needle, from);
}

/**
 * Parse `num gen obj <object> [stream … endstream] endobj` at `offset`.
 * A stream whose /Length disagrees with `endstream` is located by the keyword and flagged.
 *
 * @example
 * ```ts
 * const obj = parseIndirectObject(bytes, xrefOffsetOfObject, { maxDepth: 64 });
 * ```
 */
export function parseIndirectObject(bytes: Uint8Array, offset: number, ctx: ParseContext): IndirectObject {
  let p = skipWhite(bytes, offset);
  const w1 = readWord(bytes, p);
  p = skipWhite(bytes, w1.end);
  const w2 = readWord(bytes, p);
  p = skipWhite(bytes, w2.end);
  if (!INT_RE.test(w1.word) || !INT_RE.test(w2.word) || !matchKeyword(bytes, p, 'obj')) {
    throw malformed('expected "n g obj"', offset);
  }
  const num = Number(w1.word); const gen = Number(w2.word);
  const body = parseObject(bytes, p + 3, ctx);
  p = skipWhite(bytes, body.end);
  if (body.value instanceof PdfDict && matchKeyword(bytes, p, 'stream')) {
    const stream = readStreamData(bytes, p + 6, body.value, ctx);
    p = skipWhite(bytes, stream.end);
    if (!matchKeyword(bytes, p, 'endobj')) throw malformed('expected "endobj" after stream', p);
    return { num, gen, value: stream.value, end: p + 6 };
  }
  if (!matchKeyword(bytes, p, 'endobj')) throw malformed('expected "endobj"', p);
  return { num, gen, value: body.value, end: p + 6 };
}

function readStreamData(bytes: Uint8Array, afterKeyword: number, dict: PdfDict, ctx: ParseContext): { value: PdfStream; end: number } {
  let start = afterKeyword;
  if (bytes[start] === 0x0d && bytes[start + 1] === 0x0a) start += 2;
  else if (bytes[start] === 0x0a || bytes[start] === 0x0d) start += 1;
  const lengthObj = dict.get('Length');
  let length: number | undefined;
  if (typeof lengthObj === 'number') length = lengthObj;
  else if (lengthObj instanceof PdfRef) length = ctx.resolveLength?.(lengthObj);
  if (length !== undefined && Number.isSafeInteger(length) && length >= 0 && start + length <= bytes.length) {
    const e = skipWhite(bytes, start + length);
    if (matchKeyword(bytes, e, 'endstream')) {
      return { value: new PdfStream(dict, bytes.subarray(start, start + length), start), end: e + 9 };
    }
  }
  const at = findKeyword(bytes, start, 'endstream');
  if (at < 0) throw malformed('stream without "endstream"', start);
  let dataEnd = at;
  if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
  if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
  if (dataEnd < start) dataEnd = start;
  return { value: new PdfStream(dict, bytes.subarray(start, dataEnd), start, true), end: at + 9 };
}
