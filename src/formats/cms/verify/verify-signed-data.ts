/**
 * Verify a CMS SignedData with one signer (CAdES as used by PAdES, RFC 3161 tokens): message digest over the
 * content, signature value over the signed attributes, signer identification and its signingCertificateV2
 * binding; collect embedded certificates, revocation data and signature timestamp tokens. Certificate path and
 * revocation are not judged here (that is `validateCertificate`, at the best signature time).
 * @module
 */
import { createHash } from 'node:crypto';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { worse, type Finding, type Indication, type SubIndication } from '../../../pki/indication.js';
import { DIGEST_OIDS, OID, nodeHashName } from './algorithms.js';
import { berBytes, berOctets, berOid, berTime, isTag, TAG } from './ber.js';
import { bytesEqual } from './bytes.js';
import { findSignerCertificate, parseCandidates } from './find-signer-certificate.js';
import { finding } from './finding.js';
import { type ParsedAttribute, type ParsedSignedData, parseSignedData } from './parse-signed-data.js';
import { readRevocationArchival } from './revocation-archival.js';
import { checkSigningCertificate, type SigningCertificateBinding } from './signing-certificate-attribute.js';
import { verifySignatureValue } from './verify-signature-value.js';

/** Options of {@link verifySignedData}. */
export interface VerifySignedDataOptions {
  /** Detached content, as chunks hashed in order (e.g. the two PDF byte ranges, as zero-copy views). */
  content?: readonly Uint8Array[];
  /** Further certificates that may be the signer's (e.g. from a PDF DSS). */
  extraCertificates?: readonly Uint8Array[];
  /** Require the signingCertificateV2/signingCertificate attribute (CAdES/PAdES baseline). Default true. */
  requireSigningCertificateAttribute?: boolean;
}

/** Result of {@link verifySignedData}. */
export interface SignedDataVerification {
  /** Cryptographic conclusion only (path and revocation are judged elsewhere). */
  indication: Indication;
  subIndication?: SubIndication;
  findings: Finding[];
  signerCount: number;
  digestAlgorithm?: HashAlgorithm | 'SHA-1';
  signatureAlgorithm?: string;
  messageDigest: 'valid' | 'invalid' | 'missing' | 'not-checked';
  signatureValue: 'valid' | 'invalid' | 'unsupported' | 'not-checked';
  signingCertificateBinding: SigningCertificateBinding['status'];
  /** DER of the signer's certificate when identified. */
  signerCertificate?: Uint8Array;
  /** Certificates embedded in the SignedData (raw DER). */
  certificates: Uint8Array[];
  /** CRLs from the SignedData and the adbe-revocationInfoArchival attribute. */
  crls: Uint8Array[];
  /** OCSPResponses from the SignedData and the adbe-revocationInfoArchival attribute. */
  ocspResponses: Uint8Array[];
  /** The signingTime signed attribute (a claim, not a proof). */
  claimedSigningTime?: Date;
  eContentType: string;
  /** Encapsulated content (e.g. a TSTInfo), when not detached. */
  eContent?: Uint8Array;
  /** The SignerInfo signature value (what a signature timestamp's imprint covers). */
  signature: Uint8Array;
  /** DER TimeStampTokens from the signature-time-stamp unsigned attribute, in order. */
  signatureTimestampTokens: Uint8Array[];
  /** OIDs of the signed attributes present. */
  signedAttributeTypes: string[];
}

type Verdict = Pick<SignedDataVerification, 'indication' | 'subIndication'>;

const FAILED = (subIndication: SubIndication): Verdict => ({ indication: 'TOTAL_FAILED', subIndication });
const INDETERMINATE = (subIndication: SubIndication): Verdict => ({ indication: 'INDETERMINATE', subIndication });

function digestChunks(hash: HashAlgorithm | 'SHA-1', chunks: readonly Uint8Array[]): Uint8Array {
  const h = createHash(nodeHashName(hash));
  for (const c of chunks) h.update(c);
  return new Uint8Array(h.digest());
}

function attribute(attrs: readonly ParsedAttribute[], type: string) {
  return attrs.find((a) => a.type === type)?.values[0];
}

function attributeOctets(bytes: Uint8Array, attrs: readonly ParsedAttribute[], type: string): Uint8Array | undefined {
  const v = attribute(attrs, type);
  return isTag(v, TAG.OCTET_STRING) ? berOctets(bytes, v) : undefined;
}

