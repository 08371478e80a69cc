/**
 * Bilingual findings of the XAdES layer.
 * @module
 */
import type { Finding } from '../../pki/indication.js';

/**
 * Make a coded, bilingual finding.
 *
 * @example
 * ```ts
 * finding('XADES_HASH_MISMATCH', 'Reference digest does not match', 'Giá trị băm của tham chiếu không khớp');
 * ```
 */
export function finding(code: string, message: string, messageVi: string): Finding {
  return { code, message, messageVi };
}
