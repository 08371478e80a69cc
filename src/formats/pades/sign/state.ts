/**
 * The JSON-serialisable state of a two-phase PAdES signature, and its validation on the way back in.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import type { BaselineLevel } from '../../report.js';

/** State between {@link preparePdfSignature} and {@link completePdfSignature}; plain JSON. */
export interface PdfSignatureState {
  kind: 'edusign.pades.signature';
  version: 1;
  /**
   * The prepared PDF (with placeholder and final /ByteRange), base64; absent when prepared with
   * `detachedPdf: true` (then `preparedPdf` must be given to {@link completePdfSignature}).
   */
  pdf?: string;
  /** SHA-256 (hex) of the prepared PDF, checked at completion. */
  pdfSha256: string;
  /** Offsets of `<` and after `>` of /Contents. */
  contents: [number, number];
  byteRange: [number, number, number, number];
  /** Hash of the byte ranges (base64): what messageDigest holds. */
  messageDigest: string;
  /** DER signed attributes (base64): exactly what is signed. */
  signedAttributes: string;
  certificate: string;
  chain: string[];
  algorithm: SignatureAlgorithm;
  level: BaselineLevel;
  warnings: Finding[];
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function bad(detail: string): EdusignError {
  return new EdusignError('TWO_PHASE_STATE_INVALID', { detail });
}

/**
 * Check the shape of a state that came back from a client (JSON-parsed), and return it typed.
 *
 * @example
 * ```ts
 * const state = parsePdfSignatureState(JSON.parse(body));
 * ```
 */
export function parsePdfSignatureState(value: unknown): PdfSignatureState {
  const s = (typeof value === 'string' ? safeJson(value) : value) as Partial<PdfSignatureState> | null;
  if (!s || typeof s !== 'object' || s.kind !== 'edusign.pades.signature' || s.version !== 1) throw bad('not a PAdES signature state');
  for (const k of ['messageDigest', 'signedAttributes', 'certificate'] as const) {
    if (typeof s[k] !== 'string' || !B64.test(s[k])) throw bad(`${k} must be base64`);
  }
  if (s.pdf !== undefined && (typeof s.pdf !== 'string' || !B64.test(s.pdf))) throw bad('pdf must be base64');
  if (typeof s.pdfSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.pdfSha256)) throw bad('pdfSha256 must be 64 hex digits');
  if (!Array.isArray(s.chain) || !s.chain.every((c) => typeof c === 'string' && B64.test(c))) throw bad('chain must be base64 strings');
  const ints = (a: unknown, n: number): boolean => Array.isArray(a) && a.length === n && a.every((x) => Number.isSafeInteger(x) && x >= 0);
  if (!ints(s.contents, 2) || !ints(s.byteRange, 4)) throw bad('bad contents/byteRange');
  const alg = s.algorithm as { name?: unknown; hash?: unknown } | undefined;
  const hashes: HashAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512'];
  if (!alg || !['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA'].includes(String(alg.name)) || !hashes.includes(alg.hash as HashAlgorithm)) throw bad('bad algorithm');
  if (!['B-B', 'B-T', 'B-LT', 'B-LTA'].includes(String(s.level))) throw bad('bad level');
  if (!Array.isArray(s.warnings)) throw bad('bad warnings');
  return s as PdfSignatureState;
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { throw bad('state is not JSON'); }
}
