/**
 * The objects one incremental update wrote (its cross-reference section), each with its value before and after.
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { PdfRef, type PdfObject } from '../../pdf/objects.js';
import type { ObjectChange } from './types.js';

/** An object that could not be read is reported as such, never skipped. */
export interface UnreadableChange {
  revision: number;
  num: number;
  reason: string;
}

function read(doc: PdfDocument, num: number, revision: number): PdfObject | undefined {
  if (revision < 0) return undefined;
  const entry = doc.lookup(num, revision);
  if (entry === undefined || entry.kind === 'free') return undefined;
  const gen = entry.kind === 'offset' ? entry.gen : 0;
  const value = doc.getObject(new PdfRef(num, gen), revision);
  return value === null ? undefined : value;
}

/**
 * List the changes made by revision `revision` (compared with `revision - 1`).
 *
 * @example
 * ```ts
 * const { changes, unreadable } = collectChanges(doc, 2);
 * ```
 */
export function collectChanges(doc: PdfDocument, revision: number): { changes: ObjectChange[]; unreadable: UnreadableChange[] } {
  const changes: ObjectChange[] = [];
  const unreadable: UnreadableChange[] = [];
  const section = doc.revisions[revision];
  if (!section) return { changes, unreadable };
  for (const [num, entry] of section.entries) {
    if (num === 0) continue;
    try {
      const before = read(doc, num, revision - 1);
      const after = entry.kind === 'free' ? undefined : read(doc, num, revision);
      const gen = entry.kind === 'offset' ? entry.gen : 0;
      if (before === undefined && after === undefined) continue;
      const kind = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
      changes.push({ revision, num, gen, kind, before, after });
    } catch (e) {
      unreadable.push({ revision, num, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { changes, unreadable };
}
