/**
 * Cryptographic verification of an RFC 3161 TimeStampToken against the data it claims to cover: the token's own
 * SignedData (message digest over the TSTInfo, TSA signature, ESS binding of the TSA certificate) and the message
 * imprint. The TSA certificate path is judged by the caller (`validateCertificate` with purpose `timeStamping`).
 * @module
 */
import { createHash } from 'node:crypto';
import type { Finding, Indication, SubIndication } from '../../../pki/indication.js';
import { isEdusignError } from '../../../errors.js';
import { nodeHashName } from './algorithms.js';
import { bytesEqual } from './bytes.js';
import { finding } from './finding.js';
import { readTstInfo, type TstInfoSummary } from './read-tst-info.js';
import { type SignedDataVerification, verifySignedData } from './verify-signed-data.js';

/** Result of {@link verifyTimestampTokenCrypto}. */
export interface TimestampTokenCheck {
  indication: Indication;
  subIndication?: SubIndication;
  findings: Finding[];
  /** The TSTInfo, when the token could be read. */
  tstInfo?: TstInfoSummary;
  /** The token's own SignedData verification (its signerCertificate is the TSA certificate). */
  signedData?: SignedDataVerification;
}

/**
 * Verify a TimeStampToken over `data` (chunks hashed in order with the imprint's algorithm).
 * Never throws for a bad token: a malformed token is `TOTAL_FAILED`/`FORMAT_FAILURE`.
 *
 * @example
 * ```ts
 * const check = verifyTimestampTokenCrypto(token, [signatureValue]);
 * if (check.indication === 'TOTAL_PASSED') console.log(check.tstInfo?.genTime);
 * ```
 */
export function verifyTimestampTokenCrypto(token: Uint8Array, data: readonly Uint8Array[]): TimestampTokenCheck {
  let tstInfo: TstInfoSummary;
  try {
    tstInfo = readTstInfo(token);
  } catch (e) {
    if (!isEdusignError(e)) throw e;
    return {
      indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE',
      findings: [finding('TIMESTAMP_MALFORMED', `The timestamp token is malformed: ${e.message}`, `Dấu thời gian không hợp lệ: ${e.messageVi}`)],
    };
  }
  const signedData = verifySignedData(token);
  const findings = [...signedData.findings];
  if (signedData.indication !== 'TOTAL_PASSED') {
    return { indication: signedData.indication, ...(signedData.subIndication ? { subIndication: signedData.subIndication } : {}), findings, tstInfo, signedData };
  }
  if (!tstInfo.imprintAlgorithm || tstInfo.imprintAlgorithm === 'SHA-1') {
    findings.push(finding('TIMESTAMP_IMPRINT_ALGORITHM_REFUSED', `Timestamp imprint algorithm ${tstInfo.imprintAlgorithmOid} is not accepted`,
      `Thuật toán băm của dấu thời gian ${tstInfo.imprintAlgorithmOid} không được chấp nhận`));
    return { indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE', findings, tstInfo, signedData };
  }
  const h = createHash(nodeHashName(tstInfo.imprintAlgorithm));
  for (const c of data) h.update(c);
  if (!bytesEqual(new Uint8Array(h.digest()), tstInfo.imprint)) {
    findings.push(finding('TIMESTAMP_IMPRINT_MISMATCH', 'The timestamp does not cover this data (message imprint differs)',
      'Dấu thời gian không phủ dữ liệu này (giá trị băm khác)'));
    return { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', findings, tstInfo, signedData };
  }
  return { indication: 'TOTAL_PASSED', findings, tstInfo, signedData };
}

