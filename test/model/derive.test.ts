import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEdusignError } from '../../src/errors.js';
import { deriveEntryAverage, deriveTt22Year, formatScore, validateGradebook, validateTranscript } from '../../src/model/index.js';
import { smallGradebook, thcsYear, thptTranscript, thptYear } from './builders.js';

type Json = Record<string, any>;

describe('deriveTt22Year', () => {
  it('reproduces the hand-computed THCS year', () => {
    const y = thcsYear() as Json;
    const d = deriveTt22Year({ schoolYear: y['schoolYear'], grade: y['grade'], absences: y['absences'], conduct: y['conduct'], subjects: y['subjects'] });
    expect(d.subjectYears).toEqual((y['subjects'] as Json[]).map((r) => r['year']));
    expect(d.conduct.year).toBe('TOT');
    expect(d.learning).toEqual({ hk1: 'DAT', hk2: 'KHA', year: 'KHA', adjusted: false });
    expect(d.outcome).toBe('LEN_LOP');
    expect(d.titles).toEqual([]);
  });
  it('refuses missing or malformed results with a typed error', () => {
    const y = thptYear() as Json;
    (y['subjects'] as Json[])[0]!['hk2'] = 'D';
    try {
      deriveTt22Year({ schoolYear: y['schoolYear'], grade: 10, absences: y['absences'], conduct: y['conduct'], subjects: y['subjects'] });
      expect.unreachable();
    } catch (e) {
      expect(isEdusignError(e) && e.code === 'INVALID_ARGUMENT').toBe(true);
    }
  });
  it('a year filled in by deriveTt22Year always validates (random marks and judgements)', () => {
    const mark = fc.integer({ min: 0, max: 100 }).map(formatScore);
    const level = fc.constantFrom('TOT', 'KHA', 'DAT', 'CHUA_DAT');
    fc.assert(fc.property(fc.array(fc.tuple(mark, mark), { minLength: 12, maxLength: 12 }), fc.array(fc.constantFrom('D', 'CD'), { minLength: 8, maxLength: 8 }),
      level, level, fc.integer({ min: 0, max: 60 }), (marks, comments, c1, c2, absences) => {
        const y = thptYear() as Json;
        let ci = 0;
        (y['subjects'] as Json[]).forEach((row, i) => {
          if (row['subject']['assessment'] === 'SCORE') { row['hk1'] = marks[i]![0]; row['hk2'] = marks[i]![1]; }
          else { row['hk1'] = comments[ci++]; row['hk2'] = comments[ci++]; }
        });
        y['absences'] = { excused: absences, unexcused: 0 };
        y['conduct'] = { hk1: c1, hk2: c2 };
        const d = deriveTt22Year({ schoolYear: y['schoolYear'], grade: 10, absences: y['absences'], conduct: y['conduct'], subjects: y['subjects'] });
        (y['subjects'] as Json[]).forEach((row, i) => { row['year'] = d.subjectYears[i]; });
        Object.assign(y, { conduct: d.conduct, learning: d.learning, outcome: d.outcome, titles: d.titles });
        const r = validateTranscript({ ...thptTranscript(), years: [y] });
        expect(r.errors).toEqual([]);
        expect(r.warnings.filter((w) => w.code !== 'TITLE_MISSING')).toEqual([]);
      }), { numRuns: 300 });
  });
});

describe('deriveEntryAverage', () => {
  it('matches the hand-computed gradebook entries', () => {
    const g = smallGradebook() as Json;
    const subjects = new Map((g['subjects'] as Json[]).map((s) => [s['slug'], s]));
    for (const e of g['entries'] as Json[]) expect(deriveEntryAverage(e as never, subjects.get(e['subjectSlug']) as never)).toBe(e['average']);
  });
  it('gives nothing while a slot is empty or marks are short', () => {
    const s = { slug: 'mathematics', nameVi: 'Toán', assessment: 'SCORE' as const, periodsPerYear: 105 };
    expect(deriveEntryAverage({ regular: ['8', null, '7', '9'], midterm: '7', final: '8' }, s)).toBeUndefined();
    expect(deriveEntryAverage({ regular: ['8', '7', '9'], midterm: '7', final: '8' }, s)).toBeUndefined();
    expect(deriveEntryAverage({ regular: ['8', '7', '9', '6'], final: '8' }, s)).toBeUndefined();
    expect(deriveEntryAverage({ regular: ['8', '7', '9', '6'], midterm: '7', final: '8' }, s)).toBe('7.6'); // (300+140+240)/9 = 75.6
  });
  it('agrees with validateGradebook on random marks', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }),
      (tx, gk, ck) => {
        const g = smallGradebook() as Json;
        const e = (g['entries'] as Json[])[0]!;
        Object.assign(e, { regular: tx.map(formatScore), midterm: formatScore(gk), final: formatScore(ck) });
        e['average'] = deriveEntryAverage(e as never, (g['subjects'] as Json[])[0] as never);
        const r = validateGradebook(g);
        return !r.errors.some((f) => f.path === '/entries/0/average');
      }), { numRuns: 300 });
  });
});

describe('typed errors for unusable arguments', () => {
  it('rules and builders refuse garbage with INVALID_ARGUMENT', async () => {
    const m = await import('../../src/model/index.js');
    const calls: (() => unknown)[] = [
      () => m.conductYear('X' as never, 'TOT'),
      () => m.learningLevel([{ kind: 'SCORE', tenths: 200 }]),
      () => m.learningLevel([{ kind: 'OTHER' } as never]),
      () => m.learningLevel(null as never),
      () => m.outcomeTt22({ conductYear: 'TOT', learningYear: 'TOT', absences: -1, finalGrade: false }),
      () => m.outcomeTt22({ conductYear: 'GOOD' as never, learningYear: 'TOT', absences: 0, finalGrade: false }),
      () => m.deriveTt22Year(null as never),
      () => m.deriveTt22Year({ schoolYear: '2024-2025', grade: 10, absences: { excused: 0, unexcused: 0 }, conduct: { hk1: 'TOT', hk2: 'TOT' }, subjects: [{} as never] }),
      () => m.deriveTt22Year({ schoolYear: '2024-2025', grade: 10, absences: { excused: -1, unexcused: 0 }, conduct: { hk1: 'TOT', hk2: 'TOT' }, subjects: [] }),
      () => m.deriveEntryAverage({ regular: 'x' } as never, { slug: 'a', nameVi: 'A', assessment: 'SCORE', periodsPerYear: 35 }),
      () => m.deriveEntryAverage({ regular: [] }, {} as never),
      () => m.divideHalfUp(1, 0),
      () => m.level4Rank('EXCELLENT' as never),
      () => m.expectedTitles({ regime: 'TT22_2021', year: 2024, conduct: 'X' as never, learning: 'TOT' }),
      () => m.legacyStanding(70, [{ kind: 'SCORE', tenths: -5, core: true }]),
      () => m.legacyOverallAverage([80, 1000]),
      () => m.outcomeTt58({ conduct: 'A' as never, standing: 'K', absences: 0, finalGrade: false }),
      () => m.primaryOverall({ subjectLevels: ['X' as never], traitLevels: [], testScores: [] }),
      () => m.primaryOverall({ subjectLevels: ['T'], traitLevels: ['T'], testScores: [0] }),
    ];
    for (const [i, call] of calls.entries()) {
      let caught: unknown;
      try { call(); } catch (e) { caught = e; }
      expect(isEdusignError(caught) && caught.code === 'INVALID_ARGUMENT', `call ${i}`).toBe(true);
    }
  });
});
