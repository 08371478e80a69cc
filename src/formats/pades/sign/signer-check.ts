/**
 * Check-before-signing for PAdES (Circular 15/2025/TT-BKHCN: the signing software checks the signer's
 * certificate before signing). With a trust store this is the PKI layer's `checkSignerCertificate`
 * (validity, key usage, path to an anchor, revocation per policy; its validation data feeds B-LT).
 * Without one, only the local checks run (validity period, key usage) and a `CERT_PATH_NOT_CHECKED`
 * warning says so. `allowInvalidCertificate` turns refusals into coded warnings.
 * @module
 */
import { EdusignError, type ErrorCode } from '../../../errors.js';
import { checkSignerCertificate } from '../../../pki/check-signer.js';
import type { Finding } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
import { certificateAllowsSigning, certificateValidity } from './certificate-facts.js';
import type { SignerCheckOptions } from './options.js';

/** Result of the check: findings, and validation data gathered on the way (for B-LT). */
export interface SignerCheckResult {
  findings: Finding[];
  validationData?: ValidationData;
}

function localChecks(certificate: Uint8Array, at: Date, allow: boolean): Finding[] {
  const findings: Finding[] = [];
  const refuse = (code: ErrorCode, en: string, vi: string): void => {
    if (!allow) throw new EdusignError(code, { detail: en, detailVi: vi });
    findings.push({ code, message: `${en} (signed anyway: allowInvalidCertificate)`, messageVi: `${vi} (vẫn ký: allowInvalidCertificate)` });
  };
  const { notBefore, notAfter } = certificateValidity(certificate);
  if (notAfter < at) refuse('CERT_EXPIRED', `valid until ${notAfter.toISOString()}`, `hết hạn từ ${notAfter.toISOString()}`);
  if (notBefore > at) refuse('CERT_NOT_YET_VALID', `valid from ${notBefore.toISOString()}`, `có hiệu lực từ ${notBefore.toISOString()}`);
  if (certificateAllowsSigning(certificate) === false) {
    refuse('CERT_NOT_USABLE_FOR_SIGNING', 'keyUsage has neither digitalSignature nor nonRepudiation', 'keyUsage không có digitalSignature hoặc nonRepudiation');
  }
  return findings;
}

/**
 * Check the signer certificate at `at` (default now). Throws CERT_EXPIRED, CERT_NOT_YET_VALID,
 * CERT_NOT_USABLE_FOR_SIGNING, and with a trust store also CERT_REVOKED, CERT_UNTRUSTED,
 * REVOCATION_UNKNOWN — unless `allowInvalidCertificate`.
 *
 * @example
 * ```ts
 * const { findings, validationData } = await checkSignerBeforeSigning(signer.certificate, signer.chain, { trustStore, fetcher });
 * ```
 */
export async function checkSignerBeforeSigning(certificate: Uint8Array, chain: readonly Uint8Array[], options: SignerCheckOptions = {}, at = new Date()): Promise<SignerCheckResult> {
  if (options.skip) {
    return { findings: [{ code: 'SIGNER_CHECK_SKIPPED', message: 'the signer certificate was not checked before signing', messageVi: 'chứng thư số của người ký không được kiểm tra trước khi ký' }] };
  }
  const allow = options.allowInvalidCertificate ?? false;
  if (!options.trustStore) {
    const findings = localChecks(certificate, at, allow);
    findings.push({ code: 'CERT_PATH_NOT_CHECKED', message: 'No trust store given: the certificate path and revocation were not checked before signing',
      messageVi: 'Không có kho tin cậy: chưa kiểm tra chuỗi chứng thư và trạng thái thu hồi trước khi ký' });
    return { findings };
  }
  const check = await checkSignerCertificate({ certificate, chain }, {
    trustStore: options.trustStore, allowInvalidCertificate: allow, now: at,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  return { findings: check.warnings, validationData: check.validationData };
}
