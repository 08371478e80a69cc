/**
 * Checks the declared titles of a year against the title table.
 * @module
 */
import { expectedTitles, meetsTitle, titleRulesFor, type TitleFacts, type TitleRule } from '../rules/titles.js';
import { error, pointer, warn, type ValidationContext } from './context.js';
import { readArray, checkString, type JsonObject } from './read.js';

/** Whether every fact a rule's criteria need is known. */
function knows(rule: TitleRule, facts: TitleFacts): boolean {
  const c = rule.criteria;
  return !((c.conductAtLeast && facts.conduct === undefined) || (c.learningAtLeast && facts.learning === undefined) ||
    (c.scoredAtOrAbove && facts.scoredYearAverages === undefined) || (c.legacyConductAtLeast && facts.legacyConduct === undefined) ||
    (c.legacyStandingAtLeast && facts.legacyStanding === undefined) || (c.primaryOverallIn && facts.primaryOverall === undefined) ||
    (c.legacyPrimaryCompleted && facts.legacyPrimaryCompleted === undefined));
}

/**
 * Validates `titles` of a year: each id known for the regime and year, its conditions met, no superseded pair;
 * warns when a sufficient title's conditions are met but it is not recorded.
 *
 * @example
 * ```ts
 * validateTitles(ctx, year, '/years/0', { regime: 'TT22_2021', year: 2024, conduct: 'TOT', learning: 'TOT' });
 * ```
 */
export function validateTitles(ctx: ValidationContext, o: JsonObject, path: string, facts: TitleFacts): void {
  const list = o['titles'] === undefined ? [] : readArray(ctx, o, 'titles', path, 10) ?? [];
  const rules = titleRulesFor(facts.regime, facts.year);
  const declared: string[] = [];
  list.forEach((t, i) => {
    const p = pointer(pointer(path, 'titles'), i);
    if (typeof t !== 'string') { error(ctx, 'WRONG_TYPE', p, { detail: 'expected a string', detailVi: 'cần chuỗi' }); return; }
    if (!checkString(ctx, t, p, { max: 64 })) return;
    const rule = rules.find((r) => r.id === t);
    if (!rule) { error(ctx, 'TITLE_UNKNOWN', p, { detail: t }); return; }
    if (declared.includes(t)) { error(ctx, 'DUPLICATE', p, { detail: t }); return; }
    declared.push(t);
    // Facts that could not be read were reported already: judge a title only on known facts.
    if (knows(rule, facts) && !meetsTitle(rule, facts)) error(ctx, 'TITLE_NOT_ELIGIBLE', p, { detail: `${t} (${rule.source})` });
  });
  for (const id of declared) {
    const rule = rules.find((r) => r.id === id);
    for (const lower of rule?.supersedes ?? []) {
      if (declared.includes(lower)) error(ctx, 'TITLE_SUPERSEDED', pointer(path, 'titles'), { detail: `${id} + ${lower}` });
    }
  }
  for (const id of expectedTitles(facts)) {
    if (!declared.includes(id)) warn(ctx, 'TITLE_MISSING', pointer(path, 'titles'), { computed: id });
  }
}
