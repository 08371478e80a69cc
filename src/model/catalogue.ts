/**
 * Subject catalogue of the general education programme CT GDPT 2018 (TT32/2018, amended by TT13/2022).
 * No MOET subject codes exist, so the slugs are ours and stable. Periods per year are [M] (DOMAIN.md §2):
 * the school's own education plan (kế hoạch giáo dục) prevails, records carry their own `periodsPerYear`.
 * @module
 */
import type { AssessmentKind, SchoolLevel, SubjectGroup } from './types.js';

/** How a subject is offered at one level. */
export interface SubjectOffering {
  level: SchoolLevel;
  /** Grades (inclusive range). */
  grades: readonly [number, number];
  /** Periods per year, one number or per grade (`{ 8: 52 }` overrides). */
  periodsPerYear: number;
  periodsByGrade?: Readonly<Record<number, number>>;
  assessment: AssessmentKind;
  group: SubjectGroup;
  /** THPT: the subject has cụm chuyên đề học tập. */
  topicClusters?: boolean;
  /** Primary: subject with periodic tests (bài kiểm tra định kì) in these grades. */
  testedFromGrade?: number;
  /** Part of a combined subject (THCS Âm nhạc and Mĩ thuật are parts of Nghệ thuật). */
  partOf?: string;
}

/** A catalogue subject. */
export interface CatalogueSubject {
  slug: string;
  nameVi: string;
  nameEn: string;
  offerings: readonly SubjectOffering[];
}

const c = (level: SchoolLevel, grades: readonly [number, number], periodsPerYear: number, assessment: AssessmentKind,
  group: SubjectGroup, extra: Partial<SubjectOffering> = {}): SubjectOffering => ({ level, grades, periodsPerYear, assessment, group, ...extra });

