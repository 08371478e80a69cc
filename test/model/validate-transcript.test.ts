import { describe, expect, it } from 'vitest';
import { validateTranscript, type ModelFinding, type ValidationResult } from '../../src/model/index.js';
import { legacyYear, primaryYear, student, thcsYear, thptTranscript, thptYear } from './builders.js';

type Json = Record<string, any>;
const codes = (fs: readonly ModelFinding[]) => fs.map((f) => f.code);
const find = (r: ValidationResult, code: string) => r.errors.find((e) => e.code === code);
const withYear = (y: Json, level = 'THPT', extra: Json = {}): Json => ({ ...thptTranscript(), level, years: [y], ...extra });

describe('validateTranscript: valid records', () => {
  it('accepts a THPT, THCS, primary and legacy year', () => {
    for (const [t, label] of [
      [thptTranscript(), 'THPT'], [withYear(thcsYear(), 'THCS'), 'THCS'], [withYear(legacyYear()), 'TT58'],
      [withYear(primaryYear(), 'TH', { student: { ...student(), personalId: { type: 'DDCN', value: '001214012345' }, dateOfBirth: '2014-03-03' } }), 'TT27'],
    ] as const) {
      const r = validateTranscript(t);
      expect(r.errors, label).toEqual([]);
      expect(r.ok, label).toBe(true);
    }
  });
});

describe('validateTranscript: recomputation reports both values', () => {
  it('ĐTBmcn mismatch', () => {
    const y = thptYear();
    (y['subjects'] as Json[])[1]!['year'] = '8.4';
    const r = validateTranscript(withYear(y));
    expect(r.ok).toBe(false);
    expect(find(r, 'AVERAGE_MISMATCH')).toMatchObject({ path: '/years/0/subjects/1/year', declared: '8.4', computed: '8.3' });
    expect(find(r, 'AVERAGE_MISMATCH')!.messageVi).toContain('tính lại 8.3');
  });
  it('"8" and "8.0" are the same value', () => {
    const y = thptYear();
    (y['subjects'] as Json[])[1]!['hk1'] = '8';
    expect(validateTranscript(withYear(y)).errors).toEqual([]);
  });
  it('học tập level, rèn luyện year level and the Art.9.3 flag', () => {
    const y = thptYear();
    (y['learning'] as Json)['year'] = 'KHA';
    (y['conduct'] as Json)['year'] = 'KHA';
    (y['learning'] as Json)['adjusted'] = true;
    const r = validateTranscript(withYear(y));
    expect(find(r, 'LEARNING_LEVEL_MISMATCH')).toMatchObject({ path: '/years/0/learning/year', declared: 'KHA', computed: 'TOT' });
    expect(find(r, 'CONDUCT_LEVEL_MISMATCH')).toMatchObject({ declared: 'KHA', computed: 'TOT' });
    expect(r.warnings.find((w) => w.code === 'LEARNING_ADJUSTED_FLAG')).toMatchObject({ declared: 'true', computed: 'false' });
  });
  it('45 absences promote, 46 retain (Art.12)', () => {
    const y = thcsYear();
    expect(validateTranscript(withYear(y, 'THCS')).ok).toBe(true); // 20 + 25 = 45
    (y['absences'] as Json)['unexcused'] = 26;
    const r = validateTranscript(withYear(y, 'THCS'));
    expect(find(r, 'OUTCOME_MISMATCH')).toMatchObject({ path: '/years/0/outcome', declared: 'LEN_LOP', computed: 'O_LAI_LOP' });
  });
  it('titles: not eligible, superseded, missing', () => {
    const y = thptYear();
    y['titles'] = ['HS_XUAT_SAC'];
    expect(find(validateTranscript(withYear(y)), 'TITLE_NOT_ELIGIBLE')?.path).toBe('/years/0/titles/0');
    y['titles'] = [];
    const r = validateTranscript(withYear(y));
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'TITLE_MISSING')).toMatchObject({ computed: 'HS_GIOI' });
    y['titles'] = ['HS_UNKNOWN'];
    expect(codes(validateTranscript(withYear(y)).errors)).toContain('TITLE_UNKNOWN');
  });
  it('TT58: averages and standing recomputed', () => {
    const y = legacyYear();
    (y['standing'] as Json)['averageYear'] = '7.1';
    (y['standing'] as Json)['hk1'] = 'G';
    const r = validateTranscript(withYear(y));
    expect(find(r, 'AVERAGE_MISMATCH')).toMatchObject({ path: '/years/0/standing/averageYear', declared: '7.1', computed: '7.2' });
    expect(find(r, 'STANDING_MISMATCH')).toMatchObject({ path: '/years/0/standing/hk1', declared: 'G', computed: 'K' });
  });
  it('TT27: overall recomputed from levels and tests', () => {
    const y = primaryYear();
    (y['subjects'] as Json[])[0]!['testScore'] = 6;
    const t = withYear(y, 'TH', { student: { ...student(), personalId: undefined, dateOfBirth: '2014-03-03' } });
    delete (t['student'] as Json)['personalId'];
    const r = validateTranscript(t);
    expect(find(r, 'OVERALL_MISMATCH')).toMatchObject({ declared: 'HTT', computed: 'HT' });
    (y['subjects'] as Json[])[0]!['testScore'] = 0;
    expect(codes(validateTranscript(withYear(y, 'TH')).errors)).toContain('INVALID_TEST_SCORE');
    (y['subjects'] as Json[])[0]!['testScore'] = 7.5;
    expect(codes(validateTranscript(withYear(y, 'TH')).errors)).toContain('INVALID_TEST_SCORE');
  });
});

