/** Rule: signature fields may be added and empty ones signed (P >= 2); a signed field is frozen; locked fields too. @module */
import { asArray, asDict } from '../../../pdf/objects.js';
import { changedKeys } from '../equal.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

const SIGNING_KEYS = new Set(['V', 'AP', 'AS', 'F', 'MK', 'Lock', 'SV', 'P', 'Rect']);

/** Signature fields (and merged widgets). @example `signatureFieldRule.judge(change, ctx)` */
export const signatureFieldRule: DiffRule = {
  name: 'signature-field',
  judge: (change, ctx) => {
    if (change.kind === 'added') {
      const role = ctx.after.fields.get(change.num) ?? ctx.after.widgets.get(change.num);
      if (role?.type !== 'Sig') return undefined;
      const dict = asDict(change.after);
      const rect = asArray(dict?.get('Rect'))?.map((v) => (typeof v === 'number' ? v : 0)) ?? [];
      const visible = rect.length === 4 && rect[0] !== rect[2] && rect[1] !== rect[3];
      if (!role.signed && visible && dict?.has('AP')) {
        // the "sneaky signature attack": an unsigned field whose appearance overlays the signed content
        return verdict('forbidden', `new unsigned signature field "${role.name}" with a visible appearance`,
          `thêm trường chữ ký chưa ký "${role.name}" có hình hiển thị (che nội dung đã ký)`);
      }
      return verdict('signing', `new signature field "${role.name}"`, `thêm trường chữ ký "${role.name}"`);
    }
    const role = ctx.before.fields.get(change.num) ?? ctx.before.widgets.get(change.num);
    if (role?.type !== 'Sig') return undefined;
    if (change.kind === 'deleted') return verdict('forbidden', `signature field "${role.name}" removed`, `xóa trường chữ ký "${role.name}"`);
    if (role.signed) {
      return verdict('forbidden', `the signed signature field "${role.name}" was changed`, `trường chữ ký đã ký "${role.name}" bị thay đổi`);
    }
    if (ctx.isLocked(role.name)) {
      return verdict('forbidden', `signature field "${role.name}" is locked (FieldMDP)`, `trường chữ ký "${role.name}" đã bị khóa (FieldMDP)`);
    }
    const before = asDict(change.before); const after = asDict(change.after);
    const keys = before && after ? changedKeys(before, after) : ['?'];
    const other = keys.filter((k) => !SIGNING_KEYS.has(k));
    if (other.length > 0) {
      return verdict('forbidden', `signature field "${role.name}" changed beyond signing: /${other.join(', /')}`,
        `trường chữ ký "${role.name}" bị thay đổi ngoài việc ký: /${other.join(', /')}`);
    }
    return verdict('signing', `signature field "${role.name}" signed`, `trường chữ ký "${role.name}" được ký`);
  },
};
