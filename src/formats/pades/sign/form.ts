/**
 * Reading the interactive form (ISO 32000-1 §12.7): terminal fields with their full names, signature
 * fields and whether they are signed.
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import type { PdfFieldLock } from './options.js';
import { asArray, asDict, asName, decodeTextString, PdfDict, PdfRef, PdfString, type PdfObject } from '../pdf/objects.js';

/** One terminal form field. */
export interface FormField {
  ref: PdfRef;
  dict: PdfDict;
  /** Fully qualified name (`parent.child`). */
  fullName: string;
  /** Field type, inherited from ancestors when absent (`Sig`, `Tx`, …). */
  type: string | undefined;
  /** /V (for signature fields: the signature dictionary reference). */
  value: PdfObject | undefined;
  /** Widget annotations of the field (the field itself when field and widget are merged). */
  widgets: { ref: PdfRef; dict: PdfDict }[];
}

const MAX_FIELDS = 10_000;
const MAX_DEPTH = 32;

/**
 * The document's AcroForm dictionary (resolved), if any.
 *
 * @example
 * ```ts
 * const form = acroForm(doc);
 * ```
 */
export function acroForm(doc: PdfDocument): PdfDict | undefined {
  return asDict(doc.resolve(doc.catalog.get('AcroForm')) ?? undefined);
}

/**
 * All terminal fields of the form, depth-first, bounded (cycles and absurd trees are cut off).
 *
 * @example
 * ```ts
 * const sigFields = listFields(doc).filter((f) => f.type === 'Sig');
 * ```
 */
export function listFields(doc: PdfDocument): FormField[] {
  const form = acroForm(doc);
  const out: FormField[] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, prefix: string, inheritedType: string | undefined, depth: number): void => {
    if (!(value instanceof PdfRef) || seen.has(value.key) || depth > MAX_DEPTH || out.length >= MAX_FIELDS) return;
    seen.add(value.key);
    const dict = asDict(doc.getObject(value) ?? undefined);
    if (!dict) return;
    const t = dict.get('T');
    const partial = t instanceof PdfString ? decodeTextString(t) : undefined;
    const fullName = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const type = asName(dict.get('FT')) ?? inheritedType;
    const kids = asArray(doc.resolve(dict.get('Kids')) ?? undefined) ?? [];
    const fieldKids = kids.filter((k) => k instanceof PdfRef && asDict(doc.getObject(k) ?? undefined)?.has('T'));
    if (fieldKids.length > 0) {
      for (const k of fieldKids) visit(k, fullName, type, depth + 1);
      return;
    }
    const widgets = kids.length > 0
      ? kids.flatMap((k) => { const d = k instanceof PdfRef ? asDict(doc.getObject(k) ?? undefined) : undefined; return k instanceof PdfRef && d ? [{ ref: k, dict: d }] : []; })
      : [{ ref: value, dict }];
    out.push({ ref: value, dict, fullName, type, value: dict.get('V'), widgets });
  };
  for (const f of asArray(doc.resolve(form?.get('Fields')) ?? undefined) ?? []) visit(f, '', undefined, 0);
  return out;
}

/**
 * Signature fields that already carry a signature value.
 *
 * @example
 * ```ts
 * if (signedFields(doc).length > 0) console.log('already signed');
 * ```
 */
export function signedFields(doc: PdfDocument): FormField[] {
  return listFields(doc).filter((f) => f.type === 'Sig' && f.value !== undefined && f.value !== null);
}

/**
 * The FieldMDP lock (/Lock, a SigFieldLock) of the signature field `fullName`, as signing options express it;
 * `undefined` when the field has none (or an unreadable one).
 *
 * @example
 * ```ts
 * const lock = fieldLock(doc, 'HieuTruong'); // { action: 'Include', fields: ['DiemTB'] }
 * ```
 */
export function fieldLock(doc: PdfDocument, fullName: string): PdfFieldLock | undefined {
  const field = listFields(doc).find((f) => f.fullName === fullName);
  const lock = asDict(doc.resolve(field?.dict.get('Lock')) ?? undefined);
  const action = asName(lock?.get('Action'));
  if (action === 'All') return { action };
  if (action !== 'Include' && action !== 'Exclude') return undefined;
  const fields = (asArray(doc.resolve(lock?.get('Fields')) ?? undefined) ?? [])
    .flatMap((f) => (f instanceof PdfString ? [decodeTextString(f)] : []));
  return { action, fields };
}
