/**
 * Reading display names from a certificate subject (for the visible signature and /Name).
 * @module
 */
import { children, readTlv } from '../../cms/build/der.js';

const CN = '550403';

function decodeDirectoryString(der: Uint8Array, tag: number, start: number, end: number): string {
  const bytes = Buffer.from(der.subarray(start, end));
  if (tag === 0x0c) return bytes.toString('utf8');
  if (tag === 0x1e) { const swapped = Buffer.from(bytes); swapped.swap16(); return swapped.toString('utf16le'); }
  return bytes.toString('latin1');
}

/**
 * The subject commonName of a DER certificate (the last CN when several), or `undefined`.
 *
 * @example
 * ```ts
 * subjectCommonName(signer.certificate) // 'Phạm Quốc Hùng'
 * ```
 */
export function subjectCommonName(certificate: Uint8Array): string | undefined {
  try {
    const tbs = children(certificate, readTlv(certificate, 0))[0]!;
    const fields = children(certificate, tbs);
    const subject = fields[fields[0]?.tag === 0xa0 ? 5 : 4];
    if (!subject) return undefined;
    let found: string | undefined;
    for (const rdn of children(certificate, subject)) {
      for (const atv of children(certificate, rdn)) {
        const [type, value] = children(certificate, atv);
        if (!type || !value) continue;
        if (Buffer.from(certificate.subarray(type.contentStart, type.end)).toString('hex') === CN) {
          found = decodeDirectoryString(certificate, value.tag, value.contentStart, value.end).normalize('NFC');
        }
      }
    }
    return found;
  } catch {
    return undefined;
  }
}
