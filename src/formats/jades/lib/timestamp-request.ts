/**
 * Ask a TSA for an RFC 3161 token over some bytes (the message imprint is computed here).
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { TimestampAuthority } from '../../../pki/types.js';

/**
 * Hash `data` and get a DER TimeStampToken; unexpected failures become `TIMESTAMP_FAILED`.
 *
 * @example
 * ```ts
 * const token = await timestampBytes(tsa, new TextEncoder().encode(signatureB64url), 'SHA-256');
 * ```
 */
export async function timestampBytes(tsa: TimestampAuthority, data: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
  const digest = new Uint8Array(createHash(hash.replace('-', '').toLowerCase()).update(data).digest());
  try {
    const token = await tsa.timestamp(digest, hash);
    if (!(token instanceof Uint8Array) || token.length === 0) throw new EdusignError('TIMESTAMP_FAILED', { detail: 'empty token' });
    return token;
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('TIMESTAMP_FAILED', { cause, detail: cause instanceof Error ? cause.message : undefined });
  }
}
