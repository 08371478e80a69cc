/**
 * Accept a certificate as DER bytes, PEM text or PEM bytes, and give back DER plus node's parsed view.
 * (Describing certificates for users is the PKI layer's job; this only gets the public key out.)
 * @module
 */
import { X509Certificate } from 'node:crypto';
import { EdusignError } from '../errors.js';

/** A certificate in any of the accepted encodings. */
export type CertificateInput = Uint8Array | string;

const PEM_CERT = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

/** DER always starts with a SEQUENCE (0x30); anything else is read as text (PEM, possibly after "Bag Attributes"). */
function looksLikePem(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] !== 0x30;
}

/**
 * All certificates in a PEM text (in order).
 *
 * @example
 * ```ts
 * const ders = pemCertificatesToDer(readFileSync('chain.pem', 'utf8'));
 * ```
 */
export function pemCertificatesToDer(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of pem.matchAll(PEM_CERT)) out.push(new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')));
  return out;
}

/**
 * Parse one certificate (DER, PEM text or PEM bytes) and return its DER and node:crypto view.
 * Throws CERT_MALFORMED when it is not exactly one readable X.509 certificate.
 *
 * @example
 * ```ts
 * const { der, x509 } = readCertificate(readFileSync('teacher.pem'));
 * ```
 */
export function readCertificate(input: CertificateInput): { der: Uint8Array; x509: X509Certificate } {
  let der: Uint8Array;
  if (typeof input === 'string' || looksLikePem(input)) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    const all = pemCertificatesToDer(text);
    if (all.length !== 1) {
      throw new EdusignError('CERT_MALFORMED', { detail: `expected one PEM certificate, found ${all.length}` });
    }
    der = all[0] as Uint8Array;
  } else if (input instanceof Uint8Array) {
    der = input;
  } else {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'certificate must be bytes or PEM text' });
  }
  try {
    const x509 = new X509Certificate(der);
    return { der: new Uint8Array(x509.raw), x509 };
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'not a readable X.509 certificate', cause });
  }
}

/**
 * Read several certificates: an array of inputs, or one PEM text holding many.
 *
 * @example
 * ```ts
 * const chain = readCertificates([intermediatePem, rootDer]);
 * ```
 */
export function readCertificates(input: readonly CertificateInput[] | string | undefined): Uint8Array[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return pemCertificatesToDer(input).map((der) => readCertificate(der).der);
  return input.flatMap((item) => typeof item === 'string' ? readCertificates(item) : [readCertificate(item).der]);
}
