/**
 * Check-before-signing for PAdES (Circular 15/2025/TT-BKHCN: the signing software checks the signer's
 * certificate before signing). Refuses an expired / not-yet-valid certificate unless
 * `allowInvalidCertificate`; the findings go into the signing result's warnings.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
import { certificateValidity } from './certificate-facts.js';
import type { SignerCheckOptions } from './options.js';

/** Result of the check: findings, and validation data gathered on the way (for B-LT). */
export interface SignerCheckResult {
  findings: Finding[];
  validationData?: ValidationData;
}

/**
 * Check the signer certificate at `at`. Throws CERT_EXPIRED / CERT_NOT_YET_VALID (unless allowed).
 *
 * @example
 * ```ts
 * const { findings } = await checkSignerBeforeSigning(signer.certificate, signer.chain, { allowInvalidCertificate: false });
 * ```
 */
export async function checkSignerBeforeSigning(certificate: Uint8Array, chain: readonly Uint8Array[], options: SignerCheckOptions = {}, at = new Date()): Promise<SignerCheckResult> {
  void chain;
  if (options.skip) {
    return { findings: [{ code: 'SIGNER_CHECK_SKIPPED', message: 'the signer certificate was not checked before signing', messageVi: 'chứng thư số của người ký không được kiểm tra trước khi ký' }] };
  }
  const { notBefore, notAfter } = certificateValidity(certificate);
  const findings: Finding[] = [];
  const refuse = (code: 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID', en: string, vi: string): void => {
    if (!options.allowInvalidCertificate) throw new EdusignError(code, { detail: en, detailVi: vi });
    findings.push({ code, message: `${en} (signed anyway: allowInvalidCertificate)`, messageVi: `${vi} (vẫn ký: allowInvalidCertificate)` });
  };
  if (notAfter < at) refuse('CERT_EXPIRED', `valid until ${notAfter.toISOString()}`, `hết hạn từ ${notAfter.toISOString()}`);
  if (notBefore > at) refuse('CERT_NOT_YET_VALID', `valid from ${notBefore.toISOString()}`, `có hiệu lực từ ${notBefore.toISOString()}`);
  return { findings };
}
