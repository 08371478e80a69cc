/**
 * RFC 3161 timestamp token verification: message imprint, CMS signature, ESS signing-certificate binding,
 * TSA certificate (critical id-kp-timeStamping) and its path to a trust anchor, with revocation.
 * @module
 */
import { createHash } from 'node:crypto';
import type { HashAlgorithm } from '../../crypto/types.js';
import { EdusignError, isEdusignError } from '../../errors.js';
import type { Finding, Indication, SubIndication } from '../indication.js';
import { toHex } from '../revocation/cert-facts.js';
import { finding } from '../revocation/finding.js';
import type { CertificateValidationOptions, TimestampVerification } from '../types.js';
import { validateCertificate } from '../validate-certificate.js';
import { HASH_OIDS, NODE_HASH_BY_OID } from './hash-oids.js';
import { memoFor } from '../trust/memo-for.js';
import { infoOf, tokenFacts } from './token-facts.js';

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
 * validated with {@link validateCertificate} (purpose `timeStamping`, at `options.at`, default now: pass the time
 * of a proof of existence, e.g. an archive timestamp's genTime, to validate an expired TSA certificate), and the
 * token's genTime must fall inside the TSA certificate's validity (`TSA_CERT_NOT_VALID_AT_GENTIME`:
 * `TOTAL_FAILED`/`NOT_YET_VALID` or `EXPIRED`). A TSA certificate revoked after genTime (but before `at`) gives
 * `INDETERMINATE`/`REVOKED_NO_POE` (`TSA_REVOKED_AFTER_GENTIME`); revoked at or before genTime stays
 * `TOTAL_FAILED`/`REVOKED`.
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
  const facts = await tokenFacts(tokenDer, options.extraCertificates ?? [], memoFor(options.cache, options.trustStore));
  if (facts.malformed || !facts.info) {
    const malformed = facts.malformed ?? finding('TIMESTAMP_MALFORMED', 'unreadable token', 'dấu thời gian không đọc được');
    return { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', findings: [malformed] };
  }
  const info = infoOf(facts.info);
  const base = { genTime: info.genTime, hashAlgorithm: info.hashAlgorithm, serialNumber: info.serialNumber };
  const result = (indication: Indication, subIndication: SubIndication | undefined, findings: Finding[], extra: Partial<TimestampVerification> = {}): TimestampVerification =>
    ({ ...base, ...extra, indication, subIndication, findings });

  const imprint = imprintProblem(info.imprintAlgorithmOid, info.messageImprint, options);
  if (imprint) return result('TOTAL_FAILED', 'HASH_FAILURE', [imprint]);
  if (facts.failure) return result(facts.failure.indication, facts.failure.subIndication, [facts.failure.finding]);
  if (!facts.signer) {
    return result('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', [finding('TSA_CERTIFICATE_NOT_FOUND',
      'The TSA certificate is not in the token and was not supplied', 'Không tìm thấy chứng thư số của TSA')]);
  }
  const signerDer = new Uint8Array(Buffer.from(facts.signer, 'base64'));
  if (facts.ekuInvalid) {
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
  const outside = genTimeProblem(info.genTime, facts.signerValidity);
  if (outside) return result(outside.indication, outside.subIndication, [outside.finding, ...findings], { tsa });
  const revokedAt = tsa.subIndication === 'REVOKED' ? tsa.revocation[0]?.revocationTime : undefined;
  if (revokedAt && revokedAt.getTime() > info.genTime.getTime()) {
    // ETSI EN 319 102-1: revoked after the time the token claims; only a proof of existence before the
    // revocation (e.g. an archive timestamp, passed as `at`) can tell: REVOKED_NO_POE, not TOTAL_FAILED.
    return result('INDETERMINATE', 'REVOKED_NO_POE', [finding('TSA_REVOKED_AFTER_GENTIME',
      `The TSA certificate was revoked on ${revokedAt.toISOString()}, after the token's genTime ${info.genTime.toISOString()}`,
      `Chứng thư số TSA bị thu hồi ngày ${revokedAt.toISOString()}, sau thời điểm genTime ${info.genTime.toISOString()} của dấu thời gian`),
    ...findings], { tsa });
  }
  if (!info.hashAlgorithm) {
    findings.push(finding('TIMESTAMP_WEAK_IMPRINT', `Message imprint uses ${info.imprintAlgorithmOid} (not SHA-2)`, `Giá trị băm dùng ${info.imprintAlgorithmOid} (không phải SHA-2)`));
  }
  return result(tsa.indication, tsa.subIndication, findings, { tsa });
}

/**
 * RFC 3161 §2.4.2 / ETSI EN 319 102-1: the TSA certificate must be valid at genTime. The path is validated at
 * `options.at` (default now, or the time of a proof of existence); this checks the token's own time, which the
 * path check alone misses (a token claiming a time before the TSA certificate existed, or after it expired).
 */
function genTimeProblem(genTime: Date, validity: { notBefore: number; notAfter: number } | undefined):
  { indication: Indication; subIndication: SubIndication; finding: Finding } | undefined {
  if (!validity) return undefined;
  const when = genTime.toISOString();
  const range = `${new Date(validity.notBefore).toISOString()} – ${new Date(validity.notAfter).toISOString()}`;
  if (genTime.getTime() < validity.notBefore) {
    return { indication: 'TOTAL_FAILED', subIndication: 'NOT_YET_VALID', finding: finding('TSA_CERT_NOT_VALID_AT_GENTIME',
      `The token's genTime ${when} is before the TSA certificate's validity (${range})`,
      `Thời điểm genTime ${when} của dấu thời gian trước thời hạn hiệu lực của chứng thư số TSA (${range})`) };
  }
  if (genTime.getTime() > validity.notAfter) {
    return { indication: 'TOTAL_FAILED', subIndication: 'EXPIRED', finding: finding('TSA_CERT_NOT_VALID_AT_GENTIME',
      `The token's genTime ${when} is after the TSA certificate expired (${range})`,
      `Thời điểm genTime ${when} của dấu thời gian sau khi chứng thư số TSA hết hạn (${range})`) };
  }
  return undefined;
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
