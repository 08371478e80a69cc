/**
 * `verifyPdf`: verify every signature and document timestamp of a PDF (PAdES, ETSI EN 319 142-1; validation
 * per ETSI EN 319 102-1): ByteRange sanity, CMS cryptography and signer binding, timestamps, certificate path and
 * revocation at the best signature time, DocMDP/FieldMDP and the modification analysis of every later update.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import { EdusignError } from '../../../errors.js';
import type { SignatureReport, TimestampReport, VerificationReport } from '../../report.js';
import { finding } from '../../cms/verify/finding.js';
import { openPdf } from '../pdf/document.js';
import { combine, type Verdict } from '../../../pki/indication.js';
import { detectLevel } from './detect-level.js';
import { analyseModifications } from './diff/analyse.js';
import { revisionFacts } from './diff/revision-facts.js';
import { findSignatureFieldsInAllRevisions } from './find-signatures.js';
import type { VerifyPdfOptions } from './options.js';
import { readDss } from './read-dss.js';
import { isCertification } from './read-mdp.js';
import { certificationOf, dssCoversSigner, modificationPolicy } from './modification-policy.js';
import { signerIdentity } from './signer-identity.js';
import { trailingContent } from './trailing-content.js';
import { validateSignatureChain } from './validate-chain.js';
import { verifyOneSignature } from './verify-signature.js';

function checkOptions(options: VerifyPdfOptions): void {
  if (options.at !== undefined && (!(options.at instanceof Date) || Number.isNaN(options.at.getTime()))) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.at must be a valid Date', detailVi: 'options.at phải là một Date hợp lệ' });
  }
  if (options.approvalPolicy !== undefined && ![1, 2, 3].includes(options.approvalPolicy)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.approvalPolicy must be 1, 2 or 3', detailVi: 'options.approvalPolicy phải là 1, 2 hoặc 3' });
  }
}

/**
 * Verify a PDF's signatures and document timestamps. Never throws for an invalid signature (that is the report);
 * throws `EdusignError` for unusable input (`PDF_MALFORMED`, `PDF_ENCRYPTED`, `INPUT_TOO_LARGE`) or options.
 *
 * @example
 * ```ts
 * const report = await verifyPdf(await readFile('hoc-ba.pdf'), { trustStore, offline: true });
 * for (const s of report.signatures) console.log(s.id, s.signer.commonName, s.level, s.indication, s.subIndication);
 * ```
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions = {}): Promise<VerificationReport> {
  checkOptions(options);
  const doc = openPdf(bytes, options.limits);
  const warnings: Finding[] = [];
  const fields = findSignatureFieldsInAllRevisions(doc);
  if (fields.length === 0) {
    return {
      format: 'PAdES', indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND', signatures: [],
      warnings: [finding('NO_SIGNATURE', 'The PDF has no signature', 'Tệp PDF không có chữ ký')],
    };
  }
  const dss = readDss(doc);
  // phase 1: structure and cryptography of every signature (synchronous, no network)
  const facts = fields.map((field) => verifyOneSignature(doc, field, dss));
  facts.sort((a, b) => (a.byteRange.coveredEnd ?? Number.MAX_SAFE_INTEGER) - (b.byteRange.coveredEnd ?? Number.MAX_SAFE_INTEGER));
  const docTimestamps = facts.filter((f) => f.field.kind === 'document-timestamp' && f.crypto.indication === 'TOTAL_PASSED' && f.genTime);
  const cert = certificationOf(doc, facts);
  const trailing = trailingContent(doc);
  if (trailing) warnings.push(trailing.finding);

  const reports: SignatureReport[] = [];
  const shared = revisionFacts(doc);
  for (const f of facts) {
    const findings = [...f.findings];
    const revision = f.byteRange.signedRevision;
    const laterDocTs = docTimestamps.filter((t) => revision !== undefined && (t.byteRange.signedRevision ?? -1) > revision);
    const chain = await validateSignatureChain(f, dss, options, {
      later: laterDocTs.map((t) => t.genTime!),
      ...(f.field.kind === 'document-timestamp' && f.genTime ? { ownTime: f.genTime } : {}),
    });
    findings.push(...chain.findings);
    const best = chain.bestSignatureTime;
    const timestamps: TimestampReport[] = [...chain.timestamps, ...laterDocTs.map((t) => ({
      kind: 'document' as const, indication: t.crypto.indication, ...(t.genTime ? { genTime: t.genTime } : {}),
    }))];
    let modifications: SignatureReport['modificationsAfter'] = [];
    let modVerdict: Verdict = { indication: 'TOTAL_PASSED' };
    if (revision !== undefined) {
      const policy = modificationPolicy(doc, f, cert, options);
      const analysis = analyseModifications(doc, revision, policy, shared);
      modifications = analysis.modifications.map((m) => ({ description: `revision ${m.revision + 1}: ${m.description}`, allowed: m.allowed }));
      if (trailing) modifications.push({ description: trailing.finding.message, allowed: !trailing.dangerous });
      if (!analysis.allowed || trailing?.dangerous) {
        const reasons = analysis.modifications.filter((m) => !m.allowed).map((m) => m.description);
        if (trailing?.dangerous) reasons.push(trailing.finding.message);
        findings.push(finding('MODIFICATION_NOT_PERMITTED',
          `The document was changed after this signature in a way it does not permit (DocMDP P=${policy.p}): ${reasons.join('; ')}`,
          `Tài liệu bị thay đổi sau chữ ký này theo cách không được phép (DocMDP P=${policy.p}): ${analysis.modifications.filter((m) => !m.allowed).map((m) => m.descriptionVi).join('; ')}`));
        modVerdict = { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' };
      }
    }
    if (cert && f.field.kind === 'signature' && isCertification(doc, f.field.sigRef) && facts.some((o) => o !== f && o.field.kind === 'signature' &&
      (o.byteRange.coveredEnd ?? Number.MAX_SAFE_INTEGER) < (f.byteRange.coveredEnd ?? 0))) {
      findings.push(finding('CERTIFICATION_NOT_FIRST', 'The certification (DocMDP) signature is not the first signature of the document',
        'Chữ ký chứng nhận (DocMDP) không phải là chữ ký đầu tiên của tài liệu'));
    }
    const verdict = combine([f.crypto, modVerdict, chain.verdict]);
    const level = f.field.kind === 'signature' && f.crypto.indication !== 'TOTAL_FAILED' ? detectLevel({
      baseline: f.baseline, signedRevision: revision ?? Number.MAX_SAFE_INTEGER,
      hasSignatureTimestamp: f.signatureTimestamps.some((t) => t.indication === 'TOTAL_PASSED'),
      documentTimestampRevisions: docTimestamps.map((t) => t.byteRange.signedRevision ?? -1),
      dssRevisions: dss.presentInRevisions, dssCoversSigner: dssCoversSigner(dss, f.signerCertificate),
    }) : undefined;
    const last = doc.revisions.length - 1;
    reports.push({
      id: f.field.fieldName,
      signer: signerIdentity(f.signerCertificate),
      ...(f.claimedSigningTime ? { claimedSigningTime: f.claimedSigningTime } : {}),
      bestSignatureTime: best,
      ...(level ? { level } : {}),
      ...verdict,
      chain: chain.chain, revocation: chain.revocation, timestamps,
      coverage: {
        kind: f.field.kind === 'document-timestamp' ? 'document-timestamp' : revision === last ? 'whole-document' : 'revision',
        detail: revision === undefined ? 'unknown' : `revision ${revision + 1} of ${last + 1}, bytes 0-${f.byteRange.coveredEnd ?? 0} of ${bytes.length}`,
        ...(f.byteRange.coveredEnd !== undefined ? { signedLength: f.byteRange.coveredEnd } : {}),
      },
      modificationsAfter: modifications,
      findings,
    });
  }
  const overall = combine(reports);
  return { format: 'PAdES', ...overall, signatures: reports, warnings };
}
