/**
 * The shape table of transcripts and gradebooks (the JSON representation documented in `model/types.ts`).
 * Member order here is the element order of the record XML.
 * @module
 */
import type {
  AddressAsOf, Code, Correction, EnrollmentRow, Gradebook, GradebookEntry, GradebookLock, GradebookStudent,
  GradebookYearResult, Guardian, MakeUp, PersonalId, PrimarySubjectResult, School, SchoolYearRecordBase, SignerRef,
  Student, SubjectDef, SubjectResult, Transcript, Tt22YearRecord, Tt27YearRecord, Tt30YearRecord, Tt58YearRecord,
} from '../../model/types.js';
import {
  objectShape, opt, req, type IntegerShape, type MapShape, type MembersOf, type ObjectShape, type StringShape, type UnionArrayShape,
} from './shape.js';

// ---- scalars -----------------------------------------------------------------------------------------

const MARK = '10(\\.0)?|[0-9](\\.[0-9])?';
const DATE = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+\\-]([01][0-9]|2[0-3]):[0-5][0-9])';

/** Identifiers and codes. */
const id: StringShape = { kind: 'string', minLength: 1, maxLength: 200, name: 'Identifier' };
/** Names of people, schools, subjects, places. */
const name: StringShape = { kind: 'string', minLength: 1, maxLength: 300, name: 'Name' };
/** Free text (comments, reasons). */
const text: StringShape = { kind: 'string', maxLength: 10_000, name: 'FreeText' };
const mark: StringShape = { kind: 'string', pattern: MARK, doc: 'Exact decimal 0..10 with at most one decimal', name: 'Mark' };
const markOrPassFail: StringShape = { kind: 'string', pattern: `${MARK}|D|CD`, doc: 'Mark, or D/CD for comment subjects', name: 'MarkOrPassFail' };
const isoDate: StringShape = { kind: 'string', pattern: DATE, doc: 'YYYY-MM-DD', name: 'Date' };
const isoDateTime: StringShape = { kind: 'string', pattern: `${DATE}T${TIME}`, doc: 'RFC 3339 instant with offset', name: 'DateTime' };
const schoolYear: StringShape = { kind: 'string', pattern: '[0-9]{4}-[0-9]{4}', doc: 'YYYY-YYYY', name: 'SchoolYear' };
const grade: IntegerShape = { kind: 'integer', minimum: 1, maximum: 12, name: 'Grade' };
const count: IntegerShape = { kind: 'integer', minimum: 0, maximum: 100_000, name: 'Count' };
const positive: IntegerShape = { kind: 'integer', minimum: 1, maximum: 1_000_000, name: 'Version' };
/** Subject slug (catalogue slug or `x-…` local subject). */
const slug: StringShape = { kind: 'string', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxLength: 64, name: 'Slug' };
const enumOf = (...values: string[]): StringShape => ({ kind: 'string', enum: values });
const namedEnum = (typeName: string, ...values: string[]): StringShape & { name: string } => ({ kind: 'string', enum: values, name: typeName });

const level4 = namedEnum('Level4', 'TOT', 'KHA', 'DAT', 'CHUA_DAT');
const primarySubjectLevel = namedEnum('PrimarySubjectLevel', 'T', 'H', 'C');
const primaryTraitLevel = namedEnum('PrimaryTraitLevel', 'T', 'D', 'C');
const legacyConduct = namedEnum('LegacyConduct', 'T', 'K', 'TB', 'Y');
const legacyStanding = namedEnum('LegacyStanding', 'G', 'K', 'TB', 'Y', 'KEM');
const outcome = namedEnum('Outcome', 'LEN_LOP', 'O_LAI_LOP', 'REN_LUYEN_HE', 'KIEM_TRA_LAI', 'HOAN_THANH_CT', 'CHUA_HOAN_THANH_CT');
const sex = namedEnum('Sex', 'NAM', 'NU');
const signerRole = namedEnum('SignerRole', 'GV_BO_MON', 'GVCN', 'HIEU_TRUONG', 'PHO_HIEU_TRUONG_UQ', 'DON_VI_CON_DAU', 'SO_GDDT');
const traitMap: MapShape = { kind: 'map', value: primaryTraitLevel, keyPattern: '[a-z0-9]+(-[a-z0-9]+)*', entryElement: 'entry' };