describe('validateTranscript: regime and structure', () => {
  it('regime must follow the roadmap', () => {
    const y = thptYear();
    y['schoolYear'] = '2021-2022';
    expect(find(validateTranscript(withYear(y)), 'REGIME_MISMATCH')).toMatchObject({ declared: 'TT22_2021', computed: 'TT58_2011' });
  });
  it('members of another regime are rejected', () => {
    const y = thptYear();
    y['standing'] = { hk1: 'G' };
    y['qualities'] = {};
    const r = validateTranscript(withYear(y));
    expect(r.errors.filter((e) => e.code === 'FIELD_OF_OTHER_REGIME').map((e) => e.path)).toEqual(['/years/0/standing', '/years/0/qualities']);
    y['whatever'] = 1;
    expect(find(validateTranscript(withYear(y)), 'UNKNOWN_FIELD')?.path).toBe('/years/0/whatever');
  });
  it('THPT electives and chuyên đề', () => {
    const y = thptYear();
    (y['subjects'] as Json[]).pop(); // drop informatics: 3 electives
    y['topicClusters'] = ['mathematics', 'physics'];
    const r = validateTranscript(withYear(y));
    expect(find(r, 'ELECTIVE_COUNT')).toMatchObject({ declared: '3', computed: '4' });
    expect(find(r, 'TOPIC_CLUSTER_COUNT')).toMatchObject({ declared: '2', computed: '3' });
  });
  it('compulsory subjects and catalogue assessment kinds', () => {
    const y = thptYear();
    (y['subjects'] as Json[]).splice(3, 1); // drop history
    (y['subjects'] as Json[])[0]!['subject']['assessment'] = 'COMMENT';
    const r = validateTranscript(withYear(y));
    // a missing compulsory subject is a warning (exemptions are not modelled)
    expect(r.warnings.find((w) => w.code === 'SUBJECT_MISSING')?.message).toContain('history');
    expect(find(r, 'SUBJECT_ASSESSMENT_MISMATCH')).toMatchObject({ declared: 'COMMENT', computed: 'SCORE' });
    expect(codes(r.errors)).toContain('MARK_KIND_MISMATCH');
  });
  it('required signers per year', () => {
    const y = thptYear();
    y['homeroom'] = { role: 'HIEU_TRUONG', name: 'X' };
    delete (y['subjects'] as Json[])[0]!['teacher'];
    y['principal'] = { role: 'PHO_HIEU_TRUONG_UQ', name: 'Y' };
    const r = validateTranscript(withYear(y));
    expect(find(r, 'SIGNER_ROLE_WRONG')).toMatchObject({ path: '/years/0/homeroom/role', declared: 'HIEU_TRUONG', computed: 'GVCN' });
    expect(find(r, 'MISSING_FIELD')?.path).toBe('/years/0/subjects/0/teacher');
    expect(find(r, 'SIGNER_AUTHORISATION_MISSING')?.path).toBe('/years/0/principal');
  });
  it('personal ID against date of birth and sex', () => {
    const t = thptTranscript();
    (t['student'] as Json)['sex'] = 'NU';
    (t['student'] as Json)['dateOfBirth'] = '1999-05-14';
    const r = validateTranscript(t);
    expect(find(r, 'PERSONAL_ID_SEX_MISMATCH')).toMatchObject({ path: '/student/personalId/value', declared: 'NU', computed: 'NAM' });
    expect(find(r, 'PERSONAL_ID_BIRTH_YEAR_MISMATCH')).toMatchObject({ declared: '1999', computed: '2009' });
    (t['student'] as Json)['personalId'] = { type: 'DDCN', value: '003209012345' };
    (t['student'] as Json)['sex'] = 'NAM';
    (t['student'] as Json)['dateOfBirth'] = '2009-05-14';
    const r2 = validateTranscript(t);
    expect(r2.ok).toBe(true);
    expect(codes(r2.warnings)).toContain('PERSONAL_ID_PROVINCE_UNKNOWN');
  });
  it('marks must be decimal strings', () => {
    const y = thptYear();
    (y['subjects'] as Json[])[0]!['hk1'] = 8;
    (y['subjects'] as Json[])[1]!['hk1'] = '8.25';
    (y['subjects'] as Json[])[2]!['hk1'] = '11';
    const r = validateTranscript(withYear(y));
    expect(r.errors.filter((e) => e.code === 'INVALID_MARK').map((e) => e.path))
      .toEqual(['/years/0/subjects/0/hk1', '/years/0/subjects/1/hk1', '/years/0/subjects/2/hk1']);
  });
  it('NFD text is a warning, not an error', () => {
    const t = thptTranscript();
    (t['student'] as Json)['fullName'] = 'Nguyễn Văn An'.normalize('NFD');
    const r = validateTranscript(t);
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'TEXT_NOT_NFC')?.path).toBe('/student/fullName');
  });
  it('years in order and grade sequence', () => {
    const y1 = thptYear();
    const y2 = { ...thptYear(), schoolYear: '2024-2025', grade: 11 };
    const r = validateTranscript({ ...thptTranscript(), years: [y1, y2] });
    expect(codes(r.errors)).toContain('YEARS_NOT_CHRONOLOGICAL');
    const y3 = { ...thptYear(), schoolYear: '2025-2026', grade: 12 };
    const r2 = validateTranscript({ ...thptTranscript(), years: [y1, y3] });
    expect(r2.warnings.find((w) => w.code === 'GRADE_SEQUENCE')).toMatchObject({ declared: '12', computed: '11' });
  });
});

