/**
 * Validators of the parts shared by transcripts and gradebooks: school, signer, student, subject definition.
 * @module
 */
import type { AssessmentKind, SignerRole, SubjectGroup } from '../types.js';
import { checkPersonalId } from '../rules/personal-id.js';
import { offeringOf, periodsOf } from '../catalogue.js';
import { error, pointer, warn, type ValidationContext } from './context.js';
import { resolvePointer } from './resolve-pointer.js';
import { readArray, readBoolean, readDate, readDateTime, readEnum, readInt, readObject, readString, type JsonObject } from './read.js';

/** Limits shared with the JSON Schema / XSD of the encode layer: identifiers 200, names 300, text 10 000. */
export const ID_LIMIT = { max: 200 };
/** Names of people, schools, subjects, places. */
export const NAME_LIMIT = { max: 300 };
const ID = ID_LIMIT;
const NAME = NAME_LIMIT;

/** Roles, for enumeration checks. */
export const SIGNER_ROLES: readonly SignerRole[] = ['GV_BO_MON', 'GVCN', 'HIEU_TRUONG', 'PHO_HIEU_TRUONG_UQ', 'DON_VI_CON_DAU', 'SO_GDDT'];

/**
 * Validates a School.
 *
 * @example
 * ```ts
 * validateSchool(ctx, value, '/years/0/school');
 * ```
 */
export function validateSchool(ctx: ValidationContext, value: unknown, path: string): void {
  if (value === undefined) return; // a missing member was reported by its parent
  const o = readObject(ctx, value, path, { required: ['id', 'name', 'level', 'ownership', 'codes', 'addressAsOf', 'departmentName'] });
  if (!o) return;
  readString(ctx, o, 'id', path, ID);
  readString(ctx, o, 'name', path, NAME);
  readEnum(ctx, o, 'level', path, ['TH', 'THCS', 'THPT', 'LIEN_CAP', 'GDTX']);
  readEnum(ctx, o, 'ownership', path, ['CONG_LAP', 'NGOAI_CONG_LAP']);
  readString(ctx, o, 'departmentName', path, NAME);
  const codes = readArray(ctx, o, 'codes', path, 50);
  codes?.forEach((c, i) => {
    const p = pointer(pointer(path, 'codes'), i);
    const co = readObject(ctx, c, p, { required: ['system', 'value'] });
    if (co) { readString(ctx, co, 'system', p, ID); readString(ctx, co, 'value', p, ID); }
  });
  const ap = pointer(path, 'addressAsOf');
  const a = o['addressAsOf'] === undefined ? undefined : readObject(ctx, o['addressAsOf'], ap, { required: ['province', 'effectiveFrom'], optional: ['district', 'commune'] });
  if (a) {
    readString(ctx, a, 'province', ap, NAME);
    readString(ctx, a, 'district', ap, NAME);
    readString(ctx, a, 'commune', ap, NAME);
    readDate(ctx, a, 'effectiveFrom', ap);
  }
}

/**
 * Validates a SignerRef and that its role is one of `roles` (structural signature check).
 *
 * @example
 * ```ts
 * validateSigner(ctx, value, '/years/0/homeroom', ['GVCN']);
 * ```
 */
export function validateSigner(ctx: ValidationContext, value: unknown, path: string, roles: readonly SignerRole[]): SignerRole | undefined {
  if (value === undefined) return undefined; // a missing member was reported by its parent
  const o = readObject(ctx, value, path, { required: ['role', 'name'], optional: ['personalId', 'certFingerprint', 'authorisation'] });
  if (!o) return undefined;
  const role = readEnum(ctx, o, 'role', path, SIGNER_ROLES);
  if (role !== undefined && !roles.includes(role)) {
    error(ctx, 'SIGNER_ROLE_WRONG', pointer(path, 'role'), { declared: role, computed: roles.join('|') });
  }
  readString(ctx, o, 'name', path, NAME);
  readString(ctx, o, 'personalId', path, { max: 20, pattern: /^[0-9A-Za-z][0-9A-Za-z-]{5,19}$/, patternName: '6–20 letters, digits or hyphens (CCCD, or a tax code such as 0106793535-001)' });
  readString(ctx, o, 'certFingerprint', path, { max: 64, pattern: /^[0-9a-f]{64}$/, patternName: 'SHA-256 as 64 lowercase hex digits' });
  const ap = pointer(path, 'authorisation');
  if (o['authorisation'] !== undefined) {
    if (role !== 'PHO_HIEU_TRUONG_UQ') error(ctx, 'FIELD_NOT_APPLICABLE', ap);
    const a = readObject(ctx, o['authorisation'], ap, { required: ['decisionNo', 'date'] });
    if (a) { readString(ctx, a, 'decisionNo', ap, ID); readDate(ctx, a, 'date', ap); }
  } else if (role === 'PHO_HIEU_TRUONG_UQ') {
    error(ctx, 'SIGNER_AUTHORISATION_MISSING', path);
  }
  return role;
}

