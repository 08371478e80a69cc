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
