/**
 * `verifyXml`: verify every XML signature of a document (parallel signatures and countersignatures) into the
 * shared report shape, with what exactly each signature covers.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import { worse, type Verdict } from '../../pki/indication.js';
import { finding } from './findings.js';
import { verifySignatureElement } from './verify-signature.js';
import type { XmlVerificationReport, XmlVerifyOptions } from './verify-options.js';
import { buildIdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import type { XElement } from './xml/types.js';

const MAX_SIGNATURES = 64;

/**
 * Verify the XML signatures of a document. Throws only for unusable input (`XML_MALFORMED`,
 * `XML_DTD_FORBIDDEN`, `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`, `SIGNATURE_NOT_FOUND`); an invalid signature is a
 * report. Read the signed record from `signatures[i].signedElements[j].content`, never from the input.
 *
 * @example
 * ```ts
 * const report = await verifyXml(bytes, { trustStore, expectedSignedElement: { localName: 'DLHocBa' } });
 * if (report.indication === 'TOTAL_PASSED') use(report.signatures[0].signedElements[0].content);
 * ```
 */
export async function verifyXml(xml: string | Uint8Array, options: XmlVerifyOptions = {}): Promise<XmlVerificationReport> {
  const at = options.at ?? new Date();
  if (Number.isNaN(at.getTime())) throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.at is not a valid date' });
  const doc = parseXml(xml, options.limits);
  const ids = buildIdIndex(doc);
  const warnings: Finding[] = [];
  const dups = [...ids].filter(([, els]) => els.length > 1).map(([id]) => id);
  if (dups.length > 0) {
    warnings.push(finding('XADES_DUPLICATE_IDS', `Duplicate Id values in the document: ${dups.slice(0, 10).join(', ')}`, `Tài liệu có Id trùng lặp: ${dups.slice(0, 10).join(', ')}`));
  }
  const signatures: readonly XElement[] = doc.signatureElements;
  if (signatures.length > MAX_SIGNATURES) throw new EdusignError('INPUT_TOO_LARGE', { detail: `more than ${MAX_SIGNATURES} signatures` });
  if (signatures.length === 0) throw new EdusignError('SIGNATURE_NOT_FOUND', { detail: 'no ds:Signature in the document', detailVi: 'tài liệu không có ds:Signature' });
  const reports = [];
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  for (const [i, el] of signatures.entries()) {
    const r = await verifySignatureElement(el, { doc, ids, options, at }, i);
    reports.push(r);
    verdict = worse(verdict, r);
  }
  return { format: 'XAdES', indication: verdict.indication, ...(verdict.subIndication ? { subIndication: verdict.subIndication } : {}), signatures: reports, warnings };
}
