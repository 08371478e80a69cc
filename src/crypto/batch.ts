/**
 * Batch signing: N documents, one `signDigests` call — one PIN entry on a token, one confirmation on a phone.
 * @module
 */
import { EdusignError } from '../errors.js';
import { digest } from './digest.js';
import type { Signer } from './types.js';

/**
 * Hash each message with the signer's hash and sign them all with one {@link Signer.signDigests} call. Results are
 * in input order and are exactly what `signer.sign(message)` would verify as.
 *
 * @example
 * ```ts
 * const signatures = await signMany(signer, transcripts.map((t) => canonicalRecordBytes(t)));
 * ```
 */
export async function signMany(signer: Signer, messages: readonly Uint8Array[]): Promise<Uint8Array[]> {
  if (!Array.isArray(messages)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'messages must be an array' });
  if (messages.length === 0) return [];
  const digests = messages.map((m) => digest(signer.algorithm.hash, m));
  const signatures = await signer.signDigests(digests);
  if (signatures.length !== digests.length) {
    throw new EdusignError('SIGNER_FAILED', { detail: `signer returned ${signatures.length} signatures for ${digests.length} digests` });
  }
  return signatures;
}
