/**
 * XAdES-specific algorithm handling: canonicalisation URIs, and the tolerant readers the verifier needs on top of
 * the crypto layer's XMLDSig mapping (`xmldsigDigestMethod`, `hashFromXmldsigDigestMethod`,
 * `xmldsigSignatureMethod`, `signatureAlgorithmFromXmldsig` in `src/crypto/algorithms.ts`, the one mapping).
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { EdusignError, isEdusignError } from '../../errors.js';
import { hashFromXmldsigDigestMethod, signatureAlgorithmFromXmldsig } from '../../crypto/algorithms.js';
import { describeKey } from '../../crypto/key-algorithm.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../../crypto/types.js';
import type { C14nMethod } from './xml/c14n.js';
import { C14N_URI } from './constants.js';

/** Canonicalisation choice of signing options. */
export type C14nChoice = 'exc-c14n' | 'c14n' | 'c14n11';

function refusedAsUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (isEdusignError(e) && e.code === 'UNSUPPORTED_ALGORITHM') return undefined;
    throw e;
  }
}

/**
 * The hash of a DigestMethod URI, `undefined` for SHA-1 and anything else the crypto layer refuses (the verifier
 * turns that into a finding, not an exception).
 *
 * @example
 * ```ts
 * digestMethodHash('http://www.w3.org/2001/04/xmlenc#sha512'); // 'SHA-512'
 * digestMethodHash('http://www.w3.org/2000/09/xmldsig#sha1');  // undefined
 * ```
 */
export function digestMethodHash(uri: string): HashAlgorithm | undefined {
  return refusedAsUndefined(() => hashFromXmldsigDigestMethod(uri));
}

/**
 * Whether a SignatureMethod URI is accepted at all (RSA PKCS#1 v1.5, RSA-PSS with salt = hash length, ECDSA, each
 * with SHA-256/384/512), whatever the key. SHA-1, HMAC and unknown URIs are not.
 *
 * @example
 * ```ts
 * isAcceptedSignatureMethod('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'); // true
 * isAcceptedSignatureMethod('http://www.w3.org/2000/09/xmldsig#rsa-sha1');          // false
 * ```
 */
export function isAcceptedSignatureMethod(uri: string): boolean {
  // The curve only completes an ECDSA answer; whether the URI is accepted does not depend on it.
  return refusedAsUndefined(() => signatureAlgorithmFromXmldsig(uri, { namedCurve: 'P-256' })) !== undefined;
}

/**
 * The {@link SignatureAlgorithm} a SignatureMethod URI names for this public key (ECDSA takes the key's curve);
 * `undefined` when the URI is refused or the key's type or curve is not supported. Whether the key fits the
 * algorithm (no RSA key under an ECDSA method) is checked by the crypto layer's `verifyMessageSignature`.
 *
 * @example
 * ```ts
 * signatureMethodForKey('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', cert.publicKey);
 * // { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }
 * ```
 */
export function signatureMethodForKey(uri: string, key: KeyObject): SignatureAlgorithm | undefined {
  const described = refusedAsUndefined(() => describeKey(key));
  if (!described) return undefined;
  return refusedAsUndefined(() => signatureAlgorithmFromXmldsig(uri, described.type === 'EC' ? { namedCurve: described.namedCurve } : {}));
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