// ---- people, schools, signers ------------------------------------------------------------------------

const personalId = objectShape<PersonalId>('PersonalId', {
  type: req(enumOf('DDCN', 'CMND9', 'CMND12', 'PASSPORT')),
  value: req({ kind: 'string', pattern: '[0-9A-Z]{6,20}' }),
});

const code = objectShape<Code>('Code', { system: req(id), value: req(id) });

const guardian = objectShape<Guardian>('Guardian', {
  relation: req(enumOf('CHA', 'ME', 'GIAM_HO')),
  name: req(name),
  occupation: opt(name),
});

const student = objectShape<Student>('Student', {
  id: req(id),
  moetStudentId: opt(id),
  lifelongRecordNo: opt(id),
  personalId: opt(personalId),
  fullName: req(name),
  sex: req(sex),
  dateOfBirth: req(isoDate),
  placeOfBirth: opt(name),
  ethnicity: opt(name),
  policyGroup: opt(name),
  residence: opt(text),
  guardians: opt({ kind: 'array', item: guardian, itemElement: 'guardian' }),
  registryNo: opt(id),
}, 'Học sinh');

const addressAsOf = objectShape<AddressAsOf>('AddressAsOf', {
  province: req(name),
  district: opt(name),
  commune: opt(name),
  effectiveFrom: req(isoDate),
});

const school = objectShape<School>('School', {
  id: req(id),
  name: req(name),
  level: req(enumOf('TH', 'THCS', 'THPT', 'LIEN_CAP', 'GDTX')),
  ownership: req(enumOf('CONG_LAP', 'NGOAI_CONG_LAP')),
  codes: req({ kind: 'array', item: code, itemElement: 'code' }),
  addressAsOf: req(addressAsOf),
  departmentName: req(name),
}, 'Trường');

const authorisation = objectShape<NonNullable<SignerRef['authorisation']>>('Authorisation', {
  decisionNo: req(id),
  date: req(isoDate),
});

const signerRef = objectShape<SignerRef>('SignerRef', {
  role: req(signerRole),
  name: req(name),
  personalId: opt(id),
  certFingerprint: opt({ kind: 'string', pattern: '[0-9a-f]{64}' }),
  authorisation: opt(authorisation),
}, 'Người ký dự kiến');

// ---- subjects ----------------------------------------------------------------------------------------

const subjectDef = objectShape<SubjectDef>('SubjectDef', {
  slug: req(slug),
  nameVi: req(name),
  assessment: req(enumOf('SCORE', 'COMMENT')),
  periodsPerYear: req({ kind: 'integer', minimum: 0, maximum: 2000 }),
  group: opt(enumOf('BAT_BUOC', 'LUA_CHON', 'TU_CHON')),
  hasTopicCluster: opt({ kind: 'boolean' }),
}, 'Môn học');

const correction = objectShape<Correction>('Correction', {
  field: req({ kind: 'string', maxLength: 1000 }),
  old: req(text),
  new: req(text),
  by: req(signerRef),
  at: req(isoDateTime),
  reason: opt(text),
});

const subjectResult = objectShape<SubjectResult>('SubjectResult', {
  subject: req(subjectDef),
  hk1: opt(markOrPassFail),
  hk2: opt(markOrPassFail),
  year: opt(markOrPassFail),
  reassessed: opt(markOrPassFail),
  teacherComment: opt(text),
  teacher: req(signerRef),
});

const primarySubjectHk1 = objectShape<NonNullable<PrimarySubjectResult['hk1']>>('PrimarySubjectHk1', {
  level: req(primarySubjectLevel),
  testScore: opt({ kind: 'integer', minimum: 1, maximum: 10 }),
});

const primarySubjectResult = objectShape<PrimarySubjectResult>('PrimarySubjectResult', {
  subject: req(subjectDef),
  level: req(primarySubjectLevel),
  testScore: opt({ kind: 'integer', minimum: 1, maximum: 10 }),
  hk1: opt(primarySubjectHk1),
  teacherComment: opt(text),
  teacher: req(signerRef),
});

