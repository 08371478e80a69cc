/**
 * `validateGradebook`: validation of a class gradebook (sổ theo dõi và đánh giá học sinh) given as unknown JSON.
 * @module
 */
import type { ValidationResult } from '../types.js';
import { formatScore } from '../score.js';
import { regimeFor, TT26_FROM_YEAR } from '../rules/regime.js';
import { regularCountRange } from '../rules/regular-count.js';
import { semesterAverage, yearAverage } from '../rules/average.js';
import { commentSemesterResult, commentSemesterResultTt58, commentYearResult } from '../rules/comment-result.js';
import { createContext, error, pointer, warn, DEFAULT_LIMITS, type ValidationContext, type ValidationLimits } from './context.js';
import { ID_LIMIT, NAME_LIMIT, SIGNER_ROLES, validateSchool, validateSigner, validateSubjectDef, type SubjectInfo } from './common.js';
import {
  checkResult, readArray, readDate, readDateTime, readEnum, readInt, readObject, readResult, readSchoolYear, readString,
  type JsonObject, type ResultValue,
  shortValue,
} from './read.js';

const show = (r: ResultValue): string => (r.kind === 'SCORE' ? r.text : r.result);
const key = (student: string, subject: string): string => `${student}\u0000${subject}`;

/** Semester average of one entry: declared and recomputed (when every mark is present). */
interface SemesterAverage { declared?: ResultValue; computed?: ResultValue }

function computeEntryAverage(info: SubjectInfo, regular: readonly (ResultValue | null)[], gk: ResultValue | undefined, ck: ResultValue | undefined): ResultValue | undefined {
  if (!gk || !ck || regular.some((r) => r === null)) return undefined;
  const marks = regular as readonly ResultValue[];
  if (info.assessment === 'SCORE') {
    const tx = marks.flatMap((r) => (r.kind === 'SCORE' ? [r.tenths] : []));
    if (tx.length !== marks.length || gk.kind !== 'SCORE' || ck.kind !== 'SCORE') return undefined;
    const t = semesterAverage(tx, gk.tenths, ck.tenths);
    return { kind: 'SCORE', tenths: t, text: formatScore(t) };
  }
  const all = [...marks, gk, ck].map((r) => (r.kind === 'COMMENT' ? r.result : undefined));
  return { kind: 'COMMENT', result: commentSemesterResult(all) };
}

