/**
 * The synchronous part of verifying one PDF signature or document timestamp: ByteRange, SubFilter, the CMS
 * (or timestamp token) cryptography, and the signature timestamps' cryptography.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import { isEdusignError } from '../../../errors.js';
import { finding } from '../../cms/verify/finding.js';
import { verifySignedData, type SignedDataVerification } from '../../cms/verify/verify-signed-data.js';
import { verifyTimestampTokenCrypto, type TimestampTokenCheck } from '../../cms/verify/verify-timestamp-token.js';
import type { PdfDocument } from '../pdf/document.js';
import { checkByteRange, type ByteRangeCheck } from './check-byte-range.js';
import type { Verdict } from '../../../pki/indication.js';
import type { PdfSignatureField } from './find-signatures.js';
import { parsePdfDate } from './pdf-date.js';
import type { DssContent } from './read-dss.js';

/** A signature timestamp, checked cryptographically. */
export interface CheckedTimestamp extends Verdict {
  genTime?: Date;
  /** TSA certificate (DER) when identified. */
  tsaCertificate?: Uint8Array;
  /** Certificates and revocation data inside the token. */
  certificates: Uint8Array[];
  findings: Finding[];
}

/** Everything known about one signature after the synchronous checks. */
export interface SignatureFacts {
  field: PdfSignatureField;
  byteRange: ByteRangeCheck;
  /** Format + cryptographic conclusion. */
  crypto: Verdict;
  findings: Finding[];
  /** ETSI.CAdES.detached with a bound signing certificate. */
  baseline: boolean;
  signerCertificate?: Uint8Array;
  claimedSigningTime?: Date;
  /** For document timestamps: the TSTInfo genTime. */
  genTime?: Date;
  tsaSubject?: string;
  signatureTimestamps: CheckedTimestamp[];
  /** Certificates and revocation data embedded in the CMS. */
  embedded: { certificates: Uint8Array[]; crls: Uint8Array[]; ocspResponses: Uint8Array[] };
}

const ACCEPTED_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function fromTimestamp(check: TimestampTokenCheck): CheckedTimestamp {
  return {
    indication: check.indication, ...(check.subIndication ? { subIndication: check.subIndication } : {}),
    ...(check.tstInfo ? { genTime: check.tstInfo.genTime } : {}),
    ...(check.signedData?.signerCertificate ? { tsaCertificate: check.signedData.signerCertificate } : {}),
    certificates: check.signedData?.certificates ?? [],
    findings: check.findings,
  };
}

function failed(field: PdfSignatureField, byteRange: ByteRangeCheck, findings: Finding[], verdict: Verdict): SignatureFacts {
  return {
    field, byteRange, crypto: verdict, findings, baseline: false, signatureTimestamps: [],
    embedded: { certificates: [], crls: [], ocspResponses: [] },
  };
}

function verifyCms(field: PdfSignatureField, byteRange: ByteRangeCheck, dss: DssContent): SignatureFacts {
  const findings = [...byteRange.findings];
  const subFilter = field.subFilter ?? '';
  if (!ACCEPTED_SUBFILTERS.has(subFilter)) {
    findings.push(finding('SUBFILTER_UNSUPPORTED', `SubFilter /${subFilter} is not supported (only ETSI.CAdES.detached, adbe.pkcs7.detached)`,
      `SubFilter /${subFilter} không được hỗ trợ`));
    return failed(field, byteRange, findings, { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
  }
  let cms: SignedDataVerification;
  try {
    cms = verifySignedData(byteRange.contents!, { content: byteRange.signedChunks!, extraCertificates: dss.certificates });
  } catch (e) {
    if (!isEdusignError(e)) throw e;
    findings.push(finding('CMS_MALFORMED', `/Contents is not a CMS SignedData: ${e.message}`, `/Contents không phải CMS SignedData: ${e.messageVi}`));
    return failed(field, byteRange, findings, { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
  }
  findings.push(...cms.findings);
  if (cms.signerCount !== 1) {
    findings.push(finding('CMS_SIGNER_COUNT', 'A PDF signature must hold exactly one SignerInfo', 'Chữ ký PDF phải có đúng một SignerInfo'));
  }
  const crypto: Verdict = cms.signerCount === 1 ? cms : { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' };
  const baseline = subFilter === 'ETSI.CAdES.detached' && cms.signingCertificateBinding === 'bound';
  if (subFilter === 'ETSI.CAdES.detached' && cms.signedAttributeTypes.includes('1.2.840.113549.1.9.5')) {
    findings.push(finding('PADES_SIGNING_TIME_ATTRIBUTE', 'PAdES baseline signatures carry the time in /M, not in a signingTime attribute',
      'Chữ ký PAdES cơ bản ghi thời điểm ký trong /M, không dùng thuộc tính signingTime'));
  }
  const claimed = parsePdfDate(field.sigDict.get('M')) ?? cms.claimedSigningTime;
  const signatureTimestamps = cms.signatureTimestampTokens.map((t) => fromTimestamp(verifyTimestampTokenCrypto(t, [cms.signature])));
  for (const ts of signatureTimestamps) {
    if (ts.indication !== 'TOTAL_PASSED') {
      findings.push(finding('SIGNATURE_TIMESTAMP_INVALID', 'A signature timestamp does not verify; it is ignored as proof of existence',
        'Dấu thời gian của chữ ký không hợp lệ; không dùng làm bằng chứng thời điểm'), ...ts.findings);
    }
  }
  return {
    field, byteRange, crypto, findings, baseline,
    ...(cms.signerCertificate ? { signerCertificate: cms.signerCertificate } : {}),
    ...(claimed ? { claimedSigningTime: claimed } : {}),
    signatureTimestamps,
    embedded: { certificates: cms.certificates, crls: cms.crls, ocspResponses: cms.ocspResponses },
  };
}

function verifyDocumentTimestamp(field: PdfSignatureField, byteRange: ByteRangeCheck): SignatureFacts {
  const findings = [...byteRange.findings];
  const check = verifyTimestampTokenCrypto(byteRange.contents!, byteRange.signedChunks!);
  findings.push(...check.findings);
  const sd = check.signedData;
  return {
    field, byteRange, crypto: check, findings, baseline: false,
    ...(sd?.signerCertificate ? { signerCertificate: sd.signerCertificate } : {}),
    ...(check.tstInfo ? { genTime: check.tstInfo.genTime, claimedSigningTime: check.tstInfo.genTime } : {}),
    signatureTimestamps: [],
    embedded: { certificates: sd?.certificates ?? [], crls: sd?.crls ?? [], ocspResponses: sd?.ocspResponses ?? [] },
  };
}

/**
 * Check one signature field: ByteRange, then the CMS (or the document timestamp token).
 *
 * @example
 * ```ts
 * const facts = verifyOneSignature(doc, field, readDss(doc));
 * console.log(facts.crypto.indication);
 * ```
 */
export function verifyOneSignature(doc: PdfDocument, field: PdfSignatureField, dss: DssContent): SignatureFacts {
  const byteRange = checkByteRange(doc, field);
  if (!byteRange.ok) return failed(field, byteRange, [...byteRange.findings], { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
  return field.kind === 'document-timestamp' ? verifyDocumentTimestamp(field, byteRange) : verifyCms(field, byteRange, dss);
}
