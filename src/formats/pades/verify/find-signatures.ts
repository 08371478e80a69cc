/**
 * Find the signature fields of a PDF (ISO 32000-1 §12.7.4.5, §12.8): walk the AcroForm field tree of the newest
 * revision (bounded depth, loop-safe) and return every field of type /Sig that has a value.
 * @module
 */
import { asArray, asDict, asName, decodeTextString, PdfDict, PdfRef, PdfString, type PdfObject } from '../pdf/objects.js';
import type { PdfDocument } from '../pdf/document.js';

/** One signed signature field. */
export interface PdfSignatureField {
  /** Fully qualified field name (`parent.child`). */
  fieldName: string;
  /** Reference of the field (or its terminal widget-field) object, when indirect. */
  fieldRef?: PdfRef;
  /** Reference of the signature dictionary (/V); undefined when /V is a direct dictionary. */
  sigRef?: PdfRef;
  /** The signature dictionary. */
  sigDict: PdfDict;
  /** `document-timestamp` for /SubFilter /ETSI.RFC3161 (or /Type /DocTimeStamp). */
  kind: 'signature' | 'document-timestamp';
  subFilter?: string;
}

const MAX_DEPTH = 32;
const MAX_FIELDS = 10_000;

function text(value: PdfObject | undefined): string | undefined {
  return value instanceof PdfString ? decodeTextString(value) : undefined;
}

/**
 * List the signed signature fields of the document's newest revision (or of `revision`).
 *
 * @example
 * ```ts
 * for (const f of findSignatureFields(openPdf(bytes))) console.log(f.fieldName, f.kind);
 * ```
 */
export function findSignatureFields(doc: PdfDocument, revision?: number): PdfSignatureField[] {
  const out: PdfSignatureField[] = [];
  const catalog = revision === undefined ? doc.catalog : asDict(doc.resolve(doc.revisions[revision]?.trailer.get('Root'), revision));
  const acroForm = asDict(doc.resolve(catalog?.get('AcroForm'), revision));
  const fields = asArray(doc.resolve(acroForm?.get('Fields'), revision));
  if (!fields) return out;
  const seen = new Set<string>();
  const seenSignatures = new Set<string>();
  let visited = 0;
  const walk = (items: PdfObject[], parentName: string, inheritedFt: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const item of items) {
      if (++visited > MAX_FIELDS) return;
      if (item instanceof PdfRef) {
        if (seen.has(item.key)) continue;
        seen.add(item.key);
      }
      const field = asDict(doc.resolve(item, revision));
      if (!field) continue;
      const partial = text(field.get('T'));
      const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
      const ft = asName(field.get('FT')) ?? inheritedFt;
      const kids = asArray(doc.resolve(field.get('Kids'), revision));
      if (kids && kids.some((k) => asDict(doc.resolve(k, revision))?.has('T'))) {
        walk(kids, name, ft, depth + 1);
        continue;
      }
      if (ft !== 'Sig') continue;
      const v = field.get('V');
      const sigDict = asDict(doc.resolve(v, revision));
      if (!(sigDict instanceof PdfDict)) continue;
      if (v instanceof PdfRef) {
        // two fields sharing one signature dictionary are one signature
        if (seenSignatures.has(v.key)) continue;
        seenSignatures.add(v.key);
      }
      const subFilter = asName(sigDict.get('SubFilter'));
      const kind = subFilter === 'ETSI.RFC3161' || asName(sigDict.get('Type')) === 'DocTimeStamp' ? 'document-timestamp' : 'signature';
      out.push({
        fieldName: name,
        ...(item instanceof PdfRef ? { fieldRef: item } : {}),
        ...(v instanceof PdfRef ? { sigRef: v } : {}),
        sigDict, kind,
        ...(subFilter ? { subFilter } : {}),
      });
    }
  };
  walk(fields, '', undefined, 0);
  return out;
}

/**
 * The signature fields of every revision, newest view first, each signature dictionary once: a signature whose
 * field was removed by a later update is still found (and its modification analysis reports the removal).
 *
 * @example
 * ```ts
 * const all = findSignatureFieldsInAllRevisions(doc);
 * ```
 */
export function findSignatureFieldsInAllRevisions(doc: PdfDocument): PdfSignatureField[] {
  const out: PdfSignatureField[] = [];
  const seen = new Set<string>();
  for (let r = doc.revisions.length - 1; r >= 0; r--) {
    let fields: PdfSignatureField[];
    try {
      fields = r === doc.revisions.length - 1 ? findSignatureFields(doc) : findSignatureFields(doc, r);
    } catch {
      continue; // an unreadable old revision hides nothing the newest one shows
    }
    for (const f of fields) {
      const key = f.sigRef ? `ref ${f.sigRef.key}` : `field ${f.fieldName} ${f.fieldRef?.key ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
