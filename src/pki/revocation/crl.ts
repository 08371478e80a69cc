/**
 * CRL parsing (RFC 5280 §5), DER or PEM (rootca.gov.vn serves PEM).
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EdusignError } from '../../errors.js';
import { integerHex, nameToString, OID, toArrayBuffer } from './cert-facts.js';

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
  issuer: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** cRLNumber (hex), when present. */
  crlNumber?: string;
  /** A delta CRL (deltaCRLIndicator present). */
  isDelta: boolean;
  /** issuingDistributionPoint present (scope restrictions). */
  hasIssuingDistributionPoint: boolean;
  /** Revoked certificates by serial number (canonical hex). */
  entries: ReadonlyMap<string, CrlEntry>;
  /** The pkijs object (signature verification). */
  readonly asn1: pkijs.CertificateRevocationList;
}

const PEM = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/;

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
  if (!match?.[1]) throw new EdusignError('CRL_MALFORMED', { detail: 'PEM without an X509 CRL block', detailVi: 'PEM không có khối X509 CRL' });
  return new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}

/**
 * Parse a CRL (DER or PEM). Throws `CRL_MALFORMED` on anything that is not a CRL.
 * @example
 * ```ts
 * const crl = parseCrl(bytes);
 * crl.entries.get('1106')?.reason // 'keyCompromise'
 * ```
 */
export function parseCrl(bytes: Uint8Array): ParsedCrl {
  const der = crlToDer(bytes);
  let asn1: pkijs.CertificateRevocationList;
  try {
    const decoded = asn1js.fromBER(toArrayBuffer(der));
    if (decoded.offset === -1 || decoded.offset !== der.byteLength) throw new Error('not a single DER structure');
    asn1 = new pkijs.CertificateRevocationList({ schema: decoded.result });
  } catch (cause) {
    throw new EdusignError('CRL_MALFORMED', { detail: cause instanceof Error ? cause.message : String(cause), cause });
  }
  const entries = new Map<string, CrlEntry>();
  for (const revoked of asn1.revokedCertificates ?? []) {
    entries.set(integerHex(revoked.userCertificate), entryOf(revoked));
  }
  const ext = (oid: string): pkijs.Extension | undefined => asn1.crlExtensions?.extensions.find((e) => e.extnID === oid);
  const number = ext(OID.crlNumber)?.parsedValue as asn1js.Integer | undefined;
  return {
    der,
    issuer: nameToString(asn1.issuer),
    thisUpdate: asn1.thisUpdate.value,
    nextUpdate: asn1.nextUpdate?.value,
    crlNumber: number ? integerHex(number) : undefined,
    isDelta: ext(OID.deltaCrlIndicator) !== undefined,
    hasIssuingDistributionPoint: ext(OID.issuingDistributionPoint) !== undefined,
    entries,
    asn1,
  };
}

function entryOf(revoked: pkijs.RevokedCertificate): CrlEntry {
  const entry: CrlEntry = { revocationDate: revoked.revocationDate.value };
  for (const e of revoked.crlEntryExtensions?.extensions ?? []) {
    if (e.extnID === OID.crlReason) {
      const code = (e.parsedValue as asn1js.Enumerated | undefined)?.valueBlock.valueDec;
      if (code !== undefined) entry.reason = CRL_REASONS[code] ?? `reason-${code}`;
    } else if (e.extnID === OID.invalidityDate) {
      const time = e.parsedValue as asn1js.GeneralizedTime | undefined;
      if (time) entry.invalidityDate = time.toDate();
    }
  }
  return entry;
}
