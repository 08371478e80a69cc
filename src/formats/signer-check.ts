/**
 * Check before signing (Circular 15/2025/TT-BKHCN: signing software checks the certificate first), shared by
 * PAdES, XAdES and JAdES: with a trust store, the PKI layer's full check (validity, key usage, path, revocation);
 * without one, the local checks (validity now, key usage) and a warning that the path was not checked.
 * @module
 */
import { EdusignError } from '../errors.js';
import { checkSignerCertificate, localSigningRefusal } from '../pki/check-signer.js';
import { createPkiCache } from '../pki/net/cache.js';
import type { Finding } from '../pki/indication.js';
import type { Fetcher, PkiCacheLike, RevocationPolicy, TrustStoreLike, ValidationData } from '../pki/types.js';

/** Check-before-signing options, the same for every format (`options.check`). */
export interface SignerCheckOptions {
  /** Trust anchors; without them only validity and key usage are checked (warning `CERT_PATH_NOT_CHECKED`). */
  trustStore?: TrustStoreLike;
  revocation?: RevocationPolicy;
  fetcher?: Fetcher;
  cache?: PkiCacheLike;
  offline?: boolean;
  /** Sign even when the certificate is expired, revoked or untrusted (the finding stays in `warnings`). */
  allowInvalidCertificate?: boolean;
  /** Skip the check entirely (warning `SIGNER_CHECK_SKIPPED`). */
  skip?: boolean;
}

/** What the check found, and the validation data it gathered (for B-LT). */
export interface SignerCheckOutcome {
  warnings: Finding[];
  validationData?: ValidationData;
}

function localChecks(certificate: Uint8Array, at: Date, allow: boolean): Finding[] {
  const refusal = localSigningRefusal(certificate, at);
  if (!refusal) return [];
  if (!allow) throw new EdusignError(refusal.code, { detail: refusal.detail, detailVi: refusal.detailVi });
  return [{ code: refusal.code, severity: 'warning', message: `${refusal.detail} (signed anyway: allowInvalidCertificate)`, messageVi: `${refusal.detailVi} (vẫn ký: allowInvalidCertificate)` }];
}

/**
 * Checks the signer's certificate before anything is signed; throws `CERT_EXPIRED`, `CERT_NOT_YET_VALID`,
 * `CERT_NOT_USABLE_FOR_SIGNING`, `CERT_REVOKED`, `CERT_UNTRUSTED` or `REVOCATION_UNKNOWN` unless
 * `allowInvalidCertificate` turns the refusal into a warning.
 *
 * @example
 * ```ts
 * const { warnings, validationData } = await checkSignerBeforeSigning(signer.certificate, signer.chain, { trustStore });
 * ```
 */
export async function checkSignerBeforeSigning(
  certificate: Uint8Array,
  chain: readonly Uint8Array[],
  options: SignerCheckOptions = {},
  at: Date = new Date(),
): Promise<SignerCheckOutcome> {
  if (options.skip) {
    return { warnings: [{ code: 'SIGNER_CHECK_SKIPPED', severity: 'warning', message: 'The signer certificate was not checked before signing', messageVi: 'Chứng thư số của người ký không được kiểm tra trước khi ký' }] };
  }
  const allow = options.allowInvalidCertificate ?? false;
  if (!options.trustStore) {
    const warnings = localChecks(certificate, at, allow);
    warnings.push({ code: 'CERT_PATH_NOT_CHECKED', severity: 'warning', message: 'No trust store given: the certificate path and revocation were not checked before signing',
      messageVi: 'Không có kho tin cậy: chưa kiểm tra chuỗi chứng thư và trạng thái thu hồi trước khi ký' });
    return { warnings };
  }
  const check = await checkSignerCertificate({ certificate, chain }, {
    trustStore: options.trustStore, allowInvalidCertificate: allow, now: at,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  return { warnings: check.warnings, validationData: check.validationData };
}

/**
 * The same caller-owned PKI cache for the certificate check and for gathering B-LT validation data, so one
 * signing call (or one batch) fetches each CRL/OCSP response once: the caller's cache if either option holds one,
 * else a new one for this call.
 *
 * @example
 * ```ts
 * options = withSharedPkiCache(options); // then pass options.check and options.validation on
 * ```
 */
export function withSharedPkiCache<T extends { check?: SignerCheckOptions; validation?: { cache?: PkiCacheLike } }>(options: T): T {
  const cache = options.check?.cache ?? options.validation?.cache ?? createPkiCache();
  return { ...options, check: { ...options.check, cache }, validation: { ...options.validation, cache } };
}
