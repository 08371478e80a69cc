/**
 * Adobe's `adbe-revocationInfoArchival` signed attribute (1.2.840.113583.1.1.8), which many PDF signers use to
 * carry CRLs and OCSP responses inside the CMS (ISO 32000-2 §12.8.3.3.2).
 * @module
 */
import { OID } from './algorithms.js';
import { berBytes, berChildren, isTag, TAG } from './ber.js';
import type { ParsedAttribute } from './parse-signed-data.js';

/**
 * Extract the CRLs and OCSP responses of an adbe-revocationInfoArchival attribute, if present.
 *
 * @example
 * ```ts
 * const { crls, ocspResponses } = readRevocationArchival(parsed.bytes, signerInfo.signedAttrs);
 * ```
 */
export function readRevocationArchival(bytes: Uint8Array, signedAttrs: readonly ParsedAttribute[]): { crls: Uint8Array[]; ocspResponses: Uint8Array[] } {
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  const value = signedAttrs.find((a) => a.type === OID.adbeRevocationInfoArchival)?.values[0];
  if (!isTag(value, TAG.SEQUENCE)) return { crls, ocspResponses };
  try {
    for (const part of berChildren(bytes, value)) {
      if (part.cls !== 2 || !part.constructed) continue;
      const target = part.tagNumber === 0 ? crls : part.tagNumber === 1 ? ocspResponses : undefined;
      const [list] = berChildren(bytes, part);
      if (!target || !isTag(list, TAG.SEQUENCE)) continue;
      for (const item of berChildren(bytes, list)) target.push(berBytes(bytes, item));
    }
  } catch {
    // a malformed archival attribute carries nothing usable
  }
  return { crls, ocspResponses };
}
