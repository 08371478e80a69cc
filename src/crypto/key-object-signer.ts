/**
 * A {@link Signer} over an in-memory node:crypto private key. PEM, PKCS#12 and CryptoKey sources all end here:
 * the key is parsed once into a KeyObject and reused for every signature.
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { readCertificate, readCertificates, type CertificateInput } from './certificate-input.js';
import { assertDigestLengths } from './digest.js';
import { assertAlgorithmFitsKey, defaultSignatureAlgorithm, type DefaultAlgorithmOptions } from './key-algorithm.js';
import { keyMatchesCertificate } from './key-match.js';
import { signDigestWithKey, signMessageWithKey } from './key-sign.js';
import type { SignatureAlgorithm, Signer } from './types.js';

/** Algorithm choice shared by every key source. */
export interface SignerAlgorithmOptions extends DefaultAlgorithmOptions {
  /** The exact algorithm; default: {@link defaultSignatureAlgorithm} of the key (with `hash`/`rsaScheme`). */
  algorithm?: SignatureAlgorithm;
}

/** Options for {@link keyObjectSigner}. */
export interface KeyObjectSignerOptions extends SignerAlgorithmOptions {
  /** The private key (type `'private'`). */
  privateKey: KeyObject;
  /** The signer's certificate (DER bytes, PEM text or PEM bytes). */
  certificate: CertificateInput;
  /** Further certificates (intermediates…), as an array or one PEM text. */
  chain?: readonly CertificateInput[] | string;
}

/**
 * Make a {@link Signer} from a node:crypto private key and its certificate. Throws KEY_CERT_MISMATCH when the
 * key is not the certificate's, UNSUPPORTED_ALGORITHM when the algorithm does not fit the key.
 *
 * @example
 * ```ts
 * const signer = keyObjectSigner({ privateKey: createPrivateKey(pem), certificate: certPem });
 * const sig = await signer.sign(bytes);
 * ```
 */
export function keyObjectSigner(options: KeyObjectSignerOptions): Signer {
  const { privateKey } = options;
  if (!privateKey || privateKey.type !== 'private') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'privateKey must be a private KeyObject' });
  }
  const { der, x509 } = readCertificate(options.certificate);
  if (!keyMatchesCertificate(privateKey, x509)) {
    throw new EdusignError('KEY_CERT_MISMATCH', { context: { subject: x509.subject } });
  }
  const algorithm = options.algorithm ?? defaultSignatureAlgorithm(privateKey, options);
  assertAlgorithmFitsKey(algorithm, privateKey);
  const chain = readCertificates(options.chain);
  return Object.freeze({
    certificate: der,
    chain: Object.freeze(chain),
    algorithm: Object.freeze({ ...algorithm }),
    async sign(toBeSigned: Uint8Array): Promise<Uint8Array> {
      return signMessageWithKey(privateKey, algorithm, toBeSigned);
    },
    async signDigests(digests: readonly Uint8Array[]): Promise<Uint8Array[]> {
      assertDigestLengths(algorithm.hash, digests);
      return digests.map((d) => signDigestWithKey(privateKey, algorithm, d));
    },
  });
}
