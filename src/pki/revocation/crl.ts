/**
 * CRL parsing (RFC 5280 §5), DER or PEM (rootca.gov.vn serves PEM), with the strict bounded DER reader of
 * `cert/`: one pass, one Map entry per revoked certificate, so CRLs with tens of thousands of entries parse
 * in milliseconds (pkijs/asn1js build an object tree and refuse more than 10,000 nodes by default).
 * @module
 */
import { createPublicKey, constants, verify } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import { decodeName } from '../cert/name.js';
import {
  childrenOf, contentOf, encodingOf, expectTag, integerHex as derIntegerHex, readOid, readSingle, readTime, readTlv, type Tlv,
} from '../cert/der-reader.js';
import { signatureAlgorithmInfo } from '../cert/signature-algorithm.js';
import { OID } from './cert-facts.js';

/** Names of CRL reason codes (RFC 5280 §5.3.1), by value. */
export const CRL_REASONS: Readonly<Record<number, string>> = {
  0: 'unspecified', 1: 'keyCompromise', 2: 'cACompromise', 3: 'affiliationChanged', 4: 'superseded',
  5: 'cessationOfOperation', 6: 'certificateHold', 8: 'removeFromCRL', 9: 'privilegeWithdrawn', 10: 'aACompromise',
};

/** One revoked certificate of a CRL. */
export interface CrlEntry {
  revocationDate: Date;
  reason?: string;
  invalidityDate?: Date;
}

/** A parsed CRL. */
export interface ParsedCrl {
  /** DER bytes (PEM input is converted), for embedding. */
  der: Uint8Array;
  /** Issuer name, readable. */
  issuer: string;
  /** Issuer name, DER (for name matching). */
  issuerDer: Uint8Array;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** cRLNumber (hex), when present. */
  crlNumber?: string;
  /** A delta CRL (deltaCRLIndicator present). */
  isDelta: boolean;
  /** issuingDistributionPoint present (scope restrictions). */
  hasIssuingDistributionPoint: boolean;
  /** Number of revoked certificates listed. */
  revokedCount: number;
  /**
   * The entry of a serial number (lower-case hex, no leading zero byte), decoded on demand: parsing indexes
   * the serial numbers only, so a CRL of 50,000 entries costs one cheap pass.
   */
  findEntry(serialHex: string): CrlEntry | undefined;
  /** The signed part (TBSCertList DER), its signature algorithm and value. */
  tbs: Uint8Array;
  signatureAlgorithm: { oid: string; parameters?: Uint8Array };
  signatureValue: Uint8Array;
}

const PEM = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/;
const CODE = 'CRL_MALFORMED';
const TIME_TAGS = new Set([0x17, 0x18]);

/**
 * Turn PEM (`-----BEGIN X509 CRL-----`) into DER; DER input is returned as is.
 * @example
 * ```ts
 * const der = crlToDer(readFileSync('vnrca256.crl'));
 * ```
 */
export function crlToDer(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const match = PEM.exec(Buffer.from(bytes).toString('latin1'));
  if (!match?.[1]) throw new EdusignError(CODE, { detail: 'neither DER nor a PEM X509 CRL block', detailVi: 'không phải DER hay PEM X509 CRL' });
  return new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}

/**
 * Parse a CRL (DER or PEM). Throws `CRL_MALFORMED` on anything that is not a well-formed CRL.
 * @example
 * ```ts
 * const crl = parseCrl(bytes);
 * crl.findEntry('1106')?.reason // 'keyCompromise'
 * ```
 */
export function parseCrl(bytes: Uint8Array): ParsedCrl {
  const der = crlToDer(bytes);
  const root = expectTag(readSingle(der, CODE), 0x30, 'CertificateList', CODE);
  const [tbsTlv, algTlv, sigTlv, extra] = childrenOf(der, root, CODE);
  if (!tbsTlv || !algTlv || !sigTlv || extra) throw new EdusignError(CODE, { detail: 'CertificateList must have 3 elements' });
  const signatureAlgorithm = algorithmOf(der, expectTag(algTlv, 0x30, 'signatureAlgorithm', CODE));
  const bits = contentOf(der, expectTag(sigTlv, 0x03, 'signatureValue', CODE));
  if (bits.length < 1 || bits[0] !== 0) throw new EdusignError(CODE, { detail: 'signatureValue has unused bits' });

  const fields = childrenOf(der, expectTag(tbsTlv, 0x30, 'TBSCertList', CODE), CODE);
  let i = 0;
  if (fields[i]?.tag === 0x02) i++; // version
  const innerAlgorithm = algorithmOf(der, expectTag(fields[i++], 0x30, 'signature', CODE));
  if (innerAlgorithm.oid !== signatureAlgorithm.oid) throw new EdusignError(CODE, { detail: 'inner and outer signature algorithms differ' });
  const issuerTlv = expectTag(fields[i++], 0x30, 'issuer', CODE);
  const issuerDer = encodingOf(der, issuerTlv);
  const thisUpdate = readTime(der, fields[i++], 'thisUpdate', CODE);
  let nextUpdate: Date | undefined;
  if (fields[i] && TIME_TAGS.has(fields[i]!.tag)) nextUpdate = readTime(der, fields[i++], 'nextUpdate', CODE);
  const index = fields[i]?.tag === 0x30 ? indexEntries(der, fields[i++]!) : new Map<string, Tlv>();
  let crlNumber: string | undefined;
  let isDelta = false;
  let hasIssuingDistributionPoint = false;
  if (fields[i]?.tag === 0xa0) {
    const [list] = childrenOf(der, fields[i++]!, CODE);
    for (const ext of extensionsOf(der, expectTag(list, 0x30, 'crlExtensions', CODE))) {
      if (ext.oid === OID.crlNumber) crlNumber = derIntegerHex(contentOf(ext.value, expectTag(readSingle(ext.value, CODE), 0x02, 'cRLNumber', CODE)));
      else if (ext.oid === OID.deltaCrlIndicator) isDelta = true;
      else if (ext.oid === OID.issuingDistributionPoint) hasIssuingDistributionPoint = true;
      else if (ext.critical && ext.oid !== '2.5.29.35') {
        throw new EdusignError(CODE, { detail: `unknown critical CRL extension ${ext.oid}`, detailVi: `phần mở rộng CRL bắt buộc không xác định ${ext.oid}` });
      }
    }
  }
  if (i !== fields.length) throw new EdusignError(CODE, { detail: 'unexpected fields in TBSCertList' });
  return {
    der, issuer: issuerText(issuerDer), issuerDer, thisUpdate, nextUpdate, crlNumber, isDelta, hasIssuingDistributionPoint,
    revokedCount: index.size,
    findEntry: (serialHex) => {
      const tlv = index.get(serialHex.toLowerCase());
      return tlv ? decodeEntry(der, tlv) : undefined;
    },
    tbs: encodingOf(der, tbsTlv), signatureAlgorithm, signatureValue: bits.subarray(1),
  };
}

