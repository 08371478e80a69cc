/**
 * Normalise a signature value received from outside (a token, a remote service, a browser): base64/base64url text
 * or bytes; ECDSA values in DER are converted to P1363, the SDK's one ECDSA form.
 * @module
 */
import { EdusignError } from '../errors.js';
import { ecdsaCoordinateSize, ecdsaDerToP1363 } from './ecdsa-encoding.js';
import type { SignatureAlgorithm } from './types.js';

/**
 * Decode base64 or base64url text strictly (no stray characters); throws SIGNER_FAILED otherwise.
 *
 * @example
 * ```ts
 * decodeBase64Strict('AQID'); // Uint8Array [1, 2, 3]
 * ```
 */
export function decodeBase64Strict(text: string): Uint8Array {
  const clean = text.trim();
  if (clean.length === 0 || !/^[A-Za-z0-9+/\-_]+={0,2}$/.test(clean)) {
    throw new EdusignError('SIGNER_FAILED', { detail: 'signature value is not base64', detailVi: 'giá trị chữ ký không phải base64' });
  }
  return new Uint8Array(Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

/**
 * A signature value as bytes in the SDK's form for `algorithm` (ECDSA: P1363 `r || s`; DER is converted).
 * Throws SIGNER_FAILED when it cannot be a signature of that algorithm.
 *
 * @example
 * ```ts
 * const sig = normaliseSignatureValue(response.signatures[0], signer.algorithm);
 * ```
 */
export function normaliseSignatureValue(value: Uint8Array | string, algorithm: SignatureAlgorithm): Uint8Array {
  const bytes = typeof value === 'string' ? decodeBase64Strict(value) : value;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new EdusignError('SIGNER_FAILED', { detail: 'empty signature value' });
  }
  if (algorithm.name !== 'ECDSA') return bytes;
  const size = ecdsaCoordinateSize(algorithm.namedCurve);
  if (bytes.length === 2 * size && bytes[0] !== 0x30) return bytes;
  try {
    return ecdsaDerToP1363(bytes, size);
  } catch (cause) {
    if (bytes.length === 2 * size) return bytes;
    throw new EdusignError('SIGNER_FAILED', { detail: 'ECDSA signature value is neither P1363 nor DER', cause });
  }
}
