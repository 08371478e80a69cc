/**
 * The issuer and serial number of a certificate, as raw DER, to name it in CMS (IssuerAndSerialNumber,
 * ESSCertIDv2.issuerSerial).
 * @module
 */
import { EdusignError } from '../../../errors.js';
import { children, readTlv } from './der.js';

/** Raw DER pieces identifying a certificate. */
export interface CertificateId {
  /** DER of the issuer Name. */
  issuer: Uint8Array;
  /** DER of the serialNumber INTEGER (tag included). */
  serialNumber: Uint8Array;
}

/**
 * Extract issuer Name and serialNumber (raw DER) from a certificate.
 *
 * @example
 * ```ts
 * const { issuer, serialNumber } = certificateId(signer.certificate);
 * ```
 */
export function certificateId(certificate: Uint8Array): CertificateId {
  const cert = readTlv(certificate, 0);
  const tbs = children(certificate, cert)[0];
  if (!tbs || cert.tag !== 0x30 || tbs.tag !== 0x30) throw new EdusignError('CERT_MALFORMED', { detail: 'not an X.509 certificate' });
  const fields = children(certificate, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields[offset]; const issuer = fields[offset + 2];
  if (!serial || !issuer || serial.tag !== 0x02 || issuer.tag !== 0x30) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'no serialNumber/issuer in the certificate' });
  }
  return { serialNumber: certificate.subarray(serial.start, serial.end), issuer: certificate.subarray(issuer.start, issuer.end) };
}
