/**
 * Generic CMS / CAdES SignedData verification (used by PAdES signatures and RFC 3161 document timestamps).
 * @module
 */
export { verifySignedData } from './verify-signed-data.js';
export type { SignedDataVerification, VerifySignedDataOptions } from './verify-signed-data.js';
export { parseSignedData } from './parse-signed-data.js';
export type { ParsedSignedData } from './parse-signed-data.js';
export { readTstInfo } from './read-tst-info.js';
export type { TstInfoSummary } from './read-tst-info.js';
export { verifyTimestampTokenCrypto } from './verify-timestamp-token.js';
export type { TimestampTokenCheck } from './verify-timestamp-token.js';
export { finding } from './finding.js';
