/**
 * Small certificate facts the revocation and timestamp code needs (serial, names, CDP/AIA URLs, EKU),
 * read with pkijs. Internal to the PKI layer.
 * @module
 */
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { EdusignError } from '../../errors.js';
import { decodeName } from '../cert/name.js';

/** OIDs used by revocation and timestamp checks. */
export const OID = {
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  crlDistributionPoints: '2.5.29.31',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
  kpOcspSigning: '1.3.6.1.5.5.7.3.9',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  invalidityDate: '2.5.29.24',
} as const;

const NAME_LABELS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER', '2.5.4.12': 'T', '0.9.2342.19200300.100.1.1': 'UID', '1.2.840.113549.1.9.1': 'E',
};

/**
 * Lower-case hex of bytes.
 * @example
 * ```ts
 * toHex(new Uint8Array([0x0a, 0xff])) // '0aff'
 * ```
 */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
}

/**
 * Copy bytes into a fresh ArrayBuffer (pkijs and asn1js want exactly one).
 * @example
 * ```ts
 * asn1js.fromBER(toArrayBuffer(der.subarray(4)))
 * ```
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Parse a DER certificate with pkijs, throwing `CERT_MALFORMED`.
 * @example
 * ```ts
 * const cert = parseCertificateDer(der);
 * ```
 */
export function parseCertificateDer(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(toArrayBuffer(der));
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { detail: cause instanceof Error ? cause.message : String(cause), cause });
  }
}

/**
 * Canonical hex of an ASN.1 INTEGER (serial numbers): no leading zero bytes, at least one byte.
 * @example
 * ```ts
 * integerHex(cert.serialNumber) // '1a2b'
 * ```
 */
export function integerHex(value: { valueBlock: { valueHexView: Uint8Array } }): string {
  const hex = toHex(value.valueBlock.valueHexView).replace(/^(00)+/, '');
  return hex.length === 0 ? '00' : hex;
}

/**
 * A readable DN (`CN=…, O=…, C=VN`) of a pkijs name.
 * @example
 * ```ts
 * nameToString(cert.subject) // 'CN=Nguyễn Văn A, O=THPT Chu Văn An, C=VN'
 * ```
 */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  try {
    return decodeName(new Uint8Array(name.toSchema().toBER())).text; // same rendering as the path's ChainElement
  } catch {
    return fallbackNameText(name);
  }
}

function fallbackNameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const label = NAME_LABELS[tv.type] ?? tv.type;
      const raw = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      return `${label}=${typeof raw === 'string' ? raw : String(raw ?? '')}`;
    })
    .reverse()
    .join(', ');
}

/**
 * SHA-256 (hex) of bytes.
 * @example
 * ```ts
 * sha256Hex(der) // 'ab12…'
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function extension(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((e) => e.extnID === oid);
}

/**
 * URIs of the CRL distribution points (http/https/ldap… as written; the fetcher filters schemes).
 * @example
 * ```ts
 * crlUrls(cert) // ['http://pki.edusign.test/crl/edu-ca.crl']
 * ```
 */
export function crlUrls(cert: pkijs.Certificate): string[] {
  const parsed = extension(cert, OID.crlDistributionPoints)?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const dp of parsed?.distributionPoints ?? []) {
    const names = dp.distributionPoint;
    if (!Array.isArray(names)) continue;
    for (const n of names) if (n.type === 6 && typeof n.value === 'string') urls.push(n.value);
  }
  return urls;
}

/**
 * URIs of an AIA access method (`OID.accessOcsp` or `OID.accessCaIssuers`).
 * @example
 * ```ts
 * aiaUrls(cert, OID.accessOcsp) // ['http://ocsp.edusign.test/edu-ca']
 * ```
 */
export function aiaUrls(cert: pkijs.Certificate, method: string): string[] {
  const parsed = extension(cert, OID.authorityInfoAccess)?.parsedValue as pkijs.InfoAccess | undefined;
  return (parsed?.accessDescriptions ?? [])
    .filter((d) => d.accessMethod === method && d.accessLocation.type === 6 && typeof d.accessLocation.value === 'string')
    .map((d) => d.accessLocation.value as string);
}

/**
 * Extended key usage of a certificate, with the extension's criticality; `undefined` if absent.
 * @example
 * ```ts
 * extendedKeyUsage(tsaCert) // { purposes: ['1.3.6.1.5.5.7.3.8'], critical: true }
 * ```
 */
export function extendedKeyUsage(cert: pkijs.Certificate): { purposes: string[]; critical: boolean } | undefined {
  const ext = extension(cert, OID.extKeyUsage);
  if (!ext) return undefined;
  const parsed = ext.parsedValue as pkijs.ExtKeyUsage | undefined;
  return { purposes: parsed?.keyPurposes ?? [], critical: ext.critical };
}

/**
 * Whether the certificate carries id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1).
 * @example
 * ```ts
 * hasOcspNoCheck(responderCert) // true
 * ```
 */
export function hasOcspNoCheck(cert: pkijs.Certificate): boolean {
  return extension(cert, OID.ocspNoCheck) !== undefined;
}

/**
 * Key usage bits by name (`digitalSignature`, `nonRepudiation`, `keyCertSign`, `cRLSign`, …); `undefined` if absent.
 * @example
 * ```ts
 * keyUsage(caCert)?.has('cRLSign')
 * ```
 */
export function keyUsage(cert: pkijs.Certificate): Set<string> | undefined {
  const ext = extension(cert, OID.keyUsage);
  if (!ext) return undefined;
  const bits = ext.parsedValue as { valueBlock: { valueHexView: Uint8Array; unusedBits: number } } | undefined;
  const names = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
  const view = bits?.valueBlock.valueHexView ?? new Uint8Array();
  const set = new Set<string>();
  names.forEach((name, i) => {
    const byte = view[i >> 3] ?? 0;
    if (byte & (0x80 >> (i & 7))) set.add(name);
  });
  return set;
}
