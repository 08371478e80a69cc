/**
 * What gets signed: the RFC 8785 canonical bytes of a JSON value (attached by default, or detached with `sigD`),
 * or — when the input already is a JWS JSON serialization — the payload of that JWS (the new signer signs the
 * same payload; the JWS is not wrapped in another one).
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import { parseJsonStrict, type JsonValue } from '../../../encode/json/parse-strict.js';
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { JwsDetachedOptions, JwsSignOptionsBase } from '../options.js';
import { b64url, decodeB64url } from './base64url.js';
import { canonicalBytes } from './canonical-bytes.js';
import { JADES_HASH_NAMES, SIGD_OBJECT_ID_BY_URI_HASH } from './header-names.js';
import { isJsonObject, jwsFromJson, looksLikeJws, parseJws, type JsonObject, type JwsDocument } from './jws-document.js';

/** A compact JWS (`header.payload.signature`, base64url parts). */
const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

/** What the signer will sign over, and how it is carried. */
export interface PayloadPlan {
  /** The `payload` member to write; undefined when detached. */
  payloadMember?: string;
  /** The payload bytes (canonical JSON of the value, or the existing JWS payload). */
  content: Uint8Array;
  /** The existing JWS the new signature joins. */
  existing?: JwsDocument;
  /** `sigD` header parameter (detached). */
  sigD?: JsonObject;
  /** RFC 7797 `b64: false`. */
  unencoded: boolean;
}

/**
 * The `sigD` object (ObjectIdByURIHash) for detached content.
 *
 * @example
 * ```ts
 * sigDFor(bytes, { uri: 'urn:edusign:payload' }, 'SHA-256');
 * ```
 */
export function sigDFor(content: Uint8Array, detached: JwsDetachedOptions, hash: HashAlgorithm): JsonObject {
  const uri = detached.uri ?? 'urn:edusign:payload';
  const hashed = detached.b64 === false ? content : new TextEncoder().encode(b64url(content));
  const digest = createHash(hash.replace('-', '').toLowerCase()).update(hashed).digest();
  return { mId: SIGD_OBJECT_ID_BY_URI_HASH, pars: [uri], hashM: JADES_HASH_NAMES[hash], hashV: [b64url(digest)], ctys: ['json'] };
}

function existingPlan(existing: JwsDocument): PayloadPlan {
  if (existing.payload === undefined || existing.payload === '') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'adding a signature to a JWS with a detached payload is not supported', detailVi: 'chưa hỗ trợ thêm chữ ký vào JWS có dữ liệu tách rời' });
  }
  for (const s of existing.signatures) {
    const header = decodeB64url(s.protected);
    const text = header ? Buffer.from(header).toString('utf8') : '';
    if (/"b64"\s*:\s*false/.test(text) || /"sigD"\s*:/.test(text)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'adding a signature to a JWS with b64:false or sigD is not supported', detailVi: 'chưa hỗ trợ thêm chữ ký vào JWS có b64:false hoặc sigD' });
    }
  }
  const content = decodeB64url(existing.payload);
  if (!content) throw new EdusignError('JWS_MALFORMED', { detail: 'the payload of the existing JWS is not base64url', detailVi: 'payload của JWS hiện có không phải base64url' });
  return { payloadMember: existing.payload, content, existing, unencoded: false };
}

/**
 * Decide what to sign. `input` is a JSON value, or UTF-8 JSON text as bytes; a JWS (JSON serialization as a value
 * or as bytes, or a compact JWS as bytes) gets one more signature over its own payload.
 *
 * @example
 * ```ts
 * const plan = planPayload({ hocSinh: 'Nguyễn Văn An' }, {});
 * plan.payloadMember; // base64url of '{"hocSinh":"Nguyễn Văn An"}'
 * ```
 */
export function planPayload(input: unknown, options: JwsSignOptionsBase, hash: HashAlgorithm): PayloadPlan {
  let value: unknown = input;
  if (input instanceof Uint8Array) {
    const text = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, 1 << 20)).toString('latin1').trim();
    if (input.byteLength <= 1 << 20 && COMPACT.test(text)) {
      if (options.detached) throw new EdusignError('INVALID_ARGUMENT', { detail: 'detached applies to a new JWS, not to one that is already signed' });
      return existingPlan({ ...parseJws(text), serialization: 'general' });
    }
    value = parseJsonStrict(input);
  }
  if (looksLikeJws(value)) {
    let json: JsonValue;
    try {
      json = input instanceof Uint8Array ? (value as JsonValue) : parseJsonStrict(JSON.stringify(value));
    } catch (cause) {
      if (cause instanceof EdusignError) throw cause;
      throw new EdusignError('JWS_MALFORMED', { cause, detail: 'the JWS object cannot be read as JSON' });
    }
    if (options.detached) throw new EdusignError('INVALID_ARGUMENT', { detail: 'detached applies to a new JWS, not to one that is already signed' });
    return existingPlan(jwsFromJson(json));
  }
  const content = canonicalBytes(value, options.normalizeNfc ?? true);
  if (!options.detached) return { payloadMember: b64url(content), content, unencoded: false };
  const detached: JwsDetachedOptions = options.detached === true ? {} : options.detached;
  if (detached.uri !== undefined && (typeof detached.uri !== 'string' || detached.uri.length === 0)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'detached.uri must be a non-empty string' });
  }
  return { content, sigD: sigDFor(content, detached, hash), unencoded: detached.b64 === false };
}

/**
 * Whether a parsed header is an object (helper for callers that read headers).
 *
 * @example
 * ```ts
 * asObject(JSON.parse('{"a":1}')); // { a: 1 }
 * ```
 */
export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}
