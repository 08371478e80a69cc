/**
 * Bilingual findings of the JAdES layer.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';

/**
 * Make a coded, bilingual finding.
 *
 * @example
 * ```ts
 * finding('JADES_CRIT_UNKNOWN', 'Unknown critical header parameter', 'Tham số tiêu đề bắt buộc không được hỗ trợ');
 * ```
 */
export function finding(code: string, message: string, messageVi: string, severity?: Finding['severity']): Finding {
  return severity ? { code, message, messageVi, severity } : { code, message, messageVi };
}
