/**
 * Validates the subject rows of a TT22 or TT58 year: each row's marks or Đ/CĐ, the year value recomputed
 * from the semesters, and the teacher who signs the row.
 * @module
 */
import type { AssessmentKind } from '../types.js';
import { formatScore } from '../score.js';
import { yearAverage } from '../rules/average.js';
import { commentYearResult } from '../rules/comment-result.js';
import { error, pointer, type ValidationContext } from './context.js';
import { validateSigner, validateSubjectDef, type SubjectInfo } from './common.js';
import { readArray, readObject, readResult, readString, type JsonObject, type ResultValue } from './read.js';

/** A validated subject row. */
export interface SubjectRow {
  info: SubjectInfo;
  path: string;
  hk1?: ResultValue;
  hk2?: ResultValue;
  year?: ResultValue;
  reassessed?: ResultValue;
}

const show = (r: ResultValue): string => (r.kind === 'SCORE' ? r.text : r.result);

/**
 * Reads `subjects` of a TT22/TT58 year. Rows whose subject definition is unusable are skipped (reported).
 *
 * @example
 * ```ts
 * const rows = validateSubjectRows(ctx, year, '/years/0', 10, true);
 * ```
 */
export function validateSubjectRows(ctx: ValidationContext, o: JsonObject, path: string, grade: number | undefined, catalogueCheck: boolean): SubjectRow[] {
  const list = readArray(ctx, o, 'subjects', path, 60) ?? [];
  const rows: SubjectRow[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const p = pointer(pointer(path, 'subjects'), i);
    const ro = readObject(ctx, item, p, { required: ['subject', 'teacher'], optional: ['hk1', 'hk2', 'year', 'reassessed', 'teacherComment'] });
    if (!ro) return;
    validateSigner(ctx, ro['teacher'], pointer(p, 'teacher'), ['GV_BO_MON']);
    readString(ctx, ro, 'teacherComment', p);
    const info = validateSubjectDef(ctx, ro['subject'], pointer(p, 'subject'), grade, catalogueCheck);
    const kind: AssessmentKind | undefined = info?.assessment;
    const row: Omit<SubjectRow, 'info'> = { path: p };
    for (const k of ['hk1', 'hk2', 'year', 'reassessed'] as const) {
      const r = readResult(ctx, ro, k, p, kind);
      if (r) row[k] = r;
    }
    if (!info) return;
    if (seen.has(info.slug)) { error(ctx, 'DUPLICATE', pointer(pointer(p, 'subject'), 'slug'), { detail: info.slug }); return; }
    seen.add(info.slug);
    for (const k of ['hk1', 'hk2', 'year'] as const) {
      if (ro[k] === undefined) error(ctx, 'RESULT_MISSING', pointer(p, k));
    }
    const { hk1, hk2, year } = row;
    if (hk1 && hk2 && year) {
      if (hk1.kind === 'SCORE' && hk2.kind === 'SCORE' && year.kind === 'SCORE') {
        const computed = yearAverage(hk1.tenths, hk2.tenths);
        if (computed !== year.tenths) error(ctx, 'AVERAGE_MISMATCH', pointer(p, 'year'), { declared: show(year), computed: formatScore(computed) });
      } else if (hk1.kind === 'COMMENT' && hk2.kind === 'COMMENT' && year.kind === 'COMMENT') {
        const computed = commentYearResult(hk1.result, hk2.result);
        if (computed !== year.result) error(ctx, 'COMMENT_RESULT_MISMATCH', pointer(p, 'year'), { declared: year.result, computed });
      }
    }
    rows.push({ info, ...row });
  });
  return rows;
}
