/** Rule: an object rewritten with the same value changes nothing. @module */
import { pdfEqual } from '../equal.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** An object rewritten identically. @example `unchangedRule.judge(change, ctx)` */
export const unchangedRule: DiffRule = {
  name: 'unchanged',
  judge: (change) => change.kind === 'modified' && pdfEqual(change.before, change.after)
    ? verdict('none', `object ${change.num} rewritten unchanged`, `đối tượng ${change.num} được ghi lại không đổi`)
    : undefined,
};
