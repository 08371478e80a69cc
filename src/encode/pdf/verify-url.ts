/**
 * The verification URL printed as a QR code: an integrator's pattern filled with the record id and the
 * SHA-256 of the canonical record JSON.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import type { Gradebook, Transcript } from '../../model/types.js';
import { canonicalRecordBytes } from '../record/canonical-json.js';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['id', 'sha256', 'kind']);

/**
 * SHA-256 (lowercase hex) of the canonical JSON of a record (RFC 8785 over the NFC-normalised record).
 *
 * @example
 * ```ts
 * recordSha256(transcript) // '3f5a…' (64 hex digits)
 * ```
 */
export function recordSha256(record: Transcript | Gradebook): string {
  return createHash('sha256').update(canonicalRecordBytes(record)).digest('hex');
}

/**
 * Fills a verification URL pattern. Placeholders: `{id}` (percent-encoded), `{sha256}`, `{kind}`.
 * Throws `INVALID_ARGUMENT` for an unknown placeholder or a result that is not an http(s) URL.
 *
 * @example
 * ```ts
 * verificationUrl('https://verify.example.edu.vn/v/{id}#{sha256}', { id: 'hb-1', sha256: 'ab…', kind: 'transcript' })
 * // 'https://verify.example.edu.vn/v/hb-1#ab…'
 * ```
 */
export function verificationUrl(pattern: string, values: { id: string; sha256: string; kind: string }): string {
  const filled = pattern.replace(PLACEHOLDER, (whole, key: string) => {
    if (!KNOWN.has(key)) {
      throw new EdusignError('INVALID_ARGUMENT', {
        detail: `unknown placeholder ${whole} in the verification URL pattern (known: {id}, {sha256}, {kind})`,
        detailVi: `mẫu URL xác minh có biến không hỗ trợ ${whole} (hỗ trợ: {id}, {sha256}, {kind})`,
      });
    }
    return key === 'id' ? encodeURIComponent(values.id) : key === 'sha256' ? values.sha256 : encodeURIComponent(values.kind);
  });
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `verification URL pattern does not give a URL: ${filled}`, detailVi: `mẫu URL xác minh không tạo ra URL hợp lệ: ${filled}` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `verification URL must be http(s): ${filled}`, detailVi: `URL xác minh phải là http(s): ${filled}` });
  }
  return filled;
}
