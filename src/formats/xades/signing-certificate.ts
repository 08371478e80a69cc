/**
 * Identification of the signing certificate (ETSI EN 319 102-1 §5.2.3): the certificate among those the
 * signature carries whose digest (and IssuerSerialV2) matches the signed SigningCertificateV2 — never simply
 * "the first certificate of KeyInfo".
 * @module
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../pki/indication.js';
import { nodeHashName } from '../../crypto/digest.js';
import { digestMethodHash } from './algorithms.js';
import { issuerSerialDer } from './cert.js';
import { NS } from './constants.js';
import { finding } from './findings.js';
import type { SignatureParts } from './locate.js';
import { attr, childElements, firstChild, textOf } from './xml/query.js';

/** Outcome of signing certificate identification. */
export interface SigningCertificateMatch {
  certificate?: Uint8Array;
  /** Whether the binding came from signed attributes (SigningCertificateV2/SigningCertificate). */
  bound: boolean;
  findings: Finding[];
}

/**
 * Find the signing certificate among `candidates` (KeyInfo and CertificateValues certificates).
 *
 * @example
 * ```ts
 * const m = identifySigningCertificate(parts, keyInfoCerts);
 * if (!m.certificate) report('NO_SIGNING_CERTIFICATE_FOUND');
 * ```
 */
export function identifySigningCertificate(parts: SignatureParts, candidates: readonly Uint8Array[]): SigningCertificateMatch {
  const ssp = parts.signedProperties && firstChild(parts.signedProperties, NS.xades, 'SignedSignatureProperties');
  const sc = ssp && (firstChild(ssp, NS.xades, 'SigningCertificateV2') ?? firstChild(ssp, NS.xades, 'SigningCertificate'));
  if (!sc) {
    const first = candidates[0];
    return {
      ...(first ? { certificate: first } : {}), bound: false,
      findings: [finding('XADES_SIGNING_CERTIFICATE_NOT_SIGNED', 'The signing certificate is not protected by the signature (no SigningCertificateV2)',
        'Chứng thư ký không được bảo vệ bởi chữ ký (không có SigningCertificateV2)')],
    };
  }
  const certEls = childElements(sc).filter((c) => c.local === 'Cert' && c.ns === NS.xades);
  const first = certEls[0];
  if (!first) return { bound: true, findings: [finding('XADES_SIGNING_CERTIFICATE_EMPTY', 'SigningCertificateV2 lists no certificate', 'SigningCertificateV2 không có chứng thư nào')] };
  const digestEl = firstChild(first, NS.xades, 'CertDigest');
  const dm = digestEl && firstChild(digestEl, NS.ds, 'DigestMethod');
  const dv = digestEl && firstChild(digestEl, NS.ds, 'DigestValue');
  const hash = dm ? digestMethodHash(attr(dm, 'Algorithm') ?? '') : undefined;
  if (!hash || !dv) {
    return { bound: true, findings: [finding('XADES_SIGNING_CERTIFICATE_DIGEST', 'Unsupported or missing CertDigest', 'CertDigest thiếu hoặc không được hỗ trợ')] };
  }
  const expected = textOf(dv).replace(/\s+/g, '');
  const issuerSerialV2 = firstChild(first, NS.xades, 'IssuerSerialV2');
  for (const cand of candidates) {
    if (createHash(nodeHashName(hash)).update(cand).digest('base64') !== expected) continue;
    if (issuerSerialV2) {
      let ok = false;
      try {
        ok = Buffer.from(issuerSerialDer(cand)).toString('base64') === textOf(issuerSerialV2).replace(/\s+/g, '');
      } catch { ok = false; }
      if (!ok) {
        return { bound: true, findings: [finding('XADES_ISSUER_SERIAL_MISMATCH', 'IssuerSerialV2 does not match the signing certificate', 'IssuerSerialV2 không khớp với chứng thư ký')] };
      }
    }
    return { certificate: cand, bound: true, findings: [] };
  }
  return { bound: true, findings: [finding('XADES_SIGNING_CERTIFICATE_NOT_FOUND', 'No certificate in the signature matches SigningCertificateV2',
    'Không có chứng thư nào trong chữ ký khớp với SigningCertificateV2')] };
}
