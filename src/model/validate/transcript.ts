/**
 * `validateTranscript`: structural and rule validation of a học bạ given as unknown JSON.
 * @module
 */
import type { SchoolLevel, ValidationResult } from '../types.js';
import { createContext, error, pointer, warn, DEFAULT_LIMITS, type ValidationLimits } from './context.js';
import { ID_LIMIT, validateSchool, validateStudent } from './common.js';
import { validateYear, type YearSummary } from './year.js';
import { isIsoDate, shortValue, readArray, readDate, readEnum, readInt, readObject, readSchoolYear, readString } from './read.js';

/**
 * Validates a transcript (học bạ) given as any JSON value. Recomputes every derived value (ĐTBmcn, học tập and
 * rèn luyện levels with the Art.9.3 adjustment, TT58 học lực and averages, TT27 overall, outcome, titles) and
 * reports each disagreement with both values; never corrects the record. Also checks the regime against the
 * roadmap, members of another regime, the personal ID, the subjects (catalogue, THPT electives and chuyên đề)
 * and who must sign each year (every subject teacher, GVCN, principal).
 *
 * Never throws for a wrong value; throws an `EdusignError` `INPUT_TOO_LARGE` only for absurd array sizes
 * (more than a million items). Time is bounded: unknown members are reported, never walked.
 *
 * @example
 * ```ts
 * const r = validateTranscript(JSON.parse(text));
 * if (!r.ok) for (const e of r.errors) console.log(e.path, e.messageVi);
 * ```
 */
export function validateTranscript(value: unknown, limits: ValidationLimits = DEFAULT_LIMITS): ValidationResult {
  const ctx = createContext(limits);
  const o = readObject(ctx, value, '', {
    required: ['kind', 'schemaVersion', 'id', 'level', 'student', 'enrollmentHistory', 'years', 'version'],
  });
  if (o) {
    if (o['kind'] !== undefined && o['kind'] !== 'transcript') error(ctx, 'KIND_MISMATCH', '/kind', { declared: shortValue(o['kind']), computed: 'transcript' });
    if (o['schemaVersion'] !== undefined && o['schemaVersion'] !== 1) error(ctx, 'SCHEMA_VERSION_UNSUPPORTED', '/schemaVersion');
    readString(ctx, o, 'id', '', ID_LIMIT);
    const level = readEnum<SchoolLevel>(ctx, o, 'level', '', ['TH', 'THCS', 'THPT']);
    readInt(ctx, o, 'version', '', 1, 1_000_000);
    validateStudent(ctx, o['student'], '/student');
    const enrolled = new Set<string>();
    (readArray(ctx, o, 'enrollmentHistory', '', 30) ?? []).forEach((row, i) => {
      const p = pointer('/enrollmentHistory', i);
      const ro = readObject(ctx, row, p, { required: ['schoolYear', 'className', 'school'], optional: ['enrolledOn', 'registryNo'] });
      if (!ro) return;
      const sy = readSchoolYear(ctx, ro, 'schoolYear', p);
      if (sy) enrolled.add(sy.text);
      readString(ctx, ro, 'className', p, { max: 50 });
      validateSchool(ctx, ro['school'], pointer(p, 'school'));
      readDate(ctx, ro, 'enrolledOn', p);
      readString(ctx, ro, 'registryNo', p, ID_LIMIT);
    });
    const years = readArray(ctx, o, 'years', '', 20) ?? [];
    const summaries: YearSummary[] = years.map((y, i) => validateYear(ctx, y, pointer('/years', i), level));
    checkSequence(ctx, summaries);
    summaries.forEach((y, i) => {
      if (y.schoolYear !== undefined && !enrolled.has(y.schoolYear)) warn(ctx, 'ENROLLMENT_MISSING', pointer(pointer('/years', i), 'schoolYear'), { detail: y.schoolYear });
    });
    checkAges(ctx, o['student'], summaries);
  }
  return { ok: ctx.errors.length === 0, errors: ctx.errors, warnings: ctx.warnings };
}

/**
 * Age plausibility [M] (Charter of secondary schools TT32/2020 Art.33; primary Charter TT28/2020 Art.33): a student
 * enters grade 1 in the calendar year of turning 6, so the usual age is grade + 5 (school-year start minus birth
 * year). Students may be older (repeating, late entry, ethnic minorities, disabilities, return from abroad) and,
 * exceptionally, younger; outside [−1, +3] years this is only a warning, usually a typo in a date or a grade.
 */
function checkAges(ctx: Parameters<typeof error>[0], student: unknown, years: readonly YearSummary[]): void {
  const dob = typeof student === 'object' && student !== null ? (student as Record<string, unknown>)['dateOfBirth'] : undefined;
  if (typeof dob !== 'string' || !isIsoDate(dob)) return;
  const birthYear = Number(dob.slice(0, 4));
  years.forEach((y, i) => {
    if (y.year === undefined || y.grade === undefined) return;
    const age = y.year - birthYear;
    const usual = y.grade + 5;
    if (age < usual - 1 || age > usual + 3) {
      warn(ctx, 'AGE_UNUSUAL', pointer(pointer('/years', i), 'grade'), { declared: String(age), computed: String(usual) });
    }
  });
}

/** Years in strictly increasing order; a promoted student's next grade is one higher, a retained one's the same. */
function checkSequence(ctx: Parameters<typeof error>[0], years: readonly YearSummary[]): void {
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1]!;
    const cur = years[i]!;
    if (prev.year !== undefined && cur.year !== undefined && cur.year <= prev.year) {
      error(ctx, 'YEARS_NOT_CHRONOLOGICAL', pointer(pointer('/years', i), 'schoolYear'));
      continue;
    }
    if (prev.grade === undefined || cur.grade === undefined || prev.outcome === undefined) continue;
    const expected = prev.outcome === 'LEN_LOP' ? prev.grade + 1 : prev.outcome === 'O_LAI_LOP' ? prev.grade : undefined;
    if (expected !== undefined && cur.grade !== expected) {
      warn(ctx, 'GRADE_SEQUENCE', pointer(pointer('/years', i), 'grade'), { declared: String(cur.grade), computed: String(expected) });
    }
  }
}
