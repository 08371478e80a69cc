/**
 * Assembles the text of a `ds:Signature` element (compact, no indentation, `ds:` prefix declared on it).
 * @module
 */
import { escapeXmlAttr } from './xml/escape.js';
import { NS } from './constants.js';

/** One ds:Reference. */
export interface ReferenceSpec {
  id?: string;
  uri: string;
  type?: string;
  transforms: readonly string[];
  digestMethod: string;
  /** Base64 digest, or a placeholder replaced later. */
  digestValue: string;
}

/** Everything a ds:Signature contains. */
export interface SignatureSpec {
  id: string;
  c14nMethod: string;
  signatureMethod: string;
  references: readonly ReferenceSpec[];
  valueId: string;
  /** Base64 DER certificates, signer first. */
  certificates: readonly string[];
  /** The QualifyingProperties element text. */
  qualifyingProperties: string;
  /** Further ds:Object elements (enveloping content). */
  objects?: readonly string[];
}

/**
 * The ds:Reference element text.
 *
 * @example
 * ```ts
 * referenceXml({ uri: '#data', transforms: [C14N_URI.exc], digestMethod: xmldsigDigestMethod('SHA-256'), digestValue: 'AAA=' });
 * ```
 */
export function referenceXml(r: ReferenceSpec): string {
  const transforms = r.transforms.length === 0 ? '' :
    `<ds:Transforms>${r.transforms.map((t) => `<ds:Transform Algorithm="${escapeXmlAttr(t)}"/>`).join('')}</ds:Transforms>`;
  return `<ds:Reference${r.id ? ` Id="${escapeXmlAttr(r.id)}"` : ''}${r.type ? ` Type="${escapeXmlAttr(r.type)}"` : ''} URI="${
    escapeXmlAttr(r.uri)}">${transforms}<ds:DigestMethod Algorithm="${escapeXmlAttr(r.digestMethod)}"/><ds:DigestValue>${
    r.digestValue}</ds:DigestValue></ds:Reference>`;
}

/**
 * The ds:Signature element text with an empty SignatureValue.
 *
 * @example
 * ```ts
 * const xml = signatureXml(spec); // '<ds:Signature xmlns:ds="…" Id="sig-1">…'
 * ```
 */
export function signatureXml(s: SignatureSpec): string {
  const signedInfo = `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${escapeXmlAttr(s.c14nMethod)}"/><ds:SignatureMethod Algorithm="${
    escapeXmlAttr(s.signatureMethod)}"/>${s.references.map(referenceXml).join('')}</ds:SignedInfo>`;
  const keyInfo = `<ds:KeyInfo><ds:X509Data>${s.certificates.map((c) => `<ds:X509Certificate>${c}</ds:X509Certificate>`).join('')}</ds:X509Data></ds:KeyInfo>`;
  return `<ds:Signature xmlns:ds="${NS.ds}" Id="${escapeXmlAttr(s.id)}">${signedInfo}<ds:SignatureValue Id="${
    escapeXmlAttr(s.valueId)}"></ds:SignatureValue>${keyInfo}<ds:Object>${s.qualifyingProperties}</ds:Object>${(s.objects ?? []).join('')}</ds:Signature>`;
}

