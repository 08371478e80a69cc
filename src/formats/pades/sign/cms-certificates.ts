/**
 * Pull every certificate out of a CMS SignedData (and out of the RFC 3161 tokens in its unsigned
 * signature-timestamp attributes), for the DSS. Tolerant: unreadable parts are skipped.
 * @module
 */
import { children, readTlv, type DerNode } from '../../cms/build/der.js';

const TST_OID_HEX = '060b2a864886f70d010910020e'; // 1.2.840.113549.1.9.16.2.14

function hex(der: Uint8Array, n: DerNode): string { return Buffer.from(der.subarray(n.start, n.end)).toString('hex'); }

/**
 * Certificates of a DER ContentInfo(SignedData), its nested timestamp tokens included (depth-bounded).
 *
 * @example
 * ```ts
 * const certs = cmsCertificates(contentsBytes);
 * ```
 */
export function cmsCertificates(der: Uint8Array, depth = 0): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (depth > 3) return out;
  try {
    const ci = readTlv(der, 0);
    const wrapper = children(der, ci)[1];
    if (!wrapper || wrapper.tag !== 0xa0) return out;
    const sd = children(der, wrapper)[0];
    if (!sd) return out;
    for (const part of children(der, sd)) {
      if (part.tag === 0xa0) {
        for (const c of children(der, part)) if (c.tag === 0x30) out.push(der.subarray(c.start, c.end));
      }
      if (part.tag === 0x31) {
        for (const si of children(der, part)) {
          for (const field of children(der, si)) {
            if (field.tag !== 0xa1) continue;
            for (const attr of children(der, field)) {
              const [type, values] = children(der, attr);
              if (!type || !values || hex(der, type) !== TST_OID_HEX) continue;
              for (const v of children(der, values)) out.push(...cmsCertificates(der.subarray(v.start, v.end), depth + 1));
            }
          }
        }
      }
    }
  } catch { /* not a SignedData we can read: nothing to add */ }
  return out;
}
