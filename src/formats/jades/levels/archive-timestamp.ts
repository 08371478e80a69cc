/**
 * B-LTA: the `arcTst` unsigned property (ETSI TS 119 182-1 §5.3.6) over the signed data, the protected header,
 * the signature value and every `etsiU` element before it. A second `arcTst` covers the first.
 * @module
 */
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { TimestampAuthority } from '../../../pki/types.js';
import { archiveTimestampInput } from '../lib/archive-input.js';
import { b64 } from '../lib/base64url.js';
import { appendEtsiU, readEtsiU } from '../lib/etsi-u.js';
import type { JwsSignatureObject } from '../lib/jws-document.js';
import { timestampBytes } from '../lib/timestamp-request.js';

/**
 * A copy of the signature with an `arcTst` appended.
 *
 * @example
 * ```ts
 * const lta = await addArchiveTimestamp(lt, dataPart, tsa, 'SHA-256');
 * ```
 */
export async function addArchiveTimestamp(signature: JwsSignatureObject, dataPart: Uint8Array, tsa: TimestampAuthority, hash: HashAlgorithm): Promise<JwsSignatureObject> {
  const input = archiveTimestampInput(dataPart, signature, readEtsiU(signature).entries);
  const token = await timestampBytes(tsa, input, hash);
  return appendEtsiU(signature, 'arcTst', { tstTokens: [{ val: b64(token) }] });
}