/**
 * Validates a Student, including the personal ID against the date of birth and sex (NĐ137/2015 Art.13).
 *
 * @example
 * ```ts
 * validateStudent(ctx, transcript.student, '/student');
 * ```
 */
export function validateStudent(ctx: ValidationContext, value: unknown, path: string): void {
  if (value === undefined) return; // a missing member was reported by its parent
  const o = readObject(ctx, value, path, {
    required: ['id', 'fullName', 'sex', 'dateOfBirth'],
    optional: ['moetStudentId', 'lifelongRecordNo', 'personalId', 'placeOfBirth', 'ethnicity', 'policyGroup', 'residence', 'guardians', 'registryNo'],
  });
  if (!o) return;
  readString(ctx, o, 'id', path, ID);
  readString(ctx, o, 'moetStudentId', path, ID);
  readString(ctx, o, 'lifelongRecordNo', path, ID);
  readString(ctx, o, 'fullName', path, NAME);
  const sex = readEnum(ctx, o, 'sex', path, ['NAM', 'NU']);
  const dob = readDate(ctx, o, 'dateOfBirth', path);
  for (const k of ['placeOfBirth', 'ethnicity', 'policyGroup']) readString(ctx, o, k, path, NAME);
  readString(ctx, o, 'residence', path);
  readString(ctx, o, 'registryNo', path, ID);
  const guardians = o['guardians'] === undefined ? undefined : readArray(ctx, o, 'guardians', path, 10);
  guardians?.forEach((g, i) => {
    const p = pointer(pointer(path, 'guardians'), i);
    const go = readObject(ctx, g, p, { required: ['relation', 'name'], optional: ['occupation'] });
    if (go) { readEnum(ctx, go, 'relation', p, ['CHA', 'ME', 'GIAM_HO']); readString(ctx, go, 'name', p, NAME); readString(ctx, go, 'occupation', p, NAME); }
  });
  if (o['personalId'] === undefined) return;
  const pp = pointer(path, 'personalId');
  const pid = readObject(ctx, o['personalId'], pp, { required: ['type', 'value'] });
  if (!pid) return;
  const type = readEnum(ctx, pid, 'type', pp, ['DDCN', 'CMND9', 'CMND12', 'PASSPORT']);
  const v = readString(ctx, pid, 'value', pp, { max: 20 });
  if (type === undefined || v === undefined) return;
  const vp = pointer(pp, 'value');
  if (type === 'CMND9' && !/^\d{9}$/.test(v)) error(ctx, 'PERSONAL_ID_FORMAT', vp, { detail: '9 digits expected', detailVi: 'cần 9 chữ số' });
  if (type === 'CMND12' && !/^\d{12}$/.test(v)) error(ctx, 'PERSONAL_ID_FORMAT', vp, { detail: '12 digits expected', detailVi: 'cần 12 chữ số' });
  if (type === 'PASSPORT' && !/^[A-Z0-9]{6,20}$/.test(v)) error(ctx, 'PERSONAL_ID_FORMAT', vp, { detail: '6–20 capital letters or digits', detailVi: '6–20 chữ in hoa hoặc chữ số' });
  if (type !== 'DDCN') return;
  const holder: { dateOfBirth?: string; sex?: 'NAM' | 'NU' } = {};
  if (dob !== undefined) holder.dateOfBirth = dob;
  if (sex !== undefined) holder.sex = sex;
  for (const issue of checkPersonalId(v, holder)) {
    switch (issue.code) {
      case 'DDCN_FORMAT': error(ctx, 'PERSONAL_ID_FORMAT', vp, { detail: '12 digits expected', detailVi: 'cần 12 chữ số' }); break;
      case 'DDCN_PROVINCE_UNKNOWN': warn(ctx, 'PERSONAL_ID_PROVINCE_UNKNOWN', vp, { detail: issue.province }); break;
      case 'DDCN_BIRTH_YEAR_MISMATCH': error(ctx, 'PERSONAL_ID_BIRTH_YEAR_MISMATCH', vp, { declared: String(issue.declared), computed: String(issue.computed) }); break;
      case 'DDCN_SEX_MISMATCH': error(ctx, 'PERSONAL_ID_SEX_MISMATCH', vp, { declared: issue.declared, computed: issue.computed }); break;
    }
  }
}

/** What validation learned from a SubjectDef. */
export interface SubjectInfo {
  slug: string;
  assessment: AssessmentKind;
  periodsPerYear: number;
  group?: SubjectGroup;
  hasTopicCluster: boolean;
}

