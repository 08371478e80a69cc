/**
 * Status of one certificate from one CRL: issuer name and signature, scope, freshness, entry lookup.
 * @module
 */
import type * as pkijs from 'pkijs';
import { isEdusignError } from '../../errors.js';
import type { Finding } from '../indication.js';
import type { RevocationCheck } from '../types.js';
import { integerHex, keyUsage, nameToString, sha256Hex } from './cert-facts.js';
import { namesMatch } from '../cert/name.js';
import { crlToDer, parseCrl, verifyCrlSignature, type CrlEntry, type ParsedCrl } from './crl.js';
import { finding } from './finding.js';
import { freshnessProblem, type FreshnessOptions } from './freshness.js';

/** Options of {@link checkCertificateWithCrl}. */
export interface CrlCheckOptions extends FreshnessOptions {
  /** Where the CRL came from (URL or `embedded`). */
  origin?: string;
  /** SHA-256 (hex) of the certificate's DER, when the caller has it (saves re-encoding). */
  certificateSha256?: string;
}

/**
 * What one CRL says about (cert, issuer), independent of the validation time: a pure function of the CRL bytes
 * and the two certificates, so it can be memoised (see `net/memo.ts`). Times are epoch ms so the value is plain JSON.
 */
export interface CrlEvaluation {
  /** A problem found before freshness (malformed, wrong issuer, scope, key usage, signature). */
  fatal?: Finding;
  /** The CRL could be read: its DER is attached to the result. */
  withRaw: boolean;
  thisUpdate?: number;
  nextUpdate?: number;
  /** A problem found after freshness (malformed entry). */
  entryProblem?: Finding;
  /** The certificate's entry (absent: not listed, i.e. good). */
  revoked?: { revocationDate: number; reason?: string };
}

/**
 * Decide the status of `cert` (issued by `issuer`) from a CRL (DER or PEM). Never throws for bad data: a
 * malformed, wrongly signed, foreign or stale CRL gives status `unknown` with a coded finding.
 * @example
 * ```ts
 * const check = await checkCertificateWithCrl(leaf, ca, crlBytes, { at: new Date(), now: new Date(), origin: url });
 * if (check.status === 'revoked') console.log(check.revocationTime, check.revocationReason);
 * ```
 */
export async function checkCertificateWithCrl(cert: pkijs.Certificate, issuer: pkijs.Certificate, crlBytes: Uint8Array,
  options: CrlCheckOptions): Promise<RevocationCheck> {
  const base: RevocationCheck = {
    certificateSha256: options.certificateSha256 ?? sha256Hex(new Uint8Array(cert.toSchema().toBER())),
    subject: nameToString(cert.subject),
    status: 'unknown',
    source: 'crl',
    origin: options.origin,
    findings: [],
  };
  return concludeCrl(evaluateCrl(cert, issuer, crlBytes), base, crlBytes, options);
}

/**
 * The time-independent part of {@link checkCertificateWithCrl}: parse, issuer, scope, cRLSign, signature, entry.
 * @example
 * ```ts
 * const check = concludeCrl(evaluateCrl(leaf, ca, crlDer), base, crlDer, { at, now });
 * ```
 */
export function evaluateCrl(cert: pkijs.Certificate, issuer: pkijs.Certificate, crlBytes: Uint8Array): CrlEvaluation {
  let crl: ParsedCrl;
  try {
    crl = parseCrl(crlBytes);
  } catch (error) {
    const detail = isEdusignError(error) ? error.message : String(error);
    return { withRaw: false, fatal: finding('CRL_MALFORMED', `Malformed CRL: ${detail}`, `CRL không hợp lệ: ${detail}`) };
  }
  const read: CrlEvaluation = { withRaw: true, thisUpdate: crl.thisUpdate.getTime(), nextUpdate: crl.nextUpdate?.getTime() };
  const problem = crlProblem(crl, cert, issuer);
  if (problem) return { ...read, fatal: problem };
  let entry: CrlEntry | undefined;
  try {
    entry = crl.findEntry(integerHex(cert.serialNumber));
  } catch (error) {
    const detail = isEdusignError(error) ? error.message : String(error);
    return { ...read, entryProblem: finding('CRL_MALFORMED', `Malformed CRL entry: ${detail}`, `Mục CRL không hợp lệ: ${detail}`) };
  }
  if (!entry || entry.reason === 'removeFromCRL') return read;
  return { ...read, revoked: { revocationDate: entry.revocationDate.getTime(), reason: entry.reason } };
}

