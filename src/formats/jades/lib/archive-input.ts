/**
 * Message imprint input of the JAdES archive timestamp `arcTst` (ETSI TS 119 182-1 §5.3.6.3, base64url-encoded
 * `etsiU` elements): signed data part, '.', protected header, '.', signature, '.', then every `etsiU` element
 * before the archive timestamp, as written.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import { b64url } from './base64url.js';
import type { EtsiUEntry } from './etsi-u.js';
import type { JsonObject, JwsDocument, JwsSignatureObject } from './jws-document.js';

/**
 * The "signed data" part of timestamp inputs: the payload member as written (base64url, or raw text with
 * `b64: false`); for detached payloads the supplied bytes (base64url unless `b64: false`).
 *
 * @example
 * ```ts
 * signedDataPart(doc, header, undefined); // bytes of doc.payload
 * ```
 */
export function signedDataPart(doc: JwsDocument, header: JsonObject, detachedPayload: Uint8Array | undefined): Uint8Array {
  const unencoded = header.b64 === false;
  if (doc.payload !== undefined && doc.payload !== '' && header.sigD === undefined) return new TextEncoder().encode(doc.payload);
  if (!detachedPayload) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the payload is detached: pass it as options.payload', detailVi: 'dữ liệu được ký tách rời: hãy truyền options.payload' });
  }
  return unencoded ? detachedPayload : new TextEncoder().encode(b64url(detachedPayload));
}

/**
 * The arcTst input for the archive timestamp that follows `before` (the etsiU elements preceding it).
 *
 * @example
 * ```ts
 * const input = archiveTimestampInput(dataPart, signature, entriesBefore);
 * ```
 */
export function archiveTimestampInput(dataPart: Uint8Array, signature: JwsSignatureObject, before: readonly EtsiUEntry[]): Uint8Array {
  if (before.some((e) => !e.encoded)) {
    throw new EdusignError('JWS_MALFORMED', { detail: 'archive timestamps over clear (not base64url) etsiU elements are not supported', detailVi: 'chưa hỗ trợ dấu thời gian lưu trữ trên phần tử etsiU không mã hóa base64url' });
  }
  const tail = `.${signature.protected}.${signature.signature}.${before.map((e) => e.raw as string).join('')}`;
  return Buffer.concat([Buffer.from(dataPart), Buffer.from(tail, 'latin1')]);
}
