/** Rule: the AcroForm may gain fields (new signatures) and SigFlags; form-level appearance settings need form filling. @module */
import { asArray, asDict, PdfDict, PdfRef } from '../../../pdf/objects.js';
import { changedKeys } from '../equal.js';
import type { DiffRule, RuleContext, RuleVerdict } from '../types.js';
import { verdict } from '../verdict.js';

function judgeAcroForm(before: PdfDict, after: PdfDict, ctx: RuleContext): RuleVerdict {
  const keys = changedKeys(before, after);
  const other = keys.filter((k) => !['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances'].includes(k));
  if (other.length > 0) return verdict('forbidden', `AcroForm entries changed: /${other.join(', /')}`, `thay đổi mục AcroForm: /${other.join(', /')}`);
  const oldFields = (asArray(ctx.resolveBefore(before.get('Fields'))) ?? []).filter((f): f is PdfRef => f instanceof PdfRef);
  const newFields = new Set((asArray(ctx.resolveAfter(after.get('Fields'))) ?? []).filter((f): f is PdfRef => f instanceof PdfRef).map((f) => f.num));
  const removed = oldFields.filter((f) => !newFields.has(f.num));
  if (removed.length > 0) return verdict('forbidden', `form fields removed: ${removed.map((f) => f.num).join(', ')}`, `xóa trường biểu mẫu: ${removed.map((f) => f.num).join(', ')}`);
  const formLevel = keys.some((k) => k === 'DR' || k === 'DA' || k === 'NeedAppearances');
  return formLevel
    ? verdict('form-filling', 'AcroForm appearance settings changed', 'thay đổi thiết lập hiển thị của AcroForm')
    : verdict('signing', 'AcroForm fields list extended', 'bổ sung danh sách trường của AcroForm');
}

/** AcroForm dictionary changes. @example `acroFormRule.judge(change, ctx)` */
export const acroFormRule: DiffRule = {
  name: 'acroform',
  judge: (change, ctx) => {
    const isAcroForm = change.num === ctx.before.acroFormNum || (change.kind === 'added' && change.num === ctx.after.acroFormNum);
    if (!isAcroForm) return undefined;
    if (change.kind === 'added') return verdict('signing', 'AcroForm added', 'thêm AcroForm');
    const before = asDict(change.before); const after = asDict(change.after);
    if (!before || !after) return verdict('forbidden', 'the AcroForm was removed', 'AcroForm bị xóa');
    return judgeAcroForm(before, after, ctx);
  },
};

/** The Fields array of the AcroForm written as its own object. @example `fieldsArrayRule.judge(change, ctx)` */
export const fieldsArrayRule: DiffRule = {
  name: 'fields-array',
  judge: (change, ctx) => {
    const acro = asDict(ctx.resolveBefore(ctx.before.acroFormNum === undefined ? undefined : new PdfRef(ctx.before.acroFormNum, 0)));
    const fieldsRef = acro?.get('Fields');
    if (!(fieldsRef instanceof PdfRef) || fieldsRef.num !== change.num || change.kind !== 'modified') return undefined;
    return judgeAcroForm(new PdfDict([['Fields', change.before ?? null]]), new PdfDict([['Fields', change.after ?? null]]), ctx);
  },
};
