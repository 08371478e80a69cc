import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conductYear, learningLevel, level4Rank, outcomeTt22, type Level4, type SubjectOutcome } from '../../src/model/index.js';

const subject: fc.Arbitrary<SubjectOutcome> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((tenths) => ({ kind: 'SCORE' as const, tenths })),
  fc.constantFrom<'D' | 'CD'>('D', 'CD').map((result) => ({ kind: 'COMMENT' as const, result })),
);
const level: fc.Arbitrary<Level4> = fc.constantFrom('TOT', 'KHA', 'DAT', 'CHUA_DAT');

describe('học tập level: properties', () => {
  it('improving one subject never lowers the level (before and after Art.9.3)', () => {
    fc.assert(fc.property(fc.array(subject, { minLength: 6, maxLength: 14 }), fc.nat(), fc.integer({ min: 1, max: 100 }), (s, i, inc) => {
      const idx = i % s.length;
      const x = s[idx]!;
      const t = [...s];
      t[idx] = x.kind === 'SCORE' ? { kind: 'SCORE', tenths: Math.min(100, x.tenths + inc) } : { kind: 'COMMENT', result: 'D' };
      const [a, b] = [learningLevel(s), learningLevel(t)];
      return level4Rank(b.unadjusted) >= level4Rank(a.unadjusted) && level4Rank(b.level) >= level4Rank(a.level);
    }), { numRuns: 3000 });
  });
  it('the adjustment raises by exactly one step, only when the would-be level is two or more steps higher', () => {
    fc.assert(fc.property(fc.array(subject, { minLength: 6, maxLength: 14 }), (s) => {
      const r = learningLevel(s);
      if (!r.adjusted) return r.level === r.unadjusted;
      return level4Rank(r.level) === level4Rank(r.unadjusted) + 1 && level4Rank(r.wouldBe!) - level4Rank(r.unadjusted) >= 2;
    }), { numRuns: 3000 });
  });
  it('order of subjects does not matter', () => {
    fc.assert(fc.property(fc.array(subject, { minLength: 6, maxLength: 14 }).chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
      ([s, shuffled]) => {
        expect(learningLevel(shuffled)).toEqual(learningLevel(s));
      }), { numRuns: 1000 });
  });
});

describe('rèn luyện and outcome: properties', () => {
  it('a better HKII never gives a worse year level; the year is within one step of HKII', () => {
    fc.assert(fc.property(level, level, level, (hk1, a, b) => {
      const [lo, hi] = level4Rank(a) <= level4Rank(b) ? [a, b] : [b, a];
      const y = conductYear(hk1, hi);
      return level4Rank(y) >= level4Rank(conductYear(hk1, lo)) && Math.abs(level4Rank(y) - level4Rank(hi)) <= 1;
    }));
  });
  it('more absences never turn a retention into a promotion', () => {
    fc.assert(fc.property(level, level, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (c, l, abs, more, fin) => {
      const a = outcomeTt22({ conductYear: c, learningYear: l, absences: abs, finalGrade: fin });
      const b = outcomeTt22({ conductYear: c, learningYear: l, absences: abs + more, finalGrade: fin });
      return !(a.outcome === 'O_LAI_LOP' && (b.outcome === 'LEN_LOP' || b.outcome === 'HOAN_THANH_CT'));
    }));
  });
});
