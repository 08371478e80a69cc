/**
 * A tiny constructor for bilingual {@link Finding}s, shared by the CMS and PAdES verifiers.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';

/**
 * Build a coded, bilingual finding.
 *
 * @example
 * ```ts
 * const f = finding('HASH_MISMATCH', 'The message digest does not match', 'Giá trị băm không khớp');
 * ```
 */
export function finding(code: string, message: string, messageVi: string): Finding {
  return { code, message, messageVi };
}
