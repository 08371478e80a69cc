/**
 * CAdES-B signed attributes for PAdES (ETSI EN 319 122-1 §5.2, EN 319 142-1 §6.3): contentType,
 * messageDigest, signingCertificateV2 — and no signingTime (PAdES puts the claimed time in /M).
 * @module
 */
import { createHash } from 'node:crypto';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { nodeHashName } from './algorithms.js';
import { certificateId } from './certificate-id.js';
import { EdusignError } from '../../../errors.js';
import { octetString, oid, seq, setOf, tlv } from './der.js';

/**
 * OIDs used by the builder.
 *
 * @example
 * ```ts
 * attribute(CMS_OIDS.signatureTimeStampToken, token)
 * ```
 */
export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

/**
 * One Attribute `SEQUENCE { type, SET { values } }`.
 *
 * @example
 * ```ts
 * attribute(CMS_OIDS.signatureTimeStampToken, token)
 * ```
 */
export function attribute(type: string, ...values: Uint8Array[]): Uint8Array {
  return seq(oid(type), setOf(...values));
}

/**
 * The signingCertificateV2 attribute value (RFC 5035): ESSCertIDv2 with SHA-256 (the default, so the
 * hashAlgorithm field is omitted), certHash, and issuerSerial.
 *
 * @example
 * ```ts
 * const value = signingCertificateV2(signer.certificate);
 * ```
 */
export function signingCertificateV2(certificate: Uint8Array): Uint8Array {
  const { issuer, serialNumber } = certificateId(certificate);
  const certHash = createHash('sha256').update(certificate).digest();
  const issuerSerial = seq(seq(tlv(0xa4, issuer)), serialNumber);
  return seq(seq(seq(octetString(certHash), issuerSerial)));
}

/**
 * The DER `SET OF Attribute` that is signed (tag 0x31: exactly the bytes to hash and sign, RFC 5652 §5.4).
 *
 * @example
 * ```ts
 * const toBeSigned = buildSignedAttributes(signer.certificate, byteRangeDigest, 'SHA-256');
 * const signatureValue = await signer.sign(toBeSigned);
 * ```
 */
export function buildSignedAttributes(certificate: Uint8Array, contentDigest: Uint8Array, hash: HashAlgorithm): Uint8Array {
  const expected = createHash(nodeHashName(hash)).digest().length;
  if (contentDigest.length !== expected) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `digest must be ${expected} bytes for ${hash}` });
  }
  return setOf(
    attribute(CMS_OIDS.contentType, oid(CMS_OIDS.data)),
    attribute(CMS_OIDS.messageDigest, octetString(contentDigest)),
    attribute(CMS_OIDS.signingCertificateV2, signingCertificateV2(certificate)),
  );
}
