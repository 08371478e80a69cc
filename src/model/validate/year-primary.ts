/**
 * Validation of a primary year: Circular 27/2020 (and the legacy Circular 30/2014 + TT22/2016).
 * @module
 */
import type { Outcome, PrimaryOverall, PrimarySubjectLevel, PrimaryTraitLevel } from '../types.js';
import { compulsorySubjects, offeringOf } from '../catalogue.js';
import { primaryCompletionTt30, primaryOverall } from '../rules/primary-overall.js';
import { error, pointer, warn, type ValidationContext } from './context.js';
import { validateSigner, validateSubjectDef } from './common.js';
import { validateTitles } from './titles.js';
import { OUTCOMES, type YearContext } from './year-tt22.js';
import { checkEnum, readArray, readEnum, readObject, readString, type JsonObject } from './read.js';

const SUBJECT_LEVELS: readonly PrimarySubjectLevel[] = ['T', 'H', 'C'];
const TRAIT_LEVELS: readonly PrimaryTraitLevel[] = ['T', 'D', 'C'];
/** TT27 qualities (phẩm chất chủ yếu). */
export const TT27_QUALITIES = ['yeu-nuoc', 'nhan-ai', 'cham-chi', 'trung-thuc', 'trach-nhiem'] as const;
/** TT27 general competencies (năng lực chung), required. */
export const TT27_GENERAL_COMPETENCIES = ['tu-chu-tu-hoc', 'giao-tiep-hop-tac', 'gqvd-sang-tao'] as const;
/** TT27 specific competencies (năng lực đặc thù), recorded as taught. */
export const TT27_SPECIFIC_COMPETENCIES = ['ngon-ngu', 'tinh-toan', 'khoa-hoc', 'cong-nghe', 'tin-hoc', 'tham-mi', 'the-chat'] as const;

function readTestScore(ctx: ValidationContext, o: JsonObject, path: string): number | undefined {
  const v = o['testScore'];
  if (v === undefined) return undefined;
  const p = pointer(path, 'testScore');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 10) { error(ctx, 'INVALID_TEST_SCORE', p); return undefined; }
  return v;
}

function readTraits(ctx: ValidationContext, o: JsonObject, key: string, path: string, required: readonly string[], known: readonly string[] | undefined): PrimaryTraitLevel[] {
  const p = pointer(path, key);
  const v = o[key];
  if (v === undefined) return [];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) { error(ctx, 'WRONG_TYPE', p, { detail: 'expected an object', detailVi: 'cần đối tượng' }); return []; }
  const to = v as JsonObject;
  const keys = Object.keys(to);
  if (keys.length > 50) error(ctx, 'ARRAY_TOO_LONG', p, { detail: `${keys.length} > 50` });
  const levels: PrimaryTraitLevel[] = [];
  for (const k of keys.slice(0, 50)) {
    if (k.length > 64) { error(ctx, 'KEY_TOO_LONG', p); continue; }
    if (known && !known.includes(k)) warn(ctx, 'TRAIT_UNKNOWN', pointer(p, k));
    const level = checkEnum(ctx, to[k], pointer(p, k), TRAIT_LEVELS);
    if (level) levels.push(level);
  }
  for (const k of required) if (!keys.includes(k)) error(ctx, 'TRAIT_MISSING', pointer(p, k));
  return levels;
}

/**
 * Validates the primary-specific members of a TT27 or TT30 year (`subjects`, `qualities`, `competencies`,
 * `overall`, `outcome`, `titles`).
 *
 * @example
 * ```ts
 * validatePrimaryYear(ctx, yearObject, { path: '/years/0', grade: 3, year: 2022, absences: 1 }, 'TT27_2020');
 * ```
 */
