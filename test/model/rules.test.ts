import { describe, expect, it } from 'vitest';
import {
  checkPersonalId, checkThptChoices, commentSemesterResult, commentSemesterResultTt58, commentYearResult, compulsorySubjects, conductYear,
  decodePersonalId, expectedTitles, learningLevel, legacyOverallAverage, legacyStanding, levelOfGrade, offeringOf,
  outcomeTt22, outcomeTt58, parseSchoolYear, periodsOf, PROVINCE_CODES, primaryCompletionTt30, primaryOverall,
  regimeFor, regularCountRange, requiredRegularCount, semesterAverage, yearAverage, type Level4, type SubjectOutcome,
} from '../../src/model/index.js';

const S = (tenths: number): SubjectOutcome => ({ kind: 'SCORE', tenths });
const C = (result: 'D' | 'CD'): SubjectOutcome => ({ kind: 'COMMENT', result });
const rep = (n: number, t: number): SubjectOutcome[] => Array.from({ length: n }, () => S(t));

describe('regime roadmap (TT22 Art.21, TT27 Art.19)', () => {
  it('switches THCS/THPT grades in the right year', () => {
    expect(regimeFor('2020-2021', 6)).toBe('TT58_2011');
    expect(regimeFor('2021-2022', 6)).toBe('TT22_2021');
    expect(regimeFor('2021-2022', 7)).toBe('TT58_2011');
    expect(regimeFor('2022-2023', 7)).toBe('TT22_2021');
    expect(regimeFor('2021-2022', 10)).toBe('TT58_2011');
    expect(regimeFor('2022-2023', 10)).toBe('TT22_2021');
    expect(regimeFor('2022-2023', 11)).toBe('TT58_2011');
    expect(regimeFor('2023-2024', 11)).toBe('TT22_2021');
    expect(regimeFor('2023-2024', 12)).toBe('TT58_2011');
    expect(regimeFor('2024-2025', 12)).toBe('TT22_2021');
    expect(regimeFor('2023-2024', 9)).toBe('TT58_2011');
    expect(regimeFor('2024-2025', 9)).toBe('TT22_2021');
    expect(regimeFor('2010-2011', 9)).toBeUndefined();
  });
  it('switches primary grades in the right year', () => {
    expect(regimeFor('2019-2020', 1)).toBe('TT30_2014');
    expect(regimeFor('2020-2021', 1)).toBe('TT27_2020');
    expect(regimeFor('2020-2021', 2)).toBe('TT30_2014');
    expect(regimeFor('2021-2022', 2)).toBe('TT27_2020');
    expect(regimeFor('2023-2024', 5)).toBe('TT30_2014');
    expect(regimeFor('2024-2025', 5)).toBe('TT27_2020');
    expect(regimeFor('2013-2014', 3)).toBeUndefined();
  });
  it('parses school years and levels', () => {
    expect(parseSchoolYear('2024-2025')).toBe(2024);
    expect(parseSchoolYear('2024-2026')).toBeUndefined();
    expect(parseSchoolYear('24-25')).toBeUndefined();
    expect(regimeFor('2024/2025', 6)).toBeUndefined();
    expect(levelOfGrade(5)).toBe('TH');
    expect(levelOfGrade(6)).toBe('THCS');
    expect(levelOfGrade(9)).toBe('THCS');
    expect(levelOfGrade(10)).toBe('THPT');
    expect(levelOfGrade(13)).toBeUndefined();
    expect(levelOfGrade(0)).toBeUndefined();
  });
});

describe('ĐĐGtx count (TT22 Art.7)', () => {
  it('follows the period thresholds 35/70', () => {
    expect(requiredRegularCount(35)).toBe(2);
    expect(requiredRegularCount(36)).toBe(3);
    expect(requiredRegularCount(52)).toBe(3);
    expect(requiredRegularCount(70)).toBe(3);
    expect(requiredRegularCount(71)).toBe(4);
    expect(requiredRegularCount(140)).toBe(4);
    expect(requiredRegularCount(1)).toBe(2);
  });
  it('comment subjects accept 2 up to the table', () => {
    expect(regularCountRange(35, 'COMMENT')).toEqual({ min: 2, max: 2 });
    expect(regularCountRange(105, 'COMMENT')).toEqual({ min: 2, max: 4 });
    expect(regularCountRange(70, 'COMMENT', 1)).toEqual({ min: 3, max: 4 });
    expect(regularCountRange(105, 'SCORE', 1)).toEqual({ min: 5, max: 5 });
    expect(regularCountRange(0, 'SCORE')).toBeUndefined();
  });
  it('adds one per chuyên đề cluster and rejects nonsense', () => {
    expect(requiredRegularCount(70, 1)).toBe(4);
    expect(requiredRegularCount(105, 1)).toBe(5);
    expect(requiredRegularCount(0)).toBeUndefined();
    expect(requiredRegularCount(35.5)).toBeUndefined();
    expect(requiredRegularCount(35, -1)).toBeUndefined();
  });
});

