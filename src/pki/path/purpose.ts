/**
 * Is the end certificate fit for its purpose? keyUsage / extendedKeyUsage rules for document signing,
 * OCSP response signing (RFC 6960 §4.2.2.2) and time-stamping (RFC 3161 §2.3).
 * @module
 */
import type { CertificatePurpose } from '../types.js';
import type { DecodedCertificate } from '../cert/decode-certificate.js';
import { problem, type PathProblem } from './findings.js';

const ANY_EKU = '2.5.29.37.0';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
/** EKUs that say "this key signs documents or mail" (as public CAs issue them). */
const SIGNING_EKUS = new Set([
  '1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36', '1.3.6.1.4.1.311.10.3.12', '1.2.840.113583.1.1.5', '1.3.6.1.4.1.311.20.2.2',
]);

function keyUsageProblems(cert: DecodedCertificate): PathProblem[] {
  const ku = cert.extensions.keyUsage;
  if (!ku) return [problem('KEY_USAGE_ABSENT', cert.subject.text)];
  return ku.usages.includes('digitalSignature') || ku.usages.includes('nonRepudiation')
    ? [] : [problem('KEY_USAGE_NOT_FOR_SIGNING', `${ku.usages.join(', ') || '—'} (${cert.subject.text})`)];
}

function documentSigningEkuProblems(cert: DecodedCertificate): PathProblem[] {
  const eku = cert.extensions.extendedKeyUsage;
  if (!eku || eku.oids.includes(ANY_EKU) || eku.oids.some((o) => SIGNING_EKUS.has(o))) return [];
  const serviceOnly = eku.oids.every((o) => o === TIME_STAMPING || o === OCSP_SIGNING);
  return serviceOnly || eku.critical ? [problem('EKU_NOT_FOR_PURPOSE', `${eku.oids.join(', ')} (${cert.subject.text})`)] : [];
}

/**
 * Problems of the end certificate for `purpose` (empty when fit; `any` checks nothing).
 *
 * @example
 * ```ts
 * purposeProblems(decodeCertificate(tsaDer), 'timeStamping'); // []
 * purposeProblems(decodeCertificate(teacherDer), 'ocspSigning'); // [EKU_NOT_FOR_PURPOSE]
 * ```
 */
export function purposeProblems(cert: DecodedCertificate, purpose: CertificatePurpose): PathProblem[] {
  const eku = cert.extensions.extendedKeyUsage;
  switch (purpose) {
    case 'any':
      return [];
    case 'documentSigning':
      return [...keyUsageProblems(cert), ...documentSigningEkuProblems(cert)];
    case 'ocspSigning':
      return [...keyUsageProblems(cert), ...(eku?.oids.includes(OCSP_SIGNING) ? [] : [problem('EKU_NOT_FOR_PURPOSE', `OCSPSigning missing (${cert.subject.text})`)])];
    case 'timeStamping': {
      if (!eku?.oids.includes(TIME_STAMPING)) return [...keyUsageProblems(cert), problem('EKU_NOT_FOR_PURPOSE', `timeStamping missing (${cert.subject.text})`)];
      const sole = eku.critical && eku.oids.length === 1;
      return [...keyUsageProblems(cert), ...(sole ? [] : [problem('TSA_EKU_NOT_CRITICAL_OR_NOT_SOLE', cert.subject.text)])];
    }
    default:
      return [];
  }
}
