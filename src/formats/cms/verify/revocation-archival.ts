/**
 * Adobe's `adbe-revocationInfoArchival` signed attribute (1.2.840.113583.1.1.8), which many PDF signers use to
 * carry CRLs and OCSP responses inside the CMS (ISO 32000-2 §12.8.3.3.2).
 * @module
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { OID } from './algorithms.js';

/**
 * Extract the CRLs and OCSP responses of an adbe-revocationInfoArchival attribute, if present.
 *
 * @example
 * ```ts
 * const { crls, ocspResponses } = readRevocationArchival(signerInfo);
 * ```
 */
export function readRevocationArchival(signerInfo: pkijs.SignerInfo): { crls: Uint8Array[]; ocspResponses: Uint8Array[] } {
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  const attr = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.adbeRevocationInfoArchival);
  const value: unknown = attr?.values[0];
  if (!(value instanceof asn1js.Sequence)) return { crls, ocspResponses };
  for (const part of value.valueBlock.value) {
    if (!(part instanceof asn1js.Constructed) || part.idBlock.tagClass !== 3) continue;
    const list = part.valueBlock.value[0];
    if (!(list instanceof asn1js.Sequence)) continue;
    const target = part.idBlock.tagNumber === 0 ? crls : part.idBlock.tagNumber === 1 ? ocspResponses : undefined;
    if (!target) continue;
    for (const item of list.valueBlock.value) target.push(new Uint8Array(item.valueBeforeDecodeView));
  }
  return { crls, ocspResponses };
}