/**
 * Validates a SubjectDef and compares it with the catalogue when `catalogueCheck` (CT GDPT 2018 regimes).
 *
 * @example
 * ```ts
 * const info = validateSubjectDef(ctx, row.subject, '/years/0/subjects/0/subject', 10, true);
 * ```
 */
export function validateSubjectDef(ctx: ValidationContext, value: unknown, path: string, grade: number | undefined, catalogueCheck: boolean): SubjectInfo | undefined {
  if (value === undefined) return undefined; // a missing member was reported by its parent
  const o = readObject(ctx, value, path, { required: ['slug', 'nameVi', 'assessment', 'periodsPerYear'], optional: ['group', 'hasTopicCluster'] });
  if (!o) return undefined;
  const slug = readString(ctx, o, 'slug', path, { max: 64, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, patternName: 'lower-case slug' });
  readString(ctx, o, 'nameVi', path, NAME);
  const assessment = readEnum(ctx, o, 'assessment', path, ['SCORE', 'COMMENT']);
  const periods = readInt(ctx, o, 'periodsPerYear', path, 1, 2000);
  const group = o['group'] === undefined ? undefined : readEnum(ctx, o, 'group', path, ['BAT_BUOC', 'LUA_CHON', 'TU_CHON']);
  const topic = readBoolean(ctx, o, 'hasTopicCluster', path) ?? false;
  if (slug === undefined || assessment === undefined || periods === undefined) return undefined;
  if (catalogueCheck && grade !== undefined && !slug.startsWith('x-')) {
    const offering = offeringOf(slug, grade);
    if (!offering) warn(ctx, 'SUBJECT_UNKNOWN', pointer(path, 'slug'), { detail: `${slug} (grade ${grade})`, detailVi: `${slug} (lớp ${grade})` });
    else {
      if (offering.level !== 'TH' && offering.assessment !== assessment) {
        error(ctx, 'SUBJECT_ASSESSMENT_MISMATCH', pointer(path, 'assessment'), { declared: assessment, computed: offering.assessment });
      }
      if (group !== undefined && offering.group !== group) warn(ctx, 'SUBJECT_GROUP_MISMATCH', pointer(path, 'group'), { declared: group, computed: offering.group });
      const expected = periodsOf(offering, grade);
      if (expected !== periods) warn(ctx, 'SUBJECT_PERIODS_DIFFER', pointer(path, 'periodsPerYear'), { declared: String(periods), computed: String(expected) });
      if (topic && offering.topicClusters !== true) error(ctx, 'TOPIC_CLUSTER_NOT_OFFERED', pointer(path, 'hasTopicCluster'), { detail: slug });
    }
  }
  const info: SubjectInfo = { slug, assessment, periodsPerYear: periods, hasTopicCluster: topic };
  if (group !== undefined) info.group = group;
  return info;
}

/**
 * Validates the `corrections` of a year (each correction names its signer).
 *
 * @example
 * ```ts
 * validateCorrections(ctx, year, '/years/0');
 * ```
 */
export function validateCorrections(ctx: ValidationContext, o: JsonObject, path: string): void {
  if (o['corrections'] === undefined) return;
  const list = readArray(ctx, o, 'corrections', path, 200);
  // The last correction of each field must state the value the record now holds.
  const last = new Map<string, { value: string; path: string }>();
  list?.forEach((c, i) => {
    const p = pointer(pointer(path, 'corrections'), i);
    const co = readObject(ctx, c, p, { required: ['field', 'old', 'new', 'by', 'at'], optional: ['reason'] });
    if (!co) return;
    const field = readString(ctx, co, 'field', p, { max: 1000, pattern: /^(\/[^/]*)+$/, patternName: 'a JSON Pointer' });
    readString(ctx, co, 'old', p, { allowEmpty: true });
    const now = readString(ctx, co, 'new', p, { allowEmpty: true });
    readString(ctx, co, 'reason', p);
    validateSigner(ctx, co['by'], pointer(p, 'by'), SIGNER_ROLES);
    readDateTime(ctx, co, 'at', p);
    if (field !== undefined && now !== undefined) last.set(field, { value: now, path: p });
  });
  for (const [field, { value, path: p }] of last) {
    const r = resolvePointer(o, field);
    const current = r.found ? r.value : undefined;
    if (!r.found || field.startsWith('/corrections') || !(typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean')) {
      error(ctx, 'CORRECTION_FIELD_UNKNOWN', pointer(p, 'field'), { detail: field.slice(0, 100) });
    } else if (String(current) !== value) {
      error(ctx, 'CORRECTION_MISMATCH', pointer(p, 'new'), { declared: value.slice(0, 100), computed: String(current).slice(0, 100) });
    }
  }
}
