/**
 * The JWS Compact Serialization for one signer: B-B only (no unprotected header for `etsiU`).
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import type { JwsSignOptionsBase, JwsSignResult } from '../options.js';
import { serializeJws } from '../lib/jws-document.js';
import { createJwsSignature } from '../flattened/sign.js';

/**
 * Sign a JSON value into a compact JWS (`header.payload.signature`; `header..signature` when detached).
 *
 * @example
 * ```ts
 * const { jws } = await signCompactJws({ a: 1 }, signer);
 * jws.split('.').length; // 3
 * ```
 */
export async function signCompactJws(input: unknown, signer: Signer, options: JwsSignOptionsBase = {}): Promise<JwsSignResult> {
  if ((options.level ?? 'B-B') !== 'B-B') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the compact serialization carries B-B only (B-T and above need general or flattened)', detailVi: 'dạng compact chỉ mang mức B-B (B-T trở lên cần dạng general hoặc flattened)' });
  }
  const { doc, warnings } = await createJwsSignature(input, signer, options, true);
  return { jws: serializeJws(doc, 'compact'), serialization: 'compact', signatureIndex: 0, warnings };
}
