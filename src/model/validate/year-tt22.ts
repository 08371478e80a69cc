/**
 * Validation of a THCS/THPT year under Circular 22/2021: subjects, chuyên đề and electives, the recomputed
 * học tập and rèn luyện levels, outcome, titles.
 * @module
 */
import type { Level4, Outcome } from '../types.js';
import { compulsorySubjects, offeringOf } from '../catalogue.js';
import { conductYear } from '../rules/conduct-year.js';
import { learningLevel, type SubjectOutcome } from '../rules/learning-level.js';
import { outcomeTt22 } from '../rules/outcome.js';
import { checkThptChoices } from '../rules/thpt-choices.js';
import { OUTCOME_REASON_TEXT } from './messages.js';
import { error, pointer, warn, type ValidationContext } from './context.js';
import { validateSubjectRows, type SubjectRow } from './subject-rows.js';
import { validateTitles } from './titles.js';
import { checkString, readArray, readBoolean, readEnum, readObject, type JsonObject, type ResultValue } from './read.js';

const LEVELS: readonly Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];
/** Outcomes (all regimes). */
export const OUTCOMES: readonly Outcome[] = ['LEN_LOP', 'O_LAI_LOP', 'REN_LUYEN_HE', 'KIEM_TRA_LAI', 'HOAN_THANH_CT', 'CHUA_HOAN_THANH_CT'];

/** Facts of a year the caller needs (sequence checks). */
export interface YearContext {
  path: string;
  grade: number | undefined;
  year: number | undefined;
  absences: number | undefined;
}

function toOutcomes(rows: readonly SubjectRow[], pick: (r: SubjectRow) => ResultValue | undefined): SubjectOutcome[] | undefined {
  const out: SubjectOutcome[] = [];
  for (const r of rows) {
    const v = pick(r);
    if (!v) return undefined;
    out.push(v.kind === 'SCORE' ? { kind: 'SCORE', tenths: v.tenths } : { kind: 'COMMENT', result: v.result });
  }
  return out;
}

function checkCompulsory(ctx: ValidationContext, rows: readonly SubjectRow[], grade: number, path: string): void {
  const slugs = new Set(rows.map((r) => r.info.slug));
  for (const slug of compulsorySubjects(grade)) {
    if (slugs.has(slug)) continue;
    // A combined subject (THCS Nghệ thuật) may be recorded as its parts (Âm nhạc, Mĩ thuật).
    const parts = rows.filter((r) => offeringOf(r.info.slug, grade)?.partOf === slug);
    if (parts.length >= 2) continue;
    warn(ctx, 'SUBJECT_MISSING', pointer(path, 'subjects'), { detail: slug });
  }
}

function checkLevel(ctx: ValidationContext, declared: Level4 | undefined, computed: Level4, path: string): void {
  if (declared !== undefined && declared !== computed) error(ctx, 'LEARNING_LEVEL_MISMATCH', path, { declared, computed });
}

/**
 * Validates the TT22-specific members of a year record (`subjects`, `topicClusters`, `conduct`, `learning`,
 * `outcome`, `titles`).
 *
 * @example
 * ```ts
 * validateTt22Year(ctx, yearObject, { path: '/years/0', grade: 10, year: 2024, absences: 3 });
 * ```
 */
