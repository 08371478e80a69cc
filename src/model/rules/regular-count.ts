/**
 * Number of regular assessments (ĐĐGtx) per semester.
 * @module
 */

/**
 * TT22/2021, regular assessment (Art.6; a public TT22 implementation cites Art.6.1.b — the clause number is
 * [M]): in a semester each subject (scored or comment) takes 2 ĐĐGtx if it has ≤35 periods/year, 3 if >35 and
 * ≤70, 4 if >70; each cụm chuyên đề học tập (THPT) adds one ĐĐGtx counted in its subject [M].
 * The same table applies to TT58 as amended by TT26/2020.
 *
 * @param periodsPerYear periods per year from the school's education plan
 * @param topicClusters number of chuyên đề clusters counted in this subject (0 or 1)
 * @returns the count, or `undefined` for a non-positive or non-integer period count
 * @example
 * ```ts
 * requiredRegularCount(35); // 2
 * requiredRegularCount(36); // 3
 * requiredRegularCount(105, 1); // 5
 * ```
 */
export function requiredRegularCount(periodsPerYear: number, topicClusters = 0): number | undefined {
  if (!Number.isInteger(periodsPerYear) || periodsPerYear <= 0) return undefined;
  if (!Number.isInteger(topicClusters) || topicClusters < 0) return undefined;
  const base = periodsPerYear <= 35 ? 2 : periodsPerYear <= 70 ? 3 : 4;
  return base + topicClusters;
}

/** Accepted number of ĐĐGtx in a semester: fewer than `min` is an error, more than `max` a warning. */
export interface RegularCountRange {
  min: number;
  max: number;
}

/**
 * The accepted ĐĐGtx count range of a subject. Scored subjects: exactly {@link requiredRegularCount}.
 * Comment-only subjects: the sources disagree [M] — DOMAIN.md notes 2 per semester, while the period table may
 * apply to every subject — so from 2 up to the table count is accepted (plus one per chuyên đề in both bounds).
 *
 * @example
 * ```ts
 * regularCountRange(70, 'SCORE'); // { min: 3, max: 3 }
 * regularCountRange(70, 'COMMENT'); // { min: 2, max: 3 }
 * ```
 */
export function regularCountRange(periodsPerYear: number, assessment: 'SCORE' | 'COMMENT', topicClusters = 0): RegularCountRange | undefined {
  const table = requiredRegularCount(periodsPerYear, topicClusters);
  if (table === undefined) return undefined;
  return assessment === 'SCORE' ? { min: table, max: table } : { min: Math.min(table, 2 + topicClusters), max: table };
}
