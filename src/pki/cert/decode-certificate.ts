/**
 * Decodes one DER X.509 certificate into the pieces path validation and descriptions need, keeping the
 * exact signed bytes (`tbs`) so signatures are checked over what the issuer signed, never a re-encoding.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError, isEdusignError } from '../../errors.js';
import { childrenOf, contentOf, encodingOf, expectTag, integerHex, readOid, readSingle, readTime } from './der-reader.js';
import { decodeExtensions, type CertificateExtensions } from './extensions.js';
import { nameAt, type DistinguishedName } from './name.js';

/** A decoded certificate. */
export interface DecodedCertificate {
  der: Uint8Array;
  /** The TBSCertificate exactly as encoded (what the issuer signed). */
  tbs: Uint8Array;
  version: number;
  /** Serial number, lowercase hex. */
  serialNumber: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** Outer signatureAlgorithm OID and DER parameters (if any). */
  signatureAlgorithm: { oid: string; parameters?: Uint8Array };
  signatureValue: Uint8Array;
  extensions: CertificateExtensions;
  /** SHA-256 fingerprint, lowercase hex. */
  sha256: string;
  /** SHA-1 fingerprint, lowercase hex. */
  sha1: string;
}

function algorithm(bytes: Uint8Array, tlv: Parameters<typeof childrenOf>[1] | undefined): { oid: string; parameters?: Uint8Array } {
  const [oidTlv, params] = childrenOf(bytes, expectTag(tlv, 0x30, 'AlgorithmIdentifier'));
  const oid = readOid(bytes, oidTlv, 'algorithm');
  return params ? { oid, parameters: Uint8Array.from(encodingOf(bytes, params)) } : { oid };
}

function decodeUnchecked(input: Uint8Array): DecodedCertificate {
  const der = Uint8Array.from(input);
  const [tbsTlv, algTlv, sigTlv, extra] = childrenOf(der, expectTag(readSingle(der), 0x30, 'Certificate'));
  if (extra) throw new EdusignError('CERT_MALFORMED', { detail: 'extra element in Certificate' });
  const tbsFields = childrenOf(der, expectTag(tbsTlv, 0x30, 'TBSCertificate'));
  let index = 0;
  let version = 1;
  if (tbsFields[0]?.tag === 0xa0) {
    const [v] = childrenOf(der, tbsFields[0]);
    const content = contentOf(der, expectTag(v, 0x02, 'version'));
    version = (content[content.length - 1] ?? 0) + 1;
    index = 1;
  }
  const serial = contentOf(der, expectTag(tbsFields[index], 0x02, 'serialNumber'));
  const innerAlg = algorithm(der, tbsFields[index + 1]);
  const issuer = nameAt(der, expectTag(tbsFields[index + 2], 0x30, 'issuer'));
  const [nb, na] = childrenOf(der, expectTag(tbsFields[index + 3], 0x30, 'validity'));
  const subject = nameAt(der, expectTag(tbsFields[index + 4], 0x30, 'subject'));
  const spki = Uint8Array.from(encodingOf(der, expectTag(tbsFields[index + 5], 0x30, 'subjectPublicKeyInfo')));
  const extensionsTlv = tbsFields.slice(index + 6).find((t) => t.tag === 0xa3);
  const outerAlg = algorithm(der, algTlv);
  if (innerAlg.oid !== outerAlg.oid) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'signature algorithm differs inside and outside TBSCertificate' });
  }
  const sigContent = contentOf(der, expectTag(sigTlv, 0x03, 'signatureValue'));
  if (sigContent[0] !== 0) throw new EdusignError('CERT_MALFORMED', { detail: 'signature BIT STRING has unused bits' });
  return {
    der,
    tbs: Uint8Array.from(encodingOf(der, tbsTlv as NonNullable<typeof tbsTlv>)),
    version,
    serialNumber: integerHex(serial),
    issuer,
    subject,
    notBefore: readTime(der, nb, 'notBefore'),
    notAfter: readTime(der, na, 'notAfter'),
    spki,
    signatureAlgorithm: outerAlg,
    signatureValue: Uint8Array.from(sigContent.subarray(1)),
    extensions: decodeExtensions(der, extensionsTlv),
    sha256: createHash('sha256').update(der).digest('hex'),
    sha1: createHash('sha1').update(der).digest('hex'),
  };
}

/**
 * Decodes a DER certificate; anything unparsable becomes `CERT_MALFORMED` (never a crash).
 *
 * @example
 * ```ts
 * const cert = decodeCertificate(readFileSync('teacher.cert.der'));
 * cert.subject.text; // 'UID=CCCD:031186001234, CN=Nguyễn Thị Thu Hà, …, C=VN'
 * ```
 */
export function decodeCertificate(der: Uint8Array): DecodedCertificate {
  try {
    return decodeUnchecked(der);
  } catch (error) {
    if (isEdusignError(error) && error.code === 'CERT_MALFORMED') throw error;
    throw new EdusignError('CERT_MALFORMED', { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
}
