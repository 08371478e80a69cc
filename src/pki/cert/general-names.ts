/**
 * GeneralName (RFC 5280 §4.2.1.6) decoding, for subjectAltName and nameConstraints.
 * @module
 */
import { childrenOf, contentOf, encodingOf, expectTag, readSingle, type Tlv } from './der-reader.js';
import { decodeName, type DistinguishedName } from './name.js';

/** One decoded GeneralName. Forms edusign-vn does not interpret are kept as `other` with their tag. */
export type GeneralName =
  | { type: 'email'; value: string }
  | { type: 'dns'; value: string }
  | { type: 'uri'; value: string }
  | { type: 'ip'; value: Uint8Array }
  | { type: 'directory'; value: DistinguishedName }
  | { type: 'other'; tag: number };

/**
 * Decodes one GeneralName element.
 *
 * @example
 * ```ts
 * decodeGeneralName(der, tlv); // { type: 'email', value: 'ha.ntt@tranphu.edu.vn' }
 * ```
 */
export function decodeGeneralName(bytes: Uint8Array, tlv: Tlv): GeneralName {
  const text = () => Buffer.from(contentOf(bytes, tlv)).toString('latin1');
  switch (tlv.tag) {
    case 0x81: return { type: 'email', value: text() };
    case 0x82: return { type: 'dns', value: text() };
    case 0x86: return { type: 'uri', value: text() };
    case 0x87: return { type: 'ip', value: Uint8Array.from(contentOf(bytes, tlv)) };
    case 0xa4: {
      const [name] = childrenOf(bytes, tlv);
      return { type: 'directory', value: decodeName(Uint8Array.from(encodingOf(bytes, expectTag(name, 0x30, 'directoryName')))) };
    }
    default: return { type: 'other', tag: tlv.tag };
  }
}

/**
 * Decodes a GeneralNames SEQUENCE (the value of subjectAltName / issuerAltName).
 *
 * @example
 * ```ts
 * decodeGeneralNames(sanExtension.value).filter((n) => n.type === 'email');
 * ```
 */
export function decodeGeneralNames(value: Uint8Array): GeneralName[] {
  return childrenOf(value, expectTag(readSingle(value), 0x30, 'GeneralNames')).map((t) => decodeGeneralName(value, t));
}
