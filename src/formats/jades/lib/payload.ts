/**
 * What gets signed: the RFC 8785 canonical bytes of a JSON value (attached by default, or detached with `sigD`),
 * or — when the input already is a JWS JSON serialization — the payload of that JWS (the new signer signs the
 * same payload; the JWS is not wrapped in another one).
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import { canonicalizeToBytes } from '../../../encode/json/canonicalize.js';
import { parseJsonStrict, type JsonValue } from '../../../encode/json/parse-strict.js';
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { JwsDetachedOptions, JwsSignOptionsBase } from '../options.js';
import { b64url, decodeB64url } from './base64url.js';
import { JADES_HASH_NAMES, SIGD_OBJECT_ID_BY_URI_HASH } from './header-names.js';
import { readProtectedHeader } from './header-read.js';
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

/** The detached-payload facts of an existing signature: its `sigD` and `b64`. */
function detachedFacts(existing: JwsDocument): { sigD?: JsonObject; unencoded: boolean } {
  let found: { sigD?: JsonObject; unencoded: boolean } | undefined;
  for (const s of existing.signatures) {
    const r = readProtectedHeader(s.protected);
    if (!r.ok) throw new EdusignError('JWS_MALFORMED', { detail: r.reason });
    const sigD = isJsonObject(r.header.sigD) ? r.header.sigD : undefined;
    if (r.header.sigD !== undefined && !sigD) throw new EdusignError('JWS_MALFORMED', { detail: 'sigD is not an object' });
    const facts = { ...(sigD ? { sigD } : {}), unencoded: r.header.b64 === false };
    if (found && (found.unencoded !== facts.unencoded || Boolean(found.sigD) !== Boolean(facts.sigD))) {
      throw new EdusignError('JWS_MALFORMED', { detail: 'the signatures of the existing JWS disagree on b64/sigD' });
    }
    found = found ?? facts;
  }
  return found ?? { unencoded: false };
}

/** Whether `content` matches a `sigD` (ObjectIdByURIHash, one object). */
function sigDMatches(sigD: JsonObject, content: Uint8Array, unencoded: boolean): boolean {
  const hash = (Object.entries(JADES_HASH_NAMES) as [HashAlgorithm, string][]).find(([, n]) => n === sigD.hashM)?.[0];
  if (!hash || sigD.mId !== SIGD_OBJECT_ID_BY_URI_HASH || !Array.isArray(sigD.hashV) || sigD.hashV.length !== 1) return false;
  const hashed = unencoded ? content : new TextEncoder().encode(b64url(content));
  return createHash(hash.replace('-', '').toLowerCase()).update(hashed).digest('base64url') === sigD.hashV[0];
}

function existingPlan(existing: JwsDocument, options: JwsSignOptionsBase, hash: HashAlgorithm): PayloadPlan {
  const facts = detachedFacts(existing);
  if (facts.sigD) {
    // A detached JWS: the new signer signs the same object, which the caller gives (and which must match).
    const content = options.payload;
    if (!(content instanceof Uint8Array)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'the JWS has a detached payload (sigD): pass it as options.payload to add a signature', detailVi: 'JWS có dữ liệu tách rời (sigD): hãy truyền options.payload để thêm chữ ký' });
    }
    if (!sigDMatches(facts.sigD, content, facts.unencoded)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.payload does not match the sigD digest of the existing signatures', detailVi: 'options.payload không khớp giá trị băm sigD của các chữ ký hiện có' });
    }
    const uri = Array.isArray(facts.sigD.pars) && typeof facts.sigD.pars[0] === 'string' ? facts.sigD.pars[0] : undefined;
    return { content, existing, sigD: sigDFor(content, { ...(uri ? { uri } : {}), b64: !facts.unencoded }, hash), unencoded: facts.unencoded };
  }
  if (options.detached) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the JWS to add a signature to carries its payload: it cannot be signed detached', detailVi: 'JWS cần thêm chữ ký mang payload kèm theo: không thể ký tách rời' });
  }
  if (facts.unencoded || existing.payload === undefined || existing.payload === '') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'adding a signature to a JWS with b64:false (without sigD) or without payload is not supported', detailVi: 'chưa hỗ trợ thêm chữ ký vào JWS có b64:false (không có sigD) hoặc không có payload' });
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
      return existingPlan({ ...parseJws(text), serialization: 'general' }, options, hash);
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
    return existingPlan(jwsFromJson(json), options, hash);
  }
  const content = canonicalizeToBytes(value, { normalizeNfc: options.normalizeNfc ?? true });
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
