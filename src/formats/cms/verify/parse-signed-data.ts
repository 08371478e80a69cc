/**
 * Parse a BER/DER CMS ContentInfo holding SignedData (RFC 5652 §5), keeping the raw bytes of every embedded
 * certificate, CRL and OCSP response and of the signed attributes (hashes and signatures are checked over the
 * bytes as found, never over a re-encoding).
 * @module
 */
import { concatBytes, derOid, derTlv } from '../../../crypto/der.js';
import { EdusignError } from '../../../errors.js';
import { OID } from './algorithms.js';
import { berBytes, berChildren, berOctets, berOid, isTag, readBer, TAG, type BerNode } from './ber.js';

/** An attribute: its type and its values (elements of the source bytes). */
export interface ParsedAttribute {
  type: string;
  values: BerNode[];
}

/** How a SignerInfo names its certificate. */
export type SignerIdentifier =
  | { kind: 'issuerSerial'; issuer: Uint8Array; serial: Uint8Array }
  | { kind: 'keyId'; keyId: Uint8Array };

/** One SignerInfo. */
export interface ParsedSignerInfo {
  sid: SignerIdentifier;
  digestAlgorithm: string;
  /** The signed attributes re-tagged as a SET (`0x31`): what the signature covers. */
  signedAttrsDer?: Uint8Array;
  signedAttrs: ParsedAttribute[];
  signatureAlgorithm: { oid: string; params?: BerNode };
  signature: Uint8Array;
  unsignedAttrs: ParsedAttribute[];
}

/** A parsed SignedData with its raw embedded material. */
export interface ParsedSignedData {
  /** The bytes every {@link BerNode} points into. */
  bytes: Uint8Array;
  eContentType: string;
  /** Encapsulated content when present (not detached), e.g. the TSTInfo of a timestamp token. */
  eContent?: Uint8Array;
  /** Raw DER of each certificate of the `certificates` set (only X.509 certificates). */
  certificates: Uint8Array[];
  /** Raw DER of each CRL of the `crls` set. */
  crls: Uint8Array[];
  /** OCSPResponse DER found as OtherRevocationInfoFormat (id-ri-ocsp-response or a wrapped basic response). */
  ocspResponses: Uint8Array[];
  signerInfos: ParsedSignerInfo[];
  /** Number of bytes after the CMS object that are not zero (PDF /Contents are zero-padded). */
  nonZeroTrailingBytes: number;
}

function malformed(detail: string): EdusignError {
  return new EdusignError('SIGNATURE_MALFORMED', { detail, detailVi: detail });
}

/**
 * Wrap a DER BasicOCSPResponse into a full OCSPResponse (status successful).
 *
 * @example
 * ```ts
 * const full = wrapBasicOcspResponse(basicDer);
 * ```
 */
export function wrapBasicOcspResponse(basic: Uint8Array): Uint8Array {
  const responseBytes = derTlv(0x30, concatBytes(derOid(OID.ocspBasic), derTlv(0x04, basic)));
  return derTlv(0x30, concatBytes(derTlv(0x0a, Uint8Array.of(0)), derTlv(0xa0, responseBytes)));
}

function attributes(bytes: Uint8Array, set: BerNode): ParsedAttribute[] {
  return berChildren(bytes, set).map((attr) => {
    const [type, values] = isTag(attr, TAG.SEQUENCE) ? berChildren(bytes, attr) : [];
    const oid = berOid(bytes, type);
    if (!oid || !values || !isTag(values, TAG.SET)) throw malformed('bad attribute');
    return { type: oid, values: berChildren(bytes, values) };
  });
}

function algorithm(bytes: Uint8Array, node: BerNode | undefined): { oid: string; params?: BerNode } {
  if (!isTag(node, TAG.SEQUENCE)) throw malformed('bad AlgorithmIdentifier');
  const [oidNode, params] = berChildren(bytes, node);
  const oid = berOid(bytes, oidNode);
  if (!oid) throw malformed('bad AlgorithmIdentifier');
  return params && !isTag(params, TAG.NULL) ? { oid, params } : { oid };
}

function signerIdentifier(bytes: Uint8Array, node: BerNode): SignerIdentifier {
  if (isTag(node, TAG.SEQUENCE)) {
    const [issuer, serial] = berChildren(bytes, node);
    if (!isTag(issuer, TAG.SEQUENCE) || !isTag(serial, TAG.INTEGER)) throw malformed('bad IssuerAndSerialNumber');
    return { kind: 'issuerSerial', issuer: berBytes(bytes, issuer), serial: bytes.subarray(serial.contentStart, serial.contentEnd) };
  }
  const other: BerNode = node;
  if (other.cls === 2 && other.tagNumber === 0) return { kind: 'keyId', keyId: berOctets(bytes, other) };
  throw malformed('bad SignerIdentifier');
}

