/**
 * A tiny decoder for 8-bit greyscale, non-interlaced PNGs (what `pdftoppm -png -gray` writes), and a PGM (P5)
 * reader, for the visual regression test. node:zlib inflates; the five PNG row filters are undone here.
 */
import { inflateSync } from 'node:zlib';

/** A greyscale image, one byte per pixel. */
export interface GrayImage { width: number; height: number; pixels: Uint8Array }

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit greyscale or RGB PNG (RGB turned to grey by averaging); throws on anything else. */
export function decodeGrayPng(png: Uint8Array): GrayImage {
  const buf = Buffer.from(png);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8; let width = 0; let height = 0; let channels = 1;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset); const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0) throw new Error('only 8-bit greyscale or RGB, non-interlaced PNGs');
      channels = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const bytes = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? bytes[y * stride + x - channels]! : 0;
      const b = y > 0 ? bytes[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? bytes[(y - 1) * stride + x - channels]! : 0;
      const v = row[x]!;
      const out = filter === 0 ? v : filter === 1 ? v + a : filter === 2 ? v + b : filter === 3 ? v + ((a + b) >> 1) : v + paeth(a, b, c);
      bytes[y * stride + x] = out & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += bytes[i * channels + k]!;
    pixels[i] = Math.round(sum / channels);
  }
  return { width, height, pixels };
}

/** Reads a binary PGM (P5, maxval 255). */
export function decodePgm(pgm: Uint8Array): GrayImage {
  const text = Buffer.from(pgm.subarray(0, 64)).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(text);
  if (!m) throw new Error('not a P5 PGM with maxval 255');
  const width = Number(m[1]); const height = Number(m[2]);
  return { width, height, pixels: pgm.subarray(m[0].length, m[0].length + width * height) };
}

/** Share of pixels whose grey level differs by more than `threshold`, and the mean absolute difference. */
export function compareGray(a: GrayImage, b: GrayImage, threshold = 64): { differing: number; meanDiff: number } {
  if (a.width !== b.width || a.height !== b.height) return { differing: 1, meanDiff: 255 };
  let differing = 0; let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs(a.pixels[i]! - b.pixels[i]!);
    sum += d;
    if (d > threshold) differing++;
  }
  return { differing: differing / a.pixels.length, meanDiff: sum / a.pixels.length };
}
