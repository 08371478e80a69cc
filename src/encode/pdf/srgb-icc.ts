/**
 * A minimal sRGB ICC profile (ICC.1:2001-04, version 2.1, display class), generated in code because no ICC
 * file ships with the machine (no `icc-profiles-free`/`colord`). It holds the tags a v2 RGB matrix/TRC display
 * profile requires (ICC.1 §6.3.1.2): desc, cprt, wtpt, rXYZ/gXYZ/bXYZ (D50-adapted sRGB primaries, as in the
 * common HP/Microsoft sRGB profile) and rTRC/gTRC/bTRC (the IEC 61966-2-1 curve sampled at 1024 points).
 * Used as the PDF/A `/DestOutputProfile` of the sRGB output intent.
 * @module
 */

/** s15Fixed16Number (ICC.1 §5.3.1). */
function s15f16(value: number): number {
  return Math.round(value * 65536) | 0;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0) & 0x7f);
}

class ByteWriter {
  readonly bytes: number[] = [];
  u8(v: number): this { this.bytes.push(v & 0xff); return this; }
  u16(v: number): this { return this.u8(v >>> 8).u8(v); }
  u32(v: number): this { return this.u16((v >>> 16) & 0xffff).u16(v & 0xffff); }
  sig(s: string): this { for (const b of ascii(s.padEnd(4, ' ').slice(0, 4))) this.u8(b); return this; }
  raw(b: number[]): this { for (const x of b) this.u8(x); return this; }
  pad4(): this { while (this.bytes.length % 4 !== 0) this.u8(0); return this; }
}

function xyzTag(x: number, y: number, z: number): number[] {
  return new ByteWriter().sig('XYZ ').u32(0).u32(s15f16(x)).u32(s15f16(y)).u32(s15f16(z)).bytes;
}

function textDescriptionTag(text: string): number[] {
  const w = new ByteWriter().sig('desc').u32(0).u32(text.length + 1).raw(ascii(text)).u8(0);
  w.u32(0).u32(0); // Unicode language code, Unicode count
  w.u16(0).u8(0); // ScriptCode code, count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function textTag(text: string): number[] {
  return new ByteWriter().sig('text').u32(0).raw(ascii(text)).u8(0).bytes;
}

/** The sRGB transfer curve (IEC 61966-2-1): encoded value → linear light, both 0..1. */
function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function curveTag(points: number): number[] {
  const w = new ByteWriter().sig('curv').u32(0).u32(points);
  for (let i = 0; i < points; i++) w.u16(Math.round(srgbToLinear(i / (points - 1)) * 65535));
  return w.bytes;
}

/**
 * The bytes of a minimal sRGB ICC v2.1 profile (about 2.6 KB), always the same bytes.
 *
 * @example
 * ```ts
 * const icc = srgbIccProfile(); // new TextDecoder().decode(icc.subarray(36, 40)) === 'acsp'
 * ```
 */
export function srgbIccProfile(): Uint8Array {
  const trc = curveTag(1024);
  const tags: [string, number[]][] = [
    ['desc', textDescriptionTag('sRGB IEC61966-2.1 (edusign-vn minimal)')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9505, 1.0, 1.089)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', trc],
  ];
  const headerSize = 128;
  const tableSize = 4 + 12 * (tags.length + 2); // gTRC and bTRC share rTRC's data
  const entries: { sig: string; offset: number; size: number }[] = [];
  const data = new ByteWriter();
  for (const [sig, body] of tags) {
    entries.push({ sig, offset: headerSize + tableSize + data.bytes.length, size: body.length });
    data.raw(body).pad4();
  }
  const trcEntry = entries.find((e) => e.sig === 'rTRC')!;
  entries.push({ ...trcEntry, sig: 'gTRC' }, { ...trcEntry, sig: 'bTRC' });
  const total = headerSize + tableSize + data.bytes.length;
  const out = new ByteWriter();
  out.u32(total).u32(0).u32(0x02100000).sig('mntr').sig('RGB ').sig('XYZ ');
  out.u16(2024).u16(1).u16(1).u16(0).u16(0).u16(0); // creation date-time (fixed)
  out.sig('acsp').u32(0).u32(0).u32(0).u32(0).u32(0).u32(0); // platform, flags, manufacturer, model, attributes(8)
  out.u32(0); // rendering intent: perceptual
  out.u32(s15f16(0.9642)).u32(s15f16(1.0)).u32(s15f16(0.8249)); // PCS illuminant D50
  out.u32(0); // creator
  while (out.bytes.length < headerSize) out.u8(0);
  out.u32(entries.length);
  for (const e of entries) out.sig(e.sig).u32(e.offset).u32(e.size);
  out.raw(data.bytes);
  return Uint8Array.from(out.bytes);
}
