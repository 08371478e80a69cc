/**
 * The asynchronous part of verifying one signature: signature timestamps' TSA certificates, the best signature
 * time (earliest proven existence), and the signer's certificate path with revocation at that time, using the
 * certificates and revocation data embedded in the CMS and the DSS before any network access.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import type { CertificateValidationOptions, CertificateValidationResult, ChainElement, RevocationCheck } from '../../../pki/types.js';
import { isEdusignError } from '../../../errors.js';
import { validateCertificate } from '../../../pki/validate-certificate.js';
import type { TimestampReport } from '../../report.js';
import { finding } from '../../cms/verify/finding.js';
import { combine, type Verdict } from '../../../pki/indication.js';
import type { VerifyPdfOptions } from './options.js';
import type { DssContent } from './read-dss.js';
import { signerIdentity } from './signer-identity.js';
import type { SignatureFacts } from './verify-signature.js';

/** Result of {@link validateSignatureChain}. */
export interface ChainValidation {
  verdict: Verdict;
  bestSignatureTime: Date;
  chain: ChainElement[];
  revocation: RevocationCheck[];
  timestamps: TimestampReport[];
  findings: Finding[];
}

/** Times that prove existence of a signature from outside it (valid document timestamps over it). */
export interface ExternalPoe {
  /** The document timestamp's own genTime, for a document timestamp. */
  ownTime?: Date;
  /** genTimes of valid document timestamps in later revisions. */
  later: Date[];
}

async function runValidator(cert: Uint8Array, purpose: CertificateValidationOptions['purpose'], at: Date, atIsProven: boolean,
  facts: SignatureFacts, dss: DssContent, options: VerifyPdfOptions, extraCerts: Uint8Array[]): Promise<CertificateValidationResult | Finding> {
  const validator = options.validateCertificate ?? validateCertificate;
  if (!options.trustStore) {
    return finding('NO_TRUST_STORE', 'No trust store was given: the certificate path cannot be validated',
      'Không có kho chứng thư tin cậy: không thể xác thực chuỗi chứng thư');
  }
  const supplied = options.validationData ?? {};
  try {
    return await validator(cert, {
      trustStore: options.trustStore, at, atIsProven, now: options.at ?? new Date(), purpose,
      extraCertificates: [...facts.embedded.certificates, ...dss.certificates, ...extraCerts],
      validationData: {
        certificates: [...facts.embedded.certificates, ...dss.certificates, ...(supplied.certificates ?? [])],
        crls: [...facts.embedded.crls, ...dss.crls, ...(supplied.crls ?? [])],
        ocspResponses: [...facts.embedded.ocspResponses, ...dss.ocspResponses, ...(supplied.ocspResponses ?? [])],
      },
      ...(options.revocation ? { revocation: options.revocation } : {}),
      ...(options.offline !== undefined ? { offline: options.offline } : {}),
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch (e) {
    if (!isEdusignError(e)) throw e;
    return finding('CERTIFICATE_VALIDATION_ERROR', `Certificate validation could not complete: ${e.message}`,
      `Không hoàn tất được việc xác thực chứng thư: ${e.messageVi}`);
  }
}

const earliest = (dates: readonly Date[], fallback: Date): Date => dates.reduce((m, d) => (d < m ? d : m), fallback);

/**
 * Validate the timestamps and the signer's certificate of one signature.
 *
 * @example
 * ```ts
 * const v = await validateSignatureChain(facts, readDss(doc), options, { later: [] });
 * console.log(v.verdict, v.bestSignatureTime);
 * ```
 */
export async function validateSignatureChain(facts: SignatureFacts, dss: DssContent, options: VerifyPdfOptions, poe: ExternalPoe): Promise<ChainValidation> {
  const now = options.at ?? new Date();
  const findings: Finding[] = [];
  const timestamps: TimestampReport[] = [];
  const provenTimes: Date[] = [...poe.later];
  if (poe.ownTime) provenTimes.push(poe.ownTime);
  for (const ts of facts.signatureTimestamps) {
    let verdict: Verdict = ts;
    if (ts.indication === 'TOTAL_PASSED' && ts.tsaCertificate && ts.genTime) {
      const at = earliest(poe.later.filter((d) => d >= ts.genTime!), now);
      const tsa = await runValidator(ts.tsaCertificate, 'timeStamping', at, at < now, facts, dss, options, ts.certificates);
      if ('indication' in tsa) {
        verdict = combine([ts, tsa]);
        if (tsa.indication !== 'TOTAL_PASSED') findings.push(...tsa.findings);
      } else {
        verdict = { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' };
      }
      if (verdict.indication === 'TOTAL_PASSED') provenTimes.push(ts.genTime);
    }
    const tsaSubject = signerIdentity(ts.tsaCertificate).subject;
    timestamps.push({ kind: 'signature', ...(ts.genTime ? { genTime: ts.genTime } : {}), ...verdict, ...(tsaSubject ? { tsaSubject } : {}) });
  }
  const best = earliest(provenTimes.filter((d) => d <= now), now);
  const base = { bestSignatureTime: best, timestamps, findings, chain: [] as ChainElement[], revocation: [] as RevocationCheck[] };
  if (facts.crypto.indication === 'TOTAL_FAILED') return { ...base, verdict: { indication: 'TOTAL_PASSED' } };
  if (!facts.signerCertificate) return { ...base, verdict: { indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' } };
  const purpose = facts.field.kind === 'document-timestamp' ? 'timeStamping' : 'documentSigning';
  // a document timestamp's own certificate is judged at the next proof of existence (a later timestamp), else now
  const at = facts.field.kind === 'document-timestamp' ? earliest(poe.later, now) : best;
  const result = await runValidator(facts.signerCertificate, purpose, at, at < now, facts, dss, options, []);
  if (!('indication' in result)) {
    findings.push(result);
    const sub = result.code === 'NO_TRUST_STORE' ? 'NO_CERTIFICATE_CHAIN_FOUND' : 'TRY_LATER';
    return { ...base, verdict: { indication: 'INDETERMINATE', subIndication: sub } };
  }
  findings.push(...result.findings);
  return {
    ...base, chain: result.chain, revocation: result.revocation,
    verdict: { indication: result.indication, ...(result.subIndication ? { subIndication: result.subIndication } : {}) },
  };
}
