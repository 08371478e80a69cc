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