function validateEntry(ctx: ValidationContext, value: unknown, p: string, subjects: ReadonlyMap<string, SubjectInfo>,
  students: ReadonlySet<string>, regime: string | undefined): { student: string; subject: string; semester: 1 | 2; average: SemesterAverage; updatedAt?: number } | undefined {
  const o = readObject(ctx, value, p, {
    required: ['studentId', 'subjectSlug', 'semester', 'regular', 'enteredBy', 'updatedAt'],
    optional: ['midterm', 'final', 'makeUps', 'average', 'teacherComment'],
  });
  if (!o) return undefined;
  const student = readString(ctx, o, 'studentId', p, ID_LIMIT);
  const subject = readString(ctx, o, 'subjectSlug', p, { max: 64 });
  const semesterRaw = readInt(ctx, o, 'semester', p, 1, 2);
  validateSigner(ctx, o['enteredBy'], pointer(p, 'enteredBy'), ['GV_BO_MON', 'GVCN']);
  const updatedAt = readDateTime(ctx, o, 'updatedAt', p);
  readString(ctx, o, 'teacherComment', p);
  if (student !== undefined && !students.has(student)) error(ctx, 'UNKNOWN_STUDENT', pointer(p, 'studentId'), { detail: student.slice(0, 64) });
  const info = subject === undefined ? undefined : subjects.get(subject);
  if (subject !== undefined && !info) error(ctx, 'UNKNOWN_SUBJECT', pointer(p, 'subjectSlug'), { detail: subject });
  const kind = info?.assessment;

  const rp = pointer(p, 'regular');
  const regular: (ResultValue | null)[] = [];
  const regularList = readArray(ctx, o, 'regular', p, 20);
  let regularOk = regularList !== undefined;
  (regularList ?? []).forEach((v, i) => {
    if (v === null) { regular.push(null); return; }
    const r = checkResult(ctx, v, pointer(rp, i), kind);
    if (r) regular.push(r); else regularOk = false;
  });
  const gk = readResult(ctx, o, 'midterm', p, kind);
  const ck = readResult(ctx, o, 'final', p, kind);
  const declared = readResult(ctx, o, 'average', p, kind);
  const bad = (k: string): boolean => o[k] !== undefined && o[k] !== null && !(k === 'midterm' ? gk : ck);

  if (o['makeUps'] !== undefined) {
    (readArray(ctx, o, 'makeUps', p, 20) ?? []).forEach((m, i) => {
      const mp = pointer(pointer(p, 'makeUps'), i);
      const mo = readObject(ctx, m, mp, { required: ['kind', 'date'], optional: ['index'] });
      if (!mo) return;
      const mk = readEnum(ctx, mo, 'kind', mp, ['TX', 'GK', 'CK']);
      readDate(ctx, mo, 'date', mp);
      const idx = mo['index'] === undefined ? undefined : readInt(ctx, mo, 'index', mp, 0, 19);
      if (mk === 'TX' && (idx === undefined || idx >= regular.length)) error(ctx, 'MAKEUP_INVALID', mp);
      if (mk !== undefined && mk !== 'TX' && mo['index'] !== undefined) error(ctx, 'FIELD_NOT_APPLICABLE', pointer(mp, 'index'));
    });
  }

  const average: SemesterAverage = {};
  if (declared) average.declared = declared;
  if (!info || semesterRaw === undefined || student === undefined || subject === undefined) return undefined;
  const range = regularCountRange(info.periodsPerYear, info.assessment, info.hasTopicCluster ? 1 : 0);
  if (range !== undefined && regularOk) {
    const expected = range.min === range.max ? String(range.min) : `${range.min}..${range.max}`;
    if (regular.length < range.min) error(ctx, 'REGULAR_COUNT_SHORT', rp, { declared: String(regular.length), computed: expected });
    else if (regular.length > range.max) warn(ctx, 'REGULAR_COUNT_EXTRA', rp, { declared: String(regular.length), computed: expected });
  }
  const complete = regularOk && range !== undefined && regular.length >= range.min && !bad('midterm') && !bad('final');
  const computed = complete ? computeEntryAverage(info, regular, gk, ck) : undefined;
  // TT58 (+TT26) books may use the TT58 comment rule [M]: a declared result matching it is accepted too.
  const alternative = complete && regime === 'TT58_2011' && info.assessment === 'COMMENT' && gk && ck
    ? commentSemesterResultTt58([...regular, gk, ck].map((r) => (r?.kind === 'COMMENT' ? r.result : undefined))) : undefined;
  if (computed) average.computed = computed;
  const ap = pointer(p, 'average');
  if (declared && !computed && regularOk && !bad('midterm') && !bad('final')) {
    error(ctx, 'AVERAGE_WITH_MISSING_MARKS', ap, { declared: show(declared) });
  } else if (declared && computed && show(declared) !== show(computed)) {
    const same = (declared.kind === 'SCORE' && computed.kind === 'SCORE' && declared.tenths === computed.tenths) ||
      (declared.kind === 'COMMENT' && declared.result === alternative);
    if (!same) error(ctx, declared.kind === 'SCORE' ? 'AVERAGE_MISMATCH' : 'COMMENT_RESULT_MISMATCH', ap, { declared: show(declared), computed: show(computed) });
  } else if (!declared && computed) {
    warn(ctx, 'AVERAGE_NOT_ENTERED', ap, { computed: show(computed) });
  }
  const result: { student: string; subject: string; semester: 1 | 2; average: SemesterAverage; updatedAt?: number } =
    { student, subject, semester: semesterRaw as 1 | 2, average };
  if (updatedAt !== undefined) result.updatedAt = Date.parse(updatedAt);
  return result;
}

