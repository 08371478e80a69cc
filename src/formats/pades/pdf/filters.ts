/**
 * Stream decoding for what the reader needs: FlateDecode with PNG/TIFF predictors (xref streams,
 * object streams), bounded output size.
 * @module
 */
import { inflateSync } from 'node:zlib';
import { EdusignError } from '../../../errors.js';
import { malformed } from './malformed.js';
import { asArray, asDict, asInt, asName, PdfStream, type PdfObject } from './objects.js';

function filterNames(value: PdfObject | undefined): string[] {
  if (value === undefined || value === null) return [];
  const single = asName(value);
  if (single !== undefined) return [single];
  const arr = asArray(value);
  if (!arr) throw malformed('bad /Filter');
  return arr.map((f) => { const n = asName(f); if (n === undefined) throw malformed('bad /Filter'); return n; });
}

function inflate(data: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: maxBytes, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate truncated tails */ });
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new EdusignError('INPUT_TOO_LARGE', { detail: `decoded stream exceeds ${maxBytes} bytes`, cause });
    }
    throw new EdusignError('PDF_MALFORMED', { detail: 'corrupt FlateDecode stream', cause });
  }
}

function unpredict(data: Uint8Array, parms: PdfObject | undefined): Uint8Array {
  const dict = asDict(parms ?? undefined);
  const predictor = asInt(dict?.get('Predictor')) ?? 1;
  if (predictor === 1) return data;
  const colors = asInt(dict?.get('Colors')) ?? 1;
  const bpc = asInt(dict?.get('BitsPerComponent')) ?? 8;
  const columns = asInt(dict?.get('Columns')) ?? 1;
  if (colors < 1 || colors > 32 || ![1, 2, 4, 8, 16].includes(bpc) || columns < 1 || columns > 1 << 24) {
    throw malformed('bad /DecodeParms');
  }
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new EdusignError('UNSUPPORTED_FORMAT', { detail: 'TIFF predictor with bpc != 8' });
    const out = Uint8Array.from(data);
    for (let r = 0; r + rowLen <= out.length; r += rowLen) {
      for (let i = bpp; i < rowLen; i++) out[r + i] = (out[r + i]! + out[r + i - bpp]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10) throw malformed(`unknown /Predictor ${predictor}`);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    const up = dst - rowLen; // previous output row (absent for r = 0)
    // one tight loop per filter type (xref streams are mostly "Up")
    switch (type) {
      case 0: out.set(data.subarray(src, src + rowLen), dst); break;
      case 1: for (let i = 0; i < rowLen; i++) out[dst + i] = (data[src + i]! + (i >= bpp ? out[dst + i - bpp]! : 0)) & 0xff; break;
      case 2:
        if (r === 0) out.set(data.subarray(src, src + rowLen), dst);
        else for (let i = 0; i < rowLen; i++) out[dst + i] = (data[src + i]! + out[up + i]!) & 0xff;
        break;
      case 3:
        for (let i = 0; i < rowLen; i++) {
          const left = i >= bpp ? out[dst + i - bpp]! : 0; const above = r > 0 ? out[up + i]! : 0;
          out[dst + i] = (data[src + i]! + ((left + above) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let i = 0; i < rowLen; i++) {
          const left = i >= bpp ? out[dst + i - bpp]! : 0;
          const above = r > 0 ? out[up + i]! : 0;
          const upLeft = r > 0 && i >= bpp ? out[up + i - bpp]! : 0;
          const p = left + above - upLeft;
          const pa = Math.abs(p - left); const pb = Math.abs(p - above); const pc = Math.abs(p - upLeft);
          out[dst + i] = (data[src + i]! + (pa <= pb && pa <= pc ? left : pb <= pc ? above : upLeft)) & 0xff;
        }
        break;
      default: throw malformed(`bad PNG predictor row type ${type}`);
    }
  }
  return out;
}

/**
 * Decode a stream's data (no filter, or FlateDecode with optional predictor). Other filters raise
 * UNSUPPORTED_FORMAT; output larger than `maxBytes` raises INPUT_TOO_LARGE.
 *
 * @example
 * ```ts
 * const data = decodeStream(xrefStream, 64 * 1024 * 1024);
 * ```
 */
export function decodeStream(stream: PdfStream, maxBytes: number): Uint8Array {
  const filters = filterNames(stream.dict.get('Filter'));
  const parmsList = stream.dict.get('DecodeParms');
  let data: Uint8Array = stream.data;
  filters.forEach((filter, i) => {
    const parms = Array.isArray(parmsList) ? parmsList[i] : parmsList;
    if (filter === 'FlateDecode' || filter === 'Fl') data = unpredict(inflate(data, maxBytes), parms);
    else throw new EdusignError('UNSUPPORTED_FORMAT', { detail: `stream filter /${filter}` });
  });
  if (data.length > maxBytes) throw new EdusignError('INPUT_TOO_LARGE', { detail: `decoded stream exceeds ${maxBytes} bytes` });
  return data;
}
