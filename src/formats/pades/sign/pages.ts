/**
 * Finding a page object through the page tree (ISO 32000-1 §7.7.3), bounded against loops.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asDict, asInt, asName, PdfDict, PdfRef } from '../pdf/objects.js';

/**
 * The reference and dictionary of page `index` (0-based). Throws INVALID_ARGUMENT when out of range,
 * PDF_MALFORMED when the tree declares the page but it cannot be reached (loops, broken kids).
 *
 * @example
 * ```ts
 * const { ref, dict } = findPage(doc, 0);
 * ```
 */
export function findPage(doc: PdfDocument, index: number): { ref: PdfRef; dict: PdfDict } {
  const seen = new Set<string>();
  let remaining = index;
  const walk = (ref: PdfRef, depth: number): { ref: PdfRef; dict: PdfDict } | undefined => {
    if (seen.has(ref.key) || depth > 64 || seen.size > 100_000) return undefined;
    seen.add(ref.key);
    const dict = asDict(doc.getObject(ref) ?? undefined);
    if (!dict) return undefined;
    if (asName(dict.get('Type')) === 'Page' || !dict.has('Kids')) {
      if (remaining === 0) return { ref, dict };
      remaining--; return undefined;
    }
    const count = asInt(dict.get('Count'));
    if (count !== undefined && count <= remaining && depth > 0) { remaining -= count; return undefined; }
    for (const kid of asArray(doc.resolve(dict.get('Kids')) ?? undefined) ?? []) {
      if (kid instanceof PdfRef) { const found = walk(kid, depth + 1); if (found) return found; }
    }
    return undefined;
  };
  const root = doc.catalog.get('Pages');
  const found = Number.isInteger(index) && index >= 0 && root instanceof PdfRef ? walk(root, 0) : undefined;
  if (!found) {
    const declared = root instanceof PdfRef ? asInt(asDict(doc.getObject(root) ?? undefined)?.get('Count')) : undefined;
    if (declared !== undefined && Number.isInteger(index) && index >= 0 && index < declared) {
      throw new EdusignError('PDF_MALFORMED', { detail: `the page tree declares ${declared} pages but page ${index + 1} cannot be reached` });
    }
    throw new EdusignError('INVALID_ARGUMENT', { detail: `page ${index + 1} does not exist`, detailVi: `không có trang ${index + 1}` });
  }
  return found;
}

/**
 * The page's /Rotate (inherited from the page tree), normalised to 0, 90, 180 or 270.
 *
 * @example
 * ```ts
 * pageRotation(doc, findPage(doc, 0).dict) // 90 for a landscape page stored rotated
 * ```
 */
export function pageRotation(doc: PdfDocument, page: PdfDict): 0 | 90 | 180 | 270 {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 32; depth++) {
    const r = node.get('Rotate');
    if (typeof r === 'number' && Number.isInteger(r)) {
      const n = ((r % 360) + 360) % 360;
      return (n - (n % 90)) as 0 | 90 | 180 | 270;
    }
    node = asDict(doc.resolve(node.get('Parent')) ?? undefined);
  }
  return 0;
}
