/**
 * RFC 3161 TimeStampToken parsing: a CMS SignedData whose content is a TSTInfo.
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../crypto/types.js';
import { EdusignError } from '../../errors.js';
import { integerHex, nameToString, toArrayBuffer } from '../revocation/cert-facts.js';
import { hashAlgorithmOf } from './hash-oids.js';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';

/** What a timestamp token says. */
export interface TimestampTokenInfo {
  /** The time the TSA vouches for. */
  genTime: Date;
  /** Serial number (hex). */
  serialNumber: string;
  /** TSA policy OID. */
  policy: string;
  /** Accuracy, when the TSA states one. */
  accuracy?: { seconds: number; millis: number; micros: number };
  ordering: boolean;
  /** Nonce (hex), when the request had one. */
  nonce?: string;
  /** Message imprint: digest OID, our name for it (undefined for SHA-1/unknown), and the digest. */
  imprintAlgorithmOid: string;
  hashAlgorithm?: HashAlgorithm;
  messageImprint: Uint8Array;
  /** TSA name (GeneralName directoryName rendered), when present. */
  tsaName?: string;
  /** Certificates carried in the token (DER). */
  certificates: Uint8Array[];
}

/** Internal view for verification. */
export interface DecodedTimestampToken {
  info: TimestampTokenInfo;
  signedData: pkijs.SignedData;
  /** The DER TSTInfo bytes (eContent), as signed. */
  tstInfoDer: Uint8Array;
}

function malformed(detail: string, cause?: unknown): EdusignError {
  return new EdusignError('TIMESTAMP_MALFORMED', { detail, cause });
}

function strictDecode(bytes: Uint8Array, what: string): asn1js.AsnType {
  const decoded = asn1js.fromBER(toArrayBuffer(bytes));
  if (decoded.offset === -1 || decoded.offset !== bytes.byteLength) throw malformed(`${what}: not a single DER structure (truncated?)`);
  return decoded.result;
}

/**
 * Decode a token fully (internal: verification needs the SignedData and the exact TSTInfo bytes).
 * @example
 * ```ts
 * const { info, signedData } = decodeTimestampToken(tokenDer);
 * ```
 */
export function decodeTimestampToken(tokenDer: Uint8Array): DecodedTimestampToken {
  let signedData: pkijs.SignedData;
  let certificates: Uint8Array[];
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: strictDecode(tokenDer, 'TimeStampToken') });
    if (contentInfo.contentType !== OID_SIGNED_DATA) throw malformed('not a CMS SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    certificates = rawCertificates(contentInfo.content as asn1js.Sequence);
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw malformed(cause instanceof Error ? cause.message : String(cause), cause);
  }
  if (signedData.encapContentInfo.eContentType !== OID_TST_INFO) throw malformed('the content is not a TSTInfo');
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) throw malformed('no TSTInfo content');
  const tstInfoDer = new Uint8Array(octets(eContent));
  let tst: pkijs.TSTInfo;
  try {
    tst = new pkijs.TSTInfo({ schema: strictDecode(tstInfoDer, 'TSTInfo') });
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw malformed(cause instanceof Error ? cause.message : String(cause), cause);
  }
  const imprintAlgorithmOid = tst.messageImprint.hashAlgorithm.algorithmId;
  const info: TimestampTokenInfo = {
    genTime: tst.genTime,
    serialNumber: integerHex(tst.serialNumber),
    policy: tst.policy,
    ordering: tst.ordering ?? false,
    imprintAlgorithmOid,
    hashAlgorithm: hashAlgorithmOf(imprintAlgorithmOid),
    messageImprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    certificates,
  };
  if (tst.accuracy) info.accuracy = { seconds: tst.accuracy.seconds ?? 0, millis: tst.accuracy.millis ?? 0, micros: tst.accuracy.micros ?? 0 };
  if (tst.nonce) info.nonce = integerHex(tst.nonce);
  if (tst.tsa && tst.tsa.type === 4 && tst.tsa.value instanceof pkijs.RelativeDistinguishedNames) info.tsaName = nameToString(tst.tsa.value);
  return { info, signedData, tstInfoDer };
}

/** The certificates of a SignedData exactly as encoded (`certificates [0] IMPLICIT CertificateSet`). */
function rawCertificates(signedData: asn1js.Sequence): Uint8Array[] {
  const set = signedData.valueBlock.value.find((e) => e.idBlock.tagClass === 3 && e.idBlock.tagNumber === 0);
  const items = (set?.valueBlock as { value?: asn1js.AsnType[] } | undefined)?.value ?? [];
  return items
    .filter((item) => item.idBlock.tagClass === 1 && item.idBlock.tagNumber === 16)
    .map((item) => new Uint8Array((item as asn1js.Sequence).valueBeforeDecodeView));
}

/** Content of an OCTET STRING, primitive or constructed (BER). */
function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return value.valueBlock.valueHexView;
  const parts = (value.valueBlock.value as asn1js.OctetString[]).map((part) => octets(part));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * Read what an RFC 3161 timestamp token says (genTime, serial, policy, accuracy, nonce, imprint), without
 * verifying it. Throws `TIMESTAMP_MALFORMED` for anything that is not a TimeStampToken.
 * @example
 * ```ts
 * const { genTime, serialNumber, policy } = parseTimestampToken(tokenDer);
 * ```
 */
export function parseTimestampToken(tokenDer: Uint8Array): TimestampTokenInfo {
  return decodeTimestampToken(tokenDer).info;
}
