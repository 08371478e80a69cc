/**
 * The PKI options used when a level is raised (B-LT validation data, the B-LTA archive timestamp's TSA):
 * `options.validation`, with what it leaves unset taken from `options.check` (the same rule as JAdES).
 * @module
 */
import type { CertificateValidationOptions } from '../../pki/types.js';
import type { XmlSignOptionsBase } from './options.js';

/** Network and trust options for raising a level (no `at`, `purpose` or validation data: those are per call). */
export type XmlLevelValidationOptions = Partial<Pick<CertificateValidationOptions, 'trustStore' | 'fetcher' | 'cache' | 'offline' | 'revocation'>>;

/**
 * Merge `check` and `validation` of signing options into the options used to gather validation data.
 *
 * @example
 * ```ts
 * levelValidationOptions({ check: { trustStore, fetcher }, validation: { offline: true } });
 * // { trustStore, fetcher, offline: true }
 * ```
 */
export function levelValidationOptions(options: Pick<XmlSignOptionsBase, 'check' | 'validation'>): XmlLevelValidationOptions {
  const check = options.check ?? {};
  const validation = options.validation ?? {};
  const trustStore = validation.trustStore ?? check.trustStore;
  const fetcher = validation.fetcher ?? check.fetcher;
  const cache = validation.cache ?? check.cache;
  const offline = validation.offline ?? check.offline;
  const revocation = validation.revocation ?? check.revocation;
  return {
    ...(trustStore ? { trustStore } : {}), ...(fetcher ? { fetcher } : {}), ...(cache ? { cache } : {}),
    ...(offline ? { offline: true } : {}), ...(revocation ? { revocation } : {}),
  };
}
