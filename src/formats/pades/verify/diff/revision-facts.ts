/**
 * Per-revision facts of the modification analysis (roles, changes, stray bytes, reference sets), computed once
 * per document and shared by every signature's analysis. The cache is an object the caller owns.
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { collectChanges, type UnreadableChange } from './collect-changes.js';
import { computeRoles, contentObjects, referencedObjects } from './roles.js';
import type { ObjectChange, RoleMap } from './types.js';
import { unlistedContent } from './unlisted-bytes.js';

/** Lazily computed facts about the revisions of one document. */
export interface RevisionFacts {
  readonly doc: PdfDocument;
  roles(revision: number): RoleMap;
  changes(revision: number): { changes: ObjectChange[]; unreadable: UnreadableChange[] };
  stray(revision: number): number[];
  referenced(revision: number): Set<number>;
  documentObjects(revision: number): Set<number>;
  contentObjects(revision: number): Set<number>;
  /** Memo of rule judgements of one revision under one FieldMDP lock (`key`); rules are pure, so reusable. */
  judgements<T>(revision: number, key: string, compute: () => T): T;
}

function memo<T>(compute: (revision: number) => T): (revision: number) => T {
  const cache = new Map<number, T>();
  return (revision) => {
    if (!cache.has(revision)) cache.set(revision, compute(revision));
    return cache.get(revision)!;
  };
}

/**
 * Create the shared facts of `doc` (nothing is computed until asked).
 *
 * @example
 * ```ts
 * const facts = revisionFacts(doc);
 * for (const s of signatures) analyseModifications(doc, s.revision, { p: 2 }, facts);
 * ```
 */
export function revisionFacts(doc: PdfDocument): RevisionFacts {
  const roles = memo((r) => computeRoles(doc, r));
  const judged = new Map<string, unknown>();
  return {
    judgements: <T>(revision: number, key: string, compute: () => T): T => {
      const k = `${revision} ${key}`;
      if (!judged.has(k)) judged.set(k, compute());
      return judged.get(k) as T;
    },
    doc,
    roles,
    changes: memo((r) => collectChanges(doc, r)),
    stray: memo((r) => unlistedContent(doc, r)),
    referenced: memo((r) => referencedObjects(doc, r)),
    documentObjects: memo((r) => referencedObjects(doc, r, { documentOnly: true })),
    contentObjects: memo((r) => contentObjects(doc, r, [...roles(r).pages, ...roles(r).pageNodes])),
  };
}
