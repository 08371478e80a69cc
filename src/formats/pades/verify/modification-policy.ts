/**
 * Which changes a signature tolerates after it: the certification signature's DocMDP P (for every later
 * signature too), the signature's own /Lock, FieldMDP, and for uncertified documents the caller's approval
 * policy. Plus the DSS coverage test used by level detection.
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { asDict } from '../pdf/objects.js';
import type { ModificationPolicy } from './diff/analyse.js';
import type { VerifyPdfOptions } from './options.js';
import type { DssContent } from './read-dss.js';
import { isCertification, readMdp } from './read-mdp.js';
import type { SignatureFacts } from './verify-signature.js';

/** The certification of a document: its P and the revision it signed. */
export interface Certification {
  p: 1 | 2 | 3;
  revision: number;
}

/**
 * The certification signature's DocMDP P, if the document is certified (catalog /Perms /DocMDP).
 *
 * @example
 * ```ts
 * const cert = certificationOf(doc, facts); // { p: 2, revision: 1 }
 * ```
 */
export function certificationOf(doc: PdfDocument, facts: readonly SignatureFacts[]): Certification | undefined {
  for (const f of facts) {
    if (f.field.kind !== 'signature' || !isCertification(doc, f.field.sigRef)) continue;
    return { p: readMdp(doc, f.field.sigDict).docMdp ?? 2, revision: f.byteRange.signedRevision ?? 0 };
  }
  return undefined;
}

/**
 * The modification policy of one signature.
 *
 * @example
 * ```ts
 * const policy = modificationPolicy(doc, facts, certificationOf(doc, all), {}); // { p: 2 }
 * ```
 */
export function modificationPolicy(doc: PdfDocument, f: SignatureFacts, cert: Certification | undefined, options: VerifyPdfOptions): ModificationPolicy {
  const fieldDict = f.field.fieldRef ? asDict(doc.resolve(f.field.fieldRef)) : undefined;
  const mdp = readMdp(doc, f.field.sigDict, fieldDict);
  const candidates: (1 | 2 | 3)[] = [];
  if (f.field.kind === 'signature' && isCertification(doc, f.field.sigRef)) {
    candidates.push(mdp.docMdp ?? 2);
  } else {
    // a certified document's P applies to every later signature; approvalPolicy only to uncertified documents
    candidates.push(cert ? cert.p : options.approvalPolicy ?? 2);
    if (mdp.docMdp) candidates.push(mdp.docMdp);
  }
  return { p: Math.min(...candidates) as 1 | 2 | 3, ...(mdp.fieldMdp ? { fieldLock: mdp.fieldMdp } : {}) };
}

/**
 * `true` when the DSS holds the signer's certificate and some revocation data (the B-LT test).
 *
 * @example
 * ```ts
 * dssCoversSigner(readDss(doc), facts.signerCertificate)
 * ```
 */
export function dssCoversSigner(dss: DssContent, signer: Uint8Array | undefined): boolean {
  if (!signer) return false;
  const hasRevocation = dss.crls.length + dss.ocspResponses.length > 0;
  const s = Buffer.from(signer);
  return hasRevocation && dss.certificates.some((c) => s.equals(Buffer.from(c)));
}