describe('averages (TT22 Art.9.1)', () => {
  it('computes ĐTBmhk with weights 1/2/3 and rounds half up', () => {
    // (8 + 9 + 2*7 + 3*8.5) / 7 = 56.5/7 = 8.0714… → 8.1
    expect(semesterAverage([80, 90], 70, 85)).toBe(81);
    // (7+7+7 + 2*7 + 3*7)/8 = 7.0
    expect(semesterAverage([70, 70, 70], 70, 70)).toBe(70);
    expect(semesterAverage([66, 65, 65], 65, 64)).toBe(65); // 66+65+65+130+192 = 518 → 518/8 = 64.75 → 65
    expect(semesterAverage([0, 0], 0, 0)).toBe(0);
    expect(semesterAverage([100, 100, 100, 100], 100, 100)).toBe(100);
  });
  it('half-up at the exact midpoint (no banker’s rounding)', () => {
    // n=5 → divisor 10: 645 → 64.5 → 65 and 635 → 63.5 → 64 (banker's rounding would give 64 and 64)
    expect(semesterAverage([65, 65, 65, 65, 60], 65, 65)).toBe(65); // 320+130+195 = 645
    expect(semesterAverage([65, 65, 65, 65, 50], 65, 65)).toBe(64); // 635 → 63.5 → 64
    expect(semesterAverage([60, 65, 65, 65, 50], 60, 65)).toBe(62); // 305+120+195 = 620 → 62.0
  });
  it('computes ĐTBmcn = (HKI + 2 HKII)/3 from rounded semesters', () => {
    expect(yearAverage(65, 70)).toBe(68); // 205/3 = 68.33
    expect(yearAverage(64, 65)).toBe(65); // 194/3 = 64.67
    expect(yearAverage(50, 50)).toBe(50);
    expect(yearAverage(49, 50)).toBe(50); // 149/3 = 49.67
    expect(yearAverage(48, 50)).toBe(49); // 148/3 = 49.33
  });
});

describe('comment subjects (TT22 Art.9.1)', () => {
  it('Đ only when every assessment is done and Đ', () => {
    expect(commentSemesterResult(['D', 'D', 'D', 'D'])).toBe('D');
    expect(commentSemesterResult(['D', 'CD', 'D', 'D'])).toBe('CD');
    expect(commentSemesterResult(['D', undefined, 'D'])).toBe('CD');
    expect(commentSemesterResult([])).toBe('CD');
    expect(commentYearResult('CD', 'D')).toBe('D');
    expect(commentYearResult('D', 'CD')).toBe('CD');
  });
  it('TT58 reading: ĐĐGck Đ and at least two thirds Đ [M]', () => {
    expect(commentSemesterResultTt58(['D', 'CD', 'D', 'D', 'D'])).toBe('D');
    expect(commentSemesterResultTt58(['D', 'CD', 'D', 'D'])).toBe('D'); // 3 of 4
    expect(commentSemesterResultTt58(['CD', 'CD', 'D', 'D'])).toBe('CD'); // 2 of 4 < 2/3
    expect(commentSemesterResultTt58(['D', 'CD', 'D'])).toBe('D'); // exactly 2/3
    expect(commentSemesterResultTt58(['D', 'D', 'D', 'D', 'CD'])).toBe('CD');
    expect(commentSemesterResultTt58(['D', undefined, 'D'])).toBe('CD');
  });
});