/**
 * Turn a {@link CrlEvaluation} into the check for a validation time (freshness of the CRL at `at`).
 * @example
 * ```ts
 * const check = concludeCrl(evaluation, base, crlBytes, { at: new Date(), now: new Date() });
 * ```
 */
export function concludeCrl(evaluation: CrlEvaluation, base: RevocationCheck, crlBytes: Uint8Array, options: FreshnessOptions): RevocationCheck {
  if (!evaluation.withRaw || evaluation.thisUpdate === undefined) return { ...base, findings: evaluation.fatal ? [evaluation.fatal] : [] };
  const thisUpdate = new Date(evaluation.thisUpdate);
  const nextUpdate = evaluation.nextUpdate === undefined ? undefined : new Date(evaluation.nextUpdate);
  const withCrl: RevocationCheck = { ...base, raw: crlToDer(crlBytes), thisUpdate, nextUpdate };
  const problem = evaluation.fatal ?? freshnessProblem('CRL', thisUpdate, nextUpdate, options) ?? evaluation.entryProblem;
  if (problem) return { ...withCrl, findings: [problem] };
  const entry = evaluation.revoked;
  if (!entry) return { ...withCrl, status: 'good' };
  const revocationDate = new Date(entry.revocationDate);
  return {
    ...withCrl,
    status: 'revoked',
    revocationTime: revocationDate,
    revocationReason: entry.reason,
    findings: [finding('CERT_REVOKED_BY_CRL',
      `Revoked on ${revocationDate.toISOString()}${entry.reason ? ` (${entry.reason})` : ''} according to the CRL`,
      `Đã bị thu hồi ngày ${revocationDate.toISOString()}${entry.reason ? ` (${entry.reason})` : ''} theo CRL`)],
  };
}

function crlProblem(crl: ParsedCrl, cert: pkijs.Certificate, issuer: pkijs.Certificate): Finding | undefined {
  const certIssuer = new Uint8Array(cert.issuer.toSchema().toBER());
  if (!sameName(crl.issuerDer, certIssuer) || !sameName(new Uint8Array(issuer.subject.toSchema().toBER()), certIssuer)) {
    return finding('CRL_WRONG_ISSUER', `The CRL is issued by "${crl.issuer}", not by the certificate's issuer`,
      `CRL do "${crl.issuer}" phát hành, không phải CA cấp chứng thư số`);
  }
  if (crl.isDelta || crl.hasIssuingDistributionPoint) {
    return finding('CRL_UNSUPPORTED_SCOPE', 'Delta CRLs and CRLs with an issuingDistributionPoint are not supported',
      'Chưa hỗ trợ delta CRL và CRL có issuingDistributionPoint');
  }
  const usage = keyUsage(issuer);
  if (usage && !usage.has('cRLSign')) {
    return finding('CRL_ISSUER_NOT_AUTHORISED', 'The issuer key usage does not allow signing CRLs (cRLSign)',
      'Khóa của CA không được phép ký CRL (cRLSign)');
  }
  if (!verifyCrlSignature(crl, new Uint8Array(issuer.subjectPublicKeyInfo.toSchema().toBER()))) {
    return finding('CRL_SIGNATURE_INVALID', 'The CRL signature does not verify with the issuer key',
      'Chữ ký của CRL không hợp lệ với khóa của CA');
  }
  return undefined;
}

function sameName(a: Uint8Array, b: Uint8Array): boolean {
  try {
    return namesMatch(a, b);
  } catch {
    return false;
  }
}
