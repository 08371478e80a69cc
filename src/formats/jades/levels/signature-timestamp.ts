/**
 * B-T: the `sigTst` unsigned property (ETSI TS 119 182-1 §5.3.4) — an RFC 3161 token whose message imprint is
 * computed over the base64url-encoded JWS Signature Value.
 * @module
 */
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { TimestampAuthority } from '../../../pki/types.js';
import { b64 } from '../lib/base64url.js';
import { appendEtsiU } from '../lib/etsi-u.js';
import type { JwsSignatureObject } from '../lib/jws-document.js';
import { timestampBytes } from '../lib/timestamp-request.js';

/**
 * The bytes a `sigTst` covers: ASCII of the signature's base64url value.
 *
 * @example
 * ```ts
 * signatureTimestampInput(signature); // bytes of signature.signature
 * ```
 */
export function signatureTimestampInput(signature: JwsSignatureObject): Uint8Array {
  return new Uint8Array(Buffer.from(signature.signature, 'latin1'));
}

/**
 * A copy of the signature with a `sigTst` element appended to `etsiU`.
 *
 * @example
 * ```ts
 * const bt = await addSignatureTimestamp(signature, tsa, 'SHA-256');
 * ```
 */
export async function addSignatureTimestamp(signature: JwsSignatureObject, tsa: TimestampAuthority, hash: HashAlgorithm): Promise<JwsSignatureObject> {
  const token = await timestampBytes(tsa, signatureTimestampInput(signature), hash);
  return appendEtsiU(signature, 'sigTst', { tstTokens: [{ val: b64(token) }] });
}
