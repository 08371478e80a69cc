/**
 * base64url (RFC 4648 §5, no padding) with Node's Buffer — fast — and a strict decoder that refuses anything
 * a canonical encoder would not write (padding, whitespace, `+`/`/`, non-zero trailing bits).
 * @module
 */

const B64URL = /^[A-Za-z0-9_-]*$/;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Encode bytes or a UTF-8 string as base64url without padding.
 *
 * @example
 * ```ts
 * b64url('{"alg":"RS256"}'); // 'eyJhbGciOiJSUzI1NiJ9'
 * ```
 */
export function b64url(data: Uint8Array | string): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('base64url');
}

/**
 * Decode base64url strictly; `undefined` when `text` is not the canonical unpadded encoding of some bytes.
 *
 * @example
 * ```ts
 * decodeB64url('eyJhIjoxfQ'); // bytes of '{"a":1}'
 * decodeB64url('eyJhIjoxfQ=='); // undefined (padding)
 * ```
 */
export function decodeB64url(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || !B64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Decode standard base64 (as in `x5c` and `tstTokens`) strictly; `undefined` when malformed.
 *
 * @example
 * ```ts
 * decodeB64Standard('MIIB'); // 3 bytes
 * ```
 */
export function decodeB64Standard(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !B64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Standard base64 of bytes.
 *
 * @example
 * ```ts
 * b64(certificateDer); // x5c element
 * ```
 */
export function b64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}
