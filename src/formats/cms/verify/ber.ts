/**
 * A small, bounded BER/DER reader (ITU-T X.690) for the CMS verifier: definite and indefinite lengths,
 * constructed strings, nothing decoded that is not asked for. Every element keeps its exact byte span, so
 * hashes and signatures are computed over the bytes as found. (asn1js/pkijs schema matching cost ~10 ms per
 * signature; this reads a CMS in well under a millisecond.)
 * @module
 */
import { EdusignError, type ErrorCode } from '../../../errors.js';

/** One element: identifier, length and content positions in the source bytes. */
export interface BerNode {
  /** Class bits of the identifier (0 universal, 1 application, 2 context-specific, 3 private). */
  cls: number;
  constructed: boolean;
  /** Tag number (after the class and constructed bits). */
  tagNumber: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just after the content (before the end-of-contents octets of an indefinite length). */
  contentEnd: number;
  /** Offset just after the whole element. */
  end: number;
}

const MAX_DEPTH = 64;

/** Universal tags used by the verifier. */
export const TAG = { BOOLEAN: 1, INTEGER: 2, BIT_STRING: 3, OCTET_STRING: 4, NULL: 5, OID: 6, ENUMERATED: 10, UTF8: 12, SEQUENCE: 16, SET: 17, UTC_TIME: 23, GENERALIZED_TIME: 24 } as const;

function fail(code: ErrorCode, detail: string, offset: number): EdusignError {
  return new EdusignError(code, { detail: `${detail} (offset ${offset})`, context: { offset } });
}

/**
 * Read the element at `offset` (within `limit`). Throws `code` (default `SIGNATURE_MALFORMED`) on bad input.
 *
 * @example
 * ```ts
 * const root = readBer(der, 0);
 * const [contentType, content] = berChildren(der, root);
 * ```
 */
export function readBer(bytes: Uint8Array, offset: number, limit = bytes.length, code: ErrorCode = 'SIGNATURE_MALFORMED', depth = 0): BerNode {
  if (depth > MAX_DEPTH) throw fail(code, 'ASN.1 nested too deeply', offset);
  let p = offset;
  if (p >= limit) throw fail(code, 'unexpected end of ASN.1 data', p);
  const id = bytes[p++]!;
  const cls = id >> 6;
  const constructed = (id & 0x20) !== 0;
  let tagNumber = id & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit || i > 3) throw fail(code, 'bad ASN.1 tag', p);
      const b = bytes[p++]!;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) throw fail(code, 'missing ASN.1 length', p);
  const first = bytes[p++]!;
  if (first === 0x80) {
    if (!constructed) throw fail(code, 'indefinite length on a primitive ASN.1 element', p);
    const contentStart = p;
    for (;;) {
      if (p + 1 >= limit) throw fail(code, 'unterminated indefinite-length ASN.1 element', p);
      if (bytes[p] === 0 && bytes[p + 1] === 0) return { cls, constructed, tagNumber, start: offset, contentStart, contentEnd: p, end: p + 2 };
      p = readBer(bytes, p, limit, code, depth + 1).end;
    }
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4) throw fail(code, 'ASN.1 length too large', p);
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= limit) throw fail(code, 'truncated ASN.1 length', p);
      length = length * 256 + bytes[p++]!;
    }
  }
  if (p + length > limit) throw fail(code, 'ASN.1 element longer than its container', p);
  return { cls, constructed, tagNumber, start: offset, contentStart: p, contentEnd: p + length, end: p + length };
}

/**
 * The child elements of a constructed element.
 *
 * @example
 * ```ts
 * const items = berChildren(der, sequenceNode);
 * ```
 */
export function berChildren(bytes: Uint8Array, node: BerNode, code: ErrorCode = 'SIGNATURE_MALFORMED'): BerNode[] {
  if (!node.constructed) throw fail(code, 'expected a constructed ASN.1 element', node.start);
  const out: BerNode[] = [];
  let p = node.contentStart;
  while (p < node.contentEnd) {
    const child = readBer(bytes, p, node.contentEnd, code, 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

/**
 * `true` when `node` is universal tag `tag` (or context tag `tag` with `context`).
 *
 * @example
 * ```ts
 * isTag(node, TAG.SEQUENCE) // true for a SEQUENCE
 * ```
 */
export function isTag(node: BerNode | undefined, tag: number, context = false): node is BerNode {
  return node !== undefined && node.cls === (context ? 2 : 0) && node.tagNumber === tag;
}

/**
 * The exact bytes of the element (identifier, length, content).
 *
 * @example
 * ```ts
 * const certDer = berBytes(der, certNode);
 * ```
 */
export function berBytes(bytes: Uint8Array, node: BerNode): Uint8Array {
  return bytes.subarray(node.start, node.end);
}

/**
 * The content octets of a (possibly constructed) string element, concatenated.
 *
 * @example
 * ```ts
 * const digest = berOctets(der, octetStringNode);
 * ```
 */
export function berOctets(bytes: Uint8Array, node: BerNode, depth = 0): Uint8Array {
  if (!node.constructed) return bytes.subarray(node.contentStart, node.contentEnd);
  if (depth > 8) throw fail('SIGNATURE_MALFORMED', 'constructed string nested too deeply', node.start);
  const parts = berChildren(bytes, node).map((c) => berOctets(bytes, c, depth + 1));
  return Uint8Array.from(Buffer.concat(parts));
}

/**
 * Dotted form of an OBJECT IDENTIFIER element.
 *
 * @example
 * ```ts
 * berOid(der, node) // '1.2.840.113549.1.7.2'
 * ```
 */
export function berOid(bytes: Uint8Array, node: BerNode | undefined): string | undefined {
  if (!isTag(node, TAG.OID) || node.contentEnd === node.contentStart) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (let i = node.contentStart; i < node.contentEnd; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) return undefined;
    if ((b & 0x80) === 0) { parts.push(value); value = 0; }
  }
  const first = parts.shift();
  if (first === undefined) return undefined;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/**
 * A UTCTime or GeneralizedTime element as a Date (fractions of seconds kept); `undefined` when malformed.
 *
 * @example
 * ```ts
 * berTime(der, genTimeNode)?.toISOString()
 * ```
 */
export function berTime(bytes: Uint8Array, node: BerNode | undefined): Date | undefined {
  if (!node || node.cls !== 0 || (node.tagNumber !== TAG.UTC_TIME && node.tagNumber !== TAG.GENERALIZED_TIME)) return undefined;
  const s = Buffer.from(bytes.subarray(node.contentStart, node.contentEnd)).toString('latin1');
  const m = node.tagNumber === TAG.UTC_TIME
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?Z$/.exec(s);
  if (!m) return undefined;
  let year = Number(m[1]);
  if (node.tagNumber === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  return Number.isNaN(d.getTime()) ? undefined : d;
}
