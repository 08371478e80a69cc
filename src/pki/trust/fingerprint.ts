/**
 * SHA-256 fingerprints as users write them (`AB:CD:…`, `abcd…`, with spaces) and as the SDK stores them.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../errors.js';

/**
 * Normalises a SHA-256 fingerprint to 64 lowercase hex characters; throws INVALID_ARGUMENT otherwise.
 *
 * @example
 * ```ts
 * normaliseSha256('AB:CD:…'); // 'abcd…'
 * ```
 */
export function normaliseSha256(fingerprint: string): string {
  const hex = fingerprint.replace(/^sha256[:=]?/i, '').replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new EdusignError('INVALID_ARGUMENT', {
      detail: `not a SHA-256 fingerprint: ${fingerprint}`, detailVi: `không phải dấu vân tay SHA-256: ${fingerprint}`,
    });
  }
  return hex;
}

/**
 * SHA-256 of DER bytes, lowercase hex.
 *
 * @example
 * ```ts
 * sha256Hex(certDer); // '39993d1d…'
 * ```
 */
export function sha256Hex(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Colon-separated upper-case form for display (`39:99:3D:…`).
 *
 * @example
 * ```ts
 * formatFingerprint('39993d1d'); // '39:99:3D:1D'
 * ```
 */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}
