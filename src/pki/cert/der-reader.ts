/**
 * A small, strict DER reader for certificates, names and extensions: definite lengths only, bounds-checked,
 * every failure a {@link EdusignError} (`CERT_MALFORMED` by default) instead of a crash.
 * @module
 */
import { EdusignError, type ErrorCode } from '../../errors.js';

/** One tag-length-value element inside a byte array. */
export interface Tlv {
  /** The identifier octet (single-byte tags only: that is all X.509 uses). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content byte. */
  readonly contentStart: number;
  /** Offset one past the last content byte. */
  readonly end: number;
}

function fail(detail: string, code: ErrorCode): never {
  throw new EdusignError(code, { detail, detailVi: detail });
}

/**
 * Reads the element that starts at `offset` (bounded by `limit`).
 *
 * @example
 * ```ts
 * const root = readTlv(der, 0); // the outer SEQUENCE of a certificate
 * ```
 */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, code: ErrorCode = 'CERT_MALFORMED'): Tlv {
  if (offset + 2 > limit) fail(`truncated DER at offset ${offset}`, code);
  const tag = bytes[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) fail(`multi-byte tag at offset ${offset}`, code);
  const first = bytes[offset + 1] ?? 0;
  let length = first;
  let header = 2;
  if (first === 0x80) fail(`indefinite length at offset ${offset}`, code);
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) fail(`length too long at offset ${offset}`, code);
    if (offset + 2 + count > limit) fail(`truncated length at offset ${offset}`, code);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] ?? 0);
    header = 2 + count;
  }
  const end = offset + header + length;
  if (end > limit) fail(`element at offset ${offset} runs past its container`, code);
  return { tag, start: offset, contentStart: offset + header, end };
}

/**
 * The elements inside a constructed element.
 *
 * @example
 * ```ts
 * const [tbs, algorithm, signature] = childrenOf(der, readTlv(der, 0));
 * ```
 */
export function childrenOf(bytes: Uint8Array, parent: Tlv, code: ErrorCode = 'CERT_MALFORMED'): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readTlv(bytes, offset, parent.end, code);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/**
 * Reads a whole buffer that must hold exactly one element.
 *
 * @example
 * ```ts
 * const top = readSingle(der); // throws CERT_MALFORMED on trailing bytes
 * ```
 */
export function readSingle(bytes: Uint8Array, code: ErrorCode = 'CERT_MALFORMED'): Tlv {
  const tlv = readTlv(bytes, 0, bytes.length, code);
  if (tlv.end !== bytes.length) fail(`${bytes.length - tlv.end} trailing bytes after DER`, code);
  return tlv;
}

/**
 * The content bytes of an element (a view, not a copy).
 *
 * @example
 * ```ts
 * const serial = contentOf(der, serialTlv);
 * ```
 */
export function contentOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

/**
 * The whole encoding of an element (a view).
 *
 * @example
 * ```ts
 * const tbsBytes = encodingOf(der, tbs); // what the issuer signed
 * ```
 */
export function encodingOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

/**
 * Decodes OBJECT IDENTIFIER content to dotted form.
 *
 * @example
 * ```ts
 * decodeOid(Uint8Array.of(0x55, 0x1d, 0x13)); // '2.5.29.19'
 * ```
 */
export function decodeOid(content: Uint8Array, code: ErrorCode = 'CERT_MALFORMED'): string {
  if (content.length === 0 || content.length > 64) fail('bad OBJECT IDENTIFIER length', code);
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = 0; i < content.length; i++) {
    const byte = content[i] ?? 0;
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
    } else if (i === content.length - 1) {
      fail('truncated OBJECT IDENTIFIER', code);
    }
  }
  const first = arcs[0] ?? 0n;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/**
 * Expects a tag, returning the element.
 *
 * @example
 * ```ts
 * expectTag(der, tlv, 0x30, 'Certificate');
 * ```
 */
export function expectTag(tlv: Tlv | undefined, tag: number, what: string, code: ErrorCode = 'CERT_MALFORMED'): Tlv {
  if (!tlv) fail(`missing ${what}`, code);
  if (tlv.tag !== tag) fail(`${what}: expected tag 0x${tag.toString(16)}, found 0x${tlv.tag.toString(16)}`, code);
  return tlv;
}

/**
 * Reads an OBJECT IDENTIFIER element.
 *
 * @example
 * ```ts
 * readOid(der, algorithmChildren[0], 'signature algorithm'); // '1.2.840.113549.1.1.11'
 * ```
 */
export function readOid(bytes: Uint8Array, tlv: Tlv | undefined, what: string, code: ErrorCode = 'CERT_MALFORMED'): string {
  return decodeOid(contentOf(bytes, expectTag(tlv, 0x06, what, code)), code);
}

/**
 * Decodes UTCTime / GeneralizedTime (Z form, as RFC 5280 requires).
 *
 * @example
 * ```ts
 * readTime(der, notBeforeTlv); // Date
 * ```
 */
export function readTime(bytes: Uint8Array, tlv: Tlv | undefined, what: string, code: ErrorCode = 'CERT_MALFORMED'): Date {
  if (!tlv || (tlv.tag !== 0x17 && tlv.tag !== 0x18)) fail(`${what}: expected a time`, code);
  const text = Buffer.from(contentOf(bytes, tlv)).toString('latin1');
  const match = tlv.tag === 0x17
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (!match) fail(`${what}: bad time "${text}"`, code);
  const [, y = '0', mo = '0', da = '0', h = '0', mi = '0', s = '0'] = match;
  let year = Number(y);
  if (tlv.tag === 0x17) year += year < 50 ? 2000 : 1900;
  const date = new Date(Date.UTC(year, Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s)));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(mo) - 1) fail(`${what}: bad time "${text}"`, code);
  return date;
}

/**
 * Hex of INTEGER content (the serial number form used in reports), without a redundant leading zero.
 *
 * @example
 * ```ts
 * integerHex(Uint8Array.of(0x00, 0x9f)); // '9f'
 * ```
 */
export function integerHex(content: Uint8Array): string {
  const hex = Buffer.from(content).toString('hex');
  return hex.length > 2 && hex.startsWith('00') ? hex.slice(2) : hex;
}

/**
 * Decodes a directory string (UTF8String, PrintableString, IA5String, T61String, BMPString, UniversalString).
 *
 * @example
 * ```ts
 * decodeDirectoryString(der, valueTlv); // 'Nguyễn Thị Thu Hà'
 * ```
 */
export function decodeDirectoryString(bytes: Uint8Array, tlv: Tlv): string | undefined {
  const content = Buffer.from(contentOf(bytes, tlv));
  switch (tlv.tag) {
    case 0x0c: return new TextDecoder('utf-8', { fatal: false }).decode(content);
    case 0x13: case 0x16: case 0x1a: return content.toString('latin1');
    case 0x14: return content.toString('latin1');
    case 0x1e: {
      const swapped = Buffer.from(content);
      if (swapped.length % 2) return undefined;
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case 0x1c: {
      if (content.length % 4) return undefined;
      let out = '';
      for (let i = 0; i < content.length; i += 4) out += String.fromCodePoint(content.readUInt32BE(i) % 0x110000);
      return out;
    }
    default: return undefined;
  }
}
