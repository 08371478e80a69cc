/** Rule: filling a form field (its value and appearance state) is form filling (P >= 2), unless FieldMDP locks it. @module */
import { asDict } from '../../../pdf/objects.js';
import { changedKeys } from '../equal.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

const FILL_KEYS = new Set(['V', 'AS', 'AP']);

/** Non-signature form fields. @example `formFieldRule.judge(change, ctx)` */
export const formFieldRule: DiffRule = {
  name: 'form-field',
  judge: (change, ctx) => {
    if (change.kind === 'added') {
      const role = ctx.after.fields.get(change.num);
      if (!role || role.type === 'Sig') return undefined;
      return verdict('forbidden', `new form field "${role.name}"`, `thêm trường biểu mẫu mới "${role.name}"`);
    }
    const role = ctx.before.fields.get(change.num);
    if (!role || role.type === 'Sig') return undefined;
    if (change.kind === 'deleted') return verdict('forbidden', `form field "${role.name}" removed`, `xóa trường biểu mẫu "${role.name}"`);
    if (ctx.isLocked(role.name)) {
      return verdict('forbidden', `locked form field "${role.name}" changed (FieldMDP)`, `trường biểu mẫu bị khóa "${role.name}" bị thay đổi (FieldMDP)`);
    }
    const before = asDict(change.before); const after = asDict(change.after);
    const keys = before && after ? changedKeys(before, after) : ['?'];
    const other = keys.filter((k) => !FILL_KEYS.has(k));
    if (other.length > 0) {
      return verdict('forbidden', `form field "${role.name}" changed beyond its value: /${other.join(', /')}`,
        `trường biểu mẫu "${role.name}" bị thay đổi ngoài giá trị: /${other.join(', /')}`);
    }
    return verdict('form-filling', `form field "${role.name}" filled in`, `điền trường biểu mẫu "${role.name}"`);
  },
};
