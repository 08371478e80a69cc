/**
 * Identify the signer's certificate of a SignerInfo by its `sid` (RFC 5652 §5.3): issuerAndSerialNumber or
 * subjectKeyIdentifier, among candidate certificates (those of the SignedData first, then any supplied).
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual } from './bytes.js';

/** A certificate both as raw DER and parsed. */
export interface CandidateCertificate {
  der: Uint8Array;
  parsed: pkijs.Certificate;
}

/**
 * Parse DER certificates, silently skipping unparsable ones (they cannot be the signer anyway).
 *
 * @example
 * ```ts
 * const candidates = parseCandidates(parsed.certificates);
 * ```
 */
export function parseCandidates(ders: readonly Uint8Array[]): CandidateCertificate[] {
  const out: CandidateCertificate[] = [];
  for (const der of ders) {
    try {
      out.push({ der, parsed: pkijs.Certificate.fromBER(der.slice()) });
    } catch {
      // not a certificate: ignore
    }
  }
  return out;
}

function subjectKeyIdentifier(cert: pkijs.Certificate): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  if (!ext) return undefined;
  try {
    const inner = asn1js.fromBER(ext.extnValue.getValue());
    if (inner.result instanceof asn1js.OctetString) return new Uint8Array(inner.result.getValue());
  } catch {
    return undefined;
  }
  return undefined;
}

function sidKeyIdentifier(sid: unknown): Uint8Array | undefined {
  if (sid instanceof asn1js.Constructed) {
    const first = sid.valueBlock.value[0];
    return first instanceof asn1js.OctetString ? new Uint8Array(first.getValue()) : undefined;
  }
  if (sid instanceof asn1js.BaseBlock) {
    const block = sid.valueBlock as unknown as { valueHexView?: Uint8Array };
    return block.valueHexView ? new Uint8Array(block.valueHexView) : undefined;
  }
  return undefined;
}

/**
 * Find the certificate a SignerInfo names, or `undefined`.
 *
 * @example
 * ```ts
 * const cert = findSignerCertificate(signerInfo, parseCandidates(parsed.certificates));
 * ```
 */
export function findSignerCertificate(
  signerInfo: pkijs.SignerInfo,
  candidates: readonly CandidateCertificate[],
): CandidateCertificate | undefined {
  const sid: unknown = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = new Uint8Array(sid.serialNumber.valueBlock.valueHexView);
    return candidates.find((c) =>
      bytesEqual(new Uint8Array(c.parsed.serialNumber.valueBlock.valueHexView), serial) && c.parsed.issuer.isEqual(sid.issuer));
  }
  const keyId = sidKeyIdentifier(sid);
  if (!keyId) return undefined;
  return candidates.find((c) => {
    const ski = subjectKeyIdentifier(c.parsed);
    return ski !== undefined && bytesEqual(ski, keyId);
  });
}
