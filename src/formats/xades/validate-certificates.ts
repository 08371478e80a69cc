/**
 * Certificate checks of a signature through the PKI layer (`validateCertificate`, purpose documentSigning):
 * the signer's path to a trust anchor and revocation at the best signature time, embedded validation data
 * (CertificateValues / RevocationValues) first.
 * @module
 */
import { validateCertificate } from '../../pki/index.js';
import type { Finding } from '../../pki/indication.js';
import type { ChainElement, RevocationCheck, ValidationData } from '../../pki/types.js';
import type { Verdict } from '../../pki/indication.js';
import { finding } from './findings.js';
import type { XmlVerifyOptions } from './verify-options.js';

/** Input of {@link validateSignatureCertificates}. */
export interface SignatureCertificatesInput {
  signer: Uint8Array;
  /** Certificates carried by the signature (KeyInfo, CertificateValues). */
  extra: readonly Uint8Array[];
  validationData: Partial<ValidationData>;
  /** Validation time (best signature time). */
  at: Date;
  /** Whether `at` is proven by a valid signature timestamp. */
  atIsProven: boolean;
  options: XmlVerifyOptions;
}

/** Conclusion of {@link validateSignatureCertificates}. */
export interface SignatureCertificatesResult {
  verdict: Verdict;
  findings: Finding[];
  chain: ChainElement[];
  revocation: RevocationCheck[];
}

/**
 * Judge the signer's certificate path and revocation status. Without a trust store the answer is
 * INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND (never a silent pass).
 *
 * @example
 * ```ts
 * const r = await validateSignatureCertificates({ signer, extra, validationData, at, atIsProven: false, options: { trustStore } });
 * r.verdict.indication; // 'TOTAL_PASSED'
 * ```
 */
export async function validateSignatureCertificates(input: SignatureCertificatesInput): Promise<SignatureCertificatesResult> {
  const { options } = input;
  if (!options.trustStore) {
    return {
      verdict: { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }, chain: [], revocation: [],
      findings: [finding('XADES_NO_TRUST_STORE', 'No trust store given: the signer cannot be trusted', 'Không có kho chứng thư tin cậy: không thể tin cậy người ký')],
    };
  }
  const result = await validateCertificate(input.signer, {
    trustStore: options.trustStore, at: input.at, atIsProven: input.atIsProven, purpose: 'documentSigning',
    extraCertificates: input.extra, validationData: input.validationData,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  return {
    verdict: { indication: result.indication, ...(result.subIndication ? { subIndication: result.subIndication } : {}) },
    findings: result.findings, chain: result.chain, revocation: result.revocation,
  };
}
