/** Rule: DSS updates (certificates, OCSP responses, CRLs, VRI) are LTA updates, allowed under every DocMDP level. @module */
import type { DiffRule } from '../types.js';
import { verdict } from '../verdict.js';

/**
 * New objects under the DSS, and changes to objects that were already DSS objects. An object that only joins the
 * DSS in the update (e.g. a page content stream listed under /Certs) is not covered.
 *
 * @example
 * ```ts
 * dssRule.judge(change, ctx)
 * ```
 */
export const dssRule: DiffRule = {
  name: 'dss',
  judge: (change, ctx) => {
    const inDss = change.kind === 'added' ? ctx.after.dss.has(change.num) : ctx.before.dss.has(change.num);
    return inDss
      ? verdict('lta', `validation data (DSS) object ${change.num} ${change.kind}`, `dữ liệu xác thực (DSS): đối tượng ${change.num}`)
      : undefined;
  },
};
