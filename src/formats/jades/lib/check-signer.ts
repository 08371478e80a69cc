/**
 * Check-before-signing for JAdES (Circular 15/2025/TT-BKHCN): with a trust store this is the PKI layer's
 * `checkSignerCertificate` (validity, key usage, path, revocation; its validation data feeds B-LT); without
 * one, only local checks run and a `CERT_PATH_NOT_CHECKED` warning says so. `skip` skips with a warning.
 * @module
 */
import { EdusignError, type ErrorCode } from '../../../errors.js';
import { checkSignerCertificate } from '../../../pki/check-signer.js';
import { decodeCertificate } from '../../../pki/index.js';
import type { Finding } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
import type { JwsSignerCheckOptions } from '../options.js';
import { finding } from './findings.js';

/** Findings of the check and the validation data gathered on the way. */
export interface JwsSignerCheckResult {
  warnings: Finding[];
  validationData?: ValidationData;
}

function localChecks(certificate: Uint8Array, at: Date, allow: boolean): Finding[] {
  const out: Finding[] = [];
  const cert = decodeCertificate(certificate);
  const refuse = (code: ErrorCode, en: string, vi: string): void => {
    if (!allow) throw new EdusignError(code, { detail: en, detailVi: vi });
    out.push(finding(code, `${en} (signed anyway: allowInvalidCertificate)`, `${vi} (vẫn ký: allowInvalidCertificate)`, 'warning'));
  };
  if (cert.notAfter < at) refuse('CERT_EXPIRED', `valid until ${cert.notAfter.toISOString()}`, `hết hạn từ ${cert.notAfter.toISOString()}`);
  if (cert.notBefore > at) refuse('CERT_NOT_YET_VALID', `valid from ${cert.notBefore.toISOString()}`, `có hiệu lực từ ${cert.notBefore.toISOString()}`);
  const ku = cert.extensions.keyUsage;
  if (ku && !ku.usages.includes('digitalSignature') && !ku.usages.includes('nonRepudiation')) {
    refuse('CERT_NOT_USABLE_FOR_SIGNING', 'keyUsage has neither digitalSignature nor nonRepudiation', 'keyUsage không có digitalSignature hoặc nonRepudiation');
  }
  return out;
}

/**
 * Check the signing certificate now. Throws `CERT_EXPIRED`, `CERT_NOT_YET_VALID`, `CERT_NOT_USABLE_FOR_SIGNING`,
 * and with a trust store `CERT_REVOKED`, `CERT_UNTRUSTED`, `REVOCATION_UNKNOWN`, unless `allowInvalidCertificate`.
 *
 * @example
 * ```ts
 * const { warnings, validationData } = await checkJwsSigner(signer.certificate, signer.chain, { trustStore, fetcher });
 * ```
 */
export async function checkJwsSigner(certificate: Uint8Array, chain: readonly Uint8Array[], options: JwsSignerCheckOptions = {}): Promise<JwsSignerCheckResult> {
  if (options.skip) {
    return { warnings: [finding('SIGNER_CHECK_SKIPPED', 'The signer certificate was not checked before signing', 'Chứng thư số của người ký không được kiểm tra trước khi ký', 'warning')] };
  }
  const allow = options.allowInvalidCertificate ?? false;
  const now = new Date();
  if (!options.trustStore) {
    const warnings = localChecks(certificate, now, allow);
    warnings.push(finding('CERT_PATH_NOT_CHECKED', 'No trust store given: the certificate path and revocation were not checked before signing',
      'Không có kho tin cậy: chưa kiểm tra chuỗi chứng thư và trạng thái thu hồi trước khi ký', 'warning'));
    return { warnings };
  }
  const check = await checkSignerCertificate({ certificate, chain }, {
    trustStore: options.trustStore, allowInvalidCertificate: allow, now,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  return { warnings: check.warnings, validationData: check.validationData };
}
