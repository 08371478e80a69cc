/**
 * Reading a protected header: strict base64url, strict JSON (duplicate names refused), object only.
 * @module
 */
import { parseJsonStrict } from '../../../encode/json/parse-strict.js';
import { isEdusignError } from '../../../errors.js';
import { decodeB64url } from './base64url.js';
import { isJsonObject, type JsonObject } from './jws-document.js';

/** Result of {@link readProtectedHeader}. */
export type HeaderRead = { ok: true; header: JsonObject } | { ok: false; code: string; reason: string };

/**
 * Decode a JWS Protected Header (never throws).
 *
 * @example
 * ```ts
 * const r = readProtectedHeader('eyJhbGciOiJFUzI1NiJ9');
 * if (r.ok) r.header.alg; // 'ES256'
 * ```
 */
export function readProtectedHeader(protectedB64: string): HeaderRead {
  const bytes = decodeB64url(protectedB64);
  if (!bytes || bytes.length === 0) return { ok: false, code: 'JADES_HEADER_MALFORMED', reason: 'the protected header is not base64url' };
  try {
    const value = parseJsonStrict(bytes, { maxDepth: 32, maxBytes: 4 * 1024 * 1024 });
    if (!isJsonObject(value)) return { ok: false, code: 'JADES_HEADER_MALFORMED', reason: 'the protected header is not a JSON object' };
    return { ok: true, header: value };
  } catch (e) {
    const code = isEdusignError(e) && e.code === 'JSON_DUPLICATE_KEY' ? 'JADES_HEADER_DUPLICATE_MEMBER' : 'JADES_HEADER_MALFORMED';
    return { ok: false, code, reason: `the protected header is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}
