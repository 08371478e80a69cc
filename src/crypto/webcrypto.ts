/**
 * Key source: a WebCrypto `CryptoKey` (node's `crypto.webcrypto` or `globalThis.crypto`). `sign()` goes through
 * `subtle.sign`; `signDigests()` needs the raw key operation WebCrypto does not offer, so it goes through node's
 * KeyObject view of the same key (RSA: raw RSA, no export; ECDSA: only for extractable keys, see below).
 * @module
 */
import { KeyObject, webcrypto } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { readCertificate, readCertificates, type CertificateInput } from './certificate-input.js';
import { assertDigestLengths, hashLength } from './digest.js';
import { assertAlgorithmFitsKey } from './key-algorithm.js';
import { keyMatchesCertificate } from './key-match.js';
import { signDigestWithKey } from './key-sign.js';
import type { HashAlgorithm, NamedCurve, SignatureAlgorithm, Signer } from './types.js';

type WebCryptoKey = webcrypto.CryptoKey;

/** Options for {@link cryptoKeySigner}. */
export interface CryptoKeySignerOptions {
  /** Hash for an ECDSA key (default SHA-256 for P-256, SHA-384 for P-384). RSA keys carry their hash. */
  hash?: HashAlgorithm;
  /** Salt length for an RSA-PSS key (default: the hash length). */
  saltLength?: number;
}

function hashName(value: unknown): HashAlgorithm {
  const name = typeof value === 'string' ? value : (value as { name?: unknown } | undefined)?.name;
  if (name === 'SHA-256' || name === 'SHA-384' || name === 'SHA-512') return name;
  throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `CryptoKey hash ${String(name)}` });
}

/**
 * The {@link SignatureAlgorithm} a CryptoKey signs with.
 *
 * @example
 * ```ts
 * algorithmOfCryptoKey(keyPair.privateKey); // { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }
 * ```
 */
export function algorithmOfCryptoKey(key: WebCryptoKey, options: CryptoKeySignerOptions = {}): SignatureAlgorithm {
  const alg = key.algorithm as { name: string; hash?: unknown; namedCurve?: string };
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return { name: 'RSASSA-PKCS1-v1_5', hash: hashName(alg.hash) };
    case 'RSA-PSS': {
      const hash = hashName(alg.hash);
      return { name: 'RSA-PSS', hash, saltLength: options.saltLength ?? hashLength(hash) };
    }
    case 'ECDSA': {
      const curve = alg.namedCurve;
      if (curve !== 'P-256' && curve !== 'P-384') throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `curve ${curve}` });
      return { name: 'ECDSA', namedCurve: curve as NamedCurve, hash: options.hash ?? (curve === 'P-384' ? 'SHA-384' : 'SHA-256') };
    }
    default:
      throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `CryptoKey algorithm ${alg.name}` });
  }
}

function subtleParams(algorithm: SignatureAlgorithm): webcrypto.AlgorithmIdentifier | webcrypto.RsaPssParams | webcrypto.EcdsaParams {
  if (algorithm.name === 'RSA-PSS') return { name: 'RSA-PSS', saltLength: algorithm.saltLength };
  if (algorithm.name === 'ECDSA') return { name: 'ECDSA', hash: algorithm.hash };
  return { name: 'RSASSA-PKCS1-v1_5' };
}

/**
 * Make a {@link Signer} from a private CryptoKey (usage `sign`) and its certificate.
 * Throws KEY_CERT_MISMATCH when the key is not the certificate's.
 *
 * `signDigests()`: RSA keys use node's raw RSA operation on the same key (nothing is exported). ECDSA over a
 * digest needs the private scalar in JavaScript (node:crypto has no pre-hashed ECDSA), so it is only done for
 * `extractable` EC keys; a non-extractable EC key gives UNSUPPORTED_ALGORITHM — use `sign()` on the data instead.
 *
 * @example
 * ```ts
 * const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
 * const signer = cryptoKeySigner(privateKey, certDer);
 * ```
 */
export function cryptoKeySigner(
  cryptoKey: WebCryptoKey,
  certificate: CertificateInput,
  chain?: readonly CertificateInput[] | string,
  options: CryptoKeySignerOptions = {},
): Signer {
  if (!cryptoKey || cryptoKey.type !== 'private' || !cryptoKey.usages.includes('sign')) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'need a private CryptoKey with usage "sign"' });
  }
  const algorithm = algorithmOfCryptoKey(cryptoKey, options);
  const { der, x509 } = readCertificate(certificate);
  const keyObject = KeyObject.from(cryptoKey);
  if (!keyMatchesCertificate(keyObject, x509)) throw new EdusignError('KEY_CERT_MISMATCH', { context: { subject: x509.subject } });
  assertAlgorithmFitsKey(algorithm, x509.publicKey);
  const params = subtleParams(algorithm);
  return Object.freeze({
    certificate: der,
    chain: Object.freeze(readCertificates(chain)),
    algorithm: Object.freeze({ ...algorithm }),
    async sign(toBeSigned: Uint8Array): Promise<Uint8Array> {
      try {
        return new Uint8Array(await webcrypto.subtle.sign(params, cryptoKey, toBeSigned));
      } catch (cause) {
        throw new EdusignError('SIGNER_FAILED', { detail: (cause as Error).message, cause });
      }
    },
    async signDigests(digests: readonly Uint8Array[]): Promise<Uint8Array[]> {
      assertDigestLengths(algorithm.hash, digests);
      if (algorithm.name === 'ECDSA' && !cryptoKey.extractable) {
        throw new EdusignError('UNSUPPORTED_ALGORITHM', {
          detail: 'ECDSA over a pre-computed digest needs an extractable CryptoKey (WebCrypto has no pre-hashed ECDSA); sign the data with sign() instead',
          detailVi: 'ECDSA trên giá trị băm có sẵn cần CryptoKey cho phép trích xuất; hãy dùng sign() trên dữ liệu',
        });
      }
      return digests.map((d) => signDigestWithKey(keyObject, algorithm, d));
    },
  });
}