// ---- school years ------------------------------------------------------------------------------------

const absences = objectShape<SchoolYearRecordBase['absences']>('Absences', { excused: req(count), unexcused: req(count) });

const yearBase: MembersOf<SchoolYearRecordBase> = {
  schoolYear: req(schoolYear),
  grade: req(grade),
  className: req({ kind: 'string', minLength: 1, maxLength: 50 }),
  school: req(school),
  absences: req(absences),
  titles: opt({ kind: 'array', item: id, itemElement: 'title' }),
  homeroomComment: req(text),
  homeroom: req(signerRef),
  principal: req(signerRef),
  seal: opt(signerRef),
  corrections: opt({ kind: 'array', item: correction, itemElement: 'correction' }),
};

const tt22Year = objectShape<Tt22YearRecord>('Tt22Year', {
  regime: req({ kind: 'const', value: 'TT22_2021' }),
  ...yearBase,
  subjects: req({ kind: 'array', item: subjectResult, itemElement: 'subjectResult' }),
  topicClusters: opt({ kind: 'array', item: slug, itemElement: 'slug' }),
  conduct: req(objectShape<Tt22YearRecord['conduct']>('Tt22Conduct', {
    hk1: req(level4), hk2: req(level4), year: req(level4), afterSummer: opt(level4),
  })),
  learning: req(objectShape<Tt22YearRecord['learning']>('Tt22Learning', {
    hk1: req(level4), hk2: req(level4), year: req(level4), afterReassess: opt(level4), adjusted: opt({ kind: 'boolean' }),
  })),
  outcome: req(outcome),
}, 'Năm học theo Thông tư 22/2021');

const tt27Year = objectShape<Tt27YearRecord>('Tt27Year', {
  regime: req({ kind: 'const', value: 'TT27_2020' }),
  ...yearBase,
  subjects: req({ kind: 'array', item: primarySubjectResult, itemElement: 'subjectResult' }),
  qualities: req(traitMap),
  competencies: req(traitMap),
  overall: req(enumOf('HTXS', 'HTT', 'HT', 'CHT')),
  outcome: req(outcome),
}, 'Năm học theo Thông tư 27/2020');

const tt30Year = objectShape<Tt30YearRecord>('Tt30Year', {
  regime: req({ kind: 'const', value: 'TT30_2014' }),
  ...yearBase,
  subjects: req({ kind: 'array', item: primarySubjectResult, itemElement: 'subjectResult' }),
  qualities: req(traitMap),
  competencies: req(traitMap),
  overall: req(enumOf('HOAN_THANH', 'CHUA_HOAN_THANH')),
  outcome: req(outcome),
}, 'Năm học theo Thông tư 30/2014 (sửa đổi bởi TT22/2016)');

const tt58Year = objectShape<Tt58YearRecord>('Tt58Year', {
  regime: req({ kind: 'const', value: 'TT58_2011' }),
  amendedBy: opt({ kind: 'const', value: 'TT26_2020' }),
  ...yearBase,
  subjects: req({ kind: 'array', item: subjectResult, itemElement: 'subjectResult' }),
  conduct: req(objectShape<Tt58YearRecord['conduct']>('Tt58Conduct', {
    hk1: req(legacyConduct), hk2: req(legacyConduct), year: req(legacyConduct), afterSummer: opt(legacyConduct),
  })),
  standing: req(objectShape<Tt58YearRecord['standing']>('Tt58Standing', {
    hk1: req(legacyStanding), hk2: req(legacyStanding), year: req(legacyStanding), afterReassess: opt(legacyStanding),
    averageHk1: req(mark), averageHk2: req(mark), averageYear: req(mark),
  })),
  outcome: req(outcome),
}, 'Năm học theo Thông tư 58/2011');

const years: UnionArrayShape = {
  kind: 'unionArray',
  discriminator: 'regime',
  variants: [
    { tag: 'TT22_2021', element: 'tt22Year', shape: tt22Year },
    { tag: 'TT27_2020', element: 'tt27Year', shape: tt27Year },
    { tag: 'TT58_2011', element: 'tt58Year', shape: tt58Year },
    { tag: 'TT30_2014', element: 'tt30Year', shape: tt30Year },
  ],
};

