/** Rule: cross-reference streams and object streams are containers; replacing an old one silently changes its objects. @module */
import { asName, asDict } from '../../../pdf/objects.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** New xref/object streams are neutral; an existing one overwritten is forbidden. @example `containerStreamsRule.judge(change, ctx)` */
export const containerStreamsRule: DiffRule = {
  name: 'container-streams',
  judge: (change) => {
    const type = asName(asDict(change.after ?? change.before)?.get('Type'));
    if (type !== 'XRef' && type !== 'ObjStm') return undefined;
    if (change.kind === 'added') return verdict('none', `new ${type} stream ${change.num}`, `thêm luồng ${type} ${change.num}`);
    return verdict('forbidden', `${type} stream ${change.num} of the signed revision was replaced (its objects change without being listed)`,
      `luồng ${type} ${change.num} của phiên bản đã ký bị thay thế (các đối tượng bên trong bị thay đổi ngầm)`);
  },
};
