/**
 * Who signed, in report terms, from the signer's certificate.
 * @module
 */
import { describeCertificate } from '../../../pki/cert/index.js';
import type { SignatureReport } from '../../report.js';

const UNKNOWN: SignatureReport['signer'] = { subject: '', serialNumber: '', issuer: '' };

/**
 * Describe a signer certificate for {@link SignatureReport.signer}; an unreadable certificate gives empty fields.
 *
 * @example
 * ```ts
 * const signer = signerIdentity(certDer); // { subject: 'CN=Nguyễn Thị Thu Hà,…', commonName: 'Nguyễn Thị Thu Hà', … }
 * ```
 */
export function signerIdentity(certificate: Uint8Array | undefined): SignatureReport['signer'] {
  if (!certificate) return { ...UNKNOWN };
  try {
    const d = describeCertificate(certificate);
    return {
      subject: d.subject.text, serialNumber: d.serialNumber, issuer: d.issuer.text,
      ...(d.commonName ? { commonName: d.commonName } : {}),
      ...(d.personalId ? { personalId: d.personalId } : {}),
      ...(d.title ? { role: d.title } : {}),
    };
  } catch {
    return { ...UNKNOWN };
  }
}
