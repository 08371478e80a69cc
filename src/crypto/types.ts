/**
 * The Signer abstraction: one shape for every key source (PKCS#12, PEM, WebCrypto, PKCS#11 token,
 * remote signing service). Formats (PAdES/XAdES/JAdES) only ever talk to a {@link Signer}.
 * @module
 */

/** Digest algorithms accepted for signatures. */
export type HashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Elliptic curves accepted for ECDSA keys. */
export type NamedCurve = 'P-256' | 'P-384';

/**
 * A signature algorithm, named as in WebCrypto.
 * ECDSA signature values are always in IEEE P1363 form (`r || s`, fixed width) everywhere in this SDK;
 * CMS code converts to DER with `ecdsaP1363ToDer` (src/crypto/ecdsa-encoding.ts).
 */
export type SignatureAlgorithm =
  | { name: 'RSASSA-PKCS1-v1_5'; hash: HashAlgorithm }
  | { name: 'RSA-PSS'; hash: HashAlgorithm; saltLength: number }
  | { name: 'ECDSA'; hash: HashAlgorithm; namedCurve: NamedCurve };

/**
 * A key that can sign, with its certificate.
 *
 * @example
 * ```ts
 * const signer = await loadPkcs12Signer(p12Bytes, 'password');
 * const signature = await signer.sign(new TextEncoder().encode('hello'));
 * ```
 */
export interface Signer {
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  /** DER of further certificates offered with the key (intermediates, maybe the root), signer first excluded. */
  readonly chain: readonly Uint8Array[];
  /** The algorithm {@link Signer.sign} uses. */
  readonly algorithm: SignatureAlgorithm;
  /** Hash `toBeSigned` with `algorithm.hash` and sign it. ECDSA results are P1363 (`r || s`). */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
  /**
   * Sign N pre-computed digests (made with `algorithm.hash`) in one operation: one PIN entry on a token,
   * one confirmation on a remote service. Results are in input order.
   */
  signDigests(digests: readonly Uint8Array[]): Promise<Uint8Array[]>;
}
