/**
 * The ID index: every `Id`, `ID`, `id` and `xml:id` attribute of the document, with duplicates kept so a
 * reference to a duplicated ID can be refused (the basic signature-wrapping defence).
 * @module
 */
import type { XDocument, XElement } from './types.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Elements by ID value; an ID with more than one element is a duplicate. */
export type IdIndex = ReadonlyMap<string, readonly XElement[]>;

/**
 * The ID value of an element, if it has one (`Id`, `ID`, `id` or `xml:id`).
 *
 * @example
 * ```ts
 * idOf(record); // 'data'
 * ```
 */
export function idOf(el: XElement): string | undefined {
  for (const a of el.attrs) {
    if ((a.ns === '' && (a.local === 'Id' || a.local === 'ID' || a.local === 'id')) || (a.ns === XML_NS && a.local === 'id')) return a.value;
  }
  return undefined;
}

/**
 * Index all ID-like attributes of a document (all four spellings share one ID space).
 *
 * @example
 * ```ts
 * const ids = buildIdIndex(doc);
 * ids.get('data')?.length === 1; // unique
 * ```
 */
export function buildIdIndex(doc: XDocument): IdIndex {
  const index = new Map<string, XElement[]>();
  for (const el of doc.idElements) {
    for (const a of el.attrs) {
      if ((a.ns === '' && (a.local === 'Id' || a.local === 'ID' || a.local === 'id')) || (a.ns === XML_NS && a.local === 'id')) {
        const list = index.get(a.value);
        if (list) {
          if (!list.includes(el)) list.push(el);
        } else index.set(a.value, [el]);
      }
    }
  }
  return index;
}