/**
 * Validates a class gradebook given as any JSON value: the class list, the subjects (catalogue, periods per
 * year), each entry's ĐĐGtx count (TT22 Art.6) and marks, the recomputed ĐTBmhk (Art.9) and ĐTBmcn or Đ/CĐ,
 * re-assessment eligibility (Art.14), duplicate and missing entries, and who entered the marks.
 * Declared values that differ from the recomputation are reported with both values, never corrected.
 *
 * Never throws for a wrong value; throws an `EdusignError` `INPUT_TOO_LARGE` only for absurd array sizes.
 *
 * @example
 * ```ts
 * const r = validateGradebook(JSON.parse(text));
 * console.log(r.ok, r.errors.length, r.warnings.length);
 * ```
 */
export function validateGradebook(value: unknown, limits: ValidationLimits = DEFAULT_LIMITS): ValidationResult {
  const ctx = createContext(limits);
  const o = readObject(ctx, value, '', {
    required: ['kind', 'schemaVersion', 'id', 'regime', 'schoolYear', 'grade', 'school', 'className', 'homeroom', 'subjects', 'students', 'entries', 'version'],
    optional: ['yearResults', 'locks'],
  });
  if (!o) return { ok: false, errors: ctx.errors, warnings: ctx.warnings };
  if (o['kind'] !== undefined && o['kind'] !== 'gradebook') error(ctx, 'KIND_MISMATCH', '/kind', { declared: shortValue(o['kind']), computed: 'gradebook' });
  if (o['schemaVersion'] !== undefined && o['schemaVersion'] !== 1) error(ctx, 'SCHEMA_VERSION_UNSUPPORTED', '/schemaVersion');
  readString(ctx, o, 'id', '', ID_LIMIT);
  readInt(ctx, o, 'version', '', 1, 1_000_000);
  const regime = readEnum(ctx, o, 'regime', '', ['TT22_2021', 'TT58_2011', 'TT27_2020', 'TT30_2014']);
  if (regime === 'TT27_2020' || regime === 'TT30_2014') error(ctx, 'REGIME_NOT_SUPPORTED', '/regime', { declared: regime });
  const sy = readSchoolYear(ctx, o, 'schoolYear', '');
  const grade = readInt(ctx, o, 'grade', '', 6, 12);
  if (sy && grade !== undefined && regime) {
    const expected = regimeFor(sy.text, grade);
    if (expected === undefined) warn(ctx, 'REGIME_UNKNOWN_FOR_YEAR', '/regime', { declared: regime });
    else if (expected !== regime) error(ctx, 'REGIME_MISMATCH', '/regime', { declared: regime, computed: expected });
  }
  if (regime === 'TT58_2011' && sy && sy.year < TT26_FROM_YEAR) {
    // Before TT26/2020 the TT58 marks were miệng/15'/1 tiết/học kỳ: not modelled.
    error(ctx, 'REGIME_NOT_SUPPORTED', '/schoolYear', { detail: 'TT58 gradebooks before TT26/2020', detailVi: 'sổ điểm TT58 trước TT26/2020' });
  }
  validateSchool(ctx, o['school'], '/school');
  readString(ctx, o, 'className', '', { max: 50 });
  validateSigner(ctx, o['homeroom'], '/homeroom', ['GVCN']);

  const subjects = new Map<string, SubjectInfo>();
  (readArray(ctx, o, 'subjects', '', 60) ?? []).forEach((s, i) => {
    const info = validateSubjectDef(ctx, s, pointer('/subjects', i), grade, regime === 'TT22_2021');
    if (!info) return;
    if (info.hasTopicCluster && regime !== 'TT22_2021') error(ctx, 'FIELD_NOT_APPLICABLE', pointer(pointer('/subjects', i), 'hasTopicCluster'));
    if (subjects.has(info.slug)) error(ctx, 'DUPLICATE', pointer(pointer('/subjects', i), 'slug'), { detail: info.slug });
    else subjects.set(info.slug, info);
  });

  const students = new Set<string>();
  (readArray(ctx, o, 'students', '', 200) ?? []).forEach((s, i) => {
    const p = pointer('/students', i);
    const so = readObject(ctx, s, p, { required: ['id', 'fullName'], optional: ['sex', 'dateOfBirth', 'moetStudentId'] });
    if (!so) return;
    const id = readString(ctx, so, 'id', p, ID_LIMIT);
    readString(ctx, so, 'fullName', p, NAME_LIMIT);
    if (so['sex'] !== undefined) readEnum(ctx, so, 'sex', p, ['NAM', 'NU']);
    readDate(ctx, so, 'dateOfBirth', p);
    readString(ctx, so, 'moetStudentId', p, ID_LIMIT);
    if (id === undefined) return;
    if (students.has(id)) error(ctx, 'DUPLICATE', pointer(p, 'id'), { detail: id.slice(0, 64) });
    students.add(id);
  });

  const semesters = new Map<string, [SemesterAverage | undefined, SemesterAverage | undefined]>();
  const updates: { path: string; semester: 1 | 2; at: number }[] = [];
  (readArray(ctx, o, 'entries', '', 200 * 60 * 2) ?? []).forEach((e, i) => {
    const p = pointer('/entries', i);
    const r = validateEntry(ctx, e, p, subjects, students, regime);
    if (!r) return;
    if (r.updatedAt !== undefined) updates.push({ path: p, semester: r.semester, at: r.updatedAt });
    const k = key(r.student, r.subject);
    const pair = semesters.get(k) ?? [undefined, undefined];
    if (pair[r.semester - 1]) { error(ctx, 'DUPLICATE', p, { detail: `${r.student.slice(0, 64)} / ${r.subject} / HK${r.semester}` }); return; }
    pair[r.semester - 1] = r.average;
    semesters.set(k, pair);
  });
  reportMissingEntries(ctx, students, subjects, semesters);
  validateYearResults(ctx, o, subjects, students, semesters);

  if (o['locks'] !== undefined) {
    (readArray(ctx, o, 'locks', '', 10) ?? []).forEach((l, i) => {
      const p = pointer('/locks', i);
      const lo = readObject(ctx, l, p, { required: ['scope', 'by', 'at'] });
      if (!lo) return;
      const scope = readEnum(ctx, lo, 'scope', p, ['HK1', 'HK2', 'YEAR']);
      validateSigner(ctx, lo['by'], pointer(p, 'by'), SIGNER_ROLES);
      const at = readDateTime(ctx, lo, 'at', p);
      if (scope === undefined || at === undefined) return;
      // Marks of a locked semester (khóa sổ) must not change after the lock.
      const lockedAt = Date.parse(at);
      let listed = 0;
      for (const u of updates) {
        if ((scope === 'YEAR' || (scope === 'HK1') === (u.semester === 1)) && u.at > lockedAt && listed++ < MISSING_LISTED) {
          error(ctx, 'CHANGED_AFTER_LOCK', pointer(u.path, 'updatedAt'), { detail: `${scope} ${at}` });
        }
      }
    });
  }
  return { ok: ctx.errors.length === 0, errors: ctx.errors, warnings: ctx.warnings };
}

