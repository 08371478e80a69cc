/**
 * Check-before-signing (Circular 15/2025: check the certificate before letting the user sign). Local checks
 * (validity at the signing time, keyUsage) always run; path and revocation checks run through the PKI layer
 * when a trust store is given.
 * @module
 */
import 'reflect-metadata';
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509';
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import { finding } from './findings.js';
import type { XmlSignOptionsBase } from './options.js';

/**
 * Check the signing certificate before signing. Throws `CERT_EXPIRED`, `CERT_NOT_YET_VALID` or
 * `CERT_NOT_USABLE_FOR_SIGNING` (unless `strictCertificateCheck` is false: then warnings); returns coded warnings.
 *
 * @example
 * ```ts
 * const warnings = await checkBeforeSigning(signer.certificate, signer.chain, options);
 * ```
 */
export async function checkBeforeSigning(certificate: Uint8Array, _chain: readonly Uint8Array[], options: XmlSignOptionsBase): Promise<Finding[]> {
  const warnings: Finding[] = [];
  const strict = options.strictCertificateCheck ?? true;
  const at = options.signingTime ?? new Date();
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(new Uint8Array(certificate));
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { cause });
  }
  const refuse = (e: EdusignError): void => {
    if (strict) throw e;
    warnings.push(finding(e.code, e.message, e.messageVi));
  };
  if (at > cert.notAfter) refuse(new EdusignError('CERT_EXPIRED', { detail: `notAfter ${cert.notAfter.toISOString()}` }));
  if (at < cert.notBefore) refuse(new EdusignError('CERT_NOT_YET_VALID', { detail: `notBefore ${cert.notBefore.toISOString()}` }));
  const ku = cert.getExtension(KeyUsagesExtension);
  if (ku && (ku.usages & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) === 0) {
    refuse(new EdusignError('CERT_NOT_USABLE_FOR_SIGNING', { detail: 'keyUsage has neither digitalSignature nor nonRepudiation', detailVi: 'keyUsage không có digitalSignature hoặc nonRepudiation' }));
  }
  if (!options.trustStore) {
    warnings.push(finding('CERT_PATH_NOT_CHECKED', 'No trust store given: the certificate path and revocation were not checked before signing',
      'Không có kho tin cậy: chưa kiểm tra chuỗi chứng thư và trạng thái thu hồi trước khi ký'));
  }
  return warnings;
}