describe('who signs', () => {
  it('lists every subject teacher, the GVCN, the principal and the seal per year, in signing order', async () => {
    const { transcriptSigners, gradebookSigners } = await import('../../src/model/index.js');
    const { smallGradebook } = await import('./builders.js');
    const y = thptYear();
    y['seal'] = { role: 'DON_VI_CON_DAU', name: 'Trường THPT Chu Văn An' };
    const t = withYear(y);
    expect(validateTranscript(t).ok).toBe(true);
    const s = transcriptSigners(t as never);
    expect(s).toHaveLength(12 + 3);
    expect(s.map((x) => x.order)).toEqual([...Array(12).fill(1), 2, 3, 4]);
    expect(s[12]).toMatchObject({ role: 'GVCN', path: '/years/0/homeroom', scope: 'YEAR', required: true });
    expect(s[14]).toMatchObject({ role: 'DON_VI_CON_DAU', required: false });
    expect(s[1]).toMatchObject({ subjectSlug: 'mathematics', path: '/years/0/subjects/1/teacher' });
    const g = gradebookSigners(smallGradebook() as never);
    expect(g.map((x) => x.role)).toEqual(['GV_BO_MON', 'GVCN']);
  });
});

describe('corrections and enrolment history', () => {
  const by = { role: 'GVCN', name: 'Trần Thị Bình' };
  it('the last correction of a field must state the value the record holds', () => {
    const y = thptYear();
    y['corrections'] = [
      { field: '/subjects/1/hk1', old: '7.0', new: '7.5', by, at: '2025-01-15T09:00:00+07:00' },
      { field: '/subjects/1/hk1', old: '7.5', new: '8.0', by, at: '2025-01-16T09:00:00+07:00', reason: 'Nhập nhầm' },
    ];
    expect(validateTranscript(withYear(y)).errors).toEqual([]);
    (y['corrections'] as Json[])[1]!['new'] = '8.5';
    expect(find(validateTranscript(withYear(y)), 'CORRECTION_MISMATCH')).toMatchObject({ path: '/years/0/corrections/1/new', declared: '8.5', computed: '8.0' });
    for (const field of ['/subjects/99/hk1', '/subjects/1', '/corrections/0/new', '/nope', '/subjects/01/hk1']) {
      (y['corrections'] as Json[])[1]!['field'] = field;
      expect(find(validateTranscript(withYear(y)), 'CORRECTION_FIELD_UNKNOWN')?.path, field).toBe('/years/0/corrections/1/field');
    }
  });
  it('each year should be in the enrolment history', () => {
    const r = validateTranscript(withYear(thcsYear(), 'THCS'));
    expect(r.warnings.find((w) => w.code === 'ENROLLMENT_MISSING')).toMatchObject({ path: '/years/0/schoolYear' });
    expect(validateTranscript(thptTranscript()).warnings).toEqual([]);
  });
});