/** The catalogue. Primary subjects are assessed with levels (T/H/C), shown here as COMMENT. */
export const SUBJECT_CATALOGUE: readonly CatalogueSubject[] = [
  { slug: 'vietnamese', nameVi: 'Tiếng Việt', nameEn: 'Vietnamese', offerings: [c('TH', [1, 5], 350, 'COMMENT', 'BAT_BUOC', { periodsByGrade: { 1: 420, 3: 245, 4: 245, 5: 245 }, testedFromGrade: 1 })] },
  { slug: 'mathematics', nameVi: 'Toán', nameEn: 'Mathematics', offerings: [
    c('TH', [1, 5], 175, 'COMMENT', 'BAT_BUOC', { periodsByGrade: { 1: 105 }, testedFromGrade: 1 }),
    c('THCS', [6, 9], 140, 'SCORE', 'BAT_BUOC'),
    c('THPT', [10, 12], 105, 'SCORE', 'BAT_BUOC', { topicClusters: true }),
  ] },
  { slug: 'ethics', nameVi: 'Đạo đức', nameEn: 'Ethics', offerings: [c('TH', [1, 5], 35, 'COMMENT', 'BAT_BUOC')] },
  { slug: 'foreign-language-1', nameVi: 'Ngoại ngữ 1', nameEn: 'Foreign language 1', offerings: [
    c('TH', [1, 2], 70, 'COMMENT', 'TU_CHON'),
    c('TH', [3, 5], 140, 'COMMENT', 'BAT_BUOC', { testedFromGrade: 3 }),
    c('THCS', [6, 9], 105, 'SCORE', 'BAT_BUOC'),
    c('THPT', [10, 12], 105, 'SCORE', 'BAT_BUOC'),
  ] },
  { slug: 'nature-society', nameVi: 'Tự nhiên và Xã hội', nameEn: 'Nature and society', offerings: [c('TH', [1, 3], 70, 'COMMENT', 'BAT_BUOC')] },
  { slug: 'history-geography', nameVi: 'Lịch sử và Địa lí', nameEn: 'History and geography', offerings: [
    c('TH', [4, 5], 70, 'COMMENT', 'BAT_BUOC', { testedFromGrade: 4 }),
    c('THCS', [6, 9], 105, 'SCORE', 'BAT_BUOC'),
  ] },
  { slug: 'science', nameVi: 'Khoa học', nameEn: 'Science', offerings: [c('TH', [4, 5], 70, 'COMMENT', 'BAT_BUOC', { testedFromGrade: 4 })] },
  { slug: 'informatics-technology', nameVi: 'Tin học và Công nghệ', nameEn: 'Informatics and technology', offerings: [c('TH', [3, 5], 70, 'COMMENT', 'BAT_BUOC', { testedFromGrade: 3 })] },
  { slug: 'physical-education', nameVi: 'Giáo dục thể chất', nameEn: 'Physical education', offerings: [
    c('TH', [1, 5], 70, 'COMMENT', 'BAT_BUOC'),
    c('THCS', [6, 9], 70, 'COMMENT', 'BAT_BUOC'),
    c('THPT', [10, 12], 70, 'COMMENT', 'BAT_BUOC'),
  ] },
  { slug: 'arts', nameVi: 'Nghệ thuật', nameEn: 'Arts', offerings: [c('THCS', [6, 9], 70, 'COMMENT', 'BAT_BUOC')] },
  { slug: 'music', nameVi: 'Âm nhạc', nameEn: 'Music', offerings: [
    c('TH', [1, 5], 35, 'COMMENT', 'BAT_BUOC'),
    c('THCS', [6, 9], 35, 'COMMENT', 'BAT_BUOC', { partOf: 'arts' }),
    c('THPT', [10, 12], 70, 'COMMENT', 'LUA_CHON', { topicClusters: true }),
  ] },
  { slug: 'fine-arts', nameVi: 'Mĩ thuật', nameEn: 'Fine arts', offerings: [
    c('TH', [1, 5], 35, 'COMMENT', 'BAT_BUOC'),
    c('THCS', [6, 9], 35, 'COMMENT', 'BAT_BUOC', { partOf: 'arts' }),
    c('THPT', [10, 12], 70, 'COMMENT', 'LUA_CHON', { topicClusters: true }),
  ] },
  { slug: 'experiential-activities', nameVi: 'Hoạt động trải nghiệm', nameEn: 'Experiential activities', offerings: [c('TH', [1, 5], 105, 'COMMENT', 'BAT_BUOC')] },
  { slug: 'experiential-career', nameVi: 'Hoạt động trải nghiệm, hướng nghiệp', nameEn: 'Experiential and career-guidance activities', offerings: [
    c('THCS', [6, 9], 105, 'COMMENT', 'BAT_BUOC'),
    c('THPT', [10, 12], 105, 'COMMENT', 'BAT_BUOC'),
  ] },
  { slug: 'literature', nameVi: 'Ngữ văn', nameEn: 'Literature', offerings: [
    c('THCS', [6, 9], 140, 'SCORE', 'BAT_BUOC'),
    c('THPT', [10, 12], 105, 'SCORE', 'BAT_BUOC', { topicClusters: true }),
  ] },
  { slug: 'civic-education', nameVi: 'Giáo dục công dân', nameEn: 'Civic education', offerings: [c('THCS', [6, 9], 35, 'SCORE', 'BAT_BUOC')] },
  { slug: 'natural-sciences', nameVi: 'Khoa học tự nhiên', nameEn: 'Natural sciences', offerings: [c('THCS', [6, 9], 140, 'SCORE', 'BAT_BUOC')] },
  { slug: 'technology', nameVi: 'Công nghệ', nameEn: 'Technology', offerings: [
    c('THCS', [6, 9], 35, 'SCORE', 'BAT_BUOC', { periodsByGrade: { 8: 52, 9: 52 } }),
    c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true }),
  ] },
  { slug: 'informatics', nameVi: 'Tin học', nameEn: 'Informatics', offerings: [
    c('THCS', [6, 9], 35, 'SCORE', 'BAT_BUOC'),
    c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true }),
  ] },
  { slug: 'local-education', nameVi: 'Nội dung giáo dục của địa phương', nameEn: 'Local education content', offerings: [
    c('THCS', [6, 9], 35, 'COMMENT', 'BAT_BUOC'),
    c('THPT', [10, 12], 35, 'COMMENT', 'BAT_BUOC'),
  ] },
  { slug: 'history', nameVi: 'Lịch sử', nameEn: 'History', offerings: [c('THPT', [10, 12], 52, 'SCORE', 'BAT_BUOC', { topicClusters: true })] },
  { slug: 'defence-security', nameVi: 'Giáo dục quốc phòng và an ninh', nameEn: 'National defence and security education', offerings: [c('THPT', [10, 12], 35, 'SCORE', 'BAT_BUOC')] },
  { slug: 'geography', nameVi: 'Địa lí', nameEn: 'Geography', offerings: [c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true })] },
  { slug: 'economics-law', nameVi: 'Giáo dục kinh tế và pháp luật', nameEn: 'Economics and law education', offerings: [c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true })] },
  { slug: 'physics', nameVi: 'Vật lí', nameEn: 'Physics', offerings: [c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true })] },
  { slug: 'chemistry', nameVi: 'Hóa học', nameEn: 'Chemistry', offerings: [c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true })] },
  { slug: 'biology', nameVi: 'Sinh học', nameEn: 'Biology', offerings: [c('THPT', [10, 12], 70, 'SCORE', 'LUA_CHON', { topicClusters: true })] },
  { slug: 'ethnic-language', nameVi: 'Tiếng dân tộc thiểu số', nameEn: 'Ethnic minority language', offerings: [
    c('TH', [1, 5], 70, 'COMMENT', 'TU_CHON'),
    c('THCS', [6, 9], 105, 'SCORE', 'TU_CHON'),
    c('THPT', [10, 12], 105, 'SCORE', 'TU_CHON'),
  ] },
  { slug: 'foreign-language-2', nameVi: 'Ngoại ngữ 2', nameEn: 'Foreign language 2', offerings: [
    c('THCS', [6, 9], 105, 'SCORE', 'TU_CHON'),
    c('THPT', [10, 12], 105, 'SCORE', 'TU_CHON'),
  ] },
];

