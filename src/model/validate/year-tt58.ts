/**
 * Validation of a legacy THCS/THPT year under Circular 58/2011 (optionally amended by TT26/2020).
 * @module
 */
import type { LegacyConduct, LegacyStanding } from '../types.js';
import { formatScore } from '../score.js';
import { TT26_FROM_YEAR } from '../rules/regime.js';
import { legacyOverallAverage, legacyStanding, outcomeTt58, type LegacySubject } from '../rules/legacy.js';
import { OUTCOME_REASON_TEXT } from './messages.js';
import { error, pointer, type ValidationContext } from './context.js';
import { validateSubjectRows, type SubjectRow } from './subject-rows.js';
import { validateTitles } from './titles.js';
import { OUTCOMES, type YearContext } from './year-tt22.js';
import { checkResult, readEnum, readObject, type JsonObject, type ResultValue } from './read.js';

const CONDUCT: readonly LegacyConduct[] = ['T', 'K', 'TB', 'Y'];
const STANDING: readonly LegacyStanding[] = ['G', 'K', 'TB', 'Y', 'KEM'];
/** Core subjects of TT58 Art.13 (Toán, Ngữ văn); TT26/2020 is reported to add Ngoại ngữ [unsure]. */
const CORE_TT58 = ['mathematics', 'literature'];
const CORE_TT26 = ['mathematics', 'literature', 'foreign-language-1'];

function subjectsFor(rows: readonly SubjectRow[], pick: (r: SubjectRow) => ResultValue | undefined, core: readonly string[]): LegacySubject[] | undefined {
  const out: LegacySubject[] = [];
  for (const r of rows) {
    const v = pick(r);
    if (!v) return undefined;
    out.push(v.kind === 'SCORE' ? { kind: 'SCORE', tenths: v.tenths, core: core.includes(r.info.slug) } : { kind: 'COMMENT', result: v.result });
  }
  return out;
}

/**
 * Validates the TT58-specific members of a year record.
 *
 * @example
 * ```ts
 * validateTt58Year(ctx, yearObject, { path: '/years/0', grade: 10, year: 2019, absences: 0 });
 * ```
 */
export function validateTt58Year(ctx: ValidationContext, o: JsonObject, y: YearContext): void {
  const { path, grade } = y;
  const amended = o['amendedBy'] === undefined ? undefined : readEnum(ctx, o, 'amendedBy', path, ['TT26_2020']);
  if (y.year !== undefined) {
    const expected = y.year >= TT26_FROM_YEAR;
    if (expected !== (amended !== undefined)) {
      error(ctx, 'AMENDMENT_MISMATCH', pointer(path, 'amendedBy'), { declared: amended ?? '—', computed: expected ? 'TT26_2020' : '—' });
    }
  }
  const rows = validateSubjectRows(ctx, o, path, grade, false);
  const coreSets = amended ? [CORE_TT58, CORE_TT26] : [CORE_TT58];

  const cp = pointer(path, 'conduct');
  const co = o['conduct'] === undefined ? undefined : readObject(ctx, o['conduct'], cp, { required: ['hk1', 'hk2', 'year'], optional: ['afterSummer'] });
  let conduct: LegacyConduct | undefined;
  let conductAfter: LegacyConduct | undefined;
  if (co) {
    readEnum(ctx, co, 'hk1', cp, CONDUCT);
    readEnum(ctx, co, 'hk2', cp, CONDUCT);
    conduct = readEnum(ctx, co, 'year', cp, CONDUCT);
    if (co['afterSummer'] !== undefined) {
      conductAfter = readEnum(ctx, co, 'afterSummer', cp, CONDUCT);
      if (conduct !== undefined && conduct !== 'Y') error(ctx, 'AFTER_STEP_NOT_APPLICABLE', pointer(cp, 'afterSummer'));
    }
  }

  const sp = pointer(path, 'standing');
  const so = o['standing'] === undefined ? undefined : readObject(ctx, o['standing'], sp, { required: ['hk1', 'hk2', 'year', 'averageHk1', 'averageHk2', 'averageYear'], optional: ['afterReassess'] });
  let standing: LegacyStanding | undefined;
  let standingAfter: LegacyStanding | undefined;
  if (so) {
    const periods = [['hk1', 'averageHk1', (r: SubjectRow) => r.hk1], ['hk2', 'averageHk2', (r: SubjectRow) => r.hk2], ['year', 'averageYear', (r: SubjectRow) => r.year]] as const;
    for (const [levelKey, avgKey, pick] of periods) {
      const declaredLevel = readEnum(ctx, so, levelKey, sp, STANDING);
      if (levelKey === 'year') standing = declaredLevel;
      const avgRaw = so[avgKey];
      const avg = avgRaw === undefined ? undefined : checkResult(ctx, avgRaw, pointer(sp, avgKey), 'SCORE');
      const scored = rows.flatMap((r) => { const v = pick(r); return v?.kind === 'SCORE' ? [v.tenths] : []; });
      const computedAvg = rows.every((r) => pick(r) !== undefined) ? legacyOverallAverage(scored) : undefined;
      if (avg?.kind === 'SCORE' && computedAvg !== undefined && avg.tenths !== computedAvg) {
        error(ctx, 'AVERAGE_MISMATCH', pointer(sp, avgKey), { declared: avg.text, computed: formatScore(computedAvg) });
      }
      if (declaredLevel === undefined || avg?.kind !== 'SCORE') continue;
      const candidates = coreSets.flatMap((core) => {
        const subjects = subjectsFor(rows, pick, core);
        return subjects ? [legacyStanding(avg.tenths, subjects).standing] : [];
      });
      if (candidates.length > 0 && !candidates.includes(declaredLevel)) {
        error(ctx, 'STANDING_MISMATCH', pointer(sp, levelKey), { declared: declaredLevel, computed: candidates[0]! });
      }
    }
    if (so['afterReassess'] !== undefined) {
      standingAfter = readEnum(ctx, so, 'afterReassess', sp, STANDING);
      if (standing !== undefined && standing !== 'Y') error(ctx, 'AFTER_STEP_NOT_APPLICABLE', pointer(sp, 'afterReassess'));
    }
  }

  const outcome = readEnum(ctx, o, 'outcome', path, OUTCOMES);
  if (outcome && conduct && standing && y.absences !== undefined && grade !== undefined) {
    const input: Parameters<typeof outcomeTt58>[0] = { conduct, standing, absences: y.absences, finalGrade: grade === 9 || grade === 12 };
    if (conductAfter !== undefined) input.conductAfterSummer = conductAfter;
    if (standingAfter !== undefined) input.standingAfterReassess = standingAfter;
    const res = outcomeTt58(input);
    if (!res.accepted.includes(outcome)) error(ctx, 'OUTCOME_MISMATCH', pointer(path, 'outcome'), { declared: outcome, computed: res.outcome, detail: OUTCOME_REASON_TEXT[res.reason].en, detailVi: OUTCOME_REASON_TEXT[res.reason].vi });
  }

  if (y.year !== undefined) {
    const facts: Parameters<typeof validateTitles>[3] = { regime: 'TT58_2011', year: y.year };
    if (conduct) facts.legacyConduct = conduct;
    if (standing) facts.legacyStanding = standing;
    validateTitles(ctx, o, path, facts);
  }
}
