/**
 * Converts a decoded certificate to the report's {@link ChainElement}.
 * @module
 */
import type { ChainElement } from '../types.js';
import type { DecodedCertificate } from '../cert/decode-certificate.js';

/**
 * The chain element of `cert`.
 *
 * @example
 * ```ts
 * toChainElement(decodeCertificate(der), 'trust-anchor').subject; // 'CN=Root CA Thử nghiệm (NEAC-like), …'
 * ```
 */
export function toChainElement(cert: DecodedCertificate, source: ChainElement['source']): ChainElement {
  return {
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    serialNumber: cert.serialNumber,
    sha256: cert.sha256,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    der: cert.der,
    source,
  };
}
