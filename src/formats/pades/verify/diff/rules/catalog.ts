/** Rule: the catalog may only gain/update /AcroForm, /DSS, /Extensions, /Metadata and /Version after signing. @module */
import { asDict } from '../../../pdf/objects.js';
import { changedKeys } from '../equal.js';
import type { DiffRule, ModificationLevel } from '../types.js';
import { levelRank, verdict } from '../verdict.js';

const KEY_LEVEL: Readonly<Record<string, ModificationLevel>> = {
  DSS: 'lta', Extensions: 'lta', AcroForm: 'signing', Metadata: 'signing', Version: 'signing',
};

/** Catalog changes, key by key. @example `catalogRule.judge(change, ctx)` */
export const catalogRule: DiffRule = {
  name: 'catalog',
  judge: (change, ctx) => {
    if (change.num !== ctx.before.rootNum || change.kind !== 'modified') return undefined;
    const before = asDict(change.before); const after = asDict(change.after);
    if (!before || !after) return verdict('forbidden', 'the catalog was replaced', 'danh mục tài liệu (catalog) bị thay thế');
    const keys = changedKeys(before, after);
    const forbidden = keys.filter((k) => KEY_LEVEL[k] === undefined);
    if (forbidden.length > 0) {
      return verdict('forbidden', `catalog entries changed: /${forbidden.join(', /')}`, `thay đổi mục của catalog: /${forbidden.join(', /')}`);
    }
    // a direct AcroForm dictionary in the catalog is judged like an indirect one would be: only Fields may grow
    let level: ModificationLevel = 'none';
    for (const k of keys) if (levelRank(KEY_LEVEL[k]!) > levelRank(level)) level = KEY_LEVEL[k]!;
    return verdict(level, `catalog updated: /${keys.join(', /')}`, `cập nhật catalog: /${keys.join(', /')}`);
  },
};
