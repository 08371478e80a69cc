/**
 * Hash helpers over node:crypto.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../errors.js';
import type { HashAlgorithm } from './types.js';

/**
 * The node:crypto name of a hash (`'sha256'`…).
 *
 * @example
 * ```ts
 * nodeHashName('SHA-384'); // 'sha384'
 * ```
 */
export function nodeHashName(hash: HashAlgorithm): 'sha256' | 'sha384' | 'sha512' {
  switch (hash) {
    case 'SHA-256': return 'sha256';
    case 'SHA-384': return 'sha384';
    case 'SHA-512': return 'sha512';
    default: throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `hash ${String(hash)}` });
  }
}

/**
 * Output length of a hash in bytes.
 *
 * @example
 * ```ts
 * hashLength('SHA-512'); // 64
 * ```
 */
export function hashLength(hash: HashAlgorithm): number {
  switch (hash) {
    case 'SHA-256': return 32;
    case 'SHA-384': return 48;
    case 'SHA-512': return 64;
    default: throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `hash ${String(hash)}` });
  }
}

/**
 * Hash bytes.
 *
 * @example
 * ```ts
 * const d = digest('SHA-256', new TextEncoder().encode('abc'));
 * ```
 */
export function digest(hash: HashAlgorithm, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(nodeHashName(hash)).update(data).digest());
}

/**
 * Check that every value has the length of `hash`; throws INVALID_ARGUMENT otherwise.
 *
 * @example
 * ```ts
 * assertDigestLengths('SHA-256', [digest('SHA-256', data)]);
 * ```
 */
export function assertDigestLengths(hash: HashAlgorithm, digests: readonly Uint8Array[]): void {
  const expected = hashLength(hash);
  digests.forEach((d, index) => {
    if (!(d instanceof Uint8Array) || d.length !== expected) {
      throw new EdusignError('INVALID_ARGUMENT', {
        detail: `digest #${index} must be ${expected} bytes for ${hash}`,
        detailVi: `giá trị băm #${index} phải dài ${expected} byte cho ${hash}`,
        context: { index, expected, actual: d instanceof Uint8Array ? d.length : null },
      });
    }
  });
}