// ---- transcript --------------------------------------------------------------------------------------

const enrollmentRow = objectShape<EnrollmentRow>('EnrollmentRow', {
  schoolYear: req(schoolYear),
  className: req({ kind: 'string', minLength: 1, maxLength: 50 }),
  school: req(school),
  enrolledOn: opt(isoDate),
  registryNo: opt(id),
});

/** Shape of a {@link Transcript} (học bạ). */
export const TRANSCRIPT_SHAPE: ObjectShape = objectShape<Transcript>('Transcript', {
  kind: req({ kind: 'const', value: 'transcript' }),
  schemaVersion: req({ kind: 'const', value: 1 }),
  id: req(id),
  level: req(enumOf('TH', 'THCS', 'THPT')),
  student: req(student),
  enrollmentHistory: req({ kind: 'array', item: enrollmentRow, itemElement: 'enrollment' }),
  years: req(years),
  version: req(positive),
}, 'Học bạ');

// ---- gradebook ---------------------------------------------------------------------------------------

const gradebookStudent = objectShape<GradebookStudent>('GradebookStudent', {
  id: req(id),
  fullName: req(name),
  sex: opt(sex),
  dateOfBirth: opt(isoDate),
  moetStudentId: opt(id),
});

const makeUp = objectShape<MakeUp>('MakeUp', {
  kind: req(enumOf('TX', 'GK', 'CK')),
  index: opt({ kind: 'integer', minimum: 0, maximum: 20 }),
  date: req(isoDate),
});

const gradebookEntry = objectShape<GradebookEntry>('GradebookEntry', {
  studentId: req(id),
  subjectSlug: req(slug),
  semester: req({ kind: 'integer', minimum: 1, maximum: 2 }),
  regular: req({ kind: 'nullableArray', item: markOrPassFail, valueElement: 'mark', nullElement: 'notEntered' }),
  midterm: opt(markOrPassFail),
  final: opt(markOrPassFail),
  makeUps: opt({ kind: 'array', item: makeUp, itemElement: 'makeUp' }),
  average: opt(markOrPassFail),
  teacherComment: opt(text),
  enteredBy: req(signerRef),
  updatedAt: req(isoDateTime),
});

const gradebookYearResult = objectShape<GradebookYearResult>('GradebookYearResult', {
  studentId: req(id),
  subjectSlug: req(slug),
  average: req(markOrPassFail),
  reassessed: opt(markOrPassFail),
});

const gradebookLock = objectShape<GradebookLock>('GradebookLock', {
  scope: req(enumOf('HK1', 'HK2', 'YEAR')),
  by: req(signerRef),
  at: req(isoDateTime),
});

/** Shape of a {@link Gradebook} (sổ theo dõi và đánh giá học sinh). */
export const GRADEBOOK_SHAPE: ObjectShape = objectShape<Gradebook>('Gradebook', {
  kind: req({ kind: 'const', value: 'gradebook' }),
  schemaVersion: req({ kind: 'const', value: 1 }),
  id: req(id),
  regime: req(enumOf('TT22_2021', 'TT58_2011')),
  schoolYear: req(schoolYear),
  grade: req(grade),
  school: req(school),
  className: req({ kind: 'string', minLength: 1, maxLength: 50 }),
  homeroom: req(signerRef),
  subjects: req({ kind: 'array', item: subjectDef, itemElement: 'subject' }),
  students: req({ kind: 'array', item: gradebookStudent, itemElement: 'student' }),
  entries: req({ kind: 'array', item: gradebookEntry, itemElement: 'entry' }),
  yearResults: opt({ kind: 'array', item: gradebookYearResult, itemElement: 'yearResult' }),
  locks: opt({ kind: 'array', item: gradebookLock, itemElement: 'lock' }),
  version: req(positive),
}, 'Sổ theo dõi và đánh giá học sinh');

/** The two record kinds and their root element names. */
export const RECORD_SHAPES = { transcript: TRANSCRIPT_SHAPE, gradebook: GRADEBOOK_SHAPE } as const;

/** `transcript` or `gradebook`. */
export type RecordKind = keyof typeof RECORD_SHAPES;
