/**
 * Does a private key belong to a certificate? Compares the SubjectPublicKeyInfo derived from the private key
 * with the certificate's.
 * @module
 */
import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';

/**
 * True when `privateKey` is the key of `certificate`.
 *
 * @example
 * ```ts
 * keyMatchesCertificate(privateKey, new X509Certificate(certDer)); // true
 * ```
 */
export function keyMatchesCertificate(privateKey: KeyObject, certificate: X509Certificate): boolean {
  try {
    const fromKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const fromCert = certificate.publicKey.export({ format: 'der', type: 'spki' });
    return fromKey.equals(fromCert);
  } catch {
    return false;
  }
}
