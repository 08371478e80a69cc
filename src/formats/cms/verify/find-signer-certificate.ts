/**
 * Identify the signer's certificate of a SignerInfo by its `sid` (RFC 5652 §5.3): issuerAndSerialNumber or
 * subjectKeyIdentifier, among candidate certificates (those of the SignedData first, then any supplied).
 * Names are compared as DER bytes first; a differently encoded but equal name falls back to RFC 5280 matching.
 * @module
 */
import * as pkijs from 'pkijs';
import { bytesEqual } from './bytes.js';
import { certificateFields, type CertificateFields } from './certificate-fields.js';
import type { SignerIdentifier } from './parse-signed-data.js';

/** A candidate certificate: raw DER and its identification fields. */
export type CandidateCertificate = CertificateFields;

/**
 * Read DER certificates, skipping unparsable ones (they cannot be the signer anyway).
 *
 * @example
 * ```ts
 * const candidates = parseCandidates(parsed.certificates);
 * ```
 */
export function parseCandidates(ders: readonly Uint8Array[]): CandidateCertificate[] {
  const out: CandidateCertificate[] = [];
  for (const der of ders) {
    const fields = certificateFields(der);
    if (fields) out.push(fields);
  }
  return out;
}

/**
 * `true` when two DER Names are the same name: byte-equal, or equal under RFC 5280 §7.1 comparison.
 *
 * @example
 * ```ts
 * namesEqual(sidIssuer, cert.issuer)
 * ```
 */
export function namesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (bytesEqual(a, b)) return true;
  try {
    const x = pkijs.RelativeDistinguishedNames.fromBER(a.slice());
    const y = pkijs.RelativeDistinguishedNames.fromBER(b.slice());
    return x.isEqual(y);
  } catch {
    return false;
  }
}

/**
 * Find the certificate a SignerInfo names, or `undefined`.
 *
 * @example
 * ```ts
 * const cert = findSignerCertificate(signerInfo.sid, parseCandidates(parsed.certificates));
 * ```
 */
export function findSignerCertificate(sid: SignerIdentifier, candidates: readonly CandidateCertificate[]): CandidateCertificate | undefined {
  if (sid.kind === 'keyId') return candidates.find((c) => c.keyId !== undefined && bytesEqual(c.keyId, sid.keyId));
  return candidates.find((c) => bytesEqual(c.serial, sid.serial) && namesEqual(c.issuer, sid.issuer));
}
