// ---- cert / trust / path: certificates, trust store, path validation (certificate engineer) ----
export {
  parseCertificates, certificatesFromPkcs7, decodeCertificate, describeCertificate, decodeName, namesMatch,
  subjectIdentifiers, describePublicKey, signatureAlgorithmInfo, verifyCertificateSignature,
} from './cert/index.js';
export type {
  DecodedCertificate, CertificateDescription, NameDescription, DistinguishedName, NameAttribute, SubjectIdentifier,
  IdentifierKind, PublicKeyInfo, SignatureAlgorithmInfo, SignatureCheck, CertificateExtensions, KeyUsage,
} from './cert/index.js';
export { TrustStore, createTrustStore, loadTrustStore, normaliseSha256, formatFingerprint } from './trust/index.js';
export type { TrustStoreInit, TrustStorePaths, CertificateSource } from './trust/index.js';
export { buildAndValidatePath, validatePath, PATH_FINDINGS, DEFAULT_LEGACY_ALGORITHMS_UNTIL } from './path/index.js';
export type { PathValidationOptions, PathValidationResult, PathSearchLimits, CryptoPolicy, PathFindingCode, PolicyOptions } from './path/index.js';
// ---- net: fetcher + cache (revocation engineer) ----
export { createFetcher } from './net/fetcher.js';
export type { FetcherOptions } from './net/fetcher.js';
export { createPkiCache } from './net/cache.js';
export type { PkiCache, PkiCacheOptions } from './net/cache.js';
// ---- revocation: CRL, OCSP, checkRevocation (revocation engineer) ----
export { parseCrl, crlToDer, CRL_REASONS } from './revocation/crl.js';
export type { ParsedCrl, CrlEntry } from './revocation/crl.js';
export { checkRevocation } from './revocation/check-revocation.js';
export type { CheckRevocationOptions } from './revocation/check-revocation.js';
export type { OcspMethod } from './revocation/ocsp-request.js';
// ---- tsa: RFC 3161 client and token reading (revocation engineer) ----
export { httpTimestampAuthority } from './tsa/http-authority.js';
export type { HttpTimestampAuthorityOptions } from './tsa/http-authority.js';
export { parseTimestampToken } from './tsa/parse-token.js';
export type { TimestampTokenInfo } from './tsa/parse-token.js';
export { buildTimestampRequest } from './tsa/request.js';
export type { TimestampRequest, TimestampRequestOptions } from './tsa/request.js';
// ---- validation, check before signing, timestamp verification (revocation engineer) ----
export { validateCertificate } from './validate-certificate.js';
export { checkSignerCertificate } from './check-signer.js';
export type { CheckSignerOptions, SignerCheckResult } from './check-signer.js';
export { verifyTimestampToken } from './tsa/verify-token.js';
export type { VerifyTimestampTokenOptions } from './tsa/verify-token.js';
