/**
 * Học tập level of a semester or a year under TT22/2021 (Art.9.2 and the adjustment of Art.9.3).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Level4, PassFail, Tenths } from '../types.js';
import { assertTenths } from '../score.js';
import { level4Rank, LEVEL4_ORDER } from './level4.js';

/** One subject's semester or year result: a scored average in tenths, or Đ/CĐ. */
export type SubjectOutcome = { kind: 'SCORE'; tenths: Tenths } | { kind: 'COMMENT'; result: PassFail };

/** The thresholds of Art.9.2, data so a later amendment is a new object. */
export interface LearningThresholds {
  /** Number of scored subjects required at the level's "many subjects" threshold (6). */
  minSubjects: number;
  tot: { floor: Tenths; many: Tenths };
  kha: { floor: Tenths; many: Tenths };
  dat: { floor: Tenths; many: Tenths; maxCommentFails: number };
}

/** TT22/2021 Art.9.2 [V]. */
export const TT22_LEARNING_THRESHOLDS: LearningThresholds = {
  minSubjects: 6,
  tot: { floor: 65, many: 80 },
  kha: { floor: 50, many: 65 },
  dat: { floor: 35, many: 50, maxCommentFails: 1 },
};

/** Result of {@link learningLevel}. */
export interface LearningLevelResult {
  /** The level after the Art.9.3 adjustment. */
  level: Level4;
  /** The level by Art.9.2 alone. */
  unadjusted: Level4;
  /** Whether Art.9.3 raised the level. */
  adjusted: boolean;
  /** The level the student would have had but for one subject (when adjusted). */
  wouldBe?: Level4;
}

/** Whether `subjects` meet `level`, ignoring the per-subject floor conditions for the subject at `skip`. */
function meets(level: Level4, subjects: readonly SubjectOutcome[], t: LearningThresholds, skip: number): boolean {
  if (level === 'CHUA_DAT') return true;
  const rule = level === 'TOT' ? t.tot : level === 'KHA' ? t.kha : t.dat;
  const maxFails = level === 'DAT' ? t.dat.maxCommentFails : 0;
  let commentFails = 0;
  let many = 0;
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i]!;
    if (s.kind === 'COMMENT') {
      if (s.result !== 'D' && i !== skip) commentFails++;
    } else {
      if (s.tenths >= rule.many) many++;
      if (s.tenths < rule.floor && i !== skip) return false;
    }
  }
  return commentFails <= maxFails && many >= t.minSubjects;
}

/**
 * Học tập level, TT22/2021 Art.9.2 [V] with the adjustment of Art.9.3 [M]. (DOMAIN.md numbers the clauses 9.2/9.3;
 * a public TT22 implementation cites the levels as Art.9.3: the table is the same.)
 *
 * Art.9.2 (ĐTBmhk for a semester, ĐTBmcn for the year):
 * - Tốt: every comment subject Đ; every scored subject ≥6.5 and at least 6 scored subjects ≥8.0.
 * - Khá: every comment subject Đ; every scored subject ≥5.0 and at least 6 scored subjects ≥6.5.
 * - Đạt: at most one comment subject CĐ; at least 6 scored subjects ≥5.0 and none <3.5.
 * - Chưa đạt: otherwise.
 *
 * Art.9.3: if the level is two or more steps lower than it would be "because of one subject only", it is
 * raised to the adjacent level. Interpretation [I]: the would-be level is the best level whose conditions all
 * hold when the per-subject floor conditions (every comment subject Đ / every score ≥ floor / none < 3.5 /
 * at most one CĐ) are waived for a single subject; the count conditions ("≥6 subjects ≥ x") are not waived.
 *
 * @example
 * ```ts
 * const s = (t: number) => ({ kind: 'SCORE' as const, tenths: t });
 * learningLevel([s(90), s(90), s(90), s(90), s(90), s(90), s(30)]).level; // 'DAT' (Chưa đạt raised: Tốt but for one subject)
 * ```
 */
export function learningLevel(subjects: readonly SubjectOutcome[], thresholds: LearningThresholds = TT22_LEARNING_THRESHOLDS): LearningLevelResult {
  if (!Array.isArray(subjects) || subjects.length > 200) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'learningLevel: at most 200 subjects', detailVi: 'learningLevel: tối đa 200 môn' });
  }
  for (const s of subjects) {
    if (s?.kind === 'SCORE') assertTenths(s.tenths, 'learningLevel');
    else if (!(s?.kind === 'COMMENT' && (s.result === 'D' || s.result === 'CD'))) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'learningLevel: each subject is a SCORE in tenths or a COMMENT D/CD', detailVi: 'learningLevel: mỗi môn là điểm (phần mười) hoặc nhận xét Đ/CĐ' });
    }
  }
  const unadjusted = LEVEL4_ORDER.find((l) => meets(l, subjects, thresholds, -1)) ?? 'CHUA_DAT';
  let wouldBe: Level4 = unadjusted;
  for (const level of LEVEL4_ORDER) {
    if (level4Rank(level) <= level4Rank(unadjusted)) break;
    let found = false;
    for (let i = 0; i < subjects.length && !found; i++) found = meets(level, subjects, thresholds, i);
    if (found) { wouldBe = level; break; }
  }
  if (level4Rank(wouldBe) - level4Rank(unadjusted) >= 2) {
    const raised = LEVEL4_ORDER[LEVEL4_ORDER.indexOf(unadjusted) - 1]!;
    return { level: raised, unadjusted, adjusted: true, wouldBe };
  }
  return { level: unadjusted, unadjusted, adjusted: false };
}
