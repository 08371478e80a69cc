/**
 * The Ministry data model: transcripts (học bạ), gradebooks (sổ điểm), the rules of Circulars 22/2021,
 * 27/2020, 58/2011 and 30/2014, and validation. Knows nothing of signatures or encodings.
 * @module
 */
export type * from './types.js';
export { MARK_PATTERN, isMark, parseScore, formatScore, assertTenths } from './score.js';
export * from './catalogue.js';
export * from './labels.js';
export * from './provinces.js';
export * from './signers.js';
export * from './rules/regime.js';
export * from './rules/regular-count.js';
export * from './rules/average.js';
export * from './rules/comment-result.js';
export * from './rules/level4.js';
export * from './rules/learning-level.js';
export * from './rules/conduct-year.js';
export * from './rules/outcome.js';
export * from './rules/legacy.js';
export * from './rules/titles.js';
export * from './rules/primary-overall.js';
export * from './rules/thpt-choices.js';
export * from './rules/personal-id.js';
export * from './validate/index.js';
export * from './derive/tt22-year.js';
export * from './derive/gradebook-entry.js';
