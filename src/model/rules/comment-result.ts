/**
 * Result of a comment-only subject (Đ/CĐ).
 * @module
 */
import type { PassFail } from '../types.js';

/**
 * Semester result of a comment-only subject, TT22/2021 Art.9 (comment subjects) [M]: Đ when every required assessment
 * was done (no missing slot) and every one is Đ; CĐ otherwise.
 *
 * @param assessments the semester's ĐĐGtx, ĐĐGgk and ĐĐGck (`undefined` = missing)
 * @example
 * ```ts
 * commentSemesterResult(['D', 'D', 'D', 'D']); // 'D'
 * commentSemesterResult(['D', undefined, 'D']); // 'CD'
 * ```
 */
export function commentSemesterResult(assessments: readonly (PassFail | undefined)[]): PassFail {
  return assessments.length > 0 && assessments.every((a) => a === 'D') ? 'D' : 'CD';
}

/**
 * Year result of a comment-only subject, TT22/2021 Art.9 (comment subjects) [M]: the HKII result.
 *
 * @example
 * ```ts
 * commentYearResult('CD', 'D'); // 'D'
 * ```
 */
export function commentYearResult(_hk1: PassFail, hk2: PassFail): PassFail {
  return hk2;
}
