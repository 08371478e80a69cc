/**
 * The three JWS serializations (RFC 7515 §7) read into one shape, and written back. Reading goes through the
 * strict JSON parser (duplicate member names, lone surrogates, out-of-range numbers, size and depth limits are
 * typed errors), so hostile input never reaches the verifier's logic.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import { parseJsonStrict, type JsonValue, type ParseJsonOptions } from '../../../encode/json/parse-strict.js';
import type { JwsSerialization } from '../options.js';

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** One signature of a JWS (the flattened members). */
export interface JwsSignatureObject {
  /** base64url of the JWS Protected Header. */
  protected: string;
  /** JWS Unprotected Header (JAdES keeps `etsiU` here). */
  header?: JsonObject;
  /** base64url of the JWS Signature. */
  signature: string;
}

/** A JWS in any serialization, as the general form. */
export interface JwsDocument {
  serialization: JwsSerialization;
  /** The `payload` member as written (base64url, or the raw text with `b64: false`); undefined when absent. */
  payload?: string;
  signatures: JwsSignatureObject[];
}

const MAX_SIGNATURES = 64;

function malformed(detail: string, detailVi = detail): EdusignError {
  return new EdusignError('JWS_MALFORMED', { detail, detailVi });
}

/**
 * Whether a value is a plain JSON object.
 *
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function signatureObject(value: unknown, where: string): JwsSignatureObject {
  if (!isJsonObject(value)) throw malformed(`${where} is not an object`, `${where} không phải đối tượng JSON`);
  const { protected: prot, header, signature } = value;
  if (typeof prot !== 'string') throw malformed(`${where}: "protected" is missing (JAdES needs a protected header)`, `${where}: thiếu "protected"`);
  if (typeof signature !== 'string') throw malformed(`${where}: "signature" is missing`, `${where}: thiếu "signature"`);
  if (header !== undefined && !isJsonObject(header)) throw malformed(`${where}: "header" is not an object`, `${where}: "header" không phải đối tượng`);
  const extra = Object.keys(value).filter((k) => k !== 'protected' && k !== 'header' && k !== 'signature' && k !== 'payload');
  if (extra.length > 0 && where !== 'JWS') throw malformed(`${where}: unexpected member ${extra[0]}`, `${where}: thành phần không mong đợi ${extra[0]}`);
  return { protected: prot, signature, ...(header ? { header } : {}) };
}

/**
 * Read a JWS object (general or flattened JSON serialization) already parsed as JSON.
 *
 * @example
 * ```ts
 * jwsFromJson({ payload: 'e30', signatures: [{ protected: '…', signature: '…' }] }).signatures.length; // 1
 * ```
 */
export function jwsFromJson(value: JsonValue): JwsDocument {
  if (!isJsonObject(value)) throw malformed('a JWS JSON serialization is an object', 'JWS dạng JSON phải là một đối tượng');
  const payload = value.payload;
  if (payload !== undefined && typeof payload !== 'string') throw malformed('"payload" is not a string', '"payload" không phải chuỗi');
  if ('signatures' in value) {
    if ('signature' in value || 'protected' in value || 'header' in value) {
      throw malformed('both general ("signatures") and flattened members', 'có cả thành phần dạng general và flattened');
    }
    const list = value.signatures;
    if (!Array.isArray(list) || list.length === 0) throw malformed('"signatures" must be a non-empty array', '"signatures" phải là mảng khác rỗng');
    if (list.length > MAX_SIGNATURES) throw new EdusignError('INPUT_TOO_LARGE', { detail: `more than ${MAX_SIGNATURES} signatures` });
    const extra = Object.keys(value).filter((k) => k !== 'payload' && k !== 'signatures');
    if (extra.length > 0) throw malformed(`unexpected member ${extra[0]}`, `thành phần không mong đợi ${extra[0]}`);
    return { serialization: 'general', ...(payload !== undefined ? { payload } : {}), signatures: list.map((s, i) => signatureObject(s, `signatures[${i}]`)) };
  }
  const extra = Object.keys(value).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
  if (extra.length > 0) throw malformed(`unexpected member ${extra[0]}`, `thành phần không mong đợi ${extra[0]}`);
  return { serialization: 'flattened', ...(payload !== undefined ? { payload } : {}), signatures: [signatureObject(value, 'JWS')] };
}

