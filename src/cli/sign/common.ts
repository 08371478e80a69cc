/**
 * What every format's CLI signing step receives.
 * @module
 */
import {
  type BaselineLevel, type Fetcher, type Finding, type PkiCacheLike, type Signer, type TimestampAuthority,
  type TrustStoreLike,
} from '../../index.js';

/** Options common to `edusign sign` for every format. */
export interface CliSignRequest {
  signer: Signer;
  level: BaselineLevel;
  timestampAuthority?: TimestampAuthority;
  role?: string;
  trustStore?: TrustStoreLike;
  offline: boolean;
  fetcher: Fetcher;
  cache: PkiCacheLike;
  /** Sign even when the certificate check fails (recorded as a warning). */
  allowInvalidCertificate: boolean;
}

/** Result of a CLI signing step. */
export interface CliSignResult {
  bytes: Uint8Array;
  warnings: Finding[];
  /** One line describing what was done. */
  summary: string;
}

/**
 * The `check` (check before signing) and `validation` (B-LT data gathering) options every format takes, from a
 * CLI request.
 *
 * @example
 * ```ts
 * await signPdf(pdf, { signer, ...checkAndValidation(request) });
 * ```
 */
export function checkAndValidation(request: CliSignRequest) {
  const pki = {
    ...(request.trustStore ? { trustStore: request.trustStore } : {}),
    fetcher: request.fetcher,
    cache: request.cache,
    offline: request.offline,
  };
  return { check: { ...pki, allowInvalidCertificate: request.allowInvalidCertificate }, validation: pki };
}