describe('plausibility warnings', () => {
  it('age for the grade: usual is grade + 5, tolerated −1..+3', () => {
    for (const [dob, warned] of [['2009-12-31', false], ['2010-01-01', false], ['2011-01-01', true], ['2006-06-01', false], ['2005-06-01', true]] as const) {
      const t = thptTranscript();
      (t['student'] as Json)['dateOfBirth'] = dob;
      delete (t['student'] as Json)['personalId'];
      const w = validateTranscript(t).warnings.find((x) => x.code === 'AGE_UNUSUAL');
      expect(w !== undefined, dob).toBe(warned);
    }
  });
  it('school level differs from the transcript level', () => {
    const y = thptYear();
    (y['school'] as Json)['level'] = 'THCS';
    const r = validateTranscript(withYear(y));
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'SCHOOL_LEVEL_MISMATCH')).toMatchObject({ path: '/years/0/school/level', declared: 'THCS', computed: 'THPT' });
  });
});

describe('regime-specific checks', () => {
  const primaryStudent = { ...student(), personalId: { type: 'DDCN', value: '001213012345' }, dateOfBirth: '2013-03-03' };
  it('TT30: completion recomputed, outcome follows it', async () => {
    const { tt30Year } = await import('./builders.js');
    const y = tt30Year();
    const t = withYear(y, 'TH', { student: primaryStudent });
    expect(validateTranscript(t).errors).toEqual([]);
    (y['subjects'] as Json[])[0]!['testScore'] = 4;
    const r = validateTranscript(withYear(y, 'TH', { student: primaryStudent }));
    expect(find(r, 'OVERALL_MISMATCH')).toMatchObject({ declared: 'HOAN_THANH', computed: 'CHUA_HOAN_THANH' });
    y['overall'] = 'CHUA_HOAN_THANH';
    expect(find(validateTranscript(withYear(y, 'TH', { student: primaryStudent })), 'OUTCOME_MISMATCH')).toMatchObject({ declared: 'LEN_LOP', computed: 'O_LAI_LOP' });
  });
  it('TT27: the five qualities and three general competencies are required', () => {
    const y = primaryYear();
    delete (y['qualities'] as Json)['nhan-ai'];
    (y['competencies'] as Json)['bay-luon'] = 'T';
    (y['competencies'] as Json)['tinh-toan'] = 'X';
    const r = validateTranscript(withYear(y, 'TH', { student: { ...primaryStudent, dateOfBirth: '2014-03-03', personalId: { type: 'DDCN', value: '001214012345' } } }));
    expect(find(r, 'TRAIT_MISSING')?.path).toBe('/years/0/qualities/nhan-ai');
    expect(r.warnings.find((w) => w.code === 'TRAIT_UNKNOWN')?.path).toBe('/years/0/competencies/bay-luon');
    expect(find(r, 'INVALID_VALUE')?.path).toBe('/years/0/competencies/tinh-toan');
  });
  it('TT27: tested subjects need their end-of-year test', () => {
    const y = primaryYear();
    delete (y['subjects'] as Json[])[1]!['testScore'];
    (y['subjects'] as Json[])[2]!['testScore'] = 9;
    const r = validateTranscript(withYear(y, 'TH'));
    expect(find(r, 'TEST_SCORE_MISSING')?.path).toBe('/years/0/subjects/1/testScore');
    expect(r.warnings.find((w) => w.code === 'TEST_SCORE_UNEXPECTED')?.path).toBe('/years/0/subjects/2/testScore');
  });
  it('TT58: the TT26 amendment marker follows the school year; outcome rules', () => {
    const y = legacyYear();
    y['amendedBy'] = 'TT26_2020';
    expect(find(validateTranscript(withYear(y)), 'AMENDMENT_MISMATCH')).toMatchObject({ declared: 'TT26_2020', computed: '—' });
    delete y['amendedBy'];
    (y['conduct'] as Json)['year'] = 'Y';
    y['titles'] = [];
    expect(find(validateTranscript(withYear(y)), 'OUTCOME_MISMATCH')).toMatchObject({ declared: 'LEN_LOP', computed: 'REN_LUYEN_HE' });
    y['outcome'] = 'REN_LUYEN_HE';
    expect(validateTranscript(withYear(y)).errors).toEqual([]);
  });
  it('TT22: results after summer training or re-assessment only when needed', () => {
    const y = thptYear();
    (y['conduct'] as Json)['afterSummer'] = 'TOT';
    (y['learning'] as Json)['afterReassess'] = 'TOT';
    (y['subjects'] as Json[])[1]!['reassessed'] = '9.0';
    const r = validateTranscript(withYear(y));
    expect(r.errors.filter((e) => e.code === 'AFTER_STEP_NOT_APPLICABLE').map((e) => e.path)).toEqual(['/years/0/conduct/afterSummer', '/years/0/learning/afterReassess']);
    expect(find(r, 'REASSESS_NOT_ELIGIBLE')?.path).toBe('/years/0/subjects/1/reassessed');
  });
  it('TT22: a re-assessment that lifts the level gives promotion', () => {
    const y = thptYear();
    (y['subjects'] as Json[])[3]!['hk1'] = '2.0';
    (y['subjects'] as Json[])[3]!['hk2'] = '3.0';
    (y['subjects'] as Json[])[3]!['year'] = '2.7'; // (20 + 60)/3 = 26.7
    (y['subjects'] as Json[])[3]!['reassessed'] = '6.0';
    // HKI: Tốt except one subject at 2.0 → Chưa đạt adjusted to Đạt; same for HKII and the year
    Object.assign(y['learning'] as Json, { hk1: 'DAT', hk2: 'DAT', year: 'DAT' });
    y['titles'] = [];
    expect(validateTranscript(withYear(y)).errors).toEqual([]);
    (y['learning'] as Json)['afterReassess'] = 'TOT';
    expect(find(validateTranscript(withYear(y)), 'AFTER_STEP_NOT_APPLICABLE')).toBeDefined(); // year was not Chưa đạt
  });
});
