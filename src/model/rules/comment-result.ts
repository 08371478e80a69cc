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
  return Array.isArray(assessments) && assessments.length > 0 && assessments.every((a) => a === 'D') ? 'D' : 'CD';
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

/**
 * Semester result of a comment-only subject under TT58/2011 as amended by TT26/2020 [M]: Đ when every required
 * assessment was done, the end-of-semester one (ĐĐGck) is Đ, and at least two thirds of all assessments are Đ.
 *
 * @param assessments the semester's ĐĐGtx, then ĐĐGgk, then ĐĐGck (last)
 * @example
 * ```ts
 * commentSemesterResultTt58(['D', 'CD', 'D', 'D', 'D']); // 'D' (4 of 5, ĐĐGck Đ)
 * commentSemesterResultTt58(['D', 'D', 'D', 'D', 'CD']); // 'CD' (ĐĐGck CĐ)
 * ```
 */
export function commentSemesterResultTt58(assessments: readonly (PassFail | undefined)[]): PassFail {
  if (!Array.isArray(assessments) || assessments.length === 0 || assessments.some((a) => a !== 'D' && a !== 'CD')) return 'CD';
  const passed = assessments.filter((a) => a === 'D').length;
  return assessments[assessments.length - 1] === 'D' && 3 * passed >= 2 * assessments.length ? 'D' : 'CD';
}
