/**
 * Rule (last): any other object of the signed revision that is overwritten or deleted is forbidden: content
 * streams, fonts, images, resources, outlines, actions… (the hide / replace shadow attacks and the incremental
 * saving attack all end here when nothing above allowed them).
 * @module
 */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Everything else that existed before. @example `overwrittenObjectRule.judge(change, ctx)` */
export const overwrittenObjectRule: DiffRule = {
  name: 'overwritten-object',
  judge: (change) => change.kind === 'added'
    ? undefined
    : verdict('forbidden', `object ${change.num} of the signed revision was ${change.kind === 'deleted' ? 'deleted' : 'overwritten'}`,
      `đối tượng ${change.num} của phiên bản đã ký bị ${change.kind === 'deleted' ? 'xóa' : 'ghi đè'}`),
};
