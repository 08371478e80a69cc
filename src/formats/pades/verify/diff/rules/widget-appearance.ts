/**
 * Rule: widget annotations and their appearance streams follow their field: new ones for new signatures, changed
 * ones when filling an unlocked field; the appearance of a signed signature is frozen (a "replace" shadow attack).
 * @module
 */
import type { DiffRule, FieldRole } from '../types.js';
import { verdict } from '../verdict.js';

function levelFor(role: FieldRole): 'signing' | 'form-filling' {
  return role.type === 'Sig' ? 'signing' : 'form-filling';
}

/** Widgets and appearance streams. @example `widgetAppearanceRule.judge(change, ctx)` */
export const widgetAppearanceRule: DiffRule = {
  name: 'widget-appearance',
  judge: (change, ctx) => {
    if (change.kind === 'added') {
      const role = ctx.after.widgets.get(change.num) ?? ctx.after.appearances.get(change.num);
      if (!role) return undefined;
      if (ctx.after.widgets.has(change.num) && role.type !== 'Sig') {
        return verdict('forbidden', `new widget for form field "${role.name}"`, `thêm widget cho trường biểu mẫu "${role.name}"`);
      }
      return verdict('none', `new appearance object ${change.num} of "${role.name}"`, `thêm đối tượng hiển thị ${change.num} của "${role.name}"`);
    }
    const role = ctx.before.widgets.get(change.num) ?? ctx.before.appearances.get(change.num);
    if (!role) return undefined;
    if ((role.type === 'Sig' && role.signed) || ctx.isLocked(role.name)) {
      return verdict('forbidden', `the appearance of ${role.signed ? 'signed' : 'locked'} field "${role.name}" was changed`,
        `hình thức hiển thị của trường ${role.signed ? 'đã ký' : 'bị khóa'} "${role.name}" bị thay đổi`);
    }
    if (change.kind === 'deleted') return verdict('forbidden', `widget/appearance of "${role.name}" removed`, `xóa widget/hiển thị của "${role.name}"`);
    return verdict(levelFor(role), `appearance of "${role.name}" updated`, `cập nhật hiển thị của "${role.name}"`);
  },
};
