/**
 * Check-before-signing (Circular 15/2025: check the certificate before letting the user sign). With a trust
 * store this is the PKI layer's `checkSignerCertificate` (validity, key usage, path, revocation); without one,
 * only the local checks run and the result says so.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { checkSignerCertificate, decodeCertificate } from '../../pki/index.js';
import type { Finding } from '../../pki/indication.js';
import { finding } from './findings.js';
import type { XmlSignerCheckOptions } from './options.js';

function localChecks(certificate: Uint8Array, strict: boolean, warnings: Finding[]): void {
  const at = new Date();
  const cert = decodeCertificate(certificate);
  const refuse = (e: EdusignError): void => {
    if (strict) throw e;
    warnings.push(finding(e.code, e.message, e.messageVi));
  };
  if (at > cert.notAfter) refuse(new EdusignError('CERT_EXPIRED', { detail: `notAfter ${cert.notAfter.toISOString()}` }));
  if (at < cert.notBefore) refuse(new EdusignError('CERT_NOT_YET_VALID', { detail: `notBefore ${cert.notBefore.toISOString()}` }));
  const ku = cert.extensions.keyUsage;
  if (ku && !ku.usages.includes('digitalSignature') && !ku.usages.includes('nonRepudiation')) {
    refuse(new EdusignError('CERT_NOT_USABLE_FOR_SIGNING', { detail: 'keyUsage has neither digitalSignature nor nonRepudiation', detailVi: 'keyUsage không có digitalSignature hoặc nonRepudiation' }));
  }
}

/**
 * Check the signing certificate before signing. Throws `CERT_EXPIRED`, `CERT_NOT_YET_VALID`,
 * `CERT_NOT_USABLE_FOR_SIGNING`, `CERT_REVOKED`, `CERT_UNTRUSTED` or `REVOCATION_UNKNOWN` unless
 * `allowInvalidCertificate` is true (then coded warnings); `skip` skips the check with a `SIGNER_CHECK_SKIPPED`
 * warning. Returns the warnings to put in the result.
 *
 * @example
 * ```ts
 * const warnings = await checkBeforeSigning(signer.certificate, signer.chain, { trustStore, fetcher });
 * ```
 */
export async function checkBeforeSigning(certificate: Uint8Array, chain: readonly Uint8Array[], options: XmlSignerCheckOptions = {}): Promise<Finding[]> {
  if (options.skip) {
    return [finding('SIGNER_CHECK_SKIPPED', 'The signer certificate was not checked before signing', 'Chứng thư số của người ký không được kiểm tra trước khi ký')];
  }
  const warnings: Finding[] = [];
  const strict = !(options.allowInvalidCertificate ?? false);
  if (!options.trustStore) {
    localChecks(certificate, strict, warnings);
    warnings.push(finding('CERT_PATH_NOT_CHECKED', 'No trust store given: the certificate path and revocation were not checked before signing',
      'Không có kho tin cậy: chưa kiểm tra chuỗi chứng thư và trạng thái thu hồi trước khi ký'));
    return warnings;
  }
  const check = await checkSignerCertificate({ certificate, chain }, {
    trustStore: options.trustStore, allowInvalidCertificate: !strict,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  warnings.push(...check.warnings);
  return warnings;
}
