/**
 * The modification analysis engine: for every incremental update after a signed revision, collect the objects it
 * wrote, find their roles before and after, ask the rules, and compare the worst change with what the signature
 * permits (DocMDP P, FieldMDP locks).
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import { EdusignError } from '../../../../errors.js';
import { pdfEqual } from './equal.js';
import { revisionFacts, type RevisionFacts } from './revision-facts.js';
import { DEFAULT_RULES } from './rules/index.js';
import type { DiffRule, ModificationLevel, RuleContext } from './types.js';
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

function judgeRevision(facts: RevisionFacts, r: number, rules: readonly DiffRule[], isLocked: (name: string) => boolean): Omit<JudgedModification, 'allowed'>[] {
  const doc = facts.doc;
  const out: Omit<JudgedModification, 'allowed'>[] = [];
  const prevRoot = doc.revisions[r - 1]!.trailer.get('Root');
  const root = doc.revisions[r]!.trailer.get('Root');
  if (!pdfEqual(prevRoot, root)) {
    out.push({ revision: r, num: -1, level: 'forbidden', rule: 'trailer', description: 'the trailer points to another document catalog', descriptionVi: 'trailer trỏ tới một catalog khác' });
  }
  const stray = facts.stray(r);
  if (stray.length > 0) {
    out.push({ revision: r, num: -1, level: 'forbidden', rule: 'file-structure',
      description: `the update holds content its cross-reference section does not list (offset ${stray[0]})`,
      descriptionVi: `bản cập nhật chứa nội dung không được liệt kê trong bảng xref (vị trí ${stray[0]})` });
  }
  const { changes, unreadable } = facts.changes(r);
  for (const u of unreadable) {
    out.push({ revision: r, num: u.num, level: 'forbidden', rule: 'unreadable', description: `object ${u.num} cannot be read: ${u.reason}`, descriptionVi: `không đọc được đối tượng ${u.num}` });
  }
  const ctx: RuleContext = {
    doc, before: facts.roles(r - 1), after: facts.roles(r), isLocked,
    resolveBefore: (v) => { try { return doc.resolve(v, r - 1); } catch { return undefined; } },
    resolveAfter: (v) => { try { return doc.resolve(v, r); } catch { return undefined; } },
    referencedBefore: () => facts.referenced(r - 1),
    contentObjectsBefore: () => facts.contentObjects(r - 1),
    documentObjectsBefore: () => facts.documentObjects(r - 1),
  };
  for (const change of changes) {
    let judged = false;
    for (const rule of rules) {
      const v = rule.judge(change, ctx);
      if (!v) continue;
      if (v.level !== 'none') out.push({ revision: r, num: change.num, rule: rule.name, ...v });
      judged = true;
      break;
    }
    if (!judged) {
      out.push({ revision: r, num: change.num, level: 'forbidden', rule: 'none', description: `object ${change.num} changed`, descriptionVi: `đối tượng ${change.num} bị thay đổi` });
    }
  }
  return out;
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
export function analyseModifications(doc: PdfDocument, signedRevision: number, policy: ModificationPolicy,
  facts: RevisionFacts = revisionFacts(doc)): ModificationAnalysis {
  if (facts.doc !== doc) throw new EdusignError('INVALID_ARGUMENT', { detail: 'the revision facts belong to another document' });
  const rules = policy.rules ?? DEFAULT_RULES;
  const maxLevel = permittedLevel(policy.p);
  const isLocked = lockTest(policy.fieldLock);
  const modifications: JudgedModification[] = [];
  const push = (m: Omit<JudgedModification, 'allowed'>): void => {
    modifications.push({ ...m, allowed: levelRank(m.level) <= levelRank(maxLevel) });
  };
  const lockKey = policy.rules ? undefined : JSON.stringify(policy.fieldLock ?? null);
  for (let r = signedRevision + 1; r < doc.revisions.length; r++) {
    const judge = (): Omit<JudgedModification, 'allowed'>[] => judgeRevision(facts, r, rules, isLocked);
    const judged = lockKey === undefined ? judge() : facts.judgements(r, lockKey, judge);
    for (const m of judged) push(m);
  }
  let worst: ModificationLevel = 'none';
  for (const m of modifications) if (levelRank(m.level) > levelRank(worst)) worst = m.level;
  return { modifications, worst, allowed: modifications.every((m) => m.allowed) };
}

