/**
 * Check-before-signing for PAdES (Circular 15/2025/TT-BKHCN: the signing software checks the signer's
 * certificate before signing). Refuses an expired / not-yet-valid certificate unless
 * `allowInvalidCertificate`; the findings go into the signing result's warnings.
 * @module
 */
import { X509Certificate } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
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
  let cert: X509Certificate;
  try { cert = new X509Certificate(certificate); } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'signer certificate', cause });
  }
  const findings: Finding[] = [];
  const refuse = (code: 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID', en: string, vi: string): void => {
    if (!options.allowInvalidCertificate) throw new EdusignError(code, { detail: en, detailVi: vi });
    findings.push({ code, message: `${en} (signed anyway: allowInvalidCertificate)`, messageVi: `${vi} (vẫn ký: allowInvalidCertificate)` });
  };
  if (new Date(cert.validTo) < at) refuse('CERT_EXPIRED', `valid until ${new Date(cert.validTo).toISOString()}`, `hết hạn từ ${new Date(cert.validTo).toISOString()}`);
  if (new Date(cert.validFrom) > at) refuse('CERT_NOT_YET_VALID', `valid from ${new Date(cert.validFrom).toISOString()}`, `có hiệu lực từ ${new Date(cert.validFrom).toISOString()}`);
  return { findings };
}
