/**
 * Validation data embedded in a signature's unsigned properties: CertificateValues / RevocationValues (B-LT) and
 * those inside `xadesv141:TimeStampValidationData` (B-LTA).
 * @module
 */
import type { ValidationData } from '../../pki/types.js';
import { NS } from './constants.js';
import type { SignatureParts } from './locate.js';
import { childElements, textOf } from './xml/query.js';
import type { XElement } from './xml/types.js';

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function collect(container: XElement, item: string, out: Uint8Array[]): void {
  const stack = [container];
  while (stack.length > 0) {
    const e = stack.pop() as XElement;
    for (const k of childElements(e)) {
      if (k.local === item && k.ns === NS.xades) {
        const clean = textOf(k).replace(/\s+/g, '');
        if (B64.test(clean) && clean.length % 4 === 0 && clean.length > 0) out.push(new Uint8Array(Buffer.from(clean, 'base64')));
      } else stack.push(k);
    }
  }
}

/**
 * Every certificate, CRL and OCSP response embedded in the signature's unsigned signature properties.
 *
 * @example
 * ```ts
 * const { certificates, crls, ocspResponses } = embeddedValues(parts);
 * ```
 */
export function embeddedValues(parts: SignatureParts): ValidationData {
  const out: ValidationData = { certificates: [], crls: [], ocspResponses: [] };
  if (!parts.unsignedSignatureProperties) return out;
  for (const c of childElements(parts.unsignedSignatureProperties)) {
    const holders = c.local === 'TimeStampValidationData' && c.ns === NS.xades141 ? childElements(c) : [c];
    for (const h of holders) {
      if (h.ns !== NS.xades) continue;
      if (h.local === 'CertificateValues') collect(h, 'EncapsulatedX509Certificate', out.certificates);
      else if (h.local === 'RevocationValues') {
        collect(h, 'EncapsulatedCRLValue', out.crls);
        collect(h, 'EncapsulatedOCSPValue', out.ocspResponses);
      }
    }
  }
  return out;
}
