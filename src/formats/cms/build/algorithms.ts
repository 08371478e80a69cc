/**
 * AlgorithmIdentifiers for CMS: digest algorithms and signature algorithms (RFC 5754, RFC 4056, RFC 5758).
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../../../crypto/types.js';
import { ctx, integer, nullDer, oid, seq } from './der.js';

const DIGEST_OIDS: Record<HashAlgorithm, string> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

/**
 * The node:crypto name of a hash (`sha256`, …).
 *
 * @example
 * ```ts
 * createHash(nodeHashName('SHA-256'))
 * ```
 */
export function nodeHashName(hash: HashAlgorithm): string {
  return hash.replace('-', '').toLowerCase();
}

/**
 * DigestAlgorithmIdentifier (parameters absent, RFC 5754 §2).
 *
 * @example
 * ```ts
 * digestAlgorithmId('SHA-256')
 * ```
 */
export function digestAlgorithmId(hash: HashAlgorithm): Uint8Array {
  const id = DIGEST_OIDS[hash];
  if (!id) throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: String(hash) });
  return seq(oid(id));
}

const RSA_OIDS: Record<HashAlgorithm, string> = {
  'SHA-256': '1.2.840.113549.1.1.11', 'SHA-384': '1.2.840.113549.1.1.12', 'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_OIDS: Record<HashAlgorithm, string> = {
  'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4',
};

/**
 * SignatureAlgorithmIdentifier for a {@link SignatureAlgorithm}.
 *
 * @example
 * ```ts
 * signatureAlgorithmId({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' })
 * ```
 */
export function signatureAlgorithmId(alg: SignatureAlgorithm): Uint8Array {
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5': return seq(oid(RSA_OIDS[alg.hash]), nullDer());
    case 'ECDSA': return seq(oid(ECDSA_OIDS[alg.hash]));
    case 'RSA-PSS': {
      const hashId = seq(oid(DIGEST_OIDS[alg.hash]));
      return seq(oid('1.2.840.113549.1.1.10'), seq(
        ctx(0, hashId),
        ctx(1, seq(oid('1.2.840.113549.1.1.8'), hashId)),
        ctx(2, integer(alg.saltLength)),
      ));
    }
    default: throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: JSON.stringify(alg) });
  }
}
