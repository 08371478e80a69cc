/**
 * Rule: the document information dictionary (trailer /Info) and the XMP metadata stream may be updated when
 * signing (Acrobat updates ModDate and XMP on every save); they are not rendered. Only when the object is not
 * also part of the document (a shadow-attack author could point /Info at a font or a content stream).
 * @module
 */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/** Info dictionary and XMP metadata updates. @example `metadataRule.judge(change, ctx)` */
export const metadataRule: DiffRule = {
  name: 'metadata',
  judge: (change, ctx) => {
    const wasMetadata = change.num === ctx.before.infoNum || change.num === ctx.before.metadataNum;
    if (!wasMetadata || change.kind === 'added') return undefined;
    if (ctx.documentObjectsBefore().has(change.num)) return undefined;
    return verdict('signing', `document metadata (object ${change.num}) updated`, `cập nhật siêu dữ liệu tài liệu (đối tượng ${change.num})`);
  },
};
