/**
 * Small constructors shared by the diff rules.
 * @module
 */
import type { ModificationLevel, RuleVerdict } from './types.js';

/**
 * A rule verdict with English and Vietnamese descriptions.
 *
 * @example
 * ```ts
 * verdict('signing', 'new signature field "GVCN"', 'thêm trường chữ ký "GVCN"')
 * ```
 */
export function verdict(level: ModificationLevel, description: string, descriptionVi: string): RuleVerdict {
  return { level, description, descriptionVi };
}

const ORDER: readonly ModificationLevel[] = ['none', 'lta', 'signing', 'form-filling', 'annotations', 'forbidden'];

/**
 * Rank of a level (higher is more intrusive).
 *
 * @example
 * ```ts
 * levelRank('annotations') > levelRank('form-filling') // true
 * ```
 */
export function levelRank(level: ModificationLevel): number {
  return ORDER.indexOf(level);
}

/**
 * The most intrusive change DocMDP P allows: P=1 only DSS/document timestamps (as pyHanko and Adobe do),
 * P=2 form filling and signing, P=3 also annotations.
 *
 * @example
 * ```ts
 * permittedLevel(2) // 'form-filling'
 * ```
 */
export function permittedLevel(p: 1 | 2 | 3): ModificationLevel {
  return p === 1 ? 'lta' : p === 2 ? 'form-filling' : 'annotations';
}
