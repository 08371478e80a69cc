/**
 * The modification analysis engine: for every incremental update after a signed revision, collect the objects it
 * wrote, find their roles before and after, ask the rules, and compare the worst change with what the signature
 * permits (DocMDP P, FieldMDP locks).
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { collectChanges } from './collect-changes.js';
import { pdfEqual } from './equal.js';
import { computeRoles, contentObjects, referencedObjects } from './roles.js';
import { DEFAULT_RULES } from './rules/index.js';
import { unlistedContent } from './unlisted-bytes.js';
import type { DiffRule, ModificationLevel, RoleMap, RuleContext } from './types.js';
import { levelRank, permittedLevel } from './verdict.js';

/** One judged change. */
export interface JudgedModification {
  revision: number;
  /** Object number, or -1 for trailer-level changes. */
  num: number;
  level: ModificationLevel;
  allowed: boolean;
  description: string;
  descriptionVi: string;
  rule: string;
}

/** Options of {@link analyseModifications}. */
export interface ModificationPolicy {
  /** DocMDP P in force for changes after this signature. */
  p: 1 | 2 | 3;
  /** FieldMDP lock of this signature. */
  fieldLock?: { action: 'All' | 'Include' | 'Exclude'; fields: string[] };
  /** Replace the default rules (advanced). */
  rules?: readonly DiffRule[];
}

/** Result of {@link analyseModifications}. */
export interface ModificationAnalysis {
  /** Every change above level `none`, in file order. */
  modifications: JudgedModification[];
  /** The most intrusive change. */
  worst: ModificationLevel;
  /** `false` when any change is not permitted. */
  allowed: boolean;
}

function lockTest(lock: ModificationPolicy['fieldLock']): (name: string) => boolean {
  if (!lock) return () => false;
  const listed = (name: string): boolean => lock.fields.some((f) => name === f || name.startsWith(`${f}.`));
  if (lock.action === 'All') return () => true;
  if (lock.action === 'Include') return listed;
  return (name) => !listed(name);
}

/**
 * Judge every change made after `signedRevision`.
 *
 * @example
 * ```ts
 * const analysis = analyseModifications(doc, 0, { p: 2 });
 * if (!analysis.allowed) console.log(analysis.modifications.filter((m) => !m.allowed));
 * ```
 */
export function analyseModifications(doc: PdfDocument, signedRevision: number, policy: ModificationPolicy): ModificationAnalysis {
  const rules = policy.rules ?? DEFAULT_RULES;
  const maxLevel = permittedLevel(policy.p);
  const isLocked = lockTest(policy.fieldLock);
  const modifications: JudgedModification[] = [];
  const roleCache = new Map<number, RoleMap>();
  const roles = (r: number): RoleMap => {
    let m = roleCache.get(r);
    if (!m) { m = computeRoles(doc, r); roleCache.set(r, m); }
    return m;
  };
  const push = (m: Omit<JudgedModification, 'allowed'>): void => {
    modifications.push({ ...m, allowed: levelRank(m.level) <= levelRank(maxLevel) });
  };
  for (let r = signedRevision + 1; r < doc.revisions.length; r++) {
    const prevRoot = doc.revisions[r - 1]!.trailer.get('Root');
    const root = doc.revisions[r]!.trailer.get('Root');
    if (!pdfEqual(prevRoot, root)) {
      push({ revision: r, num: -1, level: 'forbidden', rule: 'trailer', description: 'the trailer points to another document catalog', descriptionVi: 'trailer trỏ tới một catalog khác' });
    }
    const stray = unlistedContent(doc, r);
    if (stray.length > 0) {
      push({ revision: r, num: -1, level: 'forbidden', rule: 'file-structure',
        description: `the update holds content its cross-reference section does not list (offset ${stray[0]})`,
        descriptionVi: `bản cập nhật chứa nội dung không được liệt kê trong bảng xref (vị trí ${stray[0]})` });
    }
    const { changes, unreadable } = collectChanges(doc, r);
    for (const u of unreadable) {
      push({ revision: r, num: u.num, level: 'forbidden', rule: 'unreadable', description: `object ${u.num} cannot be read: ${u.reason}`, descriptionVi: `không đọc được đối tượng ${u.num}` });
    }
    let referenced: Set<number> | undefined;
    let documentObjects: Set<number> | undefined;
    let contentWorld: Set<number> | undefined;
    const ctx: RuleContext = {
      doc, before: roles(r - 1), after: roles(r), isLocked,
      resolveBefore: (v) => { try { return doc.resolve(v, r - 1); } catch { return undefined; } },
      resolveAfter: (v) => { try { return doc.resolve(v, r); } catch { return undefined; } },
      referencedBefore: () => (referenced ??= referencedObjects(doc, r - 1)),
      contentObjectsBefore: () => (contentWorld ??= contentObjects(doc, r - 1, [...roles(r - 1).pages, ...roles(r - 1).pageNodes])),
      documentObjectsBefore: () => (documentObjects ??= referencedObjects(doc, r - 1, { documentOnly: true })),
    };
    for (const change of changes) {
      let judged = false;
      for (const rule of rules) {
        const v = rule.judge(change, ctx);
        if (!v) continue;
        if (v.level !== 'none') push({ revision: r, num: change.num, rule: rule.name, ...v });
        judged = true;
        break;
      }
      if (!judged) {
        push({ revision: r, num: change.num, level: 'forbidden', rule: 'none', description: `object ${change.num} changed`, descriptionVi: `đối tượng ${change.num} bị thay đổi` });
      }
    }
  }
  let worst: ModificationLevel = 'none';
  for (const m of modifications) if (levelRank(m.level) > levelRank(worst)) worst = m.level;
  return { modifications, worst, allowed: modifications.every((m) => m.allowed) };
}

