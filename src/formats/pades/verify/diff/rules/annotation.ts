/** Rule: creating, changing or deleting (non-widget) annotations is allowed only with DocMDP P = 3. @module */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Non-widget annotations. @example `annotationRule.judge(change, ctx)` */
export const annotationRule: DiffRule = {
  name: 'annotation',
  judge: (change, ctx) => {
    const known = change.kind === 'added' ? ctx.after.annotations.has(change.num) : ctx.before.annotations.has(change.num);
    return known
      ? verdict('annotations', `annotation ${change.num} ${change.kind}`, `chú thích ${change.num}: ${change.kind === 'added' ? 'thêm' : change.kind === 'deleted' ? 'xóa' : 'sửa'}`)
      : undefined;
  },
};