const MISSING_LISTED = 20;

function reportMissingEntries(ctx: ValidationContext, students: ReadonlySet<string>, subjects: ReadonlyMap<string, SubjectInfo>,
  semesters: ReadonlyMap<string, [SemesterAverage | undefined, SemesterAverage | undefined]>): void {
  let missing = 0;
  for (const s of students) {
    for (const subject of subjects.keys()) {
      const pair = semesters.get(key(s, subject));
      for (const sem of [1, 2] as const) {
        if (pair?.[sem - 1]) continue;
        missing++;
        if (missing <= MISSING_LISTED) warn(ctx, 'ENTRY_MISSING', '/entries', { detail: `${s.slice(0, 64)} / ${subject} / HK${sem}` });
      }
    }
  }
  if (missing > MISSING_LISTED) warn(ctx, 'ENTRY_MISSING', '/entries', { detail: `${missing - MISSING_LISTED} more`, detailVi: `còn ${missing - MISSING_LISTED} mục khác` });
}

function validateYearResults(ctx: ValidationContext, o: JsonObject, subjects: ReadonlyMap<string, SubjectInfo>, students: ReadonlySet<string>,
  semesters: ReadonlyMap<string, [SemesterAverage | undefined, SemesterAverage | undefined]>): void {
  if (o['yearResults'] === undefined) return;
  const seen = new Set<string>();
  (readArray(ctx, o, 'yearResults', '', 200 * 60) ?? []).forEach((y, i) => {
    const p = pointer('/yearResults', i);
    const yo = readObject(ctx, y, p, { required: ['studentId', 'subjectSlug', 'average'], optional: ['reassessed'] });
    if (!yo) return;
    const student = readString(ctx, yo, 'studentId', p, ID_LIMIT);
    const subject = readString(ctx, yo, 'subjectSlug', p, { max: 64 });
    if (student !== undefined && !students.has(student)) error(ctx, 'UNKNOWN_STUDENT', pointer(p, 'studentId'), { detail: student.slice(0, 64) });
    const info = subject === undefined ? undefined : subjects.get(subject);
    if (subject !== undefined && !info) error(ctx, 'UNKNOWN_SUBJECT', pointer(p, 'subjectSlug'), { detail: subject });
    const declared = readResult(ctx, yo, 'average', p, info?.assessment);
    const reassessed = readResult(ctx, yo, 'reassessed', p, info?.assessment);
    if (student === undefined || subject === undefined || !info) return;
    const k = key(student, subject);
    if (seen.has(k)) { error(ctx, 'DUPLICATE', p, { detail: `${student.slice(0, 64)} / ${subject}` }); return; }
    seen.add(k);
    if (reassessed && declared) {
      const eligible = declared.kind === 'COMMENT' ? declared.result === 'CD' : declared.tenths < 50;
      if (!eligible) error(ctx, 'REASSESS_NOT_ELIGIBLE', pointer(p, 'reassessed'));
    }
    const pair = semesters.get(k);
    const hk1 = pair?.[0]?.declared ?? pair?.[0]?.computed;
    const hk2 = pair?.[1]?.declared ?? pair?.[1]?.computed;
    if (!declared) return;
    if (!hk1 || !hk2) { error(ctx, 'AVERAGE_WITH_MISSING_MARKS', pointer(p, 'average'), { declared: show(declared) }); return; }
    if (hk1.kind === 'SCORE' && hk2.kind === 'SCORE' && declared.kind === 'SCORE') {
      const computed = yearAverage(hk1.tenths, hk2.tenths);
      if (computed !== declared.tenths) error(ctx, 'AVERAGE_MISMATCH', pointer(p, 'average'), { declared: declared.text, computed: formatScore(computed) });
    } else if (hk1.kind === 'COMMENT' && hk2.kind === 'COMMENT' && declared.kind === 'COMMENT') {
      const computed = commentYearResult(hk1.result, hk2.result);
      if (computed !== declared.result) error(ctx, 'COMMENT_RESULT_MISMATCH', pointer(p, 'average'), { declared: declared.result, computed });
    }
  });
  // A year result is expected wherever both semesters are complete (listed up to MISSING_LISTED).
  let missing = 0;
  for (const [k, pair] of semesters) {
    if (seen.has(k) || !(pair[0]?.declared ?? pair[0]?.computed) || !(pair[1]?.declared ?? pair[1]?.computed)) continue;
    if (++missing <= MISSING_LISTED) warn(ctx, 'YEAR_RESULT_MISSING', '/yearResults', { detail: k.replace('\u0000', ' / ').slice(0, 140) });
  }
  if (missing > MISSING_LISTED) warn(ctx, 'YEAR_RESULT_MISSING', '/yearResults', { detail: `${missing - MISSING_LISTED} more`, detailVi: `còn ${missing - MISSING_LISTED} mục khác` });
}
