/**
 * Year rèn luyện (conduct) level from the two semesters, TT22/2021 Art.8.2.
 * @module
 */
import type { Level4 } from '../types.js';
import { assertLevel4 } from './level4.js';

/**
 * Year rèn luyện level, TT22/2021 Art.8.2 (semester levels are the teacher's judgement):
 * - Tốt: HKII Tốt and HKI Khá or better [V].
 * - Khá: HKII Khá and HKI Đạt or better [V]; HKII Đạt and HKI Tốt [M]; HKII Tốt and HKI Đạt or Chưa đạt [M].
 * - Đạt: HKII Đạt and HKI Khá, Đạt or Chưa đạt; HKII Khá and HKI Chưa đạt [M].
 * - Chưa đạt: otherwise (HKII Chưa đạt).
 * The same table gives the year học tập level in TT22 only through ĐTBmcn, not from semesters.
 *
 * @example
 * ```ts
 * conductYear('KHA', 'TOT'); // 'TOT'
 * conductYear('CHUA_DAT', 'TOT'); // 'KHA'
 * ```
 */
export function conductYear(hk1: Level4, hk2: Level4): Level4 {
  assertLevel4(hk1, 'conductYear');
  assertLevel4(hk2, 'conductYear');
  switch (hk2) {
    case 'TOT': return hk1 === 'TOT' || hk1 === 'KHA' ? 'TOT' : 'KHA';
    case 'KHA': return hk1 === 'CHUA_DAT' ? 'DAT' : 'KHA';
    case 'DAT': return hk1 === 'TOT' ? 'KHA' : 'DAT';
    default: return 'CHUA_DAT';
  }
}
