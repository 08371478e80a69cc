import { describe, it } from 'vitest';
import fc from 'fast-check';
import { divideHalfUp, formatScore, semesterAverage, yearAverage } from '../../src/model/index.js';

/** Reference: marks as decimal strings → exact rationals (bigint p/q in points), rounded half-up to one decimal. */
type Rat = { p: bigint; q: bigint };
const rat = (mark: string): Rat => {
  const [w, f = ''] = mark.split('.');
  return { p: BigInt(w! + f), q: 10n ** BigInt(f.length) };
};
const add = (a: Rat, b: Rat): Rat => ({ p: a.p * b.q + b.p * a.q, q: a.q * b.q });
const mul = (a: Rat, k: bigint): Rat => ({ p: a.p * k, q: a.q });
const div = (a: Rat, k: bigint): Rat => ({ p: a.p, q: a.q * k });
/** Round half-up to one decimal, returned as a decimal string "x.y". */
const roundOneDecimal = (a: Rat): string => {
  // tenths = floor(a*10 + 1/2) = floor((20p + q) / 2q)
  const t = (20n * a.p + a.q) / (2n * a.q);
  return `${t / 10n}.${t % 10n}`;
};
const markArb = fc.integer({ min: 0, max: 100 }).map((t) => (t % 10 === 0 && t % 20 === 0 ? String(t / 10) : formatScore(t)));
const tenths = (m: string): number => Math.round(Number(m) * 10);

describe('averages against an exact rational reference', () => {
  it('ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck)/(n + 5), half-up', () => {
    fc.assert(fc.property(fc.array(markArb, { minLength: 2, maxLength: 5 }), markArb, markArb, (regular, gk, ck) => {
      let sum: Rat = add(mul(rat(gk), 2n), mul(rat(ck), 3n));
      for (const r of regular) sum = add(sum, rat(r));
      const expected = roundOneDecimal(div(sum, BigInt(regular.length + 5)));
      return formatScore(semesterAverage(regular.map(tenths), tenths(gk), tenths(ck))) === expected;
    }), { numRuns: 2000 });
  });
  it('ĐTBmcn = (HKI + 2·HKII)/3, half-up', () => {
    fc.assert(fc.property(markArb, markArb, (hk1, hk2) => {
      const expected = roundOneDecimal(div(add(rat(hk1), mul(rat(hk2), 2n)), 3n));
      return formatScore(yearAverage(tenths(hk1), tenths(hk2))) === expected;
    }), { numRuns: 2000 });
  });
  it('divideHalfUp rounds exact midpoints up and is within half a unit', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
      const r = divideHalfUp(n, d);
      // |r - n/d| <= 1/2 and midpoints go up: 2n - d < 2rd <= 2n + d
      return 2 * n - d < 2 * r * d && 2 * r * d <= 2 * n + d;
    }), { numRuns: 2000 });
  });
  it('an average stays within the range of its marks', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }), (regular, gk, ck) => {
        const all = [...regular, gk, ck];
        const a = semesterAverage(regular, gk, ck);
        return a >= Math.min(...all) && a <= Math.max(...all);
      }));
  });
});
