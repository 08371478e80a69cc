/**
 * Find the role of the objects of one revision by a bounded walk from the catalog: page tree, annotations,
 * AcroForm fields and their widgets and appearance streams, signature dictionaries, the DSS.
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { asArray, asDict, asName, decodeTextString, PdfDict, PdfRef, PdfStream, PdfString, type PdfObject } from '../../pdf/objects.js';
import type { FieldRole, RoleMap } from './types.js';

const MAX_NODES = 200_000;
const MAX_DEPTH = 64;

/**
 * Compute the {@link RoleMap} of `revision`.
 *
 * @example
 * ```ts
 * const roles = computeRoles(doc, 0);
 * console.log(roles.pages.size, roles.fields.size);
 * ```
 */
export function computeRoles(doc: PdfDocument, revision: number): RoleMap {
  const roles: RoleMap = {
    rootNum: undefined, infoNum: undefined, metadataNum: undefined, acroFormNum: undefined, fields: new Map(), widgets: new Map(), pages: new Set(), pageNodes: new Set(),
    annotations: new Set(), annotsArrays: new Map(), appearances: new Map(), signatureDicts: new Set(), dss: new Set(), referenced: new Set(),
  };
  let budget = MAX_NODES;
  const get = (v: PdfObject | undefined): PdfObject | undefined => {
    if (budget-- <= 0) return undefined;
    try { return doc.resolve(v, revision); } catch { return undefined; }
  };
  const numOf = (v: PdfObject | undefined): number | undefined => (v instanceof PdfRef ? v.num : undefined);
  const mark = (v: PdfObject | undefined): void => { const n = numOf(v); if (n !== undefined) roles.referenced.add(n); };

  const rootRef = doc.revisions[revision]?.trailer.get('Root');
  roles.rootNum = numOf(rootRef);
  roles.infoNum = numOf(doc.revisions[revision]?.trailer.get('Info'));
  const catalog = asDict(get(rootRef));
  if (!catalog) return roles;
  roles.metadataNum = numOf(catalog.get('Metadata'));

  // every object reachable under `value` gets `role` (bounded; used for DSS and appearance streams)
  const collect = (value: PdfObject | undefined, into: (n: number) => void, depth = 0, seen = new Set<number>()): void => {
    if (depth > MAX_DEPTH || budget <= 0) return;
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) return;
      seen.add(value.num); into(value.num); mark(value);
    }
    const v = get(value);
    const dict = v instanceof PdfStream ? v.dict : v;
    if (dict instanceof PdfDict) for (const child of dict.entries.values()) collect(child, into, depth + 1, seen);
    else if (Array.isArray(dict)) for (const child of dict) collect(child, into, depth + 1, seen);
  };

  // pages and annotations
  const seenPages = new Set<number>();
  const walkPages = (node: PdfObject | undefined, depth: number): void => {
    const n = numOf(node);
    if (depth > MAX_DEPTH || n === undefined || seenPages.has(n)) return;
    seenPages.add(n); mark(node);
    const dict = asDict(get(node));
    if (!dict) return;
    if (asName(dict.get('Type')) === 'Pages' || dict.has('Kids')) {
      roles.pageNodes.add(n);
      for (const kid of asArray(get(dict.get('Kids'))) ?? []) walkPages(kid, depth + 1);
      return;
    }
    roles.pages.add(n);
    const annotsRef = dict.get('Annots');
    if (annotsRef instanceof PdfRef) { roles.annotsArrays.set(annotsRef.num, n); mark(annotsRef); }
    for (const annot of asArray(get(dict.get('Annots'))) ?? []) {
      const an = numOf(annot);
      if (an === undefined) continue;
      mark(annot);
      if (asName(asDict(get(annot))?.get('Subtype')) !== 'Widget') roles.annotations.add(an);
    }
  };
  walkPages(catalog.get('Pages'), 0);

  // fields, widgets, appearances, signature dictionaries
  const acroRef = catalog.get('AcroForm');
  roles.acroFormNum = numOf(acroRef);
  mark(acroRef);
  const acroForm = asDict(get(acroRef));
  const seenFields = new Set<number>();
  const walkField = (item: PdfObject, parentName: string, inheritedType: string | undefined, depth: number): void => {
    const n = numOf(item);
    if (depth > MAX_DEPTH || (n !== undefined && seenFields.has(n))) return;
    if (n !== undefined) seenFields.add(n);
    mark(item);
    const dict = asDict(get(item));
    if (!dict) return;
    const t = dict.get('T');
    const partial = t instanceof PdfString ? decodeTextString(t) : undefined;
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = asName(dict.get('FT')) ?? inheritedType;
    const v = dict.get('V');
    const role: FieldRole = { name, type, signed: type === 'Sig' && v !== undefined && v !== null };
    if (n !== undefined && (partial !== undefined || dict.has('FT') || dict.has('Kids'))) roles.fields.set(n, role);
    if (n !== undefined && asName(dict.get('Subtype')) === 'Widget') roles.widgets.set(n, role);
    if (type === 'Sig' && v instanceof PdfRef) { roles.signatureDicts.add(v.num); mark(v); }
    const ap = dict.get('AP');
    if (ap !== undefined) collect(ap, (x) => roles.appearances.set(x, role));
    for (const kid of asArray(get(dict.get('Kids'))) ?? []) walkField(kid, name, type, depth + 1);
  };
  for (const f of asArray(get(acroForm?.get('Fields'))) ?? []) walkField(f, '', undefined, 0);

  // the DSS
  const dssRef = catalog.get('DSS');
  if (dssRef !== undefined) {
    const n = numOf(dssRef);
    if (n !== undefined) roles.dss.add(n);
    collect(dssRef, (x) => roles.dss.add(x));
  }
  return roles;
}

