/**
 * JSON form of a report (CLI `--json`, server responses).
 * @module
 */
import type { VerificationReport } from '../formats/report.js';

/** Options of {@link reportToJson}. */
export interface ReportJsonOptions {
  /** Keep certificates and revocation data as base64 (default false: a readable summary). */
  includeBinary?: boolean;
}

/**
 * A JSON-safe copy of a report: dates as ISO 8601 strings, byte arrays as base64 or left out.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(reportToJson(report), null, 2));
 * ```
 */
export function reportToJson(report: VerificationReport, options: ReportJsonOptions = {}): unknown {
  return JSON.parse(
    JSON.stringify(report, (_key, value: unknown) => {
      if (value instanceof Uint8Array) return options.includeBinary ? Buffer.from(value).toString('base64') : undefined;
      if (value instanceof Map) return Object.fromEntries(value);
      return value;
    }),
  );
}
