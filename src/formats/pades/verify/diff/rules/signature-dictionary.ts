/** Rule: new signature dictionaries come with new signatures; an existing one must never change. @module */
import { asDict, asName } from '../../../pdf/objects.js';
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** New signature / document timestamp dictionaries; earlier ones frozen. @example `signatureDictionaryRule.judge(change, ctx)` */
export const signatureDictionaryRule: DiffRule = {
  name: 'signature-dictionary',
  judge: (change, ctx) => {
    if (change.kind === 'added' && ctx.after.signatureDicts.has(change.num)) {
      const docTs = asName(asDict(change.after)?.get('Type')) === 'DocTimeStamp' || asName(asDict(change.after)?.get('SubFilter')) === 'ETSI.RFC3161';
      return docTs
        ? verdict('lta', `new document timestamp (object ${change.num})`, `thêm dấu thời gian tài liệu (đối tượng ${change.num})`)
        : verdict('signing', `new signature (object ${change.num})`, `thêm chữ ký (đối tượng ${change.num})`);
    }
    if (change.kind !== 'added' && ctx.before.signatureDicts.has(change.num)) {
      return verdict('forbidden', `the signature dictionary ${change.num} of an earlier signature was changed`,
        `từ điển chữ ký ${change.num} của một chữ ký trước đã bị thay đổi`);
    }
    return undefined;
  },
};
