/**
 * Decoding of the X.509 extensions edusign-vn understands (RFC 5280 §4.2). Unknown extensions are kept raw
 * so that path validation can reject unknown *critical* ones.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { childrenOf, contentOf, decodeOid, expectTag, readOid, readSingle, type Tlv } from './der-reader.js';

/** Extension OIDs. */
export const EXTENSION_OIDS = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  subjectInfoAccess: '1.3.6.1.5.5.7.1.11',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  subjectDirectoryAttributes: '2.5.29.9',
} as const;

/** Extended key usage OIDs with names. */
export const EKU_NAMES: Readonly<Record<string, string>> = {
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '1.3.6.1.5.5.7.3.36': 'documentSigning',
  '1.3.6.1.4.1.311.10.3.12': 'msDocumentSigning',
  '1.2.840.113583.1.1.5': 'adobeAuthenticDocumentsTrust',
};

/** keyUsage bit names, bit 0 first. */
export const KEY_USAGE_NAMES = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;

/** A keyUsage bit name. */
export type KeyUsage = (typeof KEY_USAGE_NAMES)[number];

/** One raw extension. */
export interface RawCertificateExtension {
  oid: string;
  critical: boolean;
  /** extnValue content (the DER inside the OCTET STRING). */
  value: Uint8Array;
}

/** The extensions of a certificate, decoded where known. */
export interface CertificateExtensions {
  raw: RawCertificateExtension[];
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
  keyUsage?: { usages: KeyUsage[]; critical: boolean };
  extendedKeyUsage?: { oids: string[]; critical: boolean };
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  policies?: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  crlUrls: string[];
  ocspNoCheck: boolean;
}

function malformed(what: string, cause?: unknown): EdusignError {
  return new EdusignError('CERT_MALFORMED', { detail: `bad ${what} extension`, detailVi: `phần mở rộng ${what} sai`, cause });
}