describe('học tập level (TT22 Art.9.2) boundaries', () => {
  it('Tốt needs all ≥6.5 and six ≥8.0', () => {
    expect(learningLevel([...rep(6, 80), S(65), C('D')]).level).toBe('TOT');
    expect(learningLevel([...rep(5, 80), S(79), S(65), C('D')]).level).toBe('KHA');
    expect(learningLevel([...rep(6, 80), S(64), C('D')]).level).toBe('KHA');
    // one CĐ: Đạt by Art.9.2, but Tốt except for that one subject → Art.9.3 raises it to Khá
    expect(learningLevel([...rep(6, 80), S(65), C('CD')])).toMatchObject({ unadjusted: 'DAT', level: 'KHA', adjusted: true });
  });
  it('Khá needs all ≥5.0 and six ≥6.5', () => {
    expect(learningLevel([...rep(6, 65), S(50)]).level).toBe('KHA');
    expect(learningLevel([...rep(5, 65), S(64), S(50)]).level).toBe('DAT');
    expect(learningLevel([...rep(6, 65), S(49)]).level).toBe('DAT');
  });
  it('Đạt needs six ≥5.0, none <3.5, at most one CĐ', () => {
    expect(learningLevel([...rep(6, 50), S(35), C('CD')]).level).toBe('DAT');
    expect(learningLevel([...rep(6, 50), S(35), C('CD'), C('CD')]).unadjusted).toBe('CHUA_DAT');
    expect(learningLevel([...rep(5, 50), S(49), S(35)]).level).toBe('CHUA_DAT');
    expect(learningLevel([...rep(6, 50), S(34)]).unadjusted).toBe('CHUA_DAT');
  });
  it('Art.9.3 raises a level that one subject lowered by two or more steps', () => {
    // would be Tốt, one subject 3.4 → Chưa đạt → raised to Đạt
    const r1 = learningLevel([...rep(6, 90), S(34), C('D')]);
    expect(r1).toMatchObject({ unadjusted: 'CHUA_DAT', level: 'DAT', adjusted: true, wouldBe: 'TOT' });
    // would be Tốt, one subject 4.9 → Đạt → raised to Khá
    expect(learningLevel([...rep(6, 90), S(49)])).toMatchObject({ unadjusted: 'DAT', level: 'KHA', adjusted: true });
    // would be Khá, one subject 3.0 → Chưa đạt → raised to Đạt
    expect(learningLevel([...rep(6, 70), S(30)])).toMatchObject({ unadjusted: 'CHUA_DAT', level: 'DAT', adjusted: true });
    // one step only: no adjustment (Tốt but for one subject 6.0 → Khá)
    expect(learningLevel([...rep(6, 90), S(60)])).toMatchObject({ level: 'KHA', adjusted: false });
    // two subjects at fault: no adjustment
    expect(learningLevel([...rep(6, 90), S(30), S(30)])).toMatchObject({ level: 'CHUA_DAT', adjusted: false });
    // two CĐ comment subjects: two subjects at fault, no adjustment
    expect(learningLevel([...rep(6, 90), C('CD'), C('CD')])).toMatchObject({ unadjusted: 'CHUA_DAT', level: 'CHUA_DAT', adjusted: false });
    // one CĐ plus one score 3.0: two subjects at fault
    expect(learningLevel([...rep(6, 90), C('CD'), S(30)])).toMatchObject({ level: 'CHUA_DAT', adjusted: false });
  });
});

describe('year rèn luyện (TT22 Art.8.2)', () => {
  const L: Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];
  const table: Record<string, Level4> = {
    'TOT,TOT': 'TOT', 'KHA,TOT': 'TOT', 'DAT,TOT': 'KHA', 'CHUA_DAT,TOT': 'KHA',
    'TOT,KHA': 'KHA', 'KHA,KHA': 'KHA', 'DAT,KHA': 'KHA', 'CHUA_DAT,KHA': 'DAT',
    'TOT,DAT': 'KHA', 'KHA,DAT': 'DAT', 'DAT,DAT': 'DAT', 'CHUA_DAT,DAT': 'DAT',
    'TOT,CHUA_DAT': 'CHUA_DAT', 'KHA,CHUA_DAT': 'CHUA_DAT', 'DAT,CHUA_DAT': 'CHUA_DAT', 'CHUA_DAT,CHUA_DAT': 'CHUA_DAT',
  };
  it('matches the full 4×4 table', () => {
    for (const hk1 of L) for (const hk2 of L) expect(conductYear(hk1, hk2), `${hk1},${hk2}`).toBe(table[`${hk1},${hk2}`]);
  });
});

