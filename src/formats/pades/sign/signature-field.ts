/**
 * Placing a signature in the form: a new signature field + widget on a page (or an existing empty field
 * found by name), the AcroForm (/Fields, /SigFlags 3), the page's /Annots, and for certification the
 * catalog /Perms /DocMDP. Each changed object is written as a new version in the change set.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import { asArray, asDict, asInt, name, PdfDict, PdfRef, PdfStream, textString, type PdfObject } from '../pdf/objects.js';
import type { ChangeSet } from './change-set.js';
import { docMdpPermission } from './docmdp.js';
import { listFields, signedFields, type FormField } from './form.js';
import type { RawObjectBody } from './incremental-writer.js';
import type { PdfFieldLock } from './options.js';
import { findPage, pageRotation } from './pages.js';
import { lockEntries } from './signature-dictionary.js';

/**
 * Builds an appearance stream for a widget of the given size (page space) in the change set; `rotation`
 * is the page's /Rotate, so the content can be turned to read upright. Returns its reference.
 */
export type AppearanceBuilder = (cs: ChangeSet, width: number, height: number, rotation: 0 | 90 | 180 | 270) => Promise<PdfRef>;

/** Where and how the signature goes. */
export interface FieldPlacement {
  /** Existing empty signature field to use (full name). */
  field?: string;
  /** Name for a new field. */
  fieldName?: string;
  /** 0-based page of a new field. */
  pageIndex: number;
  /** `[x, y, w, h]` of a new visible field; undefined = invisible (zero rectangle). */
  rect?: [number, number, number, number];
  appearance?: AppearanceBuilder;
  /** DocMDP P when certifying. */
  certify?: 1 | 2 | 3;
  lock?: PdfFieldLock;
  /**
   * `true` for a document timestamp: ISO 32000-2 §12.8.2.2.1 permits DSS and document timestamps under
   * every DocMDP P, so P=1 does not refuse it.
   */
  documentTimestamp?: boolean;
}

/**
 * Refuse what DocMDP forbids (P=1: no change at all) and certification of an already signed document.
 *
 * @example
 * ```ts
 * checkSigningAllowed(cs, { pageIndex: 0, certify: 2 });
 * ```
 */
export function checkSigningAllowed(cs: ChangeSet, placement: FieldPlacement): void {
  const p = docMdpPermission(cs.doc);
  if (p === 1 && !placement.documentTimestamp) {
    throw new EdusignError('PDF_SIGNING_FORBIDDEN', {
      detail: 'the certification signature (DocMDP P=1) forbids any change',
      detailVi: 'chữ ký chứng nhận (DocMDP P=1) không cho phép thay đổi',
    });
  }
  if (placement.certify && (p !== undefined || signedFields(cs.doc).length > 0)) {
    throw new EdusignError('PDF_SIGNING_FORBIDDEN', {
      detail: 'a certification signature must be the first signature of the document',
      detailVi: 'chữ ký chứng nhận phải là chữ ký đầu tiên của tài liệu',
    });
  }
}

function uniqueFieldName(fields: FormField[], wanted?: string): string {
  const names = new Set(fields.map((f) => f.fullName));
  if (wanted) {
    if (names.has(wanted)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: `a field named "${wanted}" already exists`, detailVi: `đã có trường tên "${wanted}"` });
    }
    return wanted;
  }
  for (let i = 1; ; i++) if (!names.has(`Signature${i}`)) return `Signature${i}`;
}

/** Append `item` to the array `container[key]`, writing a new version of an indirect array when needed. */
function appendToArray(cs: ChangeSet, container: PdfDict, key: string, item: PdfObject): PdfDict {
  const current = container.get(key);
  if (current instanceof PdfRef) {
    const arr = asArray(cs.get(current) ?? undefined);
    if (arr) { cs.set(current, [...arr, item]); return container; }
    return container.with(key, [item]);
  }
  return container.with(key, [...(asArray(current) ?? []), item]);
}

/** Update the AcroForm (new field and SigFlags), rewriting the catalog only when it must. */
function updateForm(cs: ChangeSet, newField: PdfRef | undefined, catalog: PdfDict): PdfDict {
  const formVal = catalog.get('AcroForm');
  let form = formVal instanceof PdfRef ? cs.dict(formVal) : asDict(formVal ?? undefined) ?? new PdfDict();
  if (newField) form = appendToArray(cs, form, 'Fields', newField);
  if (!form.has('Fields')) form = form.with('Fields', []);
  form = form.with('SigFlags', (asInt(form.get('SigFlags')) ?? 0) | 3);
  if (formVal instanceof PdfRef) { cs.set(formVal, form); return catalog; }
  const ref = cs.allocate();
  cs.set(ref, form);
  return catalog.with('AcroForm', ref);
}

