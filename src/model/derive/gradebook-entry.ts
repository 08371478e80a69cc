/**
 * ĐTBmhk (or Đ/CĐ) of one gradebook entry, for filling in a gradebook before signing.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { GradebookEntry, Mark, PassFail, SubjectDef } from '../types.js';
import { formatScore, parseScore } from '../score.js';
import { regularCountRange } from '../rules/regular-count.js';
import { semesterAverage } from '../rules/average.js';
import { commentSemesterResult } from '../rules/comment-result.js';

/**
 * The semester result of an entry: ĐTBmhk for a scored subject, Đ/CĐ for a comment subject, or `undefined`
 * while a required mark is missing (no average with empty slots) or a mark is malformed. Throws `EdusignError`
 * `INVALID_ARGUMENT` when the entry or subject has the wrong shape.
 *
 * @example
 * ```ts
 * deriveEntryAverage({ regular: ['8', '9'], midterm: '7', final: '8.5' } as GradebookEntry,
 *   { slug: 'defence-security', nameVi: 'GDQP-AN', assessment: 'SCORE', periodsPerYear: 35 }); // "8.1"
 * ```
 */
export function deriveEntryAverage(entry: Pick<GradebookEntry, 'regular' | 'midterm' | 'final'>, subject: SubjectDef): Mark | PassFail | undefined {
  if (!Array.isArray(entry?.regular) || entry.regular.length > 100 || (subject?.assessment !== 'SCORE' && subject?.assessment !== 'COMMENT')) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'deriveEntryAverage: an entry with `regular` marks and a subject with its assessment kind are required',
      detailVi: 'deriveEntryAverage: cần bản ghi có mảng ĐĐGtx và môn học có hình thức đánh giá' });
  }
  const range = regularCountRange(subject.periodsPerYear, subject.assessment, subject.hasTopicCluster ? 1 : 0);
  if (range === undefined || entry.regular.length < range.min || entry.midterm === undefined || entry.final === undefined) return undefined;
  if (entry.regular.some((r) => r === null)) return undefined;
  const all = [...(entry.regular as (Mark | PassFail)[]), entry.midterm, entry.final];
  if (subject.assessment === 'COMMENT') {
    if (!all.every((v) => v === 'D' || v === 'CD')) return undefined;
    return commentSemesterResult(all as PassFail[]);
  }
  const tenths = all.map((v) => parseScore(v));
  if (tenths.some((t) => t === undefined)) return undefined;
  const t = tenths as number[];
  return formatScore(semesterAverage(t.slice(0, -2), t[t.length - 2]!, t[t.length - 1]!));
}
