/**
 * A certificate in user terms: who (name, organisation, personal ID / tax code), who issued it, when it is
 * valid, what it may be used for, fingerprints, key, and where its CA publishes status (AIA, CRL DP).
 * @module
 */
import { decodeCertificate, type DecodedCertificate } from './decode-certificate.js';
import { EKU_NAMES, EXTENSION_OIDS } from './extensions.js';
import { decodeGeneralNames } from './general-names.js';
import { subjectIdentifiers, type SubjectIdentifier } from './identifiers.js';
import { attributeValues, namesMatch, type NameAttribute } from './name.js';
import { describePublicKey, type PublicKeyInfo } from './public-key.js';
import { signatureAlgorithmInfo } from './signature-algorithm.js';

/** A name as text and parts. */
export interface NameDescription {
  /** RFC 4514 string (most specific first). */
  text: string;
  /** The attributes in encoding order. */
  attributes: NameAttribute[];
  /** CN. */
  commonName?: string;
  /** O. */
  organization?: string;
  /** OU. */
  organizationalUnit?: string;
}

/** What {@link describeCertificate} returns (JSON-friendly apart from Dates). */
export interface CertificateDescription {
  /** Subject name. */
  subject: NameDescription;
  /** Issuer name. */
  issuer: NameDescription;
  /** Subject CN (the holder's full name, or the organisation for a seal). */
  commonName?: string;
  /** Subject O (e.g. the school: Trường THPT …). */
  organization?: string;
  /** Chức danh (title), e.g. `Hiệu trưởng`. */
  title?: string;
  /** Subject L (locality). */
  locality?: string;
  /** Tỉnh/thành phố (ST). */
  province?: string;
  /** Subject C (`VN`). */
  country?: string;
  /** Every prefixed identifier (UID first; CN/OU fallback). */
  identifiers: SubjectIdentifier[];
  /** First personal identifier (CCCD, else CMND, else HC). */
  personalId?: string;
  /** First tax code (MST). */
  taxCode?: string;
  /** Serial number (hex). */
  serialNumber: string;
  /** X.509 version (3 for v3). */
  version: number;
  /** Start of the validity period. */
  notBefore: Date;
  /** End of the validity period. */
  notAfter: Date;
  /** basicConstraints cA. */
  isCA: boolean;
  /** basicConstraints pathLenConstraint, when set. */
  pathLength?: number;
  /** Subject and issuer names match (a root or a self-issued certificate). */
  selfIssued: boolean;
  /** keyUsage bits by name (`digitalSignature`, `nonRepudiation`, `keyCertSign`, …). */
  keyUsage: string[];
  /** extendedKeyUsage OIDs, with a name when known. */
  extendedKeyUsage: { oid: string; name?: string }[];
  /** certificatePolicies OIDs. */
  policies: string[];
  /** SHA-1 and SHA-256 of the DER (hex). */
  fingerprints: { sha1: string; sha256: string };
  /** The subject public key. */
  publicKey: PublicKeyInfo;
  /** The issuer's signature algorithm OID, with a name when known. */
  signatureAlgorithm: { oid: string; name?: string };
  /** Network locations: OCSP responders and CA issuers (AIA), CRL distribution points. */
  urls: { ocsp: string[]; caIssuers: string[]; crl: string[] };
  /** Has id-pkix-ocsp-nocheck (an OCSP responder certificate that is not checked for revocation). */
  ocspNoCheck: boolean;
  /** OIDs of critical extensions. */
  criticalExtensions: string[];
  /** subjectAltName entries as text (`email`, `dns`, `uri`, `ip` hex, `directory` RFC 4514, `other`). */
  alternativeNames: { type: string; value: string }[];
}

function alternativeNames(cert: DecodedCertificate): { type: string; value: string }[] {
  const san = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.subjectAltName);
  if (!san) return [];
  return decodeGeneralNames(san.value).map((n) => {
    switch (n.type) {
      case 'directory': return { type: n.type, value: n.value.text };
      case 'ip': return { type: n.type, value: Buffer.from(n.value).toString('hex') };
      case 'other': return { type: n.type, value: `tag 0x${n.tag.toString(16)}` };
      default: return { type: n.type, value: n.value };
    }
  });
}

function first(name: DecodedCertificate['subject'], type: string): string | undefined {
  return attributeValues(name, type)[0];
}

function describeName(name: DecodedCertificate['subject']): NameDescription {
  const out: NameDescription = { text: name.text, attributes: name.attributes };
  const cn = first(name, 'CN');
  const o = first(name, 'O');
  const ou = first(name, 'OU');
  if (cn !== undefined) out.commonName = cn;
  if (o !== undefined) out.organization = o;
  if (ou !== undefined) out.organizationalUnit = ou;
  return out;
}

function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/**
 * Describes a certificate (DER/PEM bytes or an already decoded one).
 *
 * @example
 * ```ts
 * const d = describeCertificate(readFileSync('fixtures/pki/teacher.cert.der'));
 * d.commonName; // 'Nguyễn Thị Thu Hà'
 * d.personalId; // '031186001234'
 * d.fingerprints.sha256; // 64 hex characters
 * ```
 */
export function describeCertificate(input: Uint8Array | DecodedCertificate): CertificateDescription {
  const cert = input instanceof Uint8Array ? decodeCertificate(input) : input;
  const ext = cert.extensions;
  const identifiers = subjectIdentifiers(cert.subject);
  const sigInfo = signatureAlgorithmInfo(cert.signatureAlgorithm.oid, cert.signatureAlgorithm.parameters);
  const description: CertificateDescription = {
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    identifiers,
    serialNumber: cert.serialNumber,
    version: cert.version,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    isCA: ext.basicConstraints?.ca ?? false,
    selfIssued: namesMatch(cert.subject.der, cert.issuer.der),
    keyUsage: ext.keyUsage?.usages ?? [],
    extendedKeyUsage: (ext.extendedKeyUsage?.oids ?? []).map((oid) => assignDefined<{ oid: string; name?: string }>({ oid }, { name: EKU_NAMES[oid] })),
    policies: ext.policies ?? [],
    fingerprints: { sha1: cert.sha1, sha256: cert.sha256 },
    publicKey: describePublicKey(cert.spki),
    signatureAlgorithm: assignDefined<{ oid: string; name?: string }>({ oid: cert.signatureAlgorithm.oid }, { name: sigInfo?.name }),
    urls: { ocsp: ext.ocspUrls, caIssuers: ext.caIssuersUrls, crl: ext.crlUrls },
    ocspNoCheck: ext.ocspNoCheck,
    criticalExtensions: ext.raw.filter((e) => e.critical).map((e) => e.oid),
    alternativeNames: alternativeNames(cert),
  };
  return assignDefined(description, {
    commonName: first(cert.subject, 'CN'),
    organization: first(cert.subject, 'O'),
    title: first(cert.subject, 'T'),
    locality: first(cert.subject, 'L'),
    province: first(cert.subject, 'ST'),
    country: first(cert.subject, 'C'),
    personalId: (['CCCD', 'CMND', 'HC'] as const).map((k) => identifiers.find((i) => i.kind === k)?.value).find((v) => v !== undefined),
    taxCode: identifiers.find((i) => i.kind === 'MST')?.value,
    pathLength: ext.basicConstraints?.pathLength,
  });
}
