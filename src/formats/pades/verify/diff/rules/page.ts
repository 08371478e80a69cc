/**
 * Rule: a page may only change its /Annots (new signature widgets: signing; other annotations: P = 3). Any other
 * change (content, resources, boxes, rotation) is forbidden: the incremental saving and hide-and-replace attacks.
 * @module
 */
import { asArray, asDict, PdfRef, type PdfObject } from '../../../pdf/objects.js';
import { changedKeys } from '../equal.js';
import type { DiffRule, ModificationLevel, RuleContext, RuleVerdict } from '../types.js';
import { levelRank, verdict } from '../verdict.js';

function refNums(list: PdfObject[] | undefined): Set<number> {
  return new Set((list ?? []).filter((a): a is PdfRef => a instanceof PdfRef).map((a) => a.num));
}

function judgeAnnots(beforeList: PdfObject[] | undefined, afterList: PdfObject[] | undefined, page: number, ctx: RuleContext): RuleVerdict {
  const before = refNums(beforeList); const after = refNums(afterList);
  const directAdded = (afterList ?? []).some((a) => !(a instanceof PdfRef)) && !(beforeList ?? []).some((a) => !(a instanceof PdfRef));
  let level: ModificationLevel = 'none';
  const notes: string[] = [];
  const raise = (l: ModificationLevel): void => { if (levelRank(l) > levelRank(level)) level = l; };
  for (const n of before) {
    if (after.has(n)) continue;
    if (ctx.before.widgets.has(n)) {
      return verdict('forbidden', `form widget ${n} removed from page ${page}`, `widget biểu mẫu ${n} bị xóa khỏi trang ${page}`);
    }
    raise('annotations'); notes.push(`annotation ${n} removed`);
  }
  for (const n of after) {
    if (before.has(n)) continue;
    const widget = ctx.after.widgets.get(n);
    if (widget?.type === 'Sig') { raise('signing'); notes.push(`signature widget "${widget.name}" added`); continue; }
    if (widget) return verdict('forbidden', `new form widget "${widget.name}" on page ${page}`, `thêm widget biểu mẫu "${widget.name}" trên trang ${page}`);
    raise('annotations'); notes.push(`annotation ${n} added`);
  }
  if (directAdded) { raise('annotations'); notes.push('direct annotation added'); }
  return verdict(level, `page ${page}: ${notes.join('; ') || 'annotations reordered'}`, `trang ${page}: thay đổi chú thích (${notes.length})`);
}

/** Page objects and their indirect /Annots arrays. @example `pageRule.judge(change, ctx)` */
export const pageRule: DiffRule = {
  name: 'page',
  judge: (change, ctx) => {
    const owner = ctx.before.annotsArrays.get(change.num);
    if (owner !== undefined && change.kind === 'modified') return judgeAnnots(asArray(change.before), asArray(change.after), owner, ctx);
    if (!ctx.before.pages.has(change.num)) {
      if (ctx.before.pageNodes.has(change.num)) {
        return verdict('forbidden', `page tree node ${change.num} changed`, `nút cây trang ${change.num} bị thay đổi`);
      }
      return undefined;
    }
    const before = asDict(change.before); const after = asDict(change.after);
    if (!before || !after) return verdict('forbidden', `page ${change.num} removed`, `trang ${change.num} bị xóa`);
    const keys = changedKeys(before, after);
    const other = keys.filter((k) => k !== 'Annots');
    if (other.length > 0) {
      return verdict('forbidden', `page ${change.num} changed: /${other.join(', /')} (page content or resources replaced)`,
        `trang ${change.num} bị thay đổi: /${other.join(', /')} (nội dung hoặc tài nguyên trang bị thay thế)`);
    }
    return judgeAnnots(asArray(ctx.resolveBefore(before.get('Annots'))), asArray(ctx.resolveAfter(after.get('Annots'))), change.num, ctx);
  },
};
