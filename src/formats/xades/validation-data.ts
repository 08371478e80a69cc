/**
 * B-LT: CertificateValues and RevocationValues (ETSI EN 319 132-1 §5.5.1) for the signer's chain and the
 * chains of the TSAs of the signature's timestamps, gathered through the PKI layer (fetcher, cache, offline).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import { certificatesFromPkcs7 } from '../../pki/cert/index.js';
import { checkRevocation } from '../../pki/index.js';
import { assembleChain } from './chain.js';
import { NS } from './constants.js';
import { finding } from './findings.js';
import { findSignatureById, signatureParts, type SignatureParts } from './locate.js';
import type { XmlSignOptionsBase } from './options.js';
import { appendUnsignedProperties } from './unsigned-properties.js';
import { buildIdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import { childElements, firstChild, textOf } from './xml/query.js';

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Certificates of KeyInfo (signer first as written).
 *
 * @example
 * ```ts
 * keyInfoCertificates(parts).length;
 * ```
 */
export function keyInfoCertificates(parts: SignatureParts): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (!parts.keyInfo) return out;
  for (const data of childElements(parts.keyInfo)) {
    if (data.local !== 'X509Data' || data.ns !== NS.ds) continue;
    for (const c of childElements(data)) {
      if (c.local === 'X509Certificate' && c.ns === NS.ds) out.push(new Uint8Array(Buffer.from(textOf(c), 'base64')));
    }
  }
  return out;
}

/**
 * DER tokens of the signature's timestamps (SignatureTimeStamp and ArchiveTimeStamp).
 *
 * @example
 * ```ts
 * timestampTokens(parts).map((t) => t.element.local);
 * ```
 */
export function timestampTokens(parts: SignatureParts): { element: import('./xml/types.js').XElement; token: Uint8Array }[] {
  const out: { element: import('./xml/types.js').XElement; token: Uint8Array }[] = [];
  if (!parts.unsignedSignatureProperties) return out;
  for (const p of childElements(parts.unsignedSignatureProperties)) {
    if (p.local !== 'SignatureTimeStamp' && p.local !== 'ArchiveTimeStamp') continue;
    const enc = firstChild(p, NS.xades, 'EncapsulatedTimeStamp');
    if (enc) out.push({ element: p, token: new Uint8Array(Buffer.from(textOf(enc), 'base64')) });
  }
  return out;
}

function uniq(list: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = b64(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Gather and embed CertificateValues and RevocationValues for signature `signatureId`; returns the new text.
 * Needs `options.trustStore` (anchors and intermediates to complete the chains). Revocation that cannot be
 * obtained is a warning (the signature stays at B-T for that certificate), never silently skipped.
 *
 * @example
 * ```ts
 * const { text: lt } = await addValidationData(btText, 'sig-1', { trustStore, fetcher, cache });
 * ```
 */
export async function addValidationData(text: string, signatureId: string, options: XmlSignOptionsBase): Promise<{ text: string; warnings: Finding[] }> {
  if (!options.trustStore) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'level B-LT needs a trust store (options.trustStore)', detailVi: 'mức B-LT cần kho chứng thư tin cậy (options.trustStore)' });
  }
  const doc = parseXml(text, { ...options.limits, maxBytes: Number.MAX_SAFE_INTEGER });
  const parts = signatureParts(findSignatureById(buildIdIndex(doc), signatureId));
  const keyInfo = keyInfoCertificates(parts);
  const leaf = keyInfo[0];
  if (!leaf) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'no certificate in KeyInfo' });
  const pool = [...keyInfo, ...options.trustStore.intermediates, ...options.trustStore.anchors];
  const chains: Uint8Array[][] = [await assembleChain(leaf, pool)];
  for (const { token } of timestampTokens(parts)) {
    const tokenCerts = certificatesFromPkcs7(token);
    const tsaLeaf = tokenCerts[0];
    if (tsaLeaf) chains.push(await assembleChain(tsaLeaf, [...tokenCerts, ...pool]));
  }
  const warnings: Finding[] = [];
  const crls: Uint8Array[] = [];
  const ocsps: Uint8Array[] = [];
  for (const chain of chains) {
    const checks = await checkRevocation(chain, {
      ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
      ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { policy: options.revocation } : {}),
    });
    for (const c of checks) {
      if (c.raw && c.source === 'crl') crls.push(c.raw);
      else if (c.raw && c.source === 'ocsp') ocsps.push(c.raw);
      if (c.status === 'revoked') {
        warnings.push(finding('XADES_LT_CERT_REVOKED', `Certificate is revoked: ${c.subject}`, `Chứng thư số đã bị thu hồi: ${c.subject}`));
      } else if (!c.raw && c.status !== 'not-checked') {
        warnings.push(finding('XADES_LT_REVOCATION_MISSING', `No revocation data for ${c.subject}`, `Không có dữ liệu thu hồi cho ${c.subject}`));
      }
    }
  }
  const certs = uniq(chains.flat());
  const certXml = `<xades:CertificateValues>${certs.map((c) => `<xades:EncapsulatedX509Certificate>${b64(c)}</xades:EncapsulatedX509Certificate>`).join('')}</xades:CertificateValues>`;
  const crlXml = uniq(crls).map((c) => `<xades:EncapsulatedCRLValue>${b64(c)}</xades:EncapsulatedCRLValue>`).join('');
  const ocspXml = uniq(ocsps).map((c) => `<xades:EncapsulatedOCSPValue>${b64(c)}</xades:EncapsulatedOCSPValue>`).join('');
  const revXml = `<xades:RevocationValues>${crlXml ? `<xades:CRLValues>${crlXml}</xades:CRLValues>` : ''}${ocspXml ? `<xades:OCSPValues>${ocspXml}</xades:OCSPValues>` : ''}</xades:RevocationValues>`;
  return { text: appendUnsignedProperties(text, parts, [certXml, revXml]), warnings };
}
