/**
 * Builds the XAdES B-B `QualifyingProperties/SignedProperties` (ETSI EN 319 132-1 §5.2): SigningTime,
 * SigningCertificateV2, SignaturePolicyIdentifier, SignerRoleV2, DataObjectFormat.
 * @module
 */
import type { HashAlgorithm } from '../../crypto/types.js';
import { xmldsigDigestMethod } from '../../crypto/algorithms.js';
import { nodeHashName } from '../../crypto/digest.js';
import { certDigest, issuerSerialDer } from './cert.js';
import { NS } from './constants.js';
import { escapeXmlAttr, escapeXmlText } from './xml/escape.js';
import type { XmlSignaturePolicy } from './options.js';

/** Inputs of {@link signedPropertiesXml}. */
export interface SignedPropertiesInput {
  signatureId: string;
  signedPropertiesId: string;
  signingTime: Date;
  certificate: Uint8Array;
  hash: HashAlgorithm;
  roles: readonly string[];
  policy?: XmlSignaturePolicy;
  /** One DataObjectFormat per data reference: the reference Id and MIME type. */
  dataObjects: readonly { referenceId: string; mimeType: string }[];
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * XML dateTime in UTC without fractional seconds (`2026-11-29T15:30:00Z`).
 *
 * @example
 * ```ts
 * xmlDateTime(new Date(0)); // '1970-01-01T00:00:00Z'
 * ```
 */
export function xmlDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `xades:QualifyingProperties` element (prefixes `xades:` and `ds:`, both declared on it) with
 * SignedProperties only; unsigned properties are added later by the level operations.
 *
 * @example
 * ```ts
 * const xml = signedPropertiesXml({ signatureId: 'sig-1', signedPropertiesId: 'sig-1-sp', signingTime: new Date(),
 *   certificate, hash: 'SHA-256', roles: ['Hiệu trưởng'], dataObjects: [{ referenceId: 'sig-1-ref0', mimeType: 'text/xml' }] });
 * ```
 */
export function signedPropertiesXml(input: SignedPropertiesInput): string {
  const dm = `<ds:DigestMethod Algorithm="${xmldsigDigestMethod(input.hash)}"/>`;
  const certXml = `<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>${dm}<ds:DigestValue>${
    certDigest(input.certificate, nodeHashName(input.hash)).toString('base64')}</ds:DigestValue></xades:CertDigest><xades:IssuerSerialV2>${
    b64(issuerSerialDer(input.certificate))}</xades:IssuerSerialV2></xades:Cert></xades:SigningCertificateV2>`;
  let policy = '';
  if (input.policy) {
    const p = input.policy;
    const ph = p.hash ?? 'SHA-256';
    policy = `<xades:SignaturePolicyIdentifier><xades:SignaturePolicyId><xades:SigPolicyId><xades:Identifier${
      p.identifier.startsWith('urn:oid:') ? ' Qualifier="OIDAsURN"' : ''}>${escapeXmlText(p.identifier)}</xades:Identifier>${
      p.description ? `<xades:Description>${escapeXmlText(p.description)}</xades:Description>` : ''}</xades:SigPolicyId><xades:SigPolicyHash><ds:DigestMethod Algorithm="${
      xmldsigDigestMethod(ph)}"/><ds:DigestValue>${b64(p.digest)}</ds:DigestValue></xades:SigPolicyHash>${
      p.uri ? `<xades:SigPolicyQualifiers><xades:SigPolicyQualifier><xades:SPURI>${escapeXmlText(p.uri)}</xades:SPURI></xades:SigPolicyQualifier></xades:SigPolicyQualifiers>` : ''
    }</xades:SignaturePolicyId></xades:SignaturePolicyIdentifier>`;
  }
  const roles = input.roles.length === 0 ? '' : `<xades:SignerRoleV2><xades:ClaimedRoles>${
    input.roles.map((r) => `<xades:ClaimedRole>${escapeXmlText(r.normalize('NFC'))}</xades:ClaimedRole>`).join('')}</xades:ClaimedRoles></xades:SignerRoleV2>`;
  const formats = input.dataObjects.map((d) =>
    `<xades:DataObjectFormat ObjectReference="#${escapeXmlAttr(d.referenceId)}"><xades:MimeType>${escapeXmlText(d.mimeType)}</xades:MimeType></xades:DataObjectFormat>`).join('');
  return `<xades:QualifyingProperties xmlns:xades="${NS.xades}" Target="#${escapeXmlAttr(input.signatureId)}">` +
    `<xades:SignedProperties Id="${escapeXmlAttr(input.signedPropertiesId)}"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>${xmlDateTime(input.signingTime)}</xades:SigningTime>${certXml}${policy}${roles}</xades:SignedSignatureProperties>` +
    (formats ? `<xades:SignedDataObjectProperties>${formats}</xades:SignedDataObjectProperties>` : '') +
    `</xades:SignedProperties></xades:QualifyingProperties>`;
}
