/**
 * Personal identifiers and tax codes in Vietnamese certificate subjects: the UID attribute
 * (OID 0.9.2342.19200300.100.1.1) with a prefix — `CCCD:` (căn cước công dân, 12-digit personal ID),
 * `CMND:` (old identity card), `HC:` (hộ chiếu, passport), `MST:` (mã số thuế, tax code), `MNS:` (mã ngân sách,
 * budget-unit code), `BHXH:` (social insurance). Some CAs put them in CN or OU instead.
 * @module
 */
import type { DistinguishedName } from './name.js';

/** Kinds of identifiers recognised. */
export type IdentifierKind = 'MST' | 'CCCD' | 'CMND' | 'HC' | 'MNS' | 'BHXH';

/** One identifier found in a subject. */
export interface SubjectIdentifier {
  kind: IdentifierKind;
  value: string;
  /** The attribute it came from. */
  source: 'UID' | 'CN' | 'OU' | 'SERIALNUMBER';
}

const PATTERN = /^(MST|CCCD|CMND|HC|MNS|BHXH)\s*:\s*(.+)$/i;
const EMBEDDED = /(?:^|[\s,;/(])(MST|CCCD|CMND|HC|MNS|BHXH)\s*:\s*([A-Za-z0-9-]+)/gi;

/**
 * Every prefixed identifier of a subject: all UID attributes first, then (fallback) CN, OU and serialNumber.
 *
 * @example
 * ```ts
 * subjectIdentifiers(cert.subject); // [{ kind: 'CCCD', value: '031186001234', source: 'UID' }]
 * ```
 */
export function subjectIdentifiers(subject: DistinguishedName): SubjectIdentifier[] {
  const out: SubjectIdentifier[] = [];
  for (const attr of subject.attributes.filter((a) => a.type === 'UID')) {
    const match = PATTERN.exec(attr.value.trim());
    if (match?.[1] && match[2]) out.push({ kind: match[1].toUpperCase() as IdentifierKind, value: match[2].trim(), source: 'UID' });
  }
  if (out.length > 0) return out;
  for (const attr of subject.attributes.filter((a) => a.type === 'CN' || a.type === 'OU' || a.type === 'SERIALNUMBER')) {
    for (const match of attr.value.matchAll(EMBEDDED)) {
      if (match[1] && match[2]) {
        out.push({ kind: match[1].toUpperCase() as IdentifierKind, value: match[2], source: attr.type as SubjectIdentifier['source'] });
      }
    }
  }
  return out;
}
