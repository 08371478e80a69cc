/**
 * Validation of one school-year record: the members common to every regime, the regime against the roadmap,
 * then the regime's own members. Members of another regime are rejected.
 * @module
 */
import type { Outcome, Regime, SchoolLevel } from '../types.js';
import { levelOfGrade, regimeFor } from '../rules/regime.js';
import { error, pointer, warn, type ValidationContext } from './context.js';
import { validateCorrections, validateSchool, validateSigner } from './common.js';
import { validateTt22Year, type YearContext } from './year-tt22.js';
import { validateTt58Year } from './year-tt58.js';
import { validatePrimaryYear } from './year-primary.js';
import { readEnum, readInt, readObject, readSchoolYear, readString } from './read.js';

const BASE_REQUIRED = ['regime', 'schoolYear', 'grade', 'className', 'school', 'absences', 'homeroomComment', 'homeroom', 'principal'];
const BASE_OPTIONAL = ['titles', 'seal', 'corrections'];
const REGIME_MEMBERS: Record<Regime, { required: string[]; optional: string[] }> = {
  TT22_2021: { required: ['subjects', 'conduct', 'learning', 'outcome'], optional: ['topicClusters'] },
  TT27_2020: { required: ['subjects', 'qualities', 'competencies', 'overall', 'outcome'], optional: [] },
  TT30_2014: { required: ['subjects', 'qualities', 'competencies', 'overall', 'outcome'], optional: [] },
  TT58_2011: { required: ['subjects', 'conduct', 'standing', 'outcome'], optional: ['amendedBy'] },
};
const ALL_REGIME_MEMBERS = [...new Set(Object.values(REGIME_MEMBERS).flatMap((m) => [...m.required, ...m.optional]))];
const REGIMES = Object.keys(REGIME_MEMBERS) as Regime[];

/** What the transcript validator needs to know of a year. */
export interface YearSummary {
  /** The school year as written. */
  schoolYear?: string;
  year?: number;
  grade?: number;
  outcome?: Outcome;
}

/**
 * Validates one element of `years`.
 *
 * @param level the transcript's school level (grades must belong to it), if known
 * @example
 * ```ts
 * validateYear(ctx, transcript.years[0], '/years/0', 'THPT');
 * ```
 */
export function validateYear(ctx: ValidationContext, value: unknown, path: string, level: SchoolLevel | undefined): YearSummary {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    readObject(ctx, value, path, { required: [] });
    return {};
  }
  const regimeRaw = (value as Record<string, unknown>)['regime'];
  const regime = typeof regimeRaw === 'string' && (REGIMES as string[]).includes(regimeRaw) ? regimeRaw as Regime : undefined;
  const own = regime ? REGIME_MEMBERS[regime] : { required: [], optional: ALL_REGIME_MEMBERS };
  const o = readObject(ctx, value, path, {
    required: [...BASE_REQUIRED, ...own.required],
    optional: [...BASE_OPTIONAL, ...own.optional],
    otherRegime: ALL_REGIME_MEMBERS,
  });
  if (!o) return {};
  if (regime === undefined) readEnum(ctx, o, 'regime', path, REGIMES);

  const sy = readSchoolYear(ctx, o, 'schoolYear', path);
  const grade = readInt(ctx, o, 'grade', path, 1, 12);
  if (grade !== undefined && level !== undefined && levelOfGrade(grade) !== level) {
    error(ctx, 'GRADE_OUT_OF_LEVEL', pointer(path, 'grade'), { declared: String(grade), computed: level });
  }
  if (sy && grade !== undefined && regime) {
    const expected = regimeFor(sy.text, grade);
    if (expected === undefined) warn(ctx, 'REGIME_UNKNOWN_FOR_YEAR', pointer(path, 'regime'), { declared: regime });
    else if (expected !== regime) error(ctx, 'REGIME_MISMATCH', pointer(path, 'regime'), { declared: regime, computed: expected });
  }
  readString(ctx, o, 'className', path, { max: 50 });
  validateSchool(ctx, o['school'], pointer(path, 'school'));
  const schoolLevel = typeof o['school'] === 'object' && o['school'] !== null ? (o['school'] as Record<string, unknown>)['level'] : undefined;
  if (level !== undefined && (schoolLevel === 'TH' || schoolLevel === 'THCS' || schoolLevel === 'THPT') && schoolLevel !== level) {
    warn(ctx, 'SCHOOL_LEVEL_MISMATCH', pointer(pointer(path, 'school'), 'level'), { declared: schoolLevel, computed: level });
  }
  readString(ctx, o, 'homeroomComment', path, { allowEmpty: true });

  // Who signs the year: every subject row (GV_BO_MON, in the regime validators), GVCN, the principal (or an
  // authorised deputy) and optionally the school's seal.
  validateSigner(ctx, o['homeroom'], pointer(path, 'homeroom'), ['GVCN']);
  validateSigner(ctx, o['principal'], pointer(path, 'principal'), ['HIEU_TRUONG', 'PHO_HIEU_TRUONG_UQ']);
  if (o['seal'] !== undefined) validateSigner(ctx, o['seal'], pointer(path, 'seal'), ['DON_VI_CON_DAU']);
  validateCorrections(ctx, o, path);

  const ap = pointer(path, 'absences');
  let absences: number | undefined;
  const ao = o['absences'] === undefined ? undefined : readObject(ctx, o['absences'], ap, { required: ['excused', 'unexcused'] });
  if (ao) {
    const e = readInt(ctx, ao, 'excused', ap, 0, 400);
    const u = readInt(ctx, ao, 'unexcused', ap, 0, 400);
    if (e !== undefined && u !== undefined) absences = e + u;
  }

  const y: YearContext = { path, grade, year: sy?.year, absences };
  if (regime === 'TT22_2021') validateTt22Year(ctx, o, y);
  else if (regime === 'TT58_2011') validateTt58Year(ctx, o, y);
  else if (regime === 'TT27_2020' || regime === 'TT30_2014') validatePrimaryYear(ctx, o, y, regime);

  const summary: YearSummary = {};
  if (sy) { summary.year = sy.year; summary.schoolYear = sy.text; }
  if (grade !== undefined) summary.grade = grade;
  const outcome = o['outcome'];
  if (typeof outcome === 'string') summary.outcome = outcome as Outcome;
  return summary;
}
