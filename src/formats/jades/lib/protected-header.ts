/**
 * The JAdES baseline B-B protected header (ETSI TS 119 182-1 §5.1, §5.2): `alg`, `cty`, `x5t#S256`, `x5c`,
 * `sigT`, `srAts`, `srCms`, `sigD`, `b64`, and `crit` listing the JAdES parameters present.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import { jwsAlgorithmName } from '../../../crypto/algorithms.js';
import type { SignatureAlgorithm } from '../../../crypto/types.js';
import type { JwsCommitment, JwsSignOptionsBase } from '../options.js';
import { b64, b64url } from './base64url.js';
import { COMMITMENT_URIS, CRITICAL_NAMES } from './header-names.js';
import type { JsonObject } from './jws-document.js';
import type { PayloadPlan } from './payload.js';

/** The signing key's public side. */
export interface SigningKeyInfo {
  certificate: Uint8Array;
  chain: readonly Uint8Array[];
  algorithm: SignatureAlgorithm;
}

/**
 * `sigT` text: RFC 3339 UTC date-time in whole seconds (`2026-11-29T08:30:00Z`).
 *
 * @example
 * ```ts
 * sigTime(new Date('2026-11-29T08:30:00.123Z')); // '2026-11-29T08:30:00Z'
 * ```
 */
export function sigTime(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new EdusignError('INVALID_ARGUMENT', { detail: 'signingTime is not a valid date' });
  return `${date.toISOString().slice(0, 19)}Z`;
}

function commitmentUri(c: JwsCommitment): string {
  if (typeof c === 'object' && c !== null && typeof c.uri === 'string' && c.uri.length > 0) return c.uri;
  if (typeof c === 'string' && c in COMMITMENT_URIS) return COMMITMENT_URIS[c];
  throw new EdusignError('INVALID_ARGUMENT', { detail: `unknown commitment ${JSON.stringify(c)}` });
}

/**
 * Build the protected header object for one signature (member order is fixed; `crit` comes last).
 *
 * @example
 * ```ts
 * const header = buildProtectedHeader(key, plan, { role: 'Hiệu trưởng' });
 * header.crit; // ['sigT', 'srAts']
 * ```
 */
export function buildProtectedHeader(key: SigningKeyInfo, plan: PayloadPlan, options: JwsSignOptionsBase): JsonObject {
  const header: JsonObject = { alg: jwsAlgorithmName(key.algorithm) };
  if (!plan.sigD) header.cty = 'json';
  header['x5t#S256'] = createHash('sha256').update(key.certificate).digest('base64url');
  header.x5c = [key.certificate, ...(options.includeChain === false ? [] : key.chain)].map(b64);
  header.sigT = sigTime(options.signingTime ?? new Date());
  if (options.role !== undefined) {
    if (typeof options.role !== 'string' || options.role.trim() === '') throw new EdusignError('INVALID_ARGUMENT', { detail: 'role must be a non-empty string' });
    header.srAts = { claimed: [{ mediaType: 'text/plain', encoding: 'binary', qVals: [options.role.normalize('NFC')] }] };
  }
  if (options.commitment !== undefined) header.srCms = [{ commId: { id: commitmentUri(options.commitment) } }];
  if (plan.sigD) header.sigD = plan.sigD;
  if (plan.unencoded) header.b64 = false;
  header.crit = Object.keys(header).filter((k) => CRITICAL_NAMES.has(k));
  return header;
}

/**
 * base64url of a header object's JSON text.
 *
 * @example
 * ```ts
 * encodeHeader({ alg: 'ES256' }); // 'eyJhbGciOiJFUzI1NiJ9'
 * ```
 */
export function encodeHeader(header: JsonObject): string {
  return b64url(JSON.stringify(header));
}

/**
 * The JWS Signing Input: ASCII(protected) '.' payload-part (RFC 7515 §5.1, RFC 7797 §3 for `b64: false`).
 *
 * @example
 * ```ts
 * signingInput('eyJhbGciOiJFUzI1NiJ9', 'e30'); // bytes of 'eyJhbGciOiJFUzI1NiJ9.e30'
 * ```
 */
export function signingInput(protectedB64: string, payloadPart: string | Uint8Array): Uint8Array {
  if (typeof payloadPart === 'string' && Buffer.byteLength(payloadPart, 'utf8') === payloadPart.length) {
    const ascii = Buffer.from(`${protectedB64}.${payloadPart}`, 'latin1'); // base64url (or ASCII) payload: one copy
    return new Uint8Array(ascii.buffer, ascii.byteOffset, ascii.byteLength);
  }
  const head = Buffer.from(`${protectedB64}.`, 'latin1');
  const tail = typeof payloadPart === 'string' ? Buffer.from(payloadPart, 'utf8') : Buffer.from(payloadPart.buffer, payloadPart.byteOffset, payloadPart.byteLength);
  const out = Buffer.concat([head, tail]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
