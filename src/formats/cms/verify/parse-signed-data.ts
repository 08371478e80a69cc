/**
 * Parse a DER/BER CMS ContentInfo holding SignedData (RFC 5652 §5), keeping the raw bytes of every embedded
 * certificate, CRL and OCSP response (hashes and signatures are checked over the bytes as found, never over a
 * re-encoding).
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EdusignError } from '../../../errors.js';
import { OID } from './algorithms.js';

/** A parsed SignedData with its raw embedded material. */
export interface ParsedSignedData {
  /** pkijs view of the SignedData (for signer infos and attributes). */
  signedData: pkijs.SignedData;
  /** eContentType (OID). */
  eContentType: string;
  /** Encapsulated content when present (not detached), e.g. the TSTInfo of a timestamp token. */
  eContent?: Uint8Array;
  /** Raw DER of each certificate of the `certificates` set (only X.509 certificates). */
  certificates: Uint8Array[];
  /** Raw DER of each CRL of the `crls` set. */
  crls: Uint8Array[];
  /** OCSPResponse DER found as OtherRevocationInfoFormat (id-ri-ocsp-response or a wrapped basic response). */
  ocspResponses: Uint8Array[];
  /** Number of bytes after the DER object that are not zero (PDF /Contents are zero-padded). */
  nonZeroTrailingBytes: number;
}

function malformed(detail: string, cause?: unknown): EdusignError {
  return new EdusignError('SIGNATURE_MALFORMED', { detail, detailVi: detail, cause });
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
  const response = new asn1js.Sequence({
    value: [
      new asn1js.Enumerated({ value: 0 }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Sequence({
          value: [new asn1js.ObjectIdentifier({ value: OID.ocspBasic }), new asn1js.OctetString({ valueHex: basic.slice().buffer })],
        })],
      }),
    ],
  });
  return new Uint8Array(response.toBER());
}

function isContext(block: asn1js.AsnType, tag: number): block is asn1js.Constructed {
  return block instanceof asn1js.Constructed && block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;
}

function otherRevocation(block: asn1js.Constructed): Uint8Array | undefined {
  const [format, info] = block.valueBlock.value;
  if (!(format instanceof asn1js.ObjectIdentifier) || info === undefined) return undefined;
  const oid = format.valueBlock.toString();
  const raw = new Uint8Array(info.valueBeforeDecodeView);
  if (oid === OID.ocspResponseRevInfo) return raw;
  if (oid === OID.ocspBasic) return wrapBasicOcspResponse(raw);
  return undefined;
}

function collectRaw(signedDataSeq: asn1js.Sequence): Pick<ParsedSignedData, 'certificates' | 'crls' | 'ocspResponses'> {
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  for (const child of signedDataSeq.valueBlock.value) {
    if (isContext(child, 0)) {
      for (const c of child.valueBlock.value) {
        if (c instanceof asn1js.Sequence) certificates.push(new Uint8Array(c.valueBeforeDecodeView));
      }
    } else if (isContext(child, 1)) {
      for (const c of child.valueBlock.value) {
        if (c instanceof asn1js.Sequence) crls.push(new Uint8Array(c.valueBeforeDecodeView));
        else if (isContext(c, 1)) {
          const ocsp = otherRevocation(c);
          if (ocsp) ocspResponses.push(ocsp);
        }
      }
    }
  }
  return { certificates, crls, ocspResponses };
}

/**
 * Parse a CMS ContentInfo(SignedData). Throws `SIGNATURE_MALFORMED` when the bytes are not one.
 *
 * @example
 * ```ts
 * const parsed = parseSignedData(cmsDer);
 * console.log(parsed.certificates.length, parsed.signedData.signerInfos.length);
 * ```
 */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  let decoded: ReturnType<typeof asn1js.fromBER>;
  try {
    decoded = asn1js.fromBER(der);
  } catch (cause) {
    throw malformed('CMS is not valid BER', cause);
  }
  if (decoded.offset === -1 || !(decoded.result instanceof asn1js.Sequence)) throw malformed('CMS is not valid BER');
  let nonZeroTrailingBytes = 0;
  for (let i = decoded.offset; i < der.length; i++) if (der[i] !== 0) nonZeroTrailingBytes++;
  const [typeBlock, wrapper] = decoded.result.valueBlock.value;
  if (!(typeBlock instanceof asn1js.ObjectIdentifier) || typeBlock.valueBlock.toString() !== OID.signedData) {
    throw malformed('ContentInfo does not hold SignedData');
  }
  if (wrapper === undefined || !isContext(wrapper, 0)) throw malformed('ContentInfo has no [0] content');
  const inner = wrapper.valueBlock.value[0];
  if (!(inner instanceof asn1js.Sequence)) throw malformed('SignedData is not a SEQUENCE');
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: inner });
  } catch (cause) {
    throw malformed('SignedData does not match RFC 5652', cause);
  }
  const eci = signedData.encapContentInfo;
  let eContent: Uint8Array | undefined;
  if (eci.eContent) {
    // Constructed (BER) octet strings are flattened by pkijs' getter.
    eContent = new Uint8Array(eci.eContent.getValue());
  }
  return {
    signedData,
    eContentType: eci.eContentType,
    ...(eContent ? { eContent } : {}),
    ...collectRaw(inner),
    nonZeroTrailingBytes,
  };
}
