/**
 * A minimal DER reader/writer for the few small structures the crypto layer builds by hand
 * (ECDSA-Sig-Value, DigestInfo, RSASSA-PSS-params). Strict: definite lengths only, minimal length encoding.
 * @module
 */
import { EdusignError } from '../errors.js';

/** One decoded tag-length-value element. */
export interface DerElement {
  /** The identifier octet (single-byte tags only). */
  readonly tag: number;
  /** Offset of the first content byte in the input. */
  readonly contentStart: number;
  /** Offset one past the last content byte. */
  readonly end: number;
}

/**
 * Encode a DER length.
 *
 * @example
 * ```ts
 * derLength(300); // Uint8Array [0x82, 0x01, 0x2c]
 * ```
 */
export function derLength(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `bad DER length ${length}` });
  }
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/**
 * Concatenate byte arrays.
 *
 * @example
 * ```ts
 * concatBytes(Uint8Array.of(1), Uint8Array.of(2, 3)); // [1, 2, 3]
 * ```
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Encode one TLV element.
 *
 * @example
 * ```ts
 * derTlv(0x05, new Uint8Array(0)); // NULL: [0x05, 0x00]
 * ```
 */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(tag), derLength(content.length), content);
}

/**
 * Encode a non-negative big-endian unsigned integer as a DER INTEGER (minimal, with a 0x00 pad when the high bit is set).
 *
 * @example
 * ```ts
 * derUnsignedInteger(Uint8Array.of(0x00, 0x80)); // [0x02, 0x02, 0x00, 0x80]
 * ```
 */
export function derUnsignedInteger(value: Uint8Array): Uint8Array {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  let body = value.length === 0 ? Uint8Array.of(0) : value.subarray(start);
  if ((body[0] ?? 0) & 0x80) body = concatBytes(Uint8Array.of(0), body);
  return derTlv(0x02, body);
}

/**
 * Read one TLV element at `offset`, checking that it fits inside `limit` (default: the whole input).
 * Throws `errorCode` (default SIGNATURE_MALFORMED) on anything that is not strict DER.
 *
 * @example
 * ```ts
 * const seq = readDer(Uint8Array.of(0x30, 0x00), 0); // { tag: 0x30, contentStart: 2, end: 2 }
 * ```
 */
export function readDer(
  bytes: Uint8Array,
  offset: number,
  limit: number = bytes.length,
  errorCode: 'SIGNATURE_MALFORMED' | 'KEY_MALFORMED' | 'INVALID_ARGUMENT' = 'SIGNATURE_MALFORMED',
): DerElement {
  const fail = (detail: string): never => {
    throw new EdusignError(errorCode, { detail: `DER: ${detail}`, context: { offset } });
  };
  if (offset + 2 > limit) fail('truncated header');
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) fail('multi-byte tags are not supported');
  const first = bytes[offset + 1] as number;
  let length: number;
  let contentStart: number;
  if (first < 0x80) {
    length = first;
    contentStart = offset + 2;
  } else {
    const count = first & 0x7f;
    if (count === 0) fail('indefinite length');
    if (count > 4) fail('length too large');
    if (offset + 2 + count > limit) fail('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] as number);
    if (length < 0x80 || (bytes[offset + 2] as number) === 0) fail('non-minimal length');
    contentStart = offset + 2 + count;
  }
  const end = contentStart + length;
  if (end > limit) fail('content runs past its container');
  return { tag, contentStart, end };
}

/**
 * Encode a dotted OID string as a DER OBJECT IDENTIFIER.
 *
 * @example
 * ```ts
 * derOid('2.16.840.1.101.3.4.2.1'); // sha256
 * ```
 */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new EdusignError('INVALID_ARGUMENT', { detail: `bad OID ${dotted}` });
    return BigInt(a);
  });
  if (arcs.length < 2) throw new EdusignError('INVALID_ARGUMENT', { detail: `bad OID ${dotted}` });
  const values = [(arcs[0] as bigint) * 40n + (arcs[1] as bigint), ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const chunk: number[] = [Number(value & 0x7fn)];
    for (let rest = value >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number(rest & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return derTlv(0x06, Uint8Array.from(out));
}

/**
 * Decode the content bytes of an OBJECT IDENTIFIER to a dotted string.
 *
 * @example
 * ```ts
 * decodeOidContent(derOid('1.2.840.10045.2.1').subarray(2)); // '1.2.840.10045.2.1'
 * ```
 */
export function decodeOidContent(content: Uint8Array): string {
  const values: bigint[] = [];
  let current = 0n;
  let started = false;
  for (const byte of content) {
    if (!started && byte === 0x80) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'non-minimal OID arc' });
    started = true;
    current = (current << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      values.push(current);
      current = 0n;
      started = false;
    }
  }
  if (started || values.length === 0) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'truncated OID' });
  const first = values[0] as bigint;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...values.slice(1)].join('.');
}
