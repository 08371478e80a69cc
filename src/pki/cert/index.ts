/**
 * Certificates: parsing (PEM/DER/PKCS#7), decoding, user-level descriptions, signature checks.
 * @module
 */
export { parseCertificates, certificatesFromPkcs7, MAX_CERTIFICATE_INPUT_BYTES } from './parse-certificates.js';
export { decodeCertificate, type DecodedCertificate } from './decode-certificate.js';
export { describeCertificate, type CertificateDescription, type NameDescription } from './describe-certificate.js';
export { decodeName, namesMatch, attributeValues, type DistinguishedName, type NameAttribute } from './name.js';
export { subjectIdentifiers, type SubjectIdentifier, type IdentifierKind } from './identifiers.js';
export { describePublicKey, type PublicKeyInfo } from './public-key.js';
export {
  signatureAlgorithmInfo, verifyCertificateSignature, type SignatureAlgorithmInfo, type SignatureCheck, type CertificateHash,
} from './signature-algorithm.js';
export {
  EXTENSION_OIDS, EKU_NAMES, KEY_USAGE_NAMES, type CertificateExtensions, type KeyUsage, type RawCertificateExtension,
} from './extensions.js';
export { decodeGeneralNames, decodeGeneralName, type GeneralName } from './general-names.js';
