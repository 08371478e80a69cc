/**
 * The PDF object model of the low-level reader/writer (ISO 32000-1 §7.3).
 *
 * Numbers are JS numbers, `null` is the PDF null, booleans are booleans; names, strings, references,
 * dictionaries and streams are small immutable-by-convention classes so they can be told apart with
 * `instanceof`. Arrays are plain arrays of {@link PdfObject}.
 * @module
 */

/** Any PDF object. */
export type PdfObject = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfObject[];

/**
 * A PDF name, decoded (`/A#20B` is `A B`), without the leading slash.
 *
 * @example
 * ```ts
 * new PdfName('Sig').is('Sig') // true
 * ```
 */
export class PdfName {
  constructor(readonly name: string) {}
  /** `true` when this name equals `name`. */
  is(name: string): boolean { return this.name === name; }
}

/**
 * A PDF string: its raw bytes (after literal-escape / hex decoding) and how it was written.
 *
 * @example
 * ```ts
 * new PdfString(Buffer.from('D:20260520080000Z'))
 * ```
 */
export class PdfString {
  constructor(readonly bytes: Uint8Array, readonly hex: boolean = false) {}
}

/**
 * An indirect reference `num gen R`.
 *
 * @example
 * ```ts
 * doc.getObject(new PdfRef(1, 0))
 * ```
 */
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
  /** `"12 0"`: a key for maps. */
  get key(): string { return `${this.num} ${this.gen}`; }
}

/**
 * A PDF dictionary (insertion order is kept).
 *
 * @example
 * ```ts
 * const sig = new PdfDict([['Type', name('Sig')]]).with('Reason', textString('Duyệt'));
 * ```
 */
export class PdfDict {
  readonly entries: Map<string, PdfObject>;
  constructor(entries?: Iterable<readonly [string, PdfObject]>) {
    this.entries = new Map(entries ?? []);
  }
  /** The value of `key` (without the slash), or `undefined`. */
  get(key: string): PdfObject | undefined { return this.entries.get(key); }
  /** `true` when `key` is present. */
  has(key: string): boolean { return this.entries.has(key); }
  /** A copy with `key` set to `value` (or removed when `value` is `undefined`). */
  with(key: string, value: PdfObject | undefined): PdfDict {
    const copy = new PdfDict(this.entries);
    if (value === undefined) copy.entries.delete(key); else copy.entries.set(key, value);
    return copy;
  }
}

/**
 * A stream: its dictionary and where its (still encoded) data lies in the source bytes, or the encoded
 * bytes themselves for streams made in memory.
 *
 * @example
 * ```ts
 * new PdfStream(new PdfDict([['Filter', name('FlateDecode')]]), deflateSync(data))
 * ```
 */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded data bytes (a view into the file when read; never copied). */
    readonly data: Uint8Array,
    /** Offset of the data in the file, when read from a file. */
    readonly dataOffset?: number,
    /** `true` when /Length disagreed with the position of `endstream` and the keyword was used instead. */
    readonly lengthMismatch: boolean = false,
  ) {}
}

/** Make a name. @example `name('Sig')` */
export function name(value: string): PdfName { return new PdfName(value); }

/** Make a literal string from text (PDFDocEncoding-safe ASCII, else UTF-16BE with BOM). @example `textString('Hà Nội')` */
export function textString(text: string): PdfString {
  const normalized = text.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(normalized)) return new PdfString(new TextEncoder().encode(normalized));
  const bytes = new Uint8Array(2 + normalized.length * 2);
  bytes[0] = 0xfe; bytes[1] = 0xff;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    bytes[2 + 2 * i] = c >> 8; bytes[3 + 2 * i] = c & 0xff;
  }
  return new PdfString(bytes);
}

/**
 * Decode a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding treated as Latin-1).
 *
 * @example
 * ```ts
 * decodeTextString(textString('Hiệu trưởng')) // 'Hiệu trưởng'
 * ```
 */
export function decodeTextString(value: PdfString): string {
  const b = value.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return out;
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
  let out = '';
  for (const c of b) out += String.fromCharCode(c);
  return out;
}

/** The name's value when `value` is a {@link PdfName}. @example `asName(dict.get('Type')) === 'Sig'` */
export function asName(value: PdfObject | undefined): string | undefined {
  return value instanceof PdfName ? value.name : undefined;
}

/** `value` when it is a non-negative safe integer. @example `asInt(dict.get('Size'))` */
export function asInt(value: PdfObject | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** `value` when it is a dictionary (or the dictionary of a stream). @example `asDict(catalog.get('AcroForm'))` */
export function asDict(value: PdfObject | undefined): PdfDict | undefined {
  if (value instanceof PdfDict) return value;
  if (value instanceof PdfStream) return value.dict;
  return undefined;
}

/** `value` when it is an array. @example `asArray(dict.get('ByteRange'))` */
export function asArray(value: PdfObject | undefined): PdfObject[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