describe('outcome (TT22 Arts 12–14)', () => {
  const base = { conductYear: 'TOT' as Level4, learningYear: 'DAT' as Level4, absences: 0, finalGrade: false };
  it('45 absences promote, 46 retain', () => {
    expect(outcomeTt22({ ...base, absences: 45 }).outcome).toBe('LEN_LOP');
    expect(outcomeTt22({ ...base, absences: 46 })).toMatchObject({ outcome: 'O_LAI_LOP', reason: 'ABSENCES' });
  });
  it('summer training, re-assessment and their results', () => {
    expect(outcomeTt22({ ...base, conductYear: 'CHUA_DAT' }).outcome).toBe('REN_LUYEN_HE');
    expect(outcomeTt22({ ...base, conductYear: 'CHUA_DAT', conductAfterSummer: 'DAT' }).outcome).toBe('LEN_LOP');
    expect(outcomeTt22({ ...base, conductYear: 'CHUA_DAT', conductAfterSummer: 'CHUA_DAT' }).outcome).toBe('O_LAI_LOP');
    expect(outcomeTt22({ ...base, learningYear: 'CHUA_DAT' }).outcome).toBe('KIEM_TRA_LAI');
    expect(outcomeTt22({ ...base, learningYear: 'CHUA_DAT', learningAfterReassess: 'DAT' }).outcome).toBe('LEN_LOP');
    expect(outcomeTt22({ ...base, learningYear: 'CHUA_DAT', learningAfterReassess: 'CHUA_DAT' }).outcome).toBe('O_LAI_LOP');
    expect(outcomeTt22({ ...base, conductYear: 'CHUA_DAT', learningYear: 'CHUA_DAT' }).outcome).toBe('REN_LUYEN_HE');
    expect(outcomeTt22({ ...base, conductYear: 'CHUA_DAT', conductAfterSummer: 'DAT', learningYear: 'CHUA_DAT' }).outcome).toBe('KIEM_TRA_LAI');
  });
  it('final grade completes the programme', () => {
    expect(outcomeTt22({ ...base, finalGrade: true }).accepted).toEqual(['HOAN_THANH_CT', 'LEN_LOP']);
    expect(outcomeTt22({ ...base, finalGrade: true, absences: 50 }).accepted).toContain('CHUA_HOAN_THANH_CT');
  });
});

describe('titles (TT22 Art.15, TT27, TT58) as data', () => {
  it('Xuất sắc supersedes Giỏi; six subjects ≥9.0 needed', () => {
    const f = { regime: 'TT22_2021' as const, year: 2024, conduct: 'TOT' as Level4, learning: 'TOT' as Level4 };
    expect(expectedTitles({ ...f, scoredYearAverages: [90, 90, 90, 90, 90, 90, 70] })).toEqual(['HS_XUAT_SAC']);
    expect(expectedTitles({ ...f, scoredYearAverages: [90, 90, 90, 90, 90, 89, 70] })).toEqual(['HS_GIOI']);
    expect(expectedTitles({ ...f, conduct: 'KHA', scoredYearAverages: [] })).toEqual([]);
    // from 2025-26 (TT19/2025) titles are uncertain: not expected, only checkable
    expect(expectedTitles({ ...f, year: 2025, scoredYearAverages: [] })).toEqual([]);
  });
  it('primary and legacy titles', () => {
    expect(expectedTitles({ regime: 'TT27_2020', year: 2024, primaryOverall: 'HTXS' })).toEqual(['HS_XUAT_SAC_TH']);
    expect(expectedTitles({ regime: 'TT27_2020', year: 2024, primaryOverall: 'HTT' })).toEqual([]);
    expect(expectedTitles({ regime: 'TT58_2011', year: 2015, legacyConduct: 'T', legacyStanding: 'G' })).toEqual(['HS_GIOI_TT58']);
    expect(expectedTitles({ regime: 'TT58_2011', year: 2015, legacyConduct: 'K', legacyStanding: 'G' })).toEqual(['HS_TIEN_TIEN']);
    expect(expectedTitles({ regime: 'TT58_2011', year: 2015, legacyConduct: 'TB', legacyStanding: 'G' })).toEqual([]);
  });
});