/**
 * Verify a parsed CRL's signature with the issuer's DER SubjectPublicKeyInfo (RSA, RSA-PSS, ECDSA, EdDSA).
 * @example
 * ```ts
 * verifyCrlSignature(parseCrl(bytes), issuerSpkiDer) // true
 * ```
 */
export function verifyCrlSignature(crl: ParsedCrl, issuerSpki: Uint8Array): boolean {
  const info = signatureAlgorithmInfo(crl.signatureAlgorithm.oid, crl.signatureAlgorithm.parameters);
  if (!info || info.hash === 'md5') return false;
  try {
    const key = createPublicKey({ key: Buffer.from(issuerSpki), format: 'der', type: 'spki' });
    const data = Buffer.from(crl.tbs);
    const signature = Buffer.from(crl.signatureValue);
    if (info.family === 'rsa-pss') {
      return verify(info.hash ?? 'sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: info.saltLength ?? 20 }, signature);
    }
    return verify(info.family === 'eddsa' ? null : (info.hash ?? 'sha256'), data, key, signature);
  } catch {
    return false;
  }
}

function algorithmOf(der: Uint8Array, tlv: Tlv): { oid: string; parameters?: Uint8Array } {
  const [oidTlv, params] = childrenOf(der, tlv, CODE);
  const oid = readOid(der, oidTlv, 'algorithm', CODE);
  return params ? { oid, parameters: encodingOf(der, params) } : { oid };
}

interface RawExtension {
  oid: string;
  critical: boolean;
  /** Content of the extnValue OCTET STRING. */
  value: Uint8Array;
}

function extensionsOf(der: Uint8Array, list: Tlv): RawExtension[] {
  return childrenOf(der, list, CODE).map((extTlv) => {
    const parts = childrenOf(der, expectTag(extTlv, 0x30, 'Extension', CODE), CODE);
    const oid = readOid(der, parts[0], 'extnID', CODE);
    const critical = parts.length === 3 && parts[1]?.tag === 0x01 && contentOf(der, parts[1])[0] !== 0;
    const valueTlv = expectTag(parts[parts.length - 1], 0x04, 'extnValue', CODE);
    return { oid, critical, value: contentOf(der, valueTlv) };
  });
}

/** Serial number -> entry TLV, reading only the headers of each entry and its first element. */
function indexEntries(der: Uint8Array, list: Tlv): Map<string, Tlv> {
  const index = new Map<string, Tlv>();
  for (const entryTlv of childrenOf(der, list, CODE)) {
    expectTag(entryTlv, 0x30, 'revokedCertificate', CODE);
    const serialTlv = expectTag(readTlv(der, entryTlv.contentStart, entryTlv.end, CODE), 0x02, 'userCertificate', CODE);
    const serial = Buffer.from(der.subarray(serialTlv.contentStart, serialTlv.end)).toString('hex').replace(/^(00)+(?=.)/, '');
    index.set(serial, entryTlv);
  }
  return index;
}

function decodeEntry(der: Uint8Array, entryTlv: Tlv): CrlEntry {
  const parts = childrenOf(der, entryTlv, CODE);
  const entry: CrlEntry = { revocationDate: readTime(der, parts[1], 'revocationDate', CODE) };
  if (parts[2]) {
    for (const ext of extensionsOf(der, expectTag(parts[2], 0x30, 'crlEntryExtensions', CODE))) {
      if (ext.oid === OID.crlReason) {
        const code = contentOf(ext.value, expectTag(readSingle(ext.value, CODE), 0x0a, 'CRLReason', CODE))[0];
        if (code !== undefined) entry.reason = CRL_REASONS[code] ?? `reason-${code}`;
      } else if (ext.oid === OID.invalidityDate) {
        entry.invalidityDate = readTime(ext.value, readSingle(ext.value, CODE), 'invalidityDate', CODE);
      } else if (ext.critical) {
        // RFC 5280 §5.3: an entry with an unknown critical extension cannot be understood: treat it as revoked
        entry.reason = `unknown-critical-extension-${ext.oid}`;
      }
    }
  }
  return entry;
}

function issuerText(der: Uint8Array): string {
  try {
    return decodeName(der).text;
  } catch (cause) {
    throw new EdusignError(CODE, { detail: `issuer name: ${cause instanceof Error ? cause.message : String(cause)}`, cause });
  }
}
