/**
 * Reading the certification (DocMDP, ISO 32000-1 §12.8.2.2) permissions of a document.
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asDict, asInt, asName, PdfRef } from '../pdf/objects.js';

/** DocMDP access permissions: 1 no changes, 2 form filling and signing, 3 also annotations. */
export type DocMdpPermission = 1 | 2 | 3;

/**
 * The P value of the document's certification signature (catalog /Perms /DocMDP), or `undefined`
 * when the document is not certified.
 *
 * @example
 * ```ts
 * if (docMdpPermission(doc) === 1) throw new EdusignError('PDF_SIGNING_FORBIDDEN');
 * ```
 */
export function docMdpPermission(doc: PdfDocument): DocMdpPermission | undefined {
  const perms = asDict(doc.resolve(doc.catalog.get('Perms')) ?? undefined);
  const sigRef = perms?.get('DocMDP');
  if (!(sigRef instanceof PdfRef)) return undefined;
  const sig = asDict(doc.getObject(sigRef) ?? undefined);
  for (const item of asArray(doc.resolve(sig?.get('Reference')) ?? undefined) ?? []) {
    const ref = asDict(doc.resolve(item) ?? undefined);
    if (asName(ref?.get('TransformMethod')) !== 'DocMDP') continue;
    const params = asDict(doc.resolve(ref?.get('TransformParams')) ?? undefined);
    const p = asInt(params?.get('P')) ?? 2;
    return p <= 1 ? 1 : p >= 3 ? 3 : 2;
  }
  return 2;
}
