/**
 * Mapping between XMLDSig algorithm URIs and the SDK's algorithm names (RFC 6931 / XMLDSig 1.1).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../../crypto/types.js';
import type { C14nMethod } from './xml/c14n.js';
import { C14N_URI, DIGEST_URI } from './constants.js';

const HASH_BITS: Record<HashAlgorithm, string> = { 'SHA-256': '256', 'SHA-384': '384', 'SHA-512': '512' };

/** What a SignatureMethod URI means. */
export interface SignatureMethodInfo {
  kind: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA';
  hash: HashAlgorithm;
}

/** Canonicalisation choice of signing options. */
export type C14nChoice = 'exc-c14n' | 'c14n' | 'c14n11';

/**
 * The SignatureMethod URI for a signer's algorithm.
 *
 * @example
 * ```ts
 * signatureMethodUri({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' });
 * // 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'
 * ```
 */
export function signatureMethodUri(alg: SignatureAlgorithm): string {
  const bits = Object.hasOwn(HASH_BITS, alg.hash) ? HASH_BITS[alg.hash] : undefined;
  if (!bits) throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `hash ${String(alg.hash)}` });
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return `http://www.w3.org/2001/04/xmldsig-more#rsa-sha${bits}`;
    case 'ECDSA':
      return `http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha${bits}`;
    case 'RSA-PSS':
      if (alg.saltLength !== Number(bits) / 8) {
        throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: 'RSA-PSS in XML needs saltLength = hash length (RFC 6931 sha*-rsa-MGF1)' });
      }
      return `http://www.w3.org/2007/05/xmldsig-more#sha${bits}-rsa-MGF1`;
    default:
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: String((alg as { name?: unknown }).name) });
  }
}

/**
 * Parse a SignatureMethod URI; `undefined` for anything not allowed (SHA-1, HMAC, unknown).
 *
 * @example
 * ```ts
 * parseSignatureMethod('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'); // { kind: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
 * ```
 */
export function parseSignatureMethod(uri: string): SignatureMethodInfo | undefined {
  const m = /^http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#(rsa|ecdsa)-sha(256|384|512)$/.exec(uri);
  if (m) return { kind: m[1] === 'rsa' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA', hash: `SHA-${m[2]}` as HashAlgorithm };
  const p = /^http:\/\/www\.w3\.org\/2007\/05\/xmldsig-more#sha(256|384|512)-rsa-MGF1$/.exec(uri);
  if (p) return { kind: 'RSA-PSS', hash: `SHA-${p[1]}` as HashAlgorithm };
  return undefined;
}

/**
 * The DigestMethod URI of a hash.
 *
 * @example
 * ```ts
 * digestUri('SHA-256'); // 'http://www.w3.org/2001/04/xmlenc#sha256'
 * ```
 */
export function digestUri(hash: HashAlgorithm): string {
  const uri = Object.hasOwn(DIGEST_URI, hash) ? DIGEST_URI[hash] : undefined;
  if (!uri) throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `hash ${String(hash)}` });
  return uri;
}

/**
 * Parse a DigestMethod URI; `undefined` for SHA-1 and unknown URIs.
 *
 * @example
 * ```ts
 * parseDigestUri('http://www.w3.org/2001/04/xmlenc#sha512'); // 'SHA-512'
 * ```
 */
export function parseDigestUri(uri: string): HashAlgorithm | undefined {
  for (const [hash, u] of Object.entries(DIGEST_URI)) if (u === uri) return hash as HashAlgorithm;
  return undefined;
}

/**
 * The node.js hash name of a hash algorithm.
 *
 * @example
 * ```ts
 * nodeHash('SHA-384'); // 'sha384'
 * ```
 */
export function nodeHash(hash: HashAlgorithm): string {
  return hash.replace('-', '').toLowerCase();
}

/** A canonicalisation algorithm resolved from its URI. */
export interface C14nAlgorithm {
  method: C14nMethod;
  withComments: boolean;
}

/**
 * Parse a canonicalisation URI; `undefined` when it is not one of the six C14N algorithms.
 *
 * @example
 * ```ts
 * parseC14nUri('http://www.w3.org/2001/10/xml-exc-c14n#'); // { method: 'exc', withComments: false }
 * ```
 */
export function parseC14nUri(uri: string): C14nAlgorithm | undefined {
  switch (uri) {
    case C14N_URI.exc: return { method: 'exc', withComments: false };
    case C14N_URI.excWithComments: return { method: 'exc', withComments: true };
    case C14N_URI.c14n10: return { method: 'c14n10', withComments: false };
    case C14N_URI.c14n10WithComments: return { method: 'c14n10', withComments: true };
    case C14N_URI.c14n11: return { method: 'c14n11', withComments: false };
    case C14N_URI.c14n11WithComments: return { method: 'c14n11', withComments: true };
    default: return undefined;
  }
}

/**
 * The URI of a canonicalisation choice of the signing options.
 *
 * @example
 * ```ts
 * c14nUri('c14n11'); // 'http://www.w3.org/2006/12/xml-c14n11'
 * ```
 */
export function c14nUri(choice: C14nChoice = 'exc-c14n'): string {
  switch (choice) {
    case 'exc-c14n': return C14N_URI.exc;
    case 'c14n': return C14N_URI.c14n10;
    case 'c14n11': return C14N_URI.c14n11;
    default: throw new EdusignError('INVALID_ARGUMENT', { detail: `canonicalization ${String(choice)}` });
  }
}