function signerInfo(bytes: Uint8Array, node: BerNode): ParsedSignerInfo {
  const parts = berChildren(bytes, node);
  let i = 1; // skip version
  const sid = signerIdentifier(bytes, parts[i++]!);
  const digestAlgorithm = algorithm(bytes, parts[i++]).oid;
  let signedAttrsDer: Uint8Array | undefined;
  let signedAttrs: ParsedAttribute[] = [];
  if (isTag(parts[i], 0, true)) {
    const node0 = parts[i++]!;
    signedAttrs = attributes(bytes, node0);
    signedAttrsDer = bytes.slice(node0.start, node0.end);
    signedAttrsDer[0] = 0x31;
  }
  const signatureAlgorithm = algorithm(bytes, parts[i++]);
  const sigNode = parts[i++];
  if (!isTag(sigNode, TAG.OCTET_STRING)) throw malformed('bad SignerInfo signature');
  const unsigned = parts[i];
  return {
    sid, digestAlgorithm, ...(signedAttrsDer ? { signedAttrsDer } : {}), signedAttrs, signatureAlgorithm,
    signature: berOctets(bytes, sigNode),
    unsignedAttrs: isTag(unsigned, 1, true) ? attributes(bytes, unsigned) : [],
  };
}

function otherRevocation(bytes: Uint8Array, node: BerNode): Uint8Array | undefined {
  const [format, info] = berChildren(bytes, node);
  const oid = berOid(bytes, format);
  if (!info) return undefined;
  if (oid === OID.ocspResponseRevInfo) return berBytes(bytes, info);
  if (oid === OID.ocspBasic) return wrapBasicOcspResponse(berBytes(bytes, info));
  return undefined;
}

function parse(der: Uint8Array): ParsedSignedData {
  const root = readBer(der, 0);
  let nonZeroTrailingBytes = 0;
  for (let i = root.end; i < der.length; i++) if (der[i] !== 0) nonZeroTrailingBytes++;
  const [typeNode, wrapper] = isTag(root, TAG.SEQUENCE) ? berChildren(der, root) : [];
  if (berOid(der, typeNode) !== OID.signedData) throw malformed('ContentInfo does not hold SignedData');
  if (!isTag(wrapper, 0, true)) throw malformed('ContentInfo has no [0] content');
  const [sd] = berChildren(der, wrapper);
  if (!isTag(sd, TAG.SEQUENCE)) throw malformed('SignedData is not a SEQUENCE');
  const parts = berChildren(der, sd);
  const eci = parts[2];
  if (!isTag(eci, TAG.SEQUENCE)) throw malformed('bad EncapsulatedContentInfo');
  const [eTypeNode, eContentWrapper] = berChildren(der, eci);
  const eContentType = berOid(der, eTypeNode);
  if (!eContentType) throw malformed('bad eContentType');
  let eContent: Uint8Array | undefined;
  if (eContentWrapper) {
    const [octets] = isTag(eContentWrapper, 0, true) ? berChildren(der, eContentWrapper) : [];
    if (!isTag(octets, TAG.OCTET_STRING)) throw malformed('bad eContent');
    eContent = berOctets(der, octets);
  }
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  let signerInfos: ParsedSignerInfo[] | undefined;
  for (const part of parts.slice(3)) {
    if (isTag(part, 0, true)) {
      for (const c of berChildren(der, part)) if (isTag(c, TAG.SEQUENCE)) certificates.push(berBytes(der, c));
    } else if (isTag(part, 1, true)) {
      for (const c of berChildren(der, part)) {
        if (isTag(c, TAG.SEQUENCE)) crls.push(berBytes(der, c));
        else if (isTag(c, 1, true)) {
          const ocsp = otherRevocation(der, c);
          if (ocsp) ocspResponses.push(ocsp);
        }
      }
    } else if (isTag(part, TAG.SET)) {
      signerInfos = berChildren(der, part).map((si) => signerInfo(der, si));
    }
  }
  if (!signerInfos) throw malformed('SignedData has no signerInfos');
  return { bytes: der, eContentType, ...(eContent ? { eContent } : {}), certificates, crls, ocspResponses, signerInfos, nonZeroTrailingBytes };
}

/**
 * Parse a CMS ContentInfo(SignedData). Throws `SIGNATURE_MALFORMED` when the bytes are not one.
 *
 * @example
 * ```ts
 * const parsed = parseSignedData(cmsDer);
 * console.log(parsed.certificates.length, parsed.signerInfos.length);
 * ```
 */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  try {
    return parse(der);
  } catch (e) {
    if (e instanceof EdusignError) {
      if (e.code === 'SIGNATURE_MALFORMED') throw e;
      throw new EdusignError('SIGNATURE_MALFORMED', { detail: e.message, cause: e });
    }
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'CMS is not valid BER', cause: e });
  }
}
