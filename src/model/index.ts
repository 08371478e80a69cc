/**
 * The Ministry data model: transcripts (học bạ), gradebooks (sổ điểm), the rules of Circulars 22/2021,
 * 27/2020, 58/2011 and 30/2014, and validation. Knows nothing of signatures or encodings.
 * @module
 */
export type * from './types.js';
export { MARK_PATTERN, isMark, parseScore, formatScore } from './score.js';