function parseBasicConstraints(v: Uint8Array): { ca: boolean; pathLength?: number } {
  const items = childrenOf(v, expectTag(readSingle(v), 0x30, 'BasicConstraints'));
  let ca = false;
  let pathLength: number | undefined;
  for (const item of items) {
    if (item.tag === 0x01) ca = (v[item.contentStart] ?? 0) !== 0;
    else if (item.tag === 0x02) {
      const content = contentOf(v, item);
      if (content.length > 4 || ((content[0] ?? 0) & 0x80)) throw malformed('basicConstraints');
      pathLength = content.reduce((n, b) => n * 256 + b, 0);
    } else throw malformed('basicConstraints');
  }
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

function parseKeyUsage(v: Uint8Array): KeyUsage[] {
  const bits = expectTag(readSingle(v), 0x03, 'KeyUsage');
  const content = contentOf(v, bits).subarray(1);
  return KEY_USAGE_NAMES.filter((_, i) => ((content[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function parseOidSequence(v: Uint8Array, what: string): string[] {
  return childrenOf(v, expectTag(readSingle(v), 0x30, what)).map((t) => readOid(v, t, what));
}

function parseKeyIdentifier(v: Uint8Array, authority: boolean): string | undefined {
  const top = readSingle(v);
  if (!authority) return Buffer.from(contentOf(v, expectTag(top, 0x04, 'SubjectKeyIdentifier'))).toString('hex');
  const keyId = childrenOf(v, expectTag(top, 0x30, 'AuthorityKeyIdentifier')).find((t) => t.tag === 0x80);
  return keyId ? Buffer.from(contentOf(v, keyId)).toString('hex') : undefined;
}

function uriOf(v: Uint8Array, generalName: Tlv): string | undefined {
  return generalName.tag === 0x86 ? Buffer.from(contentOf(v, generalName)).toString('latin1') : undefined;
}

function parseAccess(v: Uint8Array): { method: string; uri?: string }[] {
  return childrenOf(v, expectTag(readSingle(v), 0x30, 'AuthorityInfoAccess')).map((ad) => {
    const [method, location] = childrenOf(v, expectTag(ad, 0x30, 'AccessDescription'));
    const uri = location ? uriOf(v, location) : undefined;
    return uri === undefined ? { method: readOid(v, method, 'accessMethod') } : { method: readOid(v, method, 'accessMethod'), uri };
  });
}

function parseCrlUrls(v: Uint8Array): string[] {
  const urls: string[] = [];
  for (const dp of childrenOf(v, expectTag(readSingle(v), 0x30, 'CRLDistributionPoints'))) {
    const dpName = childrenOf(v, expectTag(dp, 0x30, 'DistributionPoint')).find((t) => t.tag === 0xa0);
    if (!dpName) continue;
    const fullName = childrenOf(v, dpName).find((t) => t.tag === 0xa0);
    if (!fullName) continue;
    for (const gn of childrenOf(v, fullName)) {
      const uri = uriOf(v, gn);
      if (uri !== undefined) urls.push(uri);
    }
  }
  return urls;
}

function parsePolicies(v: Uint8Array): string[] {
  return childrenOf(v, expectTag(readSingle(v), 0x30, 'CertificatePolicies')).map((info) => {
    const [policyId] = childrenOf(v, expectTag(info, 0x30, 'PolicyInformation'));
    return readOid(v, policyId, 'policyIdentifier');
  });
}

/** Applies one raw extension to the decoded view. */
function applyExtension(out: CertificateExtensions, ext: RawCertificateExtension): void {
  const v = ext.value;
  const { critical } = ext;
  switch (ext.oid) {
    case EXTENSION_OIDS.basicConstraints: out.basicConstraints = { ...parseBasicConstraints(v), critical }; break;
    case EXTENSION_OIDS.keyUsage: out.keyUsage = { usages: parseKeyUsage(v), critical }; break;
    case EXTENSION_OIDS.extKeyUsage: out.extendedKeyUsage = { oids: parseOidSequence(v, 'ExtKeyUsage'), critical }; break;
    case EXTENSION_OIDS.subjectKeyIdentifier: out.subjectKeyIdentifier = parseKeyIdentifier(v, false); break;
    case EXTENSION_OIDS.authorityKeyIdentifier: out.authorityKeyIdentifier = parseKeyIdentifier(v, true); break;
    case EXTENSION_OIDS.certificatePolicies: out.policies = parsePolicies(v); break;
    case EXTENSION_OIDS.crlDistributionPoints: out.crlUrls.push(...parseCrlUrls(v)); break;
    case EXTENSION_OIDS.ocspNoCheck: out.ocspNoCheck = true; break;
    case EXTENSION_OIDS.authorityInfoAccess:
      for (const access of parseAccess(v)) {
        if (access.uri === undefined) continue;
        if (access.method === '1.3.6.1.5.5.7.48.1') out.ocspUrls.push(access.uri);
        if (access.method === '1.3.6.1.5.5.7.48.2') out.caIssuersUrls.push(access.uri);
      }
      break;
    default: break;
  }
}

/**
 * Decodes the `[3] Extensions` element of a TBSCertificate.
 *
 * @example
 * ```ts
 * const ext = decodeExtensions(tbsBytes, extensionsTlv);
 * ext.basicConstraints?.ca; // true for a CA certificate
 * ```
 */
export function decodeExtensions(bytes: Uint8Array, explicit: Tlv | undefined): CertificateExtensions {
  const out: CertificateExtensions = { raw: [], ocspUrls: [], caIssuersUrls: [], crlUrls: [], ocspNoCheck: false };
  if (!explicit) return out;
  const [list] = childrenOf(bytes, explicit);
  const seen = new Set<string>();
  for (const extTlv of childrenOf(bytes, expectTag(list, 0x30, 'Extensions'))) {
    const parts = childrenOf(bytes, expectTag(extTlv, 0x30, 'Extension'));
    const oid = decodeOid(contentOf(bytes, expectTag(parts[0], 0x06, 'extnID')));
    const hasCritical = parts[1]?.tag === 0x01;
    const critical = hasCritical && (bytes[parts[1]?.contentStart ?? 0] ?? 0) !== 0;
    const value = Uint8Array.from(contentOf(bytes, expectTag(parts[hasCritical ? 2 : 1], 0x04, 'extnValue')));
    if (seen.has(oid)) throw new EdusignError('CERT_MALFORMED', { detail: `duplicate extension ${oid}`, detailVi: `phần mở rộng ${oid} bị lặp` });
    seen.add(oid);
    const ext = { oid, critical, value };
    out.raw.push(ext);
    try {
      applyExtension(out, ext);
    } catch (error) {
      throw malformed(oid, error);
    }
  }
  return out;
}
