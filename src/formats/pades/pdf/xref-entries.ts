/**
 * Lazy cross-reference entries: a classic table in the standard 20-byte layout, or the rows of an xref
 * stream, are not parsed up front; an entry is decoded when it is looked up (a 50 000-object file opens in microseconds instead of
 * tens of milliseconds). Iterating materialises the map once.
 * @module
 */
import { malformed } from './malformed.js';
import type { XrefEntry } from './xref.js';

/** A subsection whose entries are in the standard fixed 20-byte layout, starting at `start`. */
export interface FixedSubsection { first: number; count: number; start: number }

function isDigit(c: number | undefined): boolean { return c !== undefined && c >= 0x30 && c <= 0x39; }

/**
 * `true` when the 20 bytes at `p` are `oooooooooo ggggg n` + a two-byte end of line.
 *
 * @example
 * ```ts
 * isStandardEntry(Buffer.from('0000000017 00000 n\r\n'), 0) // true
 * ```
 */
export function isStandardEntry(bytes: Uint8Array, p: number): boolean {
  for (let i = 0; i < 10; i++) if (!isDigit(bytes[p + i])) return false;
  if (bytes[p + 10] !== 0x20) return false;
  for (let i = 11; i < 16; i++) if (!isDigit(bytes[p + i])) return false;
  if (bytes[p + 16] !== 0x20) return false;
  const t = bytes[p + 17];
  if (t !== 0x6e && t !== 0x66) return false;
  const a = bytes[p + 18]; const b = bytes[p + 19];
  return (a === 0x0d && b === 0x0a) || (a === 0x20 && (b === 0x0a || b === 0x0d));
}

function decode(bytes: Uint8Array, p: number, num: number): XrefEntry {
  if (!isStandardEntry(bytes, p)) throw malformed(`bad xref entry for object ${num}`, p);
  let offset = 0; let gen = 0;
  for (let i = 0; i < 10; i++) offset = offset * 10 + bytes[p + i]! - 0x30;
  for (let i = 11; i < 16; i++) gen = gen * 10 + bytes[p + i]! - 0x30;
  if (bytes[p + 17] === 0x66 || (num === 0 && offset === 0)) return { kind: 'free' };
  return { kind: 'offset', offset, gen };
}

/** The entries of one classic xref table: fixed-layout subsections decoded on demand, others parsed eagerly. */
export class TableEntries implements ReadonlyMap<number, XrefEntry> {
  private materialised: Map<number, XrefEntry> | undefined;

  constructor(private readonly bytes: Uint8Array, private readonly fixed: readonly FixedSubsection[], private readonly eager: ReadonlyMap<number, XrefEntry>) {}

  get(num: number): XrefEntry | undefined {
    const e = this.eager.get(num);
    if (e !== undefined) return e;
    for (const s of this.fixed) {
      if (num >= s.first && num < s.first + s.count) return decode(this.bytes, s.start + 20 * (num - s.first), num);
    }
    return undefined;
  }

  has(num: number): boolean { return this.get(num) !== undefined; }

  /** The largest object number listed (without decoding entries). */
  maxNumber(): number {
    let max = -1;
    for (const k of this.eager.keys()) max = Math.max(max, k);
    for (const s of this.fixed) max = Math.max(max, s.first + s.count - 1);
    return max;
  }

  private all(): Map<number, XrefEntry> {
    if (!this.materialised) {
      const m = new Map(this.eager);
      for (const s of this.fixed) {
        for (let i = 0; i < s.count; i++) if (!m.has(s.first + i)) m.set(s.first + i, decode(this.bytes, s.start + 20 * i, s.first + i));
      }
      this.materialised = m;
    }
    return this.materialised;
  }

