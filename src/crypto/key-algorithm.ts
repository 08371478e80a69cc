/**
 * What a key can do: its type and size, the default signature algorithm for it, and whether a requested
 * algorithm fits it.
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { readCertificate, type CertificateInput } from './certificate-input.js';
import { hashLength } from './digest.js';
import type { HashAlgorithm, NamedCurve, SignatureAlgorithm } from './types.js';

/** A public (or private) key, described. */
export type KeyDescription =
  | { readonly type: 'RSA'; readonly modulusLength: number }
  | { readonly type: 'RSA-PSS'; readonly modulusLength: number }
  | { readonly type: 'EC'; readonly namedCurve: NamedCurve };

/** Options for {@link defaultSignatureAlgorithm}. */
export interface DefaultAlgorithmOptions {
  /** Hash to use (default: SHA-256 for RSA and P-256, SHA-384 for P-384). */
  hash?: HashAlgorithm;
  /** RSA padding scheme for an `rsaEncryption` key (default `'pkcs1'`, what Vietnamese CAs and TT06 expect). */
  rsaScheme?: 'pkcs1' | 'pss';
}

/**
 * Describe a node:crypto key. Throws UNSUPPORTED_ALGORITHM for Ed25519, DSA, other curves…
 *
 * @example
 * ```ts
 * describeKey(x509.publicKey); // { type: 'EC', namedCurve: 'P-256' }
 * ```
 */
export function describeKey(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa': return { type: 'RSA', modulusLength: details.modulusLength ?? 0 };
    case 'rsa-pss': return { type: 'RSA-PSS', modulusLength: details.modulusLength ?? 0 };
    case 'ec': {
      const curve = details.namedCurve;
      if (curve === 'prime256v1' || curve === 'P-256') return { type: 'EC', namedCurve: 'P-256' };
      if (curve === 'secp384r1' || curve === 'P-384') return { type: 'EC', namedCurve: 'P-384' };
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `EC curve ${String(curve)}` });
    }
    default:
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `key type ${String(key.asymmetricKeyType)}` });
  }
}

/**
 * The signature algorithm to use with a key (or a certificate's key: DER/PEM) when the caller did not choose one:
 * RSA PKCS#1 v1.5 + SHA-256, RSA-PSS (salt = hash length) for `id-RSASSA-PSS` keys, ECDSA P-256 + SHA-256,
 * ECDSA P-384 + SHA-384.
 *
 * @example
 * ```ts
 * defaultSignatureAlgorithm(certDer); // { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
 * defaultSignatureAlgorithm(ecPublicKey); // { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }
 * ```
 */
export function defaultSignatureAlgorithm(key: KeyObject | CertificateInput, options: DefaultAlgorithmOptions = {}): SignatureAlgorithm {
  const d = describeKey(typeof key === 'string' || key instanceof Uint8Array ? readCertificate(key).x509.publicKey : key);
  if (d.type === 'EC') {
    const hash = options.hash ?? (d.namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256');
    return { name: 'ECDSA', hash, namedCurve: d.namedCurve };
  }
  const hash = options.hash ?? 'SHA-256';
  if (d.type === 'RSA-PSS' || options.rsaScheme === 'pss') return { name: 'RSA-PSS', hash, saltLength: hashLength(hash) };
  return { name: 'RSASSA-PKCS1-v1_5', hash };
}

/**
 * Throw UNSUPPORTED_ALGORITHM (or INVALID_ARGUMENT) unless `algorithm` can be used with `key`.
 *
 * @example
 * ```ts
 * assertAlgorithmFitsKey({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, publicKey);
 * ```
 */
export function assertAlgorithmFitsKey(algorithm: SignatureAlgorithm, key: KeyObject): void {
  const d = describeKey(key);
  hashLength(algorithm.hash);
  const fail = (detail: string): never => {
    throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail, detailVi: detail });
  };
  if (algorithm.name === 'ECDSA') {
    if (d.type !== 'EC') fail(`ECDSA needs an EC key, got ${d.type}`);
    else if (d.namedCurve !== algorithm.namedCurve) fail(`key is on ${d.namedCurve}, algorithm says ${algorithm.namedCurve}`);
    return;
  }
  if (d.type === 'EC') fail(`${algorithm.name} needs an RSA key, got EC`);
  if (d.type === 'RSA-PSS' && algorithm.name !== 'RSA-PSS') fail('an id-RSASSA-PSS key can only make RSA-PSS signatures');
  if (algorithm.name === 'RSA-PSS') {
    const emLen = Math.ceil(((d as { modulusLength: number }).modulusLength - 1) / 8);
    if (!Number.isSafeInteger(algorithm.saltLength) || algorithm.saltLength < 0 ||
      emLen < hashLength(algorithm.hash) + algorithm.saltLength + 2) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: `RSA-PSS salt length ${algorithm.saltLength} does not fit the key` });
    }
  }
}
