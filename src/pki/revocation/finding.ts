/**
 * Coded, bilingual findings of the revocation and timestamp checks. Internal to the PKI layer.
 * @module
 */
import type { Finding } from '../indication.js';

/**
 * Build a {@link Finding}.
 * @example
 * ```ts
 * finding('CRL_STALE', 'The CRL is out of date', 'CRL đã quá hạn cập nhật')
 * ```
 */
export function finding(code: string, message: string, messageVi: string): Finding {
  return { code, message, messageVi };
}
