/**
 * File-structure check of an incremental update: every byte between the previous revision's %%EOF and this
 * revision's cross-reference section must belong to an object the section lists (or be white space / comments).
 * Unlisted objects are what the "incremental saving attack" without xref relies on: tolerant viewers that
 * rebuild the file by scanning show them, while an xref-following verifier would not see them.
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { parseIndirectObject, skipWhite } from '../../pdf/parser.js';

/**
 * Offsets of stray content (not white space, not a listed object) in the update that made `revision`.
 *
 * @example
 * ```ts
 * const stray = unlistedContent(doc, 2); // [] for a clean update
 * ```
 */
export function unlistedContent(doc: PdfDocument, revision: number): number[] {
  const prev = doc.revisions[revision - 1];
  const rev = doc.revisions[revision];
  if (!prev || !rev) return [];
  const start = prev.end ?? prev.xrefEnd;
  const end = rev.xrefOffset;
  if (start >= end) return [];
  const listed = [...rev.entries.values()]
    .filter((e): e is { kind: 'offset'; offset: number; gen: number } => e.kind === 'offset' && e.offset >= start && e.offset < end)
    .map((e) => e.offset)
    .sort((a, b) => a - b);
  const stray: number[] = [];
  let p = start;
  for (const offset of listed) {
    const q = skipWhite(doc.bytes, p);
    if (q < offset) stray.push(q);
    try {
      p = Math.max(p, parseIndirectObject(doc.bytes, offset, { maxDepth: 64 }).end);
    } catch {
      stray.push(offset);
      p = offset + 1;
    }
  }
  const q = skipWhite(doc.bytes, p);
  if (q < end) stray.push(q);
  return stray;
}
