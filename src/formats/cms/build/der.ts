/**
 * Minimal DER writer (X.690) for building CMS structures byte by byte, plus the little TLV reading the
 * builder needs (issuer and serial number of a certificate).
 * @module
 */
import { EdusignError } from '../../../errors.js';

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
}

/**
 * One TLV with a single-byte tag.
 *
 * @example
 * ```ts
 * tlv(0x04, digest) // OCTET STRING
 * ```
 */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const len = contents.reduce((a, c) => a + c.length, 0);
  return Buffer.concat([Uint8Array.of(tag), lengthBytes(len), ...contents]);
}

/** SEQUENCE. @example `seq(oid('1.2.3'), nullDer())` */
export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, ...items);

/**
 * Compare two DER encodings the way X.690 §11.6 orders SET OF components.
 *
 * @example
 * ```ts
 * [a, b].sort(compareDer)
 * ```
 */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0; const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** SET OF, sorted as DER requires. @example `setOf(attr1, attr2)` */
export const setOf = (...items: Uint8Array[]): Uint8Array => tlv(0x31, ...[...items].sort(compareDer));

/** Context-specific constructed tag `[n]` (explicit wrapper, or implicit SET/SEQUENCE). @example `ctx(0, set)` */
export const ctx = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...items);

/** NULL. @example `nullDer()` */
export const nullDer = (): Uint8Array => Uint8Array.of(0x05, 0x00);

/** OCTET STRING. @example `octetString(hash)` */
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);

/**
 * INTEGER from a small non-negative number.
 *
 * @example
 * ```ts
 * integer(1)
 * ```
 */
export function integer(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  do { out.unshift(v & 0xff); v = Math.floor(v / 256); } while (v > 0);
  if (out[0]! & 0x80) out.unshift(0);
  return tlv(0x02, Uint8Array.from(out));
}

/**
 * INTEGER from unsigned big-endian bytes (leading zeros trimmed, sign byte added when needed).
 *
 * @example
 * ```ts
 * unsignedInteger(rBytes)
 * ```
 */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return trimmed[0]! & 0x80 ? tlv(0x02, Uint8Array.of(0), trimmed) : tlv(0x02, trimmed);
}

/**
 * OBJECT IDENTIFIER from dotted text.
 *
 * @example
 * ```ts
 * oid('1.2.840.113549.1.7.2')
 * ```
 */
export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const group: number[] = [];
    let v = p;
    do { group.unshift(v & 0x7f); v = Math.floor(v / 128); } while (v > 0);
    for (let i = 0; i < group.length - 1; i++) group[i]! |= 0x80;
    out.push(...group);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** A decoded TLV header: where its content starts and ends. */
export interface DerNode { tag: number; start: number; contentStart: number; end: number }

/**
 * Read the TLV at `pos` (single-byte tags, definite lengths only).
 *
 * @example
 * ```ts
 * const cert = readTlv(der, 0);
 * ```
 */
export function readTlv(der: Uint8Array, pos: number): DerNode {
  const bad = (): EdusignError => new EdusignError('CERT_MALFORMED', { detail: `bad DER at offset ${pos}` });
  const tag = der[pos];
  let lenByte = der[pos + 1];
  if (tag === undefined || lenByte === undefined) throw bad();
  let p = pos + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) throw bad();
    len = 0;
    for (let i = 0; i < n; i++) { lenByte = der[p++]; if (lenByte === undefined) throw bad(); len = len * 256 + lenByte; }
  }
  if (p + len > der.length) throw bad();
  return { tag, start: pos, contentStart: p, end: p + len };
}

/**
 * The children of a constructed TLV.
 *
 * @example
 * ```ts
 * const [tbs] = children(der, readTlv(der, 0));
 * ```
 */
export function children(der: Uint8Array, node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let p = node.contentStart; p < node.end;) { const c = readTlv(der, p); out.push(c); p = c.end; }
  return out;
}
