/**
 * Digest algorithm OIDs of timestamp tokens. Internal.
 * @module
 */
import type { HashAlgorithm } from '../../crypto/types.js';

/** OID of each accepted hash algorithm. */
export const HASH_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

/** node:crypto names of every digest a token may use (SHA-1 is read, never accepted for new tokens). */
export const NODE_HASH_BY_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * The {@link HashAlgorithm} named by an OID, or `undefined` (SHA-1, unknown).
 * @example
 * ```ts
 * hashAlgorithmOf('2.16.840.1.101.3.4.2.1') // 'SHA-256'
 * ```
 */
export function hashAlgorithmOf(oid: string): HashAlgorithm | undefined {
  return (Object.keys(HASH_OIDS) as HashAlgorithm[]).find((name) => HASH_OIDS[name] === oid);
}
