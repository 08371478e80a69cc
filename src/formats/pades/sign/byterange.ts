/**
 * The signature placeholder and its /ByteRange (ISO 32000-1 §12.8.1): write fixed-width placeholders,
 * find them in the written file, patch the real ranges in place, and hash the ranges without copying.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { nodeHashName } from '../../cms/build/algorithms.js';

/**
 * The /ByteRange entry as first written; patched in place with the real numbers padded by spaces.
 *
 * @example
 * ```ts
 * const text = `<</Type /Sig ${BYTE_RANGE_PLACEHOLDER} ${contentsPlaceholder(8192)}>>`;
 * ```
 */
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

/** A PDF byte range `[a, b, c, d]`: bytes `a..a+b` and `c..c+d` are signed. */
export type ByteRange = [number, number, number, number];

/** Where the placeholders are in the file. */
export interface PlaceholderLocation {
  /** Offset of `[` of the /ByteRange array. */
  byteRangeStart: number;
  /** Offset after `]`. */
  byteRangeEnd: number;
  /** Offset of `<` of the /Contents hex string. */
  contentsStart: number;
  /** Offset after `>`. */
  contentsEnd: number;
}

/**
 * The `/Contents <00…>` placeholder for `bytes` bytes of DER.
 *
 * @example
 * ```ts
 * contentsPlaceholder(8192)
 * ```
 */
export function contentsPlaceholder(bytes: number): string {
  return `/Contents <${'0'.repeat(bytes * 2)}>`;
}

/**
 * Find the placeholders written by this module in `bytes`, searching from `from` (the signature object).
 *
 * @example
 * ```ts
 * const loc = locatePlaceholders(out, offsetOfSigDict);
 * ```
 */
export function locatePlaceholders(bytes: Uint8Array, from: number): PlaceholderLocation {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const br = buf.indexOf(BYTE_RANGE_PLACEHOLDER, from, 'latin1');
  const ct = buf.indexOf('/Contents <', from, 'latin1');
  if (br < 0 || ct < 0) throw new EdusignError('PDF_CANNOT_APPEND', { detail: 'signature placeholder not found' });
  const contentsStart = ct + '/Contents '.length;
  const close = buf.indexOf('>', contentsStart, 'latin1');
  const byteRangeStart = br + '/ByteRange '.length;
  return { byteRangeStart, byteRangeEnd: br + BYTE_RANGE_PLACEHOLDER.length, contentsStart, contentsEnd: close + 1 };
}

/**
 * Write the real /ByteRange over the placeholder (same width, padded with spaces) and return it.
 *
 * @example
 * ```ts
 * const range = patchByteRange(out, loc); // [0, loc.contentsStart, loc.contentsEnd, out.length - loc.contentsEnd]
 * ```
 */
export function patchByteRange(bytes: Uint8Array, loc: PlaceholderLocation): ByteRange {
  const range: ByteRange = [0, loc.contentsStart, loc.contentsEnd, bytes.length - loc.contentsEnd];
  const text = `[${range.join(' ')}]`;
  const width = loc.byteRangeEnd - loc.byteRangeStart;
  if (text.length > width) throw new EdusignError('PDF_CANNOT_APPEND', { detail: 'byte range does not fit its placeholder' });
  const padded = `${text.slice(0, -1)}${' '.repeat(width - text.length)}]`;
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(padded, loc.byteRangeStart, 'latin1');
  return range;
}

/**
 * Hash the two signed ranges of `bytes` with node:crypto (views, no copy).
 *
 * @example
 * ```ts
 * const digest = hashByteRange(out, range, 'SHA-256');
 * ```
 */
export function hashByteRange(bytes: Uint8Array, range: ByteRange, hash: HashAlgorithm): Uint8Array {
  const [a, b, c, d] = range;
  return createHash(nodeHashName(hash)).update(bytes.subarray(a, a + b)).update(bytes.subarray(c, c + d)).digest();
}

/**
 * Write DER `cms` as hex into the /Contents placeholder (zero-padded). Throws PDF_PLACEHOLDER_TOO_SMALL
 * (with `needed` and `available` bytes) instead of ever producing a corrupt file.
 *
 * @example
 * ```ts
 * embedCms(out, loc, cmsDer);
 * ```
 */
export function embedCms(bytes: Uint8Array, loc: PlaceholderLocation, cms: Uint8Array): void {
  const available = (loc.contentsEnd - loc.contentsStart - 2) / 2;
  if (cms.length > available) {
    throw new EdusignError('PDF_PLACEHOLDER_TOO_SMALL', {
      detail: `the signature needs ${cms.length} bytes, the placeholder holds ${available}`,
      detailVi: `chữ ký cần ${cms.length} byte, vùng chứa chỉ có ${available}`,
      context: { needed: cms.length, available },
    });
  }
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(Buffer.from(cms).toString('hex'), loc.contentsStart + 1, 'latin1');
}
