/**
 * THPT electives and learning-topic clusters (CT GDPT 2018, TT32/2018 as amended by TT13/2022).
 * @module
 */
import { offeringOf, SUBJECT_CATALOGUE, THPT_ELECTIVE_COUNT, THPT_TOPIC_CLUSTER_COUNT, type CatalogueSubject } from '../catalogue.js';

/** A problem found by {@link checkThptChoices}. */
export type ThptChoiceIssue =
  | { code: 'ELECTIVE_COUNT'; declared: number; expected: number }
  | { code: 'TOPIC_CLUSTER_COUNT'; declared: number; expected: number }
  | { code: 'TOPIC_CLUSTER_DUPLICATE'; slug: string }
  | { code: 'TOPIC_CLUSTER_NOT_TAKEN'; slug: string }
  | { code: 'TOPIC_CLUSTER_NOT_OFFERED'; slug: string };

/**
 * Checks a THPT year's subject choices [M]: exactly 4 electives from the 9 (Địa lí, GDKT&PL, Vật lí, Hóa học,
 * Sinh học, Công nghệ, Tin học, Âm nhạc, Mĩ thuật) and exactly 3 distinct cụm chuyên đề, each belonging to a
 * subject the student takes and that has chuyên đề in the catalogue.
 *
 * @param subjectSlugs the slugs of the year's subjects
 * @param topicClusters the slugs whose chuyên đề the student takes
 * @example
 * ```ts
 * checkThptChoices(10, ['literature', 'physics'], []).map((i) => i.code); // ['ELECTIVE_COUNT', 'TOPIC_CLUSTER_COUNT']
 * ```
 */
export function checkThptChoices(grade: number, subjectSlugs: readonly string[], topicClusters: readonly string[],
  catalogue: readonly CatalogueSubject[] = SUBJECT_CATALOGUE): ThptChoiceIssue[] {
  const issues: ThptChoiceIssue[] = [];
  const electives = new Set(subjectSlugs.filter((s) => offeringOf(s, grade, catalogue)?.group === 'LUA_CHON'));
  if (electives.size !== THPT_ELECTIVE_COUNT) issues.push({ code: 'ELECTIVE_COUNT', declared: electives.size, expected: THPT_ELECTIVE_COUNT });
  if (topicClusters.length !== THPT_TOPIC_CLUSTER_COUNT) {
    issues.push({ code: 'TOPIC_CLUSTER_COUNT', declared: topicClusters.length, expected: THPT_TOPIC_CLUSTER_COUNT });
  }
  const seen = new Set<string>();
  const taken = new Set(subjectSlugs);
  for (const slug of topicClusters) {
    if (seen.has(slug)) { issues.push({ code: 'TOPIC_CLUSTER_DUPLICATE', slug }); continue; }
    seen.add(slug);
    if (!taken.has(slug)) issues.push({ code: 'TOPIC_CLUSTER_NOT_TAKEN', slug });
    else if (offeringOf(slug, grade, catalogue)?.topicClusters !== true) issues.push({ code: 'TOPIC_CLUSTER_NOT_OFFERED', slug });
  }
  return issues;
}
