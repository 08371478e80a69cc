/**
 * DocMDP and FieldMDP (ISO 32000-1 §12.8.2.2–12.8.2.4): the certification level a signature sets, and the
 * fields it locks.
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asDict, asInt, asName, decodeTextString, PdfDict, PdfString } from '../pdf/objects.js';

/** The modification permissions a signature declares. */
export interface MdpDeclaration {
  /** DocMDP P (1 no changes, 2 form filling and signing, 3 also annotations), when the signature certifies. */
  docMdp?: 1 | 2 | 3;
  /** FieldMDP lock: `All`, or the listed fields included/excluded. */
  fieldMdp?: { action: 'All' | 'Include' | 'Exclude'; fields: string[] };
}

function parseP(params: PdfDict | undefined): 1 | 2 | 3 {
  const p = asInt(params?.get('P'));
  return p === 1 || p === 3 ? p : 2;
}

function fieldNames(value: unknown): string[] {
  const arr = Array.isArray(value) ? value : [];
  return arr.filter((v): v is PdfString => v instanceof PdfString).map((v) => decodeTextString(v));
}

/**
 * Read what a signature dictionary declares through /Reference (and the field's /Lock dictionary).
 *
 * @example
 * ```ts
 * const { docMdp, fieldMdp } = readMdp(doc, field.sigDict, fieldDict);
 * ```
 */
export function readMdp(doc: PdfDocument, sigDict: PdfDict, fieldDict?: PdfDict): MdpDeclaration {
  const out: MdpDeclaration = {};
  for (const refItem of asArray(doc.resolve(sigDict.get('Reference'))) ?? []) {
    const ref = asDict(doc.resolve(refItem));
    const method = asName(ref?.get('TransformMethod'));
    const params = asDict(doc.resolve(ref?.get('TransformParams')));
    if (method === 'DocMDP') out.docMdp = parseP(params);
    if (method === 'FieldMDP') {
      const action = asName(params?.get('Action'));
      if (action === 'All' || action === 'Include' || action === 'Exclude') {
        out.fieldMdp = { action, fields: fieldNames(doc.resolve(params?.get('Fields'))) };
      }
    }
  }
  const lock = asDict(doc.resolve(fieldDict?.get('Lock')));
  if (lock && !out.fieldMdp) {
    const action = asName(lock.get('Action'));
    if (action === 'All' || action === 'Include' || action === 'Exclude') {
      out.fieldMdp = { action, fields: fieldNames(doc.resolve(lock.get('Fields'))) };
    }
  }
  const lockP = asInt(lock?.get('P'));
  if (lockP === 1 || lockP === 2 || lockP === 3) out.docMdp = Math.min(out.docMdp ?? 3, lockP) as 1 | 2 | 3;
  return out;
}

/**
 * `true` when the catalog's /Perms /DocMDP points at this signature dictionary (the certification signature).
 *
 * @example
 * ```ts
 * if (isCertification(doc, field.sigRef)) console.log('certified');
 * ```
 */
export function isCertification(doc: PdfDocument, sigRef: { num: number } | undefined): boolean {
  const perms = asDict(doc.resolve(doc.catalog.get('Perms')));
  const ref = perms?.get('DocMDP');
  return sigRef !== undefined && ref !== undefined && typeof ref === 'object' && ref !== null && 'num' in ref && ref.num === sigRef.num;
}
