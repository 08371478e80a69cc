/** Rule: a new object must not give a value to a number the signed revision already referenced (it was null). @module */
import { asInt } from '../../../pdf/objects.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Filling a dangling reference changes what the signed revision displays. @example `danglingReferenceRule.judge(change, ctx)` */
export const danglingReferenceRule: DiffRule = {
  name: 'dangling-reference',
  judge: (change, ctx) => change.kind === 'added' &&
    change.num < (asInt(ctx.doc.revisions[change.revision - 1]?.trailer.get('Size')) ?? Number.MAX_SAFE_INTEGER) &&
    ctx.referencedBefore().has(change.num)
    ? verdict('forbidden', `object ${change.num} was referenced but missing in the signed revision and is now defined`,
      `đối tượng ${change.num} được tham chiếu nhưng không tồn tại trong phiên bản đã ký, nay được thêm vào`)
    : undefined,
};
