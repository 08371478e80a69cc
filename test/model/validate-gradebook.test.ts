import { describe, expect, it } from 'vitest';
import { formatScore, semesterAverage, validateGradebook, yearAverage, type ValidationResult } from '../../src/model/index.js';
import { smallGradebook } from './builders.js';

type Json = Record<string, any>;
const find = (r: ValidationResult, code: string) => r.errors.find((e) => e.code === code);
const entries = (g: Json) => g['entries'] as Json[];

describe('validateGradebook', () => {
  it('accepts the hand-computed gradebook', () => {
    const r = validateGradebook(smallGradebook());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
  });
  it('ĐTBmhk mismatch with both values (half-up: 8.25 → 8.3)', () => {
    const g = smallGradebook();
    entries(g)[0]!['average'] = '8.2';
    expect(find(validateGradebook(g), 'AVERAGE_MISMATCH')).toMatchObject({ path: '/entries/0/average', declared: '8.2', computed: '8.3' });
  });
  it('ĐTBmcn mismatch and re-assessment eligibility', () => {
    const g = smallGradebook();
    (g['yearResults'] as Json[])[0]!['average'] = '7.3';
    (g['yearResults'] as Json[])[0]!['reassessed'] = '8.0';
    const r = validateGradebook(g);
    expect(find(r, 'AVERAGE_MISMATCH')).toMatchObject({ path: '/yearResults/0/average', declared: '7.3', computed: '7.2' });
    expect(find(r, 'REASSESS_NOT_ELIGIBLE')?.path).toBe('/yearResults/0/reassessed');
  });
  it('Đ/CĐ of a comment subject', () => {
    const g = smallGradebook();
    entries(g)[6]!['average'] = 'D';
    expect(find(validateGradebook(g), 'COMMENT_RESULT_MISMATCH')).toMatchObject({ declared: 'D', computed: 'CD' });
  });
  it('ĐĐGtx count from periods per year and chuyên đề: 4 short, 6 extra', () => {
    const g = smallGradebook();
    entries(g)[0]!['regular'] = ['8', '9', '7', '8'];
    delete entries(g)[0]!['average'];
    entries(g)[1]!['regular'] = ['7', '7', '7', '7', '7', '7'];
    entries(g)[1]!['average'] = '6.8'; // (420+120+195)/11 = 66.8 → 6.7? (see computed)
    const r = validateGradebook(g);
    expect(find(r, 'REGULAR_COUNT_SHORT')).toMatchObject({ path: '/entries/0/regular', declared: '4', computed: '5' });
    expect(r.warnings.find((w) => w.code === 'REGULAR_COUNT_EXTRA')).toMatchObject({ declared: '6', computed: '5' });
    expect(find(r, 'AVERAGE_MISMATCH')).toMatchObject({ declared: '6.8', computed: formatScore(semesterAverage([70, 70, 70, 70, 70, 70], 60, 65)) });
  });
  it('scored subjects: 35/36/70/71 periods → exactly 2/3/3/4 ĐĐGtx', () => {
    for (const [periods, n] of [[35, 2], [36, 3], [70, 3], [71, 4]] as const) {
      for (const [count, code] of [[n, undefined], [n - 1, 'REGULAR_COUNT_SHORT'], [n + 1, 'REGULAR_COUNT_EXTRA']] as const) {
        const g = smallGradebook();
        Object.assign((g['subjects'] as Json[])[0]!, { periodsPerYear: periods, hasTopicCluster: false });
        for (const e of entries(g).slice(0, 4)) { e['regular'] = (e['regular'] as string[]).slice(0, count); delete e['average']; }
        const r = validateGradebook(g);
        const found = [...r.errors, ...r.warnings].filter((f) => f.code.startsWith('REGULAR_COUNT'));
        if (code === undefined) expect(found, `${periods}/${count}`).toEqual([]);
        else expect(found[0], `${periods}/${count}`).toMatchObject({ code, declared: String(count), computed: String(n) });
      }
    }
  });
  it('comment subjects: from 2 up to the period table (sources disagree)', () => {
    for (const [count, code] of [[1, 'REGULAR_COUNT_SHORT'], [2, undefined], [3, undefined], [4, 'REGULAR_COUNT_EXTRA']] as const) {
      const g = smallGradebook(); // Giáo dục thể chất, 70 periods → 2..3
      for (const e of entries(g).slice(4)) { e['regular'] = Array(count).fill('D'); delete e['average']; }
      const r = validateGradebook(g);
      const found = [...r.errors, ...r.warnings].filter((f) => f.code.startsWith('REGULAR_COUNT'));
      if (code === undefined) expect(found, String(count)).toEqual([]);
      else expect(found[0], String(count)).toMatchObject({ code, declared: String(count), computed: '2..3' });
    }
  });
  it('no average while a slot is empty', () => {
    const g = smallGradebook();
    entries(g)[2]!['regular'] = ['5', null, '5.5', '6', '4'];
    const r = validateGradebook(g);
    expect(find(r, 'AVERAGE_WITH_MISSING_MARKS')).toMatchObject({ path: '/entries/2/average', declared: '5.0' });
    delete entries(g)[2]!['midterm'];
    entries(g)[2]!['regular'] = ['5', '6', '5.5', '6', '4'];
    expect(find(validateGradebook(g), 'AVERAGE_WITH_MISSING_MARKS')).toBeDefined();
  });
  it('unknown students and subjects, duplicates, missing entries', () => {
    const g = smallGradebook();
    entries(g).push({ ...entries(g)[0]!, studentId: 'hs-9' });
    entries(g).push({ ...entries(g)[0]!, subjectSlug: 'chemistry' });
    entries(g).push({ ...entries(g)[0]! });
    entries(g).splice(3, 1);
    const r = validateGradebook(g);
    expect(find(r, 'UNKNOWN_STUDENT')?.path).toBe('/entries/7/studentId');
    expect(find(r, 'UNKNOWN_SUBJECT')?.path).toBe('/entries/8/subjectSlug');
    expect(find(r, 'DUPLICATE')?.path).toBe('/entries/9');
    expect(r.warnings.find((w) => w.code === 'ENTRY_MISSING')?.message).toContain('hs-2 / mathematics / HK2');
  });
  it('regime and signer checks', () => {
    const g = smallGradebook();
    g['schoolYear'] = '2021-2022';
    g['homeroom'] = { role: 'GV_BO_MON', name: 'X' };
    entries(g)[0]!['enteredBy'] = { role: 'HIEU_TRUONG', name: 'Y' };
    const r = validateGradebook(g);
    expect(find(r, 'REGIME_MISMATCH')).toMatchObject({ declared: 'TT22_2021', computed: 'TT58_2011' });
    expect(r.errors.filter((e) => e.code === 'SIGNER_ROLE_WRONG').map((e) => e.path)).toEqual(['/homeroom/role', '/entries/0/enteredBy/role']);
  });
  it('TT58 gradebooks: with the TT26 structure only; primary gradebooks are not modelled', () => {
    const g = smallGradebook();
    Object.assign(g, { regime: 'TT58_2011', schoolYear: '2021-2022' });
    expect(find(validateGradebook(g), 'FIELD_NOT_APPLICABLE')?.path).toBe('/subjects/0/hasTopicCluster');
    delete (g['subjects'] as Json[])[0]!['hasTopicCluster'];
    expect(validateGradebook(g).errors).toEqual([]); // 5 ĐĐGtx where 4 are required: a warning only
    g['schoolYear'] = '2019-2020';
    expect(find(validateGradebook(g), 'REGIME_NOT_SUPPORTED')?.path).toBe('/schoolYear');
    Object.assign(g, { regime: 'TT27_2020', schoolYear: '2024-2025' });
    expect(find(validateGradebook(g), 'REGIME_NOT_SUPPORTED')?.path).toBe('/regime');
  });
  it('a 40-student class × 12 subjects × 2 semesters validates quickly', () => {
    const g = smallGradebook();
    const subjects = Array.from({ length: 12 }, (_, i) => ({ slug: `x-subject-${i}`, nameVi: `Môn ${i}`, assessment: 'SCORE', periodsPerYear: 70 }));
    const students = Array.from({ length: 40 }, (_, i) => ({ id: `hs-${i}`, fullName: `Học sinh ${i}` }));
    const list: Json[] = [];
    const years: Json[] = [];
    let seed = 7;
    const mark = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % 101; };
    for (const s of students) for (const sub of subjects) {
      const avgs: number[] = [];
      for (const semester of [1, 2]) {
        const tx = [mark(), mark(), mark()]; const gk = mark(); const ck = mark();
        const avg = semesterAverage(tx, gk, ck);
        avgs.push(avg);
        list.push({ studentId: s.id, subjectSlug: sub.slug, semester, regular: tx.map(formatScore), midterm: formatScore(gk), final: formatScore(ck),
          average: formatScore(avg), enteredBy: { role: 'GV_BO_MON', name: 'GV' }, updatedAt: '2025-05-20T10:00:00+07:00' });
      }
      years.push({ studentId: s.id, subjectSlug: sub.slug, average: formatScore(yearAverage(avgs[0]!, avgs[1]!)) });
    }
    Object.assign(g, { subjects, students, entries: list, yearResults: years });
    const t0 = performance.now();
    const r = validateGradebook(g);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.errors).toEqual([]);
    expect(list).toHaveLength(960);
  });
});

