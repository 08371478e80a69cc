/**
 * RFC 3161 timestamp token verification: message imprint, CMS signature, ESS signing-certificate binding,
 * TSA certificate (critical id-kp-timeStamping) and its path to a trust anchor, with revocation.
 * @module
 */
import { createHash } from 'node:crypto';
import type { HashAlgorithm } from '../../crypto/types.js';
import { EdusignError, isEdusignError } from '../../errors.js';
import type { Finding, Indication, SubIndication } from '../indication.js';
import { extendedKeyUsage, OID, parseCertificateDer, toHex } from '../revocation/cert-facts.js';
import { finding } from '../revocation/finding.js';
import type { CertificateValidationOptions, TimestampVerification } from '../types.js';
import { validateCertificate } from '../validate-certificate.js';
import { HASH_OIDS, NODE_HASH_BY_OID } from './hash-oids.js';
import { decodeTimestampToken, type DecodedTimestampToken } from './parse-token.js';
import { verifyTokenSignature } from './verify-token-signature.js';

/** Options of {@link verifyTimestampToken}. */
export interface VerifyTimestampTokenOptions extends Omit<CertificateValidationOptions, 'purpose'> {
  /** The time-stamped data (hashed here with the token's algorithm). */
  data?: Uint8Array;
  /** Or its digest (then `hashAlgorithm` says which, default SHA-256). */
  digest?: Uint8Array;
  hashAlgorithm?: HashAlgorithm;
}

/**
 * Verify a DER TimeStampToken against the data (or digest) it should cover. Returns a
 * {@link TimestampVerification} (never throws for a bad token: a malformed one is `TOTAL_FAILED`/
 * `FORMAT_FAILURE`, a wrong imprint `HASH_FAILURE`, a bad signature `SIG_CRYPTO_FAILURE`, a TSA certificate
 * without a sole critical id-kp-timeStamping `CHAIN_CONSTRAINTS_FAILURE`; the TSA certificate path is
 * validated with {@link validateCertificate} (purpose `timeStamping`, at `options.at`, default now).
 * Throws `INVALID_ARGUMENT` when neither `data` nor `digest` is given.
 * @example
 * ```ts
 * const v = await verifyTimestampToken(token, { data: signatureValue, trustStore, fetcher, cache });
 * if (v.indication === 'TOTAL_PASSED') console.log('signed before', v.genTime);
 * ```
 */
export async function verifyTimestampToken(tokenDer: Uint8Array, options: VerifyTimestampTokenOptions): Promise<TimestampVerification> {
  if (!options.data && !options.digest) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'give data or digest', detailVi: 'cần data hoặc digest' });
  }
  let token: DecodedTimestampToken;
  try {
    token = decodeTimestampToken(tokenDer);
  } catch (error) {
    const detail = isEdusignError(error) ? error.message : String(error);
    return { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', findings: [finding('TIMESTAMP_MALFORMED', detail, isEdusignError(error) ? error.messageVi : detail)] };
  }
  const { info } = token;
  const base = { genTime: info.genTime, hashAlgorithm: info.hashAlgorithm, serialNumber: info.serialNumber };
  const result = (indication: Indication, subIndication: SubIndication | undefined, findings: Finding[], extra: Partial<TimestampVerification> = {}): TimestampVerification =>
    ({ ...base, ...extra, indication, subIndication, findings });

  const imprint = imprintProblem(info.imprintAlgorithmOid, info.messageImprint, options);
  if (imprint) return result('TOTAL_FAILED', 'HASH_FAILURE', [imprint]);
  const cms = await verifyTokenSignature(token, options.extraCertificates ?? []);
  if (cms.failure) return result(cms.failure.indication, cms.failure.subIndication, [cms.failure.finding]);
  const signerDer = cms.signerDer as Uint8Array;
  const eku = extendedKeyUsage(parseCertificateDer(signerDer));
  if (!eku || !eku.critical || eku.purposes.length !== 1 || eku.purposes[0] !== OID.kpTimeStamping) {
    return result('INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', [finding('TSA_EKU_INVALID',
      'The TSA certificate must have a critical extendedKeyUsage with id-kp-timeStamping only (RFC 3161 §2.3)',
      'Chứng thư số TSA phải có extendedKeyUsage bắt buộc (critical) chỉ gồm id-kp-timeStamping (RFC 3161 §2.3)')]);
  }
  const tsa = await validateCertificate(signerDer, {
    ...options,
    purpose: 'timeStamping',
    extraCertificates: [...info.certificates, ...(options.extraCertificates ?? [])],
  });
  const findings = [...tsa.findings];
  if (!info.hashAlgorithm) {
    findings.push(finding('TIMESTAMP_WEAK_IMPRINT', `Message imprint uses ${info.imprintAlgorithmOid} (not SHA-2)`, `Giá trị băm dùng ${info.imprintAlgorithmOid} (không phải SHA-2)`));
  }
  return result(tsa.indication, tsa.subIndication, findings, { tsa });
}

function imprintProblem(oid: string, imprint: Uint8Array, options: VerifyTimestampTokenOptions): Finding | undefined {
  const mismatch = finding('TIMESTAMP_IMPRINT_MISMATCH', 'The timestamp does not cover this data (message imprint differs)',
    'Dấu thời gian không gắn với dữ liệu này (giá trị băm khác)');
  if (options.data) {
    const nodeHash = NODE_HASH_BY_OID[oid];
    if (!nodeHash) return finding('TIMESTAMP_IMPRINT_ALGORITHM', `Unsupported imprint algorithm ${oid}`, `Thuật toán băm ${oid} không được hỗ trợ`);
    return createHash(nodeHash).update(options.data).digest('hex') === toHex(imprint) ? undefined : mismatch;
  }
  const expected = HASH_OIDS[options.hashAlgorithm ?? 'SHA-256'];
  if (oid !== expected) return mismatch;
  return toHex(options.digest ?? new Uint8Array()) === toHex(imprint) ? undefined : mismatch;
}
