/**
 * "Check before signing" (Circular 15/2025/TT-BKHCN: signing software checks the signer's certificate
 * before it lets anyone sign): validity now, key usage for document signing, path to a trust anchor, and
 * revocation per policy. Every signing path of every format calls {@link checkSignerCertificate}.
 * @module
 */
import type { Signer } from '../crypto/types.js';
import { EdusignError, type ErrorCode } from '../errors.js';
import type { Finding } from './indication.js';
import { decodeCertificate } from './cert/decode-certificate.js';
import { finding } from './revocation/finding.js';
import type { CertificateValidationOptions, CertificateValidationResult, ValidationData } from './types.js';
import { validateCertificate } from './validate-certificate.js';

/** Options of {@link checkSignerCertificate}: certificate validation options, minus purpose and time. */
export interface CheckSignerOptions extends Omit<CertificateValidationOptions, 'purpose' | 'at' | 'atIsProven'> {
  /**
   * Sign even if the certificate fails the check (tests, offline work). The failure is not thrown but
   * returned as a coded warning (`SIGNER_CERTIFICATE_CHECK_OVERRIDDEN`) that formats put in their results.
   */
  allowInvalidCertificate?: boolean;
}

/** What the check found; formats embed `validationData` (B-LT) and surface `warnings`. */
export interface SignerCheckResult {
  /** True when the certificate passed; false only with `allowInvalidCertificate`. */
  passed: boolean;
  /** The error code the check would have thrown, when it did not pass. */
  refusal?: ErrorCode;
  /** The full validation (path, revocation per level). */
  validation: CertificateValidationResult;
  /** Certificates, CRLs and OCSP responses gathered, ready to embed. */
  validationData: ValidationData;
  /** Coded warnings (soft-fail revocation, override used, …): never silence. */
  warnings: Finding[];
}

/** Why a certificate may not sign (an error code with English and Vietnamese details). */
export type SigningRefusal = { code: ErrorCode; detail: string; detailVi: string };

/**
 * Check the signer's certificate before signing, at the current time (`options.now`, default `new Date()`).
 * Throws `CERT_EXPIRED`, `CERT_NOT_YET_VALID`, `CERT_NOT_USABLE_FOR_SIGNING`, `CERT_REVOKED`,
 * `CERT_UNTRUSTED` or `REVOCATION_UNKNOWN` (bilingual message; `context` holds indication, sub-indication
 * and findings) unless `allowInvalidCertificate` is set, in which case the result says `passed: false` and
 * carries the warning `SIGNER_CERTIFICATE_CHECK_OVERRIDDEN`.
 *
 * @example
 * ```ts
 * const check = await checkSignerCertificate(signer, { trustStore, fetcher: createFetcher(), cache });
 * // sign, then embed check.validationData for B-LT and copy check.warnings into the result
 * ```
 */
export async function checkSignerCertificate(signer: Pick<Signer, 'certificate' | 'chain'>, options: CheckSignerOptions): Promise<SignerCheckResult> {
  const now = options.now ?? new Date();
  const local = localSigningRefusal(signer.certificate, now);
  if (local && !options.allowInvalidCertificate) throw new EdusignError(local.code, { detail: local.detail, detailVi: local.detailVi });
  const validation = await validateCertificate(signer.certificate, {
    ...options,
    at: now,
    now,
    purpose: 'documentSigning',
    extraCertificates: [...signer.chain, ...(options.extraCertificates ?? [])],
  });
  const refusal = local ?? refusalOf(validation);
  const warnings = validation.findings.filter((f) => WARNING_CODES.has(f.code));
  if (!refusal) return { passed: true, validation, validationData: validation.validationData, warnings };
  if (!options.allowInvalidCertificate) {
    throw new EdusignError(refusal.code, {
      detail: refusal.detail,
      detailVi: refusal.detailVi,
      context: { indication: validation.indication, subIndication: validation.subIndication, findings: validation.findings },
    });
  }
  warnings.push(finding('SIGNER_CERTIFICATE_CHECK_OVERRIDDEN',
    `Signing with a certificate that failed the check (${refusal.code}: ${refusal.detail}) because allowInvalidCertificate is set`,
    `Ký bằng chứng thư số không đạt kiểm tra (${refusal.code}: ${refusal.detailVi}) vì đã bật allowInvalidCertificate`));
  return { passed: false, refusal: refusal.code, validation, validationData: validation.validationData, warnings };
}