describe('gradebook locks (khóa sổ)', () => {
  it('marks of a locked semester must not change after the lock', () => {
    const g = smallGradebook();
    g['locks'] = [{ scope: 'HK1', by: { role: 'HIEU_TRUONG', name: 'Lê Văn Cường' }, at: '2025-01-12T17:00:00+07:00' }];
    expect(validateGradebook(g).errors).toEqual([]); // entries updated 2025-01-10
    entries(g)[2]!['updatedAt'] = '2025-01-12T10:30:00Z'; // 17:30 in Hà Nội: after the lock
    entries(g)[3]!['updatedAt'] = '2025-05-12T10:30:00+07:00'; // HK2 entry: not locked
    const r = validateGradebook(g);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['CHANGED_AFTER_LOCK', '/entries/2/updatedAt']]);
    (g['locks'] as Json[])[0]!['scope'] = 'YEAR';
    expect(validateGradebook(g).errors.map((e) => e.path)).toEqual(['/entries/2/updatedAt', '/entries/3/updatedAt']);
  });
});

describe('comment results under TT58 (+TT26)', () => {
  it('accepts the TT58 two-thirds reading as well as the TT22 one', () => {
    const g = smallGradebook();
    Object.assign(g, { regime: 'TT58_2011', schoolYear: '2021-2022' });
    delete (g['subjects'] as Json[])[0]!['hasTopicCluster'];
    entries(g)[6]!['average'] = 'D'; // ['D','CD','D'] + D + D: 4 of 5 Đ, ĐĐGck Đ → Đ under TT58; CĐ under TT22
    expect(validateGradebook(g).errors).toEqual([]);
    g['regime'] = 'TT22_2021';
    g['schoolYear'] = '2024-2025';
    expect(find(validateGradebook(g), 'COMMENT_RESULT_MISMATCH')).toMatchObject({ declared: 'D', computed: 'CD' });
  });
});

describe('year results', () => {
  it('are expected where both semesters are complete', () => {
    const g = smallGradebook();
    (g['yearResults'] as Json[]).splice(1, 1);
    const r = validateGradebook(g);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['YEAR_RESULT_MISSING']);
    expect(r.warnings[0]!.message).toContain('hs-2 / mathematics');
    delete g['yearResults'];
    expect(validateGradebook(g).warnings).toEqual([]); // a book without year results yet
  });
});
