/**
 * Shared pieces of the PDF attack suite: a throw-away signer (openssl), a validator that trusts it (the attacks
 * target the PDF logic, not the PKI), and a short way to read a verdict.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { CertificateValidationOptions, CertificateValidationResult } from '../../../src/pki/types.js';
import type { VerificationReport } from '../../../src/formats/report.js';
import { verifyPdf, type VerifyPdfOptions } from '../../../src/formats/pades/verify/index.js';
import { makeIdentity, opensslCmsSign, scratch, type OpensslIdentity } from '../../formats/pades/verify/helpers/openssl.js';

/** Trusts any certificate (the attack suite judges the PDF logic). */
export async function trustAll(_cert: Uint8Array, _options: CertificateValidationOptions): Promise<CertificateValidationResult> {
  return { indication: 'TOTAL_PASSED', chain: [], revocation: [], validationData: { certificates: [], crls: [], ocspResponses: [] }, findings: [] };
}

/** Register a scratch dir and two signers for the suite. */
export function useSigners(): { sign(who?: 'a' | 'b'): (chunks: [Uint8Array, Uint8Array]) => Uint8Array } {
  let box: ReturnType<typeof scratch>;
  const ids: Record<string, OpensslIdentity> = {};
  beforeAll(() => {
    box = scratch();
    ids.a = makeIdentity(box.dir, 'Signer A');
    ids.b = makeIdentity(box.dir, 'Signer B', { serial: '0x42' });
  });
  afterAll(() => box.dispose());
  return { sign: (who = 'a') => (chunks) => opensslCmsSign(box.dir, ids[who]!, Buffer.concat(chunks)) };
}

/** Verify with the trusting validator. */
export function verify(bytes: Uint8Array, options: VerifyPdfOptions = {}): Promise<VerificationReport> {
  return verifyPdf(bytes, { trustStore: { anchors: [], intermediates: [] }, validateCertificate: trustAll, ...options });
}

/** `[indication, subIndication]` of signature `i`. */
export function verdictOf(report: VerificationReport, i = 0): [string, string | undefined] {
  const s = report.signatures[i];
  expect(s).toBeDefined();
  return [s!.indication, s!.subIndication];
}

/** Codes of the findings of signature `i`. */
export function codesOf(report: VerificationReport, i = 0): string[] {
  return report.signatures[i]!.findings.map((f) => f.code);
}

/** Forbidden modification descriptions of signature `i`. */
export function forbiddenOf(report: VerificationReport, i = 0): string[] {
  return report.signatures[i]!.modificationsAfter.filter((m) => !m.allowed).map((m) => m.description);
}