export function validatePrimaryYear(ctx: ValidationContext, o: JsonObject, y: YearContext, regime: 'TT27_2020' | 'TT30_2014'): void {
  const { path, grade } = y;
  const tt27 = regime === 'TT27_2020';
  const subjectLevels: PrimarySubjectLevel[] = [];
  const testScores: number[] = [];
  let complete = true;
  const seen = new Set<string>();
  (readArray(ctx, o, 'subjects', path, 40) ?? []).forEach((item, i) => {
    const p = pointer(pointer(path, 'subjects'), i);
    const ro = readObject(ctx, item, p, { required: ['subject', 'level', 'teacher'], optional: ['testScore', 'hk1', 'teacherComment'] });
    if (!ro) { complete = false; return; }
    validateSigner(ctx, ro['teacher'], pointer(p, 'teacher'), ['GV_BO_MON', 'GVCN']);
    readString(ctx, ro, 'teacherComment', p);
    const info = validateSubjectDef(ctx, ro['subject'], pointer(p, 'subject'), grade, tt27);
    const level = readEnum(ctx, ro, 'level', p, SUBJECT_LEVELS);
    const score = readTestScore(ctx, ro, p);
    if (ro['hk1'] !== undefined) {
      const hp = pointer(p, 'hk1');
      const ho = readObject(ctx, ro['hk1'], hp, { required: ['level'], optional: ['testScore'] });
      if (ho) { readEnum(ctx, ho, 'level', hp, SUBJECT_LEVELS); readTestScore(ctx, ho, hp); }
    }
    if (level) subjectLevels.push(level); else complete = false;
    if (score !== undefined) testScores.push(score);
    if (!info) return;
    if (seen.has(info.slug)) error(ctx, 'DUPLICATE', pointer(pointer(p, 'subject'), 'slug'), { detail: info.slug });
    seen.add(info.slug);
    if (tt27 && grade !== undefined) {
      const tested = (offeringOf(info.slug, grade)?.testedFromGrade ?? 99) <= grade;
      if (tested && score === undefined && ro['testScore'] === undefined) { error(ctx, 'TEST_SCORE_MISSING', pointer(p, 'testScore')); complete = false; }
      if (!tested && score !== undefined && !info.slug.startsWith('x-')) warn(ctx, 'TEST_SCORE_UNEXPECTED', pointer(p, 'testScore'));
    }
  });
  if (tt27 && grade !== undefined) {
    for (const slug of compulsorySubjects(grade)) if (!seen.has(slug)) warn(ctx, 'SUBJECT_MISSING', pointer(path, 'subjects'), { detail: slug });
  }

  const qualities = readTraits(ctx, o, 'qualities', path, tt27 ? TT27_QUALITIES : [], tt27 ? TT27_QUALITIES : undefined);
  const competencies = readTraits(ctx, o, 'competencies', path, tt27 ? TT27_GENERAL_COMPETENCIES : [],
    tt27 ? [...TT27_GENERAL_COMPETENCIES, ...TT27_SPECIFIC_COMPETENCIES] : undefined);
  const input = { subjectLevels, traitLevels: [...qualities, ...competencies], testScores };

  const finalGrade = grade === 5;
  const outcome = readEnum(ctx, o, 'outcome', path, OUTCOMES);
  let passed: boolean | undefined;
  let overall: PrimaryOverall | undefined;
  if (tt27) {
    overall = readEnum(ctx, o, 'overall', path, ['HTXS', 'HTT', 'HT', 'CHT']);
    if (overall && complete) {
      const computed = primaryOverall(input);
      if (computed !== overall) error(ctx, 'OVERALL_MISMATCH', pointer(path, 'overall'), { declared: overall, computed });
    }
    if (overall) passed = overall !== 'CHT';
  } else {
    const declared = readEnum(ctx, o, 'overall', path, ['HOAN_THANH', 'CHUA_HOAN_THANH']);
    if (declared && complete) {
      const computed = primaryCompletionTt30(input);
      if (computed !== declared) error(ctx, 'OVERALL_MISMATCH', pointer(path, 'overall'), { declared, computed });
    }
    if (declared) passed = declared === 'HOAN_THANH';
  }
  const legacyCompleted = tt27 ? undefined : passed;
  if (outcome && passed !== undefined) {
    // TT27 Art.11 / TT30 Art.14 [M]: not completed → supplementary assessment pending, or retained.
    const accepted: readonly Outcome[] = passed ? (finalGrade ? ['HOAN_THANH_CT', 'LEN_LOP'] : ['LEN_LOP']) : (finalGrade ? ['CHUA_HOAN_THANH_CT', 'O_LAI_LOP', 'KIEM_TRA_LAI'] : ['O_LAI_LOP', 'KIEM_TRA_LAI']);
    if (!accepted.includes(outcome)) error(ctx, 'OUTCOME_MISMATCH', pointer(path, 'outcome'), { declared: outcome, computed: accepted[0]! });
  }
  if (y.year !== undefined) {
    const facts: Parameters<typeof validateTitles>[3] = { regime, year: y.year };
    if (overall) facts.primaryOverall = overall;
    if (legacyCompleted !== undefined) facts.legacyPrimaryCompleted = legacyCompleted;
    validateTitles(ctx, o, path, facts);
  }
}
