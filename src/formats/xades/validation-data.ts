/**
 * B-LT: CertificateValues and RevocationValues (ETSI EN 319 132-1 §5.5.1) for the signer's chain and the
 * chain of the TSA of the signature timestamp, gathered by the PKI layer's validation (fetcher, cache, offline).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import { validateCertificate, verifyTimestampToken } from '../../pki/index.js';
import type { ValidationData } from '../../pki/types.js';
import { signatureTimestampInput } from './signature-timestamp.js';
import { NS } from './constants.js';
import { finding } from './findings.js';
import { findSignatureById, signatureParts, type SignatureParts } from './locate.js';
import type { XmlSignOptionsBase } from './options.js';
import { levelValidationOptions } from './validation-options.js';
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
 * Needs a trust store (`options.validation.trustStore` or `options.check.trustStore`); `options.validationData` is
 * embedded as well. What could not be validated or gathered is a coded warning, never silence.
 *
 * @example
 * ```ts
 * const { text: lt } = await addValidationData(btText, 'sig-1', { validation: { trustStore, fetcher, cache } });
 * ```
 */
export async function addValidationData(text: string, signatureId: string, options: XmlSignOptionsBase): Promise<{ text: string; warnings: Finding[] }> {
  const { trustStore, ...rest } = levelValidationOptions(options);
  if (!trustStore) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'level B-LT needs a trust store (options.validation.trustStore or options.check.trustStore)',
      detailVi: 'mức B-LT cần kho chứng thư tin cậy (options.validation.trustStore hoặc options.check.trustStore)' });
  }
  const doc = parseXml(text, { ...options.limits, maxBytes: Number.MAX_SAFE_INTEGER });
  const parts = signatureParts(findSignatureById(buildIdIndex(doc), signatureId));
  const keyInfo = keyInfoCertificates(parts);
  const leaf = keyInfo[0];
  if (!leaf) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'no certificate in KeyInfo' });
  const net = { ...rest, trustStore };
  const warnings: Finding[] = [];
  const gathered: ValidationData[] = [];
  const signer = await validateCertificate(leaf, { ...net, purpose: 'documentSigning', extraCertificates: keyInfo });
  gathered.push(signer.validationData);
  if (signer.indication !== 'TOTAL_PASSED') {
    warnings.push(finding('XADES_LT_SIGNER_NOT_VALID', `The signer's certificate did not validate (${signer.subIndication ?? signer.indication}); its validation data is embedded as found`,
      `Chứng thư người ký không hợp lệ (${signer.subIndication ?? signer.indication}); dữ liệu kiểm tra được nhúng như hiện có`));
  }
  for (const { element, token } of timestampTokens(parts)) {
    if (element.local !== 'SignatureTimeStamp' || !parts.signatureValue) continue;
    const v = await verifyTimestampToken(token, { ...net, data: new TextEncoder().encode(signatureTimestampInput(parts)) });
    if (v.tsa) gathered.push(v.tsa.validationData);
    if (v.indication !== 'TOTAL_PASSED') {
      warnings.push(finding('XADES_LT_TIMESTAMP_NOT_VALID', `The signature timestamp did not validate (${v.subIndication ?? v.indication})`,
        `Dấu thời gian của chữ ký không hợp lệ (${v.subIndication ?? v.indication})`));
    }
  }
  const supplied = options.validationData ?? {};
  gathered.push({ certificates: supplied.certificates ?? [], crls: supplied.crls ?? [], ocspResponses: supplied.ocspResponses ?? [] });
  const certs = uniq(gathered.flatMap((g) => g.certificates));
  const crls = uniq(gathered.flatMap((g) => g.crls));
  const ocsps = uniq(gathered.flatMap((g) => g.ocspResponses));
  const certXml = `<xades:CertificateValues>${certs.map((c) => `<xades:EncapsulatedX509Certificate>${b64(c)}</xades:EncapsulatedX509Certificate>`).join('')}</xades:CertificateValues>`;
  const crlXml = crls.map((c) => `<xades:EncapsulatedCRLValue>${b64(c)}</xades:EncapsulatedCRLValue>`).join('');
  const ocspXml = ocsps.map((c) => `<xades:EncapsulatedOCSPValue>${b64(c)}</xades:EncapsulatedOCSPValue>`).join('');
  if (!crlXml && !ocspXml) {
    warnings.push(finding('XADES_LT_NO_REVOCATION_DATA', 'No revocation data could be gathered', 'Không thu thập được dữ liệu thu hồi nào'));
  }
  const revXml = `<xades:RevocationValues>${crlXml ? `<xades:CRLValues>${crlXml}</xades:CRLValues>` : ''}${ocspXml ? `<xades:OCSPValues>${ocspXml}</xades:OCSPValues>` : ''}</xades:RevocationValues>`;
  return { text: appendUnsignedProperties(text, parts, [certXml, revXml]), warnings };
}