describe('primary overall (TT27 Art.9.2)', () => {
  const ok = { subjectLevels: ['T', 'T'] as const, traitLevels: ['T', 'T'] as const };
  it('test thresholds 9 / 7 / 5', () => {
    expect(primaryOverall({ ...ok, testScores: [9, 10] })).toBe('HTXS');
    expect(primaryOverall({ ...ok, testScores: [8, 10] })).toBe('HTT');
    expect(primaryOverall({ ...ok, testScores: [7, 10] })).toBe('HTT');
    expect(primaryOverall({ ...ok, testScores: [6, 10] })).toBe('HT');
    expect(primaryOverall({ ...ok, testScores: [5, 10] })).toBe('HT');
    expect(primaryOverall({ ...ok, testScores: [4, 10] })).toBe('CHT');
  });
  it('levels of subjects and traits', () => {
    expect(primaryOverall({ subjectLevels: ['T', 'H'], traitLevels: ['T'], testScores: [10] })).toBe('HT');
    expect(primaryOverall({ subjectLevels: ['T'], traitLevels: ['D'], testScores: [10] })).toBe('HT');
    expect(primaryOverall({ subjectLevels: ['C'], traitLevels: ['T'], testScores: [10] })).toBe('CHT');
    expect(primaryOverall({ subjectLevels: ['T'], traitLevels: ['C'], testScores: [10] })).toBe('CHT');
    expect(primaryCompletionTt30({ subjectLevels: ['H'], traitLevels: ['D'], testScores: [5] })).toBe('HOAN_THANH');
    expect(primaryCompletionTt30({ subjectLevels: ['H'], traitLevels: ['D'], testScores: [4] })).toBe('CHUA_HOAN_THANH');
  });
});

describe('legacy TT58', () => {
  const sc = (tenths: number, core = false) => ({ kind: 'SCORE' as const, tenths, core });
  it('overall average and standings', () => {
    expect(legacyOverallAverage([80, 65, 70])).toBe(72);
    expect(legacyOverallAverage([])).toBeUndefined();
    expect(legacyStanding(80, [sc(80, true), sc(65)]).standing).toBe('G');
    expect(legacyStanding(80, [sc(79, true), sc(80), sc(65)]).standing).toBe('K');
    expect(legacyStanding(65, [sc(65, true), sc(50)]).standing).toBe('K');
    expect(legacyStanding(64, [sc(65, true), sc(50)]).standing).toBe('TB');
    expect(legacyStanding(50, [sc(50, true), sc(35)]).standing).toBe('TB');
    expect(legacyStanding(35, [sc(35, true), sc(20)]).standing).toBe('Y');
    expect(legacyStanding(34, [sc(35, true)]).standing).toBe('KEM');
  });
  it('Art.13.4 adjustment', () => {
    // ĐTB Giỏi, one subject 4.0 → TB → adjusted to Khá
    expect(legacyStanding(85, [sc(90, true), sc(90), sc(40)])).toMatchObject({ unadjusted: 'TB', standing: 'K', adjusted: true });
    // ĐTB Giỏi, one subject 3.0 → Yếu → adjusted to TB
    expect(legacyStanding(85, [sc(90, true), sc(90), sc(30)])).toMatchObject({ unadjusted: 'Y', standing: 'TB', adjusted: true });
    // ĐTB Khá, one subject 1.5 → Kém → adjusted to Yếu
    expect(legacyStanding(70, [sc(80, true), sc(80), sc(15)])).toMatchObject({ unadjusted: 'KEM', standing: 'Y', adjusted: true });
    // two subjects at fault → no adjustment
    expect(legacyStanding(85, [sc(95, true), sc(95), sc(40), sc(40)])).toMatchObject({ standing: 'TB', adjusted: false });
  });
  it('outcome', () => {
    const b = { conduct: 'K' as const, standing: 'TB' as const, absences: 45, finalGrade: false };
    expect(outcomeTt58(b).outcome).toBe('LEN_LOP');
    expect(outcomeTt58({ ...b, absences: 46 }).outcome).toBe('O_LAI_LOP');
    expect(outcomeTt58({ ...b, standing: 'KEM' }).outcome).toBe('O_LAI_LOP');
    expect(outcomeTt58({ ...b, standing: 'Y', conduct: 'Y' }).outcome).toBe('O_LAI_LOP');
    expect(outcomeTt58({ ...b, standing: 'Y' }).outcome).toBe('KIEM_TRA_LAI');
    expect(outcomeTt58({ ...b, standing: 'Y', standingAfterReassess: 'TB' }).outcome).toBe('LEN_LOP');
    expect(outcomeTt58({ ...b, conduct: 'Y' }).outcome).toBe('REN_LUYEN_HE');
    expect(outcomeTt58({ ...b, conduct: 'Y', conductAfterSummer: 'Y' }).outcome).toBe('O_LAI_LOP');
  });
});

