/**
 * Trust stores: anchors vs intermediates, SHA-256 pinning, loading from files and directories.
 * @module
 */
export { TrustStore, createTrustStore, type TrustStoreInit, type CertificateSource } from './trust-store.js';
export { loadTrustStore, CERTIFICATE_FILE_EXTENSIONS, type TrustStorePaths } from './load-trust-store.js';
export { normaliseSha256, sha256Hex, formatFingerprint } from './fingerprint.js';