function timestampTokens(bytes: Uint8Array, attrs: readonly ParsedAttribute[]): Uint8Array[] {
  return attrs.filter((a) => a.type === OID.signatureTimeStampToken).flatMap((a) => a.values.map((v) => berBytes(bytes, v)));
}


function verifyParsed(parsed: ParsedSignedData, options: VerifySignedDataOptions): SignedDataVerification {
  const findings: Finding[] = [];
  const bytes = parsed.bytes;
  const signerInfos = parsed.signerInfos;
  const archival = signerInfos[0] ? readRevocationArchival(bytes, signerInfos[0].signedAttrs) : { crls: [], ocspResponses: [] };
  const base: SignedDataVerification = {
    indication: 'TOTAL_PASSED', findings, signerCount: signerInfos.length,
    messageDigest: 'not-checked', signatureValue: 'not-checked', signingCertificateBinding: 'absent',
    certificates: parsed.certificates, crls: [...parsed.crls, ...archival.crls],
    ocspResponses: [...parsed.ocspResponses, ...archival.ocspResponses],
    eContentType: parsed.eContentType, ...(parsed.eContent ? { eContent: parsed.eContent } : {}),
    signature: new Uint8Array(0), signatureTimestampTokens: [], signedAttributeTypes: [],
  };
  const signerInfo = signerInfos[0];
  if (!signerInfo) {
    findings.push(finding('CMS_NO_SIGNER', 'The SignedData has no SignerInfo', 'SignedData không có SignerInfo'));
    return { ...base, ...FAILED('FORMAT_FAILURE') };
  }
  if (signerInfos.length > 1) {
    findings.push(finding('CMS_MULTIPLE_SIGNERS', 'The SignedData has more than one SignerInfo; only the first is verified',
      'SignedData có nhiều SignerInfo; chỉ SignerInfo đầu tiên được kiểm tra'));
  }
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  const result: SignedDataVerification = {
    ...base,
    signature: signerInfo.signature,
    signatureTimestampTokens: timestampTokens(bytes, signerInfo.unsignedAttrs),
    signedAttributeTypes: signerInfo.signedAttrs.map((a) => a.type),
  };
  const claimed = berTime(bytes, attribute(signerInfo.signedAttrs, OID.signingTime));
  if (claimed) result.claimedSigningTime = claimed;

  const digestAlgorithm = DIGEST_OIDS[signerInfo.digestAlgorithm];
  if (digestAlgorithm) result.digestAlgorithm = digestAlgorithm;
  const content = parsed.eContent ? [parsed.eContent] : options.content;
  if (parsed.eContent && options.content) {
    findings.push(finding('CMS_CONTENT_NOT_DETACHED', 'The SignedData encapsulates content although detached content was expected',
      'SignedData chứa nội dung trong khi chữ ký phải tách rời'));
    verdict = worse(verdict, FAILED('FORMAT_FAILURE'));
  }
  if (!digestAlgorithm || digestAlgorithm === 'SHA-1') {
    findings.push(finding('CMS_DIGEST_ALGORITHM_REFUSED', `Digest algorithm ${digestAlgorithm ?? signerInfo.digestAlgorithm} is not accepted`,
      `Thuật toán băm ${digestAlgorithm ?? signerInfo.digestAlgorithm} không được chấp nhận`));
    return { ...result, ...worse(verdict, INDETERMINATE('CRYPTO_CONSTRAINTS_FAILURE')) };
  }
  if (!content) {
    findings.push(finding('CMS_NO_CONTENT', 'No signed content was supplied for a detached signature',
      'Không có nội dung được ký cho chữ ký tách rời'));
    return { ...result, ...worse(verdict, INDETERMINATE('SIGNED_DATA_NOT_FOUND')) };
  }
  const contentDigest = digestChunks(digestAlgorithm, content);

  let toBeSigned: Uint8Array;
  if (signerInfo.signedAttrsDer) {
    toBeSigned = signerInfo.signedAttrsDer;
    const md = attributeOctets(bytes, signerInfo.signedAttrs, OID.messageDigest);
    if (!md) {
      result.messageDigest = 'missing';
      findings.push(finding('CMS_MESSAGE_DIGEST_MISSING', 'The signed attributes have no messageDigest',
        'Thuộc tính ký thiếu messageDigest'));
      verdict = worse(verdict, FAILED('FORMAT_FAILURE'));
    } else if (!bytesEqual(md, contentDigest)) {
      result.messageDigest = 'invalid';
      findings.push(finding('HASH_MISMATCH', 'The signed content does not match the messageDigest (the data was changed)',
        'Nội dung được ký không khớp giá trị băm messageDigest (dữ liệu đã bị thay đổi)'));
      verdict = worse(verdict, FAILED('HASH_FAILURE'));
    } else {
      result.messageDigest = 'valid';
    }
    const ct = berOid(bytes, attribute(signerInfo.signedAttrs, OID.contentType));
    if (ct === undefined || ct !== parsed.eContentType) {
      findings.push(finding('CMS_CONTENT_TYPE_MISMATCH', 'The contentType signed attribute is missing or differs from eContentType',
        'Thuộc tính contentType thiếu hoặc khác eContentType'));
      verdict = worse(verdict, FAILED('FORMAT_FAILURE'));
    }
  } else {
    findings.push(finding('CMS_NO_SIGNED_ATTRIBUTES', 'The SignerInfo has no signed attributes (not CAdES)',
      'SignerInfo không có thuộc tính ký (không phải CAdES)'));
    toBeSigned = Uint8Array.from(Buffer.concat(content));
  }

  const candidates = parseCandidates([...parsed.certificates, ...(options.extraCertificates ?? [])]);
  const signer = findSignerCertificate(signerInfo.sid, candidates);
  if (!signer) {
    findings.push(finding('SIGNER_CERTIFICATE_NOT_FOUND', 'The signer certificate is not in the signature nor supplied',
      'Không tìm thấy chứng thư số của người ký trong chữ ký hoặc dữ liệu được cung cấp'));
    return { ...result, ...worse(verdict, INDETERMINATE('NO_SIGNING_CERTIFICATE_FOUND')) };
  }
  result.signerCertificate = signer.der;

  const check = verifySignatureValue(bytes, signerInfo.signatureAlgorithm, digestAlgorithm, signer.der, toBeSigned, result.signature);
  result.signatureValue = check.result;
  if (check.algorithm) result.signatureAlgorithm = check.algorithm;
  if (check.result === 'invalid') {
    findings.push(finding('SIGNATURE_VALUE_INVALID', 'The signature value does not verify with the signer certificate',
      'Giá trị chữ ký không khớp với chứng thư số của người ký'));
    verdict = worse(verdict, FAILED('SIG_CRYPTO_FAILURE'));
  } else if (check.result === 'unsupported') {
    findings.push(finding('SIGNATURE_ALGORITHM_UNSUPPORTED', `Unsupported signature: ${check.reason ?? ''}`,
      `Thuật toán chữ ký không được hỗ trợ: ${check.reason ?? ''}`));
    verdict = worse(verdict, INDETERMINATE('CRYPTO_CONSTRAINTS_FAILURE'));
  } else if (check.hash === 'SHA-1') {
    findings.push(finding('CMS_DIGEST_ALGORITHM_REFUSED', 'SHA-1 signatures are not accepted', 'Không chấp nhận chữ ký SHA-1'));
    verdict = worse(verdict, INDETERMINATE('CRYPTO_CONSTRAINTS_FAILURE'));
  }

  const binding = checkSigningCertificate(bytes, signerInfo.signedAttrs, signer);
  result.signingCertificateBinding = binding.status;
  findings.push(...binding.findings);
  if (binding.status === 'mismatch' || (binding.status === 'absent' && options.requireSigningCertificateAttribute !== false)) {
    verdict = worse(verdict, INDETERMINATE('NO_SIGNING_CERTIFICATE_FOUND'));
  }
  if (parsed.nonZeroTrailingBytes > 0) {
    findings.push(finding('CMS_TRAILING_DATA', 'Non-zero bytes follow the CMS object', 'Có dữ liệu khác 0 sau đối tượng CMS'));
  }
  return { ...result, ...verdict };
}

/**
 * Verify a CMS ContentInfo(SignedData) over detached `content` chunks (or its encapsulated content).
 * Throws `SIGNATURE_MALFORMED` only when the bytes are not a SignedData at all; every other problem is a result.
 *
 * @example
 * ```ts
 * const v = verifySignedData(cmsDer, { content: [file.subarray(0, a), file.subarray(b, c)] });
 * if (v.indication === 'TOTAL_PASSED') console.log('crypto ok, signer', v.signerCertificate);
 * ```
 */
export function verifySignedData(der: Uint8Array, options: VerifySignedDataOptions = {}): SignedDataVerification {
  return verifyParsed(parseSignedData(der), options);
}