/**
 * Whether a value looks like a JWS JSON serialization (so that signing it adds a signature instead of wrapping it).
 *
 * @example
 * ```ts
 * looksLikeJws({ payload: 'e30', signatures: [] }); // true
 * ```
 */
export function looksLikeJws(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  const allowed = ['payload', 'signatures', 'protected', 'header', 'signature'];
  if (!keys.every((k) => allowed.includes(k))) return false;
  const isSig = (s: unknown): boolean => isJsonObject(s) && typeof s.protected === 'string' && typeof s.signature === 'string';
  if (value.payload !== undefined && typeof value.payload !== 'string') return false;
  return (Array.isArray(value.signatures) && value.signatures.length > 0 && value.signatures.every(isSig)) || isSig(value);
}

/**
 * Parse a JWS in any serialization: JSON text (general / flattened) or compact (`h.p.s`).
 * Throws `JSON_MALFORMED`, `JSON_DUPLICATE_KEY`, `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP` or `JWS_MALFORMED`.
 *
 * @example
 * ```ts
 * const doc = parseJws(readFileSync('record.jws.json'));
 * doc.serialization; // 'general'
 * ```
 */
export function parseJws(input: string | Uint8Array, limits: ParseJsonOptions = {}): JwsDocument {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'a JWS is a string or bytes' });
  const maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) throw new EdusignError('INPUT_TOO_LARGE', { detail: `JWS larger than ${maxBytes} bytes` });
  const first = firstNonSpace(input);
  if (first === 0x7b /* { */) return jwsFromJson(parseJsonStrict(input, limits));
  const text = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const compact = text.trim();
  const parts = compact.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_\-.]*$/.test(compact)) {
    throw malformed('neither a JWS JSON serialization nor a compact JWS (three base64url parts)', 'không phải JWS dạng JSON hay dạng compact (ba phần base64url)');
  }
  const [h, p, s] = parts as [string, string, string];
  return { serialization: 'compact', ...(p === '' ? {} : { payload: p }), signatures: [{ protected: h, signature: s }] };
}

function firstNonSpace(input: string | Uint8Array): number | undefined {
  const n = Math.min(typeof input === 'string' ? input.length : input.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = typeof input === 'string' ? input.charCodeAt(i) : input[i];
    if (c === 0xfeff || c === 0xef || c === 0xbb || c === 0xbf) continue; // BOM
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return undefined;
}

/**
 * Write a JWS document in a serialization. Compact needs exactly one signature without unprotected header.
 *
 * @example
 * ```ts
 * serializeJws({ serialization: 'general', payload, signatures }, 'general'); // JSON text
 * ```
 */
export function serializeJws(doc: JwsDocument, serialization: JwsSerialization): string {
  const payload = doc.payload;
  if (serialization === 'compact') {
    const [only, ...rest] = doc.signatures;
    if (!only || rest.length > 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'the compact serialization holds exactly one signature', detailVi: 'dạng compact chỉ chứa đúng một chữ ký' });
    if (only.header) throw new EdusignError('INVALID_ARGUMENT', { detail: 'the compact serialization has no unprotected header (B-T and above need general or flattened)', detailVi: 'dạng compact không có tiêu đề không bảo vệ (B-T trở lên cần dạng general hoặc flattened)' });
    return `${only.protected}.${payload ?? ''}.${only.signature}`;
  }
  if (serialization === 'flattened') {
    const [only, ...rest] = doc.signatures;
    if (!only || rest.length > 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'the flattened serialization holds exactly one signature (use general)', detailVi: 'dạng flattened chỉ chứa đúng một chữ ký (hãy dùng general)' });
    return JSON.stringify({ ...(payload !== undefined ? { payload } : {}), protected: only.protected, ...(only.header ? { header: only.header } : {}), signature: only.signature });
  }
  return JSON.stringify({ ...(payload !== undefined ? { payload } : {}), signatures: doc.signatures.map((s) => ({ protected: s.protected, ...(s.header ? { header: s.header } : {}), signature: s.signature })) });
}