  get size(): number { return this.all().size; }
  entries(): MapIterator<[number, XrefEntry]> { return this.all().entries(); }
  keys(): MapIterator<number> { return this.all().keys(); }
  values(): MapIterator<XrefEntry> { return this.all().values(); }
  forEach(fn: (value: XrefEntry, key: number, map: ReadonlyMap<number, XrefEntry>) => void): void {
    this.all().forEach((v, k) => fn(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[number, XrefEntry]> { return this.all()[Symbol.iterator](); }
}

/** A hybrid file's entries: the table's, with /XRefStm filling entries the table lacks or marks free. */
export class HybridEntries implements ReadonlyMap<number, XrefEntry> {
  private materialised: Map<number, XrefEntry> | undefined;

  constructor(private readonly table: ReadonlyMap<number, XrefEntry>, private readonly hidden: ReadonlyMap<number, XrefEntry>) {}

  get(num: number): XrefEntry | undefined {
    const mine = this.table.get(num);
    if (mine === undefined || mine.kind === 'free') return this.hidden.get(num) ?? mine;
    return mine;
  }

  has(num: number): boolean { return this.get(num) !== undefined; }

  /** The largest object number listed. */
  maxNumber(): number { return Math.max(maxObjectNumber(this.table), maxObjectNumber(this.hidden)); }

  private all(): Map<number, XrefEntry> {
    if (!this.materialised) {
      const m = new Map(this.table);
      for (const [num, e] of this.hidden) {
        const mine = m.get(num);
        if (mine === undefined || mine.kind === 'free') m.set(num, e);
      }
      this.materialised = m;
    }
    return this.materialised;
  }

  get size(): number { return this.all().size; }
  entries(): MapIterator<[number, XrefEntry]> { return this.all().entries(); }
  keys(): MapIterator<number> { return this.all().keys(); }
  values(): MapIterator<XrefEntry> { return this.all().values(); }
  forEach(fn: (value: XrefEntry, key: number, map: ReadonlyMap<number, XrefEntry>) => void): void {
    this.all().forEach((v, k) => fn(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[number, XrefEntry]> { return this.all()[Symbol.iterator](); }
}

/** A run of rows of an xref stream: objects `first … first+count-1` from row `row`. */
export interface StreamRange { first: number; count: number; row: number }

/** The entries of one xref stream: rows decoded when looked up. */
export class StreamEntries implements ReadonlyMap<number, XrefEntry> {
  private materialised: Map<number, XrefEntry> | undefined;
  private readonly rowLen: number;

  constructor(private readonly data: Uint8Array, private readonly w: readonly [number, number, number], private readonly ranges: readonly StreamRange[]) {
    this.rowLen = w[0] + w[1] + w[2];
  }

  private field(pos: number, width: number): number {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + this.data[pos + i]!;
    return v;
  }

  private decodeRow(row: number): XrefEntry | undefined {
    const pos = row * this.rowLen;
    const [w0, w1, w2] = this.w;
    const type = w0 === 0 ? 1 : this.field(pos, w0);
    const f2 = this.field(pos + w0, w1);
    const f3 = this.field(pos + w0 + w1, w2);
    if (type === 0) return { kind: 'free' };
    if (type === 1) return { kind: 'offset', offset: f2, gen: f3 };
    if (type === 2) return { kind: 'compressed', streamNum: f2, index: f3 };
    return undefined; // other types: "null reference" (ISO 32000-1 §7.5.8.3)
  }

  get(num: number): XrefEntry | undefined {
    for (const r of this.ranges) {
      if (num >= r.first && num < r.first + r.count) {
        const e = this.decodeRow(r.row + num - r.first);
        if (e !== undefined) return e;
      }
    }
    return undefined;
  }

  has(num: number): boolean { return this.get(num) !== undefined; }

  /** The largest object number listed. */
  maxNumber(): number {
    let max = -1;
    for (const r of this.ranges) if (r.count > 0) max = Math.max(max, r.first + r.count - 1);
    return max;
  }

  private all(): Map<number, XrefEntry> {
    if (!this.materialised) {
      const m = new Map<number, XrefEntry>();
      for (const r of this.ranges) {
        for (let i = 0; i < r.count; i++) {
          if (m.has(r.first + i)) continue;
          const e = this.decodeRow(r.row + i);
          if (e !== undefined) m.set(r.first + i, e);
        }
      }
      this.materialised = m;
    }
    return this.materialised;
  }

  get size(): number { return this.all().size; }
  entries(): MapIterator<[number, XrefEntry]> { return this.all().entries(); }
  keys(): MapIterator<number> { return this.all().keys(); }
  values(): MapIterator<XrefEntry> { return this.all().values(); }
  forEach(fn: (value: XrefEntry, key: number, map: ReadonlyMap<number, XrefEntry>) => void): void {
    this.all().forEach((v, k) => fn(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[number, XrefEntry]> { return this.all()[Symbol.iterator](); }
}

/**
 * The largest object number of a set of entries, without materialising lazy tables.
 *
 * @example
 * ```ts
 * const next = maxObjectNumber(revision.entries) + 1;
 * ```
 */
export function maxObjectNumber(entries: ReadonlyMap<number, XrefEntry>): number {
  if (entries instanceof TableEntries || entries instanceof HybridEntries || entries instanceof StreamEntries) return entries.maxNumber();
  let max = -1;
  for (const k of entries.keys()) max = Math.max(max, k);
  return max;
}