/** Number of THPT electives a student takes (CT GDPT 2018 as amended by TT13/2022). */
export const THPT_ELECTIVE_COUNT = 4;
/** Number of cụm chuyên đề học tập a THPT student takes. */
export const THPT_TOPIC_CLUSTER_COUNT = 3;

/**
 * The catalogue offering of a subject at a grade, if any.
 *
 * @example
 * ```ts
 * offeringOf('technology', 8)?.periodsPerYear; // 35 (see periodsOf for 52)
 * ```
 */
export function offeringOf(slug: string, grade: number, catalogue: readonly CatalogueSubject[] = SUBJECT_CATALOGUE): SubjectOffering | undefined {
  const subject = catalogue.find((s) => s.slug === slug);
  return subject?.offerings.find((o) => o.grades[0] <= grade && grade <= o.grades[1]);
}

/**
 * Periods per year of a catalogue offering at a grade.
 *
 * @example
 * ```ts
 * periodsOf(offeringOf('technology', 8)!, 8); // 52
 * ```
 */
export function periodsOf(offering: SubjectOffering, grade: number): number {
  return offering.periodsByGrade?.[grade] ?? offering.periodsPerYear;
}

/**
 * The compulsory subjects of a grade (slugs); a combined subject counts once (`arts`, not its parts).
 *
 * @example
 * ```ts
 * compulsorySubjects(10).includes('history'); // true
 * ```
 */
export function compulsorySubjects(grade: number, catalogue: readonly CatalogueSubject[] = SUBJECT_CATALOGUE): string[] {
  return catalogue.filter((s) => {
    const o = offeringOf(s.slug, grade, catalogue);
    return o !== undefined && o.group === 'BAT_BUOC' && o.partOf === undefined;
  }).map((s) => s.slug);
}
