/**
 * X.501 distinguished names: decoding, display (RFC 4514 order, most specific first) and comparison for
 * path building (RFC 5280 §7.1: case-insensitive, whitespace-folded string matching).
 * @module
 */
import { childrenOf, decodeDirectoryString, encodingOf, expectTag, readOid, readSingle, type Tlv } from './der-reader.js';

/** One attribute of a name. */
export interface NameAttribute {
  /** Short name (`CN`, `O`, `UID`, …) or the dotted OID when unknown. */
  type: string;
  oid: string;
  /** Decoded text (hex `#…` when the value is not a string type). */
  value: string;
}

/** A decoded distinguished name. */
export interface DistinguishedName {
  /** Attributes in encoding order (most general first, e.g. C before CN). */
  attributes: NameAttribute[];
  /** RFC 4514 string, most specific first: `UID=CCCD:…, CN=…, O=…, C=VN`. */
  text: string;
  /** DER of the Name. */
  der: Uint8Array;
  /**
   * Comparison key (RFC 5280 §7.1 simplified): per RDN, its attributes as `oid=value` with values NFC-normalised,
   * case-folded and whitespace-folded, sorted; equal keys mean matching names.
   */
  matchKey: string;
}

/** Short names of the attribute types seen on Vietnamese certificates. */
export const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'SERIALNUMBER', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'T', '2.5.4.42': 'GN', '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID', '0.9.2342.19200300.100.1.25': 'DC', '1.2.840.113549.1.9.1': 'E',
};

function escapeValue(value: string): string {
  return value
    .replace(/([\\,+"<>;=])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** Canonical comparison form of one value (RFC 5280 §7.1 simplified: NFC, case fold, whitespace folded). */
function foldValue(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function decodeAttribute(bytes: Uint8Array, atv: Tlv): NameAttribute {
  const [typeTlv, valueTlv] = childrenOf(bytes, expectTag(atv, 0x30, 'AttributeTypeAndValue'));
  const oid = readOid(bytes, typeTlv, 'attribute type');
  const value = valueTlv ? decodeDirectoryString(bytes, valueTlv) : undefined;
  return {
    type: ATTRIBUTE_NAMES[oid] ?? oid,
    oid,
    value: value ?? (valueTlv ? `#${Buffer.from(encodingOf(bytes, valueTlv)).toString('hex')}` : ''),
  };
}

/**
 * Decodes a DER Name (an RDNSequence).
 *
 * @example
 * ```ts
 * decodeName(issuerDer).text; // 'CN=CA Giáo dục thử nghiệm, O=edusign-vn test, C=VN'
 * ```
 */
export function decodeName(der: Uint8Array): DistinguishedName {
  const seq = expectTag(readSingle(der), 0x30, 'Name');
  const attributes: NameAttribute[] = [];
  const rdnTexts: string[] = [];
  const rdnKeys: string[] = [];
  for (const rdn of childrenOf(der, seq)) {
    const parts = childrenOf(der, expectTag(rdn, 0x31, 'RelativeDistinguishedName')).map((atv) => decodeAttribute(der, atv));
    attributes.push(...parts);
    rdnTexts.push(parts.map((p) => `${p.type}=${escapeValue(p.value)}`).join('+'));
    rdnKeys.push(parts.map((p) => `${p.oid}=${foldValue(p.value)}`).sort().join('\u0002'));
  }
  return { attributes, text: rdnTexts.reverse().join(', '), der, matchKey: rdnKeys.join('\u0001') };
}

/**
 * True when two DER names match for path building: byte-equal, or equal attribute by attribute after
 * case and whitespace folding.
 *
 * @example
 * ```ts
 * namesMatch(child.issuer.der, parent.subject.der); // true when `parent` may have issued `child`
 * ```
 */
export function namesMatch(a: Uint8Array, b: Uint8Array): boolean {
  if (Buffer.from(a).equals(Buffer.from(b))) return true;
  return decodeName(a).matchKey === decodeName(b).matchKey;
}

/**
 * The values of one attribute type (e.g. every `UID`).
 *
 * @example
 * ```ts
 * attributeValues(subject, 'UID'); // ['CCCD:031186001234']
 * ```
 */
export function attributeValues(name: DistinguishedName, type: string): string[] {
  return name.attributes.filter((a) => a.type === type || a.oid === type).map((a) => a.value);
}

/**
 * Contents of a Name element already located inside a larger structure.
 *
 * @example
 * ```ts
 * const issuer = nameAt(tbsBytes, issuerTlv);
 * ```
 */
export function nameAt(bytes: Uint8Array, tlv: Tlv): DistinguishedName {
  return decodeName(Uint8Array.from(encodingOf(bytes, tlv)));
}

