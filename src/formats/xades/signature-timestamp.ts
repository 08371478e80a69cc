/**
 * B-T: the XAdES SignatureTimeStamp over the canonicalised ds:SignatureValue (ETSI EN 319 132-1 §5.3).
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import type { HashAlgorithm } from '../../crypto/types.js';
import type { TimestampAuthority } from '../../pki/types.js';
import { nodeHashName } from '../../crypto/digest.js';
import { C14N_URI } from './constants.js';
import type { SignatureParts } from './locate.js';
import { canonicalize } from './xml/c14n.js';

/**
 * The bytes a SignatureTimeStamp covers: the ds:SignatureValue element, canonicalised (exclusive C14N).
 *
 * @example
 * ```ts
 * const input = signatureTimestampInput(parts);
 * ```
 */
export function signatureTimestampInput(parts: SignatureParts): string {
  if (!parts.signatureValue) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'no SignatureValue' });
  return canonicalize(parts.signatureValue, { method: 'exc' });
}

/**
 * Ask the TSA for a token and build the `xades:SignatureTimeStamp` element text.
 *
 * @example
 * ```ts
 * const xml = await signatureTimestampXml(parts, tsa, 'SHA-256', 'sig-1-ts');
 * ```
 */
export async function signatureTimestampXml(parts: SignatureParts, tsa: TimestampAuthority, hash: HashAlgorithm, id: string): Promise<string> {
  const digest = new Uint8Array(createHash(nodeHashName(hash)).update(signatureTimestampInput(parts)).digest());
  const token = await requestToken(tsa, digest, hash);
  return `<xades:SignatureTimeStamp Id="${id}"><ds:CanonicalizationMethod Algorithm="${C14N_URI.exc}"/><xades:EncapsulatedTimeStamp>${
    Buffer.from(token).toString('base64')}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>`;
}

/**
 * Call a TSA, turning unexpected failures into `TIMESTAMP_FAILED`.
 *
 * @example
 * ```ts
 * const token = await requestToken(tsa, digest, 'SHA-256');
 * ```
 */
export async function requestToken(tsa: TimestampAuthority, digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
  try {
    const token = await tsa.timestamp(digest, hash);
    if (!(token instanceof Uint8Array) || token.length === 0) throw new EdusignError('TIMESTAMP_FAILED', { detail: 'empty token' });
    return token;
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('TIMESTAMP_FAILED', { cause, detail: cause instanceof Error ? cause.message : undefined });
  }
}