async function emptyAppearance(cs: ChangeSet): Promise<PdfRef> {
  const ref = cs.allocate();
  cs.set(ref, new PdfStream(new PdfDict([['Type', name('XObject')], ['Subtype', name('Form')], ['BBox', [0, 0, 0, 0]]]), new Uint8Array(0)));
  return ref;
}

/**
 * Put the signature dictionary `sigBody` in the document: returns the signature dictionary's reference.
 * Throws PDF_FIELD_NOT_FOUND / PDF_FIELD_ALREADY_SIGNED for `placement.field`.
 *
 * @example
 * ```ts
 * const sigRef = await placeSignatureField(cs, signatureDictionary({ kind: 'signature', contentsSize }), { pageIndex: 0 });
 * ```
 */
export async function placeSignatureField(cs: ChangeSet, sigBody: RawObjectBody, placement: FieldPlacement): Promise<PdfRef> {
  checkSigningAllowed(cs, placement);
  const sigRef = cs.allocate();
  cs.set(sigRef, sigBody);
  let catalog = cs.doc.catalog;
  const fields = listFields(cs.doc);
  if (placement.field !== undefined) {
    const field = fields.find((f) => f.fullName === placement.field && f.type === 'Sig');
    if (!field) {
      throw new EdusignError('PDF_FIELD_NOT_FOUND', { detail: `"${placement.field}"`, context: { field: placement.field } });
    }
    if (field.value !== undefined && field.value !== null) {
      throw new EdusignError('PDF_FIELD_ALREADY_SIGNED', { detail: `"${placement.field}"`, context: { field: placement.field } });
    }
    let fieldDict = cs.dict(field.ref).with('V', sigRef);
    if (placement.lock && !fieldDict.has('Lock')) fieldDict = fieldDict.with('Lock', new PdfDict([['Type', name('SigFieldLock')], ...lockEntries(placement.lock)]));
    const widget = field.widgets[0];
    if (widget && placement.appearance) {
      const rect = (asArray(widget.dict.get('Rect')) ?? []).map((n) => (typeof n === 'number' ? n : 0));
      const w = Math.abs((rect[2] ?? 0) - (rect[0] ?? 0)); const h = Math.abs((rect[3] ?? 0) - (rect[1] ?? 0));
      if (w > 0 && h > 0) {
        const pageDict = asDict(cs.doc.resolve(widget.dict.get('P')) ?? undefined);
        const ap = await placement.appearance(cs, w, h, pageDict ? pageRotation(cs.doc, pageDict) : 0);
        if (widget.ref.num === field.ref.num) fieldDict = fieldDict.with('AP', new PdfDict([['N', ap]]));
        else cs.set(widget.ref, cs.dict(widget.ref).with('AP', new PdfDict([['N', ap]])));
      }
    }
    cs.set(field.ref, fieldDict);
    catalog = updateForm(cs, undefined, catalog);
  } else {
    const page = findPage(cs.doc, placement.pageIndex);
    const fieldRef = cs.allocate();
    const rect = placement.rect ?? [0, 0, 0, 0];
    const [x, y, w, h] = rect;
    const visible = placement.rect !== undefined && w > 0 && h > 0 && placement.appearance !== undefined;
    const ap = visible ? await placement.appearance!(cs, w, h, pageRotation(cs.doc, page.dict)) : await emptyAppearance(cs);
    const widget = new PdfDict([
      ['Type', name('Annot')], ['Subtype', name('Widget')], ['FT', name('Sig')],
      ['T', textString(uniqueFieldName(fields, placement.fieldName))], ['V', sigRef],
      ['F', 132], ['Rect', visible ? [x, y, x + w, y + h] : [0, 0, 0, 0]], ['P', page.ref],
      ['AP', new PdfDict([['N', ap]])],
    ]);
    if (placement.lock) widget.entries.set('Lock', new PdfDict([['Type', name('SigFieldLock')], ...lockEntries(placement.lock)]));
    cs.set(fieldRef, widget);
    const pageDict = appendToArray(cs, cs.dict(page.ref), 'Annots', fieldRef);
    if (pageDict !== cs.dict(page.ref)) cs.set(page.ref, pageDict);
    catalog = updateForm(cs, fieldRef, catalog);
  }
  if (placement.certify) {
    const perms = asDict(cs.doc.resolve(catalog.get('Perms')) ?? undefined) ?? new PdfDict();
    catalog = catalog.with('Perms', perms.with('DocMDP', sigRef));
  }
  if (catalog !== cs.doc.catalog) cs.set(cs.doc.catalogRef, catalog);
  return sigRef;
}
