/**
 * Rule (early): an object the signed pages are drawn from (content streams, fonts, images, form XObjects,
 * resources) may never be overwritten or deleted, whatever other role (annotation, /Info, DSS…) the document's
 * author also gave it — the shadow "replace" attack hides a content object behind an allowed role.
 * @module
 */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Page content and resources are frozen. @example `pageContentRule.judge(change, ctx)` */
export const pageContentRule: DiffRule = {
  name: 'page-content',
  judge: (change, ctx) => change.kind !== 'added' && ctx.contentObjectsBefore().has(change.num)
    ? verdict('forbidden', `object ${change.num} used by the signed pages (content or resources) was ${change.kind === 'deleted' ? 'deleted' : 'overwritten'}`,
      `đối tượng ${change.num} dùng để hiển thị trang đã ký (nội dung hoặc tài nguyên) bị ${change.kind === 'deleted' ? 'xóa' : 'ghi đè'}`)
    : undefined,
};