/** Findings that are worth a warning even when the check passes. */
const WARNING_CODES = new Set(['REVOCATION_SOFT_FAIL', 'REVOCATION_SKIPPED', 'OCSP_NO_NONCE', 'OCSP_RESPONDER_STATUS_NOT_CHECKED',
  'KEY_USAGE_ABSENT', 'POLICY_CONSTRAINTS_NOT_ENFORCED']);

/** Path findings that make a certificate unusable for signing (rather than untrusted). */
const UNUSABLE_CODES = new Set(['KEY_USAGE_NOT_FOR_SIGNING', 'EKU_NOT_FOR_PURPOSE', 'UNKNOWN_CRITICAL_EXTENSION']);

/**
 * The checks that need no path and no network (validity at `now`, key usage for signing), with the clearest
 * messages; `undefined` when they pass.
 *
 * @example
 * ```ts
 * const refusal = localSigningRefusal(signer.certificate, new Date());
 * if (refusal) throw new EdusignError(refusal.code, { detail: refusal.detail, detailVi: refusal.detailVi });
 * ```
 */
export function localSigningRefusal(certDer: Uint8Array, now: Date): SigningRefusal | undefined {
  // The strict DER decoder (cert/), not pkijs: this runs before every signature and must cost microseconds.
  const cert = decodeCertificate(certDer);
  const { notBefore, notAfter } = cert;
  if (now.getTime() > notAfter.getTime()) {
    return { code: 'CERT_EXPIRED', detail: `valid until ${notAfter.toISOString()}`, detailVi: `hiệu lực đến ${notAfter.toISOString()}` };
  }
  if (now.getTime() < notBefore.getTime()) {
    return { code: 'CERT_NOT_YET_VALID', detail: `valid from ${notBefore.toISOString()}`, detailVi: `hiệu lực từ ${notBefore.toISOString()}` };
  }
  const usages = cert.extensions.keyUsage?.usages;
  if (usages && !usages.includes('digitalSignature') && !usages.includes('nonRepudiation')) {
    const list = usages.join(', ') || '—';
    return {
      code: 'CERT_NOT_USABLE_FOR_SIGNING',
      detail: `keyUsage is ${list}: neither digitalSignature nor nonRepudiation`,
      detailVi: `keyUsage là ${list}: không có digitalSignature hay nonRepudiation`,
    };
  }
  return undefined;
}

function refusalOf(validation: CertificateValidationResult): SigningRefusal | undefined {
  if (validation.indication === 'TOTAL_PASSED') return undefined;
  const why = validation.findings.filter((f) => !WARNING_CODES.has(f.code));
  const detail = `${validation.indication}/${validation.subIndication ?? '-'}${why[0] ? `: ${why.map((f) => f.message).join('; ')}` : ''}`;
  const detailVi = `${validation.indication}/${validation.subIndication ?? '-'}${why[0] ? `: ${why.map((f) => f.messageVi).join('; ')}` : ''}`;
  const code = ((): ErrorCode => {
    switch (validation.subIndication) {
      case 'REVOKED':
      case 'REVOKED_NO_POE':
      case 'REVOKED_CA_NO_POE':
        return 'CERT_REVOKED';
      case 'TRY_LATER':
        return 'REVOCATION_UNKNOWN';
      case 'OUT_OF_BOUNDS_NO_POE':
      case 'OUT_OF_BOUNDS_NOT_REVOKED':
      case 'EXPIRED':
        return 'CERT_EXPIRED';
      case 'NOT_YET_VALID':
        return 'CERT_NOT_YET_VALID';
      case 'CRYPTO_CONSTRAINTS_FAILURE':
      case 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE':
        return 'CERT_NOT_USABLE_FOR_SIGNING';
      case 'CHAIN_CONSTRAINTS_FAILURE':
        return why.some((f) => UNUSABLE_CODES.has(f.code)) ? 'CERT_NOT_USABLE_FOR_SIGNING' : 'CERT_UNTRUSTED';
      default:
        return 'CERT_UNTRUSTED';
    }
  })();
  return { code, detail, detailVi };
}