export function validateTt22Year(ctx: ValidationContext, o: JsonObject, y: YearContext): void {
  const { path, grade } = y;
  const rows = validateSubjectRows(ctx, o, path, grade, true);
  if (grade !== undefined) checkCompulsory(ctx, rows, grade, path);

  // THPT electives and chuyên đề (CT GDPT 2018)
  const thpt = grade !== undefined && grade >= 10;
  const tp = pointer(path, 'topicClusters');
  const clusters: string[] = [];
  if (o['topicClusters'] !== undefined) {
    if (!thpt) error(ctx, 'FIELD_NOT_APPLICABLE', tp);
    (readArray(ctx, o, 'topicClusters', path, 10) ?? []).forEach((c, i) => {
      if (typeof c === 'string' && checkString(ctx, c, pointer(tp, i), { max: 64 })) clusters.push(c);
      else if (typeof c !== 'string') error(ctx, 'WRONG_TYPE', pointer(tp, i), { detail: 'expected a string', detailVi: 'cần chuỗi' });
    });
  }
  if (thpt && grade !== undefined) {
    if (o['topicClusters'] === undefined) error(ctx, 'MISSING_FIELD', tp);
    for (const issue of checkThptChoices(grade, rows.map((r) => r.info.slug), clusters)) {
      if (issue.code === 'ELECTIVE_COUNT' || issue.code === 'TOPIC_CLUSTER_COUNT') {
        if (issue.code === 'TOPIC_CLUSTER_COUNT' && o['topicClusters'] === undefined) continue;
        error(ctx, issue.code, issue.code === 'ELECTIVE_COUNT' ? pointer(path, 'subjects') : tp, { declared: String(issue.declared), computed: String(issue.expected) });
      } else error(ctx, issue.code, tp, { detail: issue.slug });
    }
  }

  // Re-assessment only for CĐ subjects or ĐTBmcn < 5.0 (Art.14)
  for (const r of rows) {
    if (!r.reassessed || !r.year) continue;
    const eligible = r.year.kind === 'COMMENT' ? r.year.result === 'CD' : r.year.tenths < 50;
    if (!eligible) error(ctx, 'REASSESS_NOT_ELIGIBLE', pointer(r.path, 'reassessed'));
  }

  // Rèn luyện (Art.8)
  const cp = pointer(path, 'conduct');
  const co = o['conduct'] === undefined ? undefined : readObject(ctx, o['conduct'], cp, { required: ['hk1', 'hk2', 'year'], optional: ['afterSummer'] });
  let conductYearDeclared: Level4 | undefined;
  let conductAfter: Level4 | undefined;
  if (co) {
    const c1 = readEnum(ctx, co, 'hk1', cp, LEVELS);
    const c2 = readEnum(ctx, co, 'hk2', cp, LEVELS);
    conductYearDeclared = readEnum(ctx, co, 'year', cp, LEVELS);
    if (co['afterSummer'] !== undefined) conductAfter = readEnum(ctx, co, 'afterSummer', cp, LEVELS);
    if (c1 && c2 && conductYearDeclared) {
      const computed = conductYear(c1, c2);
      if (computed !== conductYearDeclared) error(ctx, 'CONDUCT_LEVEL_MISMATCH', pointer(cp, 'year'), { declared: conductYearDeclared, computed });
    }
    if (conductAfter !== undefined && conductYearDeclared !== undefined && conductYearDeclared !== 'CHUA_DAT') {
      error(ctx, 'AFTER_STEP_NOT_APPLICABLE', pointer(cp, 'afterSummer'));
    }
  }

  // Học tập (Art.9)
  const lp = pointer(path, 'learning');
  const lo = o['learning'] === undefined ? undefined : readObject(ctx, o['learning'], lp, { required: ['hk1', 'hk2', 'year'], optional: ['afterReassess', 'adjusted'] });
  let learningYearDeclared: Level4 | undefined;
  let learningAfter: Level4 | undefined;
  let scoredYear: number[] | undefined;
  if (lo) {
    const l1 = readEnum(ctx, lo, 'hk1', lp, LEVELS);
    const l2 = readEnum(ctx, lo, 'hk2', lp, LEVELS);
    learningYearDeclared = readEnum(ctx, lo, 'year', lp, LEVELS);
    if (lo['afterReassess'] !== undefined) learningAfter = readEnum(ctx, lo, 'afterReassess', lp, LEVELS);
    const adjustedDeclared = readBoolean(ctx, lo, 'adjusted', lp);
    const s1 = toOutcomes(rows, (r) => r.hk1);
    const s2 = toOutcomes(rows, (r) => r.hk2);
    const sy = toOutcomes(rows, (r) => r.year);
    if (s1) checkLevel(ctx, l1, learningLevel(s1).level, pointer(lp, 'hk1'));
    if (s2) checkLevel(ctx, l2, learningLevel(s2).level, pointer(lp, 'hk2'));
    if (sy) {
      const res = learningLevel(sy);
      checkLevel(ctx, learningYearDeclared, res.level, pointer(lp, 'year'));
      if (adjustedDeclared !== undefined && adjustedDeclared !== res.adjusted) {
        warn(ctx, 'LEARNING_ADJUSTED_FLAG', pointer(lp, 'adjusted'), { declared: String(adjustedDeclared), computed: String(res.adjusted) });
      }
      scoredYear = sy.flatMap((s) => (s.kind === 'SCORE' ? [s.tenths] : []));
    }
    if (learningAfter !== undefined) {
      if (learningYearDeclared !== undefined && learningYearDeclared !== 'CHUA_DAT') error(ctx, 'AFTER_STEP_NOT_APPLICABLE', pointer(lp, 'afterReassess'));
      const sr = toOutcomes(rows, (r) => r.reassessed ?? r.year);
      if (sr) checkLevel(ctx, learningAfter, learningLevel(sr).level, pointer(lp, 'afterReassess'));
    }
  }

  // Outcome (Arts 12–14)
  const outcome = readEnum(ctx, o, 'outcome', path, OUTCOMES);
  if (outcome && conductYearDeclared && learningYearDeclared && y.absences !== undefined && grade !== undefined) {
    const input: Parameters<typeof outcomeTt22>[0] = {
      conductYear: conductYearDeclared, learningYear: learningYearDeclared, absences: y.absences, finalGrade: grade === 9 || grade === 12,
    };
    if (conductAfter !== undefined) input.conductAfterSummer = conductAfter;
    if (learningAfter !== undefined) input.learningAfterReassess = learningAfter;
    const res = outcomeTt22(input);
    if (!res.accepted.includes(outcome)) error(ctx, 'OUTCOME_MISMATCH', pointer(path, 'outcome'), { declared: outcome, computed: res.outcome, detail: OUTCOME_REASON_TEXT[res.reason].en, detailVi: OUTCOME_REASON_TEXT[res.reason].vi });
  }

  // Titles (Art.15, data-driven)
  if (y.year !== undefined) {
    const facts: Parameters<typeof validateTitles>[3] = { regime: 'TT22_2021', year: y.year };
    if (scoredYear) facts.scoredYearAverages = scoredYear;
    if (conductYearDeclared) facts.conduct = conductYearDeclared;
    if (learningYearDeclared) facts.learning = learningYearDeclared;
    validateTitles(ctx, o, path, facts);
  }
}
