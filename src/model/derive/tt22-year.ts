/**
 * Fills in the derived members of a TT22 year from the inputs a school enters (for building records before
 * signing; validation never corrects a record).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Level4, Mark, Outcome, PassFail, Tt22YearRecord } from '../types.js';
import { formatScore, parseScore } from '../score.js';
import { parseSchoolYear } from '../rules/regime.js';
import { yearAverage } from '../rules/average.js';
import { commentYearResult } from '../rules/comment-result.js';
import { conductYear } from '../rules/conduct-year.js';
import { learningLevel, type SubjectOutcome } from '../rules/learning-level.js';
import { outcomeTt22 } from '../rules/outcome.js';
import { expectedTitles } from '../rules/titles.js';

/** What {@link deriveTt22Year} needs: the year with its semester results and judgements. */
export type Tt22YearInput = Pick<Tt22YearRecord, 'schoolYear' | 'grade' | 'absences'> & {
  subjects: readonly Pick<Tt22YearRecord['subjects'][number], 'subject' | 'hk1' | 'hk2'>[];
  conduct: { hk1: Level4; hk2: Level4 };
};

/** The derived members of a TT22 year. */
export interface Tt22YearDerived {
  /** ĐTBmcn (or Đ/CĐ) per subject, in the input order. */
  subjectYears: (Mark | PassFail)[];
  conduct: { hk1: Level4; hk2: Level4; year: Level4 };
  learning: { hk1: Level4; hk2: Level4; year: Level4; adjusted: boolean };
  outcome: Outcome;
  /** Titles the student meets (empty when the title rules are uncertain for that year). */
  titles: string[];
}

function outcomeOf(v: Mark | PassFail | undefined, kind: 'SCORE' | 'COMMENT', where: string): SubjectOutcome {
  if (kind === 'COMMENT' && (v === 'D' || v === 'CD')) return { kind: 'COMMENT', result: v };
  const t = kind === 'SCORE' && v !== undefined ? parseScore(v) : undefined;
  if (t === undefined) throw new EdusignError('INVALID_ARGUMENT', { detail: `${where}: missing or invalid result`, detailVi: `${where}: thiếu hoặc sai kết quả` });
  return { kind: 'SCORE', tenths: t };
}

/**
 * Computes ĐTBmcn / Đ-CĐ of each subject, the học tập levels (with Art.9.3), the year rèn luyện level, the
 * outcome before any summer training or re-assessment, and the titles, from HKI/HKII results, semester conduct
 * judgements and absences. Throws `EdusignError` `INVALID_ARGUMENT` when a result is missing or malformed.
 *
 * @example
 * ```ts
 * const d = deriveTt22Year({ schoolYear: '2024-2025', grade: 10, absences: { excused: 1, unexcused: 0 },
 *   conduct: { hk1: 'TOT', hk2: 'TOT' }, subjects: rows });
 * d.learning.year; // e.g. 'KHA'
 * ```
 */
export function deriveTt22Year(input: Tt22YearInput): Tt22YearDerived {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.subjects) || typeof input.conduct !== 'object' || input.conduct === null ||
    typeof input.absences !== 'object' || input.absences === null) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'deriveTt22Year: subjects, conduct and absences are required', detailVi: 'deriveTt22Year: cần subjects, conduct và absences' });
  }
  const s1: SubjectOutcome[] = [];
  const s2: SubjectOutcome[] = [];
  const sy: SubjectOutcome[] = [];
  const subjectYears: (Mark | PassFail)[] = [];
  input.subjects.forEach((row, i) => {
    const kind = row?.subject?.assessment;
    if (kind !== 'SCORE' && kind !== 'COMMENT') {
      throw new EdusignError('INVALID_ARGUMENT', { detail: `subjects[${i}].subject.assessment must be SCORE or COMMENT`, detailVi: `subjects[${i}].subject.assessment phải là SCORE hoặc COMMENT` });
    }
    const a = outcomeOf(row.hk1, kind, `subjects[${i}].hk1`);
    const b = outcomeOf(row.hk2, kind, `subjects[${i}].hk2`);
    s1.push(a); s2.push(b);
    if (a.kind === 'SCORE' && b.kind === 'SCORE') {
      const t = yearAverage(a.tenths, b.tenths);
      sy.push({ kind: 'SCORE', tenths: t }); subjectYears.push(formatScore(t));
    } else if (a.kind === 'COMMENT' && b.kind === 'COMMENT') {
      const r = commentYearResult(a.result, b.result);
      sy.push({ kind: 'COMMENT', result: r }); subjectYears.push(r);
    }
  });
  const year = learningLevel(sy);
  const conduct = { hk1: input.conduct.hk1, hk2: input.conduct.hk2, year: conductYear(input.conduct.hk1, input.conduct.hk2) };
  const learning = { hk1: learningLevel(s1).level, hk2: learningLevel(s2).level, year: year.level, adjusted: year.adjusted };
  const finalGrade = input.grade === 9 || input.grade === 12;
  const { excused, unexcused } = input.absences;
  if (!Number.isSafeInteger(excused) || !Number.isSafeInteger(unexcused) || excused < 0 || unexcused < 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'absences must be non-negative integers', detailVi: 'số buổi nghỉ phải là số nguyên không âm' });
  }
  const outcome = outcomeTt22({ conductYear: conduct.year, learningYear: learning.year, absences: excused + unexcused, finalGrade }).outcome;
  const firstYear = parseSchoolYear(input.schoolYear);
  const titles = firstYear === undefined ? [] : expectedTitles({
    regime: 'TT22_2021', year: firstYear, conduct: conduct.year, learning: learning.year,
    scoredYearAverages: sy.flatMap((s) => (s.kind === 'SCORE' ? [s.tenths] : [])),
  });
  return { subjectYears, conduct, learning, outcome, titles };
}