/**
 * Every object number referenced from anything reachable from the catalog (and /Info) of `revision` (bounded
 * walk). Used to detect an update that fills a reference that was dangling in the signed revision; with
 * `documentOnly`, the walk leaves out /Info and the catalog's /Metadata (what the document is made of).
 *
 * @example
 * ```ts
 * const refs = referencedObjects(doc, 0);
 * ```
 */
export function referencedObjects(doc: PdfDocument, revision: number, options: { documentOnly?: boolean } = {}): Set<number> {
  const out = new Set<number>();
  let budget = MAX_NODES;
  const stack: PdfObject[] = [];
  const rootRef = doc.revisions[revision]?.trailer.get('Root');
  if (options.documentOnly) {
    // what the document is made of: the catalog without its /Metadata, and no /Info
    let catalog: PdfObject | undefined;
    try { catalog = doc.resolve(rootRef, revision) ?? undefined; } catch { catalog = undefined; }
    if (rootRef instanceof PdfRef) out.add(rootRef.num);
    if (catalog instanceof PdfDict) stack.push(catalog.with('Metadata', undefined));
  } else {
    if (rootRef) stack.push(rootRef);
    const info = doc.revisions[revision]?.trailer.get('Info');
    if (info) stack.push(info);
  }
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop()!;
    if (v instanceof PdfRef) {
      if (out.has(v.num)) continue;
      out.add(v.num);
      let target: PdfObject | undefined;
      try { target = doc.getObject(v, revision); } catch { continue; }
      if (target !== null && target !== undefined) stack.push(target);
    } else if (v instanceof PdfStream) {
      stack.push(v.dict);
    } else if (v instanceof PdfDict) {
      for (const child of v.entries.values()) stack.push(child);
    } else if (Array.isArray(v)) {
      for (const child of v) stack.push(child);
    }
  }
  return out;
}

/**
 * Objects the pages are drawn from in `revision`: everything reachable from the /Contents and /Resources of
 * every page and page-tree node (content streams, fonts, images, form XObjects, colour spaces…). None of these
 * may ever change after signing, whatever other role an author gave them.
 *
 * @example
 * ```ts
 * contentObjects(doc, 0).has(4) // the page's content stream
 * ```
 */
export function contentObjects(doc: PdfDocument, revision: number, pages: Iterable<number>): Set<number> {
  const out = new Set<number>();
  let budget = MAX_NODES;
  const stack: PdfObject[] = [];
  for (const num of pages) {
    let page: PdfObject | undefined;
    try { page = doc.getObject(new PdfRef(num, doc.lookup(num, revision)?.kind === 'offset' ? (doc.lookup(num, revision) as { gen: number }).gen : 0), revision); } catch { continue; }
    const dict = asDict(page ?? undefined);
    for (const key of ['Contents', 'Resources']) {
      const v = dict?.get(key);
      if (v !== undefined) stack.push(v);
    }
  }
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop()!;
    if (v instanceof PdfRef) {
      if (out.has(v.num)) continue;
      out.add(v.num);
      let target: PdfObject | undefined;
      try { target = doc.getObject(v, revision); } catch { continue; }
      if (target !== null && target !== undefined) stack.push(target);
    } else if (v instanceof PdfStream) {
      stack.push(v.dict);
    } else if (v instanceof PdfDict) {
      for (const child of v.entries.values()) stack.push(child);
    } else if (Array.isArray(v)) {
      for (const child of v) stack.push(child);
    }
  }
  return out;
}
