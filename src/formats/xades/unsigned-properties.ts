/**
 * Appends unsigned signature properties (timestamps, validation data, countersignatures) to a signature's
 * `UnsignedSignatureProperties`, creating `UnsignedProperties` when needed, as a text edit.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { NS } from './constants.js';
import type { SignatureParts } from './locate.js';
import type { XElement } from './xml/types.js';

function declarations(el: XElement, body: string): string {
  let d = '';
  if (el.scope['xades'] !== NS.xades && body.includes('<xades:')) d += ` xmlns:xades="${NS.xades}"`;
  if (el.scope['ds'] !== NS.ds && body.includes('<ds:')) d += ` xmlns:ds="${NS.ds}"`;
  if (el.scope['xades141'] !== NS.xades141 && body.includes('<xades141:')) d += ` xmlns:xades141="${NS.xades141}"`;
  return d;
}

/**
 * Insert `propertiesXml` (elements using the `xades:`, `xades141:` and `ds:` prefixes) at the end of the
 * signature's UnsignedSignatureProperties. Returns the new document text.
 *
 * @example
 * ```ts
 * const text = appendUnsignedProperties(doc.text, parts, ['<xades:SignatureTimeStamp …/>']);
 * ```
 */
export function appendUnsignedProperties(text: string, parts: SignatureParts, properties: readonly string[]): string {
  const propertiesXml = properties.join('');
  const qp = parts.qualifyingProperties;
  if (!qp || !parts.signedProperties) {
    throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'not a XAdES signature (no QualifyingProperties targeting it)', detailVi: 'không phải chữ ký XAdES (không có QualifyingProperties)' });
  }
  const usp = parts.unsignedSignatureProperties;
  if (usp) {
    const body = properties.map((p) => {
      const d = declarations(usp, p);
      return d ? p.replace(/^<([\w:]+)/, `<$1${d}`) : p;
    }).join('');
    if (usp.selfClosing) {
      return `${text.slice(0, usp.openEnd - 2)}>${body}</${usp.qname}>${text.slice(usp.openEnd)}`;
    }
    return text.slice(0, usp.closeStart) + body + text.slice(usp.closeStart);
  }
  const up = qp.children.find((c): c is XElement => c.type === 'element' && c.local === 'UnsignedProperties' && c.ns === NS.xades);
  if (up) {
    const body0 = `<xades:UnsignedSignatureProperties>${propertiesXml}</xades:UnsignedSignatureProperties>`;
    const d = declarations(up, body0);
    const body = `<xades:UnsignedSignatureProperties${d}>${propertiesXml}</xades:UnsignedSignatureProperties>`;
    if (up.selfClosing) return `${text.slice(0, up.openEnd - 2)}>${body}</${up.qname}>${text.slice(up.openEnd)}`;
    return text.slice(0, up.openEnd) + body + text.slice(up.openEnd);
  }
  const inner = `<xades:UnsignedProperties><xades:UnsignedSignatureProperties>${propertiesXml}</xades:UnsignedSignatureProperties></xades:UnsignedProperties>`;
  const body = `<xades:UnsignedProperties${declarations(qp, inner)}><xades:UnsignedSignatureProperties>${propertiesXml}</xades:UnsignedSignatureProperties></xades:UnsignedProperties>`;
  const sp = parts.signedProperties;
  return text.slice(0, sp.end) + body + text.slice(sp.end);
}
