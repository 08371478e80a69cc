/**
 * Calling a {@link Signer}, turning unexpected failures into `SIGNER_FAILED`.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';

/**
 * Sign `data` with `signer.sign`.
 *
 * @example
 * ```ts
 * const value = await callSigner(signer, signingInput);
 * ```
 */
export async function callSigner(signer: Signer, data: Uint8Array): Promise<Uint8Array> {
  let value: Uint8Array;
  try {
    value = await signer.sign(data);
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('SIGNER_FAILED', { cause, detail: cause instanceof Error ? cause.message : undefined });
  }
  if (!(value instanceof Uint8Array) || value.length === 0) throw new EdusignError('SIGNER_FAILED', { detail: 'the signer returned no signature value' });
  return value;
}

/**
 * Assert the options carry a usable signer.
 *
 * @example
 * ```ts
 * assertSigner(signer);
 * ```
 */
export function assertSigner(signer: unknown): asserts signer is Signer {
  const s = signer as Partial<Signer> | null;
  if (!s || typeof s.sign !== 'function' || !(s.certificate instanceof Uint8Array) || !s.algorithm) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'a Signer (certificate, algorithm, sign) is required', detailVi: 'cần một Signer (chứng thư, thuật toán, hàm ký)' });
  }
}
