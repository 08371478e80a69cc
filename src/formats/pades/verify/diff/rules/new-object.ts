/**
 * Rule: a new object with a fresh number changes nothing by itself; what references it is judged. (A number that
 * the signed revision referenced is caught earlier by the dangling-reference rule.)
 * @module
 */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Fresh objects. @example `newObjectRule.judge(change, ctx)` */
export const newObjectRule: DiffRule = {
  name: 'new-object',
  judge: (change) => change.kind === 'added'
    ? verdict('none', `new object ${change.num}`, `thêm đối tượng ${change.num}`)
    : undefined,
};