describe('THPT choices', () => {
  const base = ['literature', 'mathematics', 'foreign-language-1', 'history', 'physical-education', 'defence-security',
    'experiential-career', 'local-education'];
  it('accepts 4 electives and 3 clusters', () => {
    expect(checkThptChoices(10, [...base, 'physics', 'chemistry', 'biology', 'informatics'], ['mathematics', 'physics', 'chemistry'])).toEqual([]);
  });
  it('flags 3 or 5 electives and bad clusters', () => {
    expect(checkThptChoices(11, [...base, 'physics', 'chemistry', 'biology'], ['mathematics', 'physics', 'chemistry']))
      .toEqual([{ code: 'ELECTIVE_COUNT', declared: 3, expected: 4 }]);
    expect(checkThptChoices(11, [...base, 'physics', 'chemistry', 'biology', 'music', 'geography'], ['mathematics', 'physics', 'chemistry'])[0])
      .toEqual({ code: 'ELECTIVE_COUNT', declared: 5, expected: 4 });
    const issues = checkThptChoices(12, [...base, 'physics', 'chemistry', 'biology', 'geography'], ['mathematics', 'mathematics', 'economics-law', 'defence-security']);
    expect(issues.map((i) => i.code)).toEqual(['TOPIC_CLUSTER_COUNT', 'TOPIC_CLUSTER_DUPLICATE', 'TOPIC_CLUSTER_NOT_TAKEN', 'TOPIC_CLUSTER_NOT_OFFERED']);
  });
});

describe('catalogue', () => {
  it('periods and compulsory subjects', () => {
    expect(periodsOf(offeringOf('technology', 7)!, 7)).toBe(35);
    expect(periodsOf(offeringOf('technology', 8)!, 8)).toBe(52);
    expect(requiredRegularCount(periodsOf(offeringOf('technology', 8)!, 8))).toBe(3);
    expect(offeringOf('physics', 9)).toBeUndefined();
    expect(compulsorySubjects(6)).toEqual(expect.arrayContaining(['literature', 'mathematics', 'arts', 'natural-sciences']));
    expect(compulsorySubjects(6)).not.toContain('music');
    expect(compulsorySubjects(10)).toEqual(['mathematics', 'foreign-language-1', 'physical-education', 'experiential-career',
      'literature', 'local-education', 'history', 'defence-security']);
  });
});

describe('personal ID (NĐ137/2015 Art.13)', () => {
  it('has the 63 province codes', () => {
    expect(PROVINCE_CODES).toHaveLength(63);
    expect(new Set(PROVINCE_CODES.map((p) => p.code)).size).toBe(63);
    expect(new Set(PROVINCE_CODES.map((p) => p.mergedInto2025)).size).toBe(34);
  });
  it('decodes century/sex digits 0..9', () => {
    const years = [1905, 1905, 2005, 2005, 2105, 2105, 2205, 2205, 2305, 2305];
    for (let g = 0; g <= 9; g++) {
      const d = decodePersonalId(`001${g}05123456`)!;
      expect(d.birthYear, String(g)).toBe(years[g]);
      expect(d.sex).toBe(g % 2 === 0 ? 'NAM' : 'NU');
    }
  });
  it('checks format, province, year and sex', () => {
    expect(checkPersonalId('001209012345', { dateOfBirth: '2009-01-31', sex: 'NAM' })).toEqual([]);
    expect(checkPersonalId('001309012345', { dateOfBirth: '2009-01-31', sex: 'NU' })).toEqual([]);
    expect(checkPersonalId('00120901234', {})).toEqual([{ code: 'DDCN_FORMAT' }]);
    expect(checkPersonalId('00120901234a', {})).toEqual([{ code: 'DDCN_FORMAT' }]);
    expect(checkPersonalId('003209012345', {})).toEqual([{ code: 'DDCN_PROVINCE_UNKNOWN', province: '003' }]);
    expect(checkPersonalId('001109012345', { dateOfBirth: '2009-01-31', sex: 'NU' }))
      .toEqual([{ code: 'DDCN_BIRTH_YEAR_MISMATCH', declared: 2009, computed: 1909 }]);
    expect(checkPersonalId('001209012345', { dateOfBirth: '2009-01-31', sex: 'NU' }))
      .toEqual([{ code: 'DDCN_SEX_MISMATCH', declared: 'NU', computed: 'NAM' }]);
    expect(checkPersonalId('079099012345', { dateOfBirth: '1999-12-31', sex: 'NAM' })).toEqual([]);
  });
});

describe('non-string personal IDs', () => {
  it('are malformed, never decoded', () => {
    expect(decodePersonalId(1234567890123 as never)).toBeUndefined();
    expect(checkPersonalId(123456789012 as never, {})).toEqual([{ code: 'DDCN_FORMAT' }]);
  });
});
