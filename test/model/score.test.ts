import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EdusignError } from '../../src/errors.js';
import { formatScore, isMark, parseScore, semesterAverage, yearAverage } from '../../src/model/index.js';

describe('marks as exact decimal strings', () => {
  it('parses well-formed marks to tenths', () => {
    expect(parseScore('8.5')).toBe(85);
    expect(parseScore('0')).toBe(0);
    expect(parseScore('10')).toBe(100);
    expect(parseScore('10.0')).toBe(100);
    expect(parseScore('7')).toBe(70);
    expect(parseScore('0.1')).toBe(1);
  });
  it('rejects everything else', () => {
    for (const bad of ['10.5', '8.25', '-1', '11', '8,5', ' 8', '8.', '.5', '08', '1e1', '', 'NaN', '８']) {
      expect(parseScore(bad), bad).toBeUndefined();
      expect(isMark(bad), bad).toBe(false);
    }
    expect(isMark(8.5)).toBe(false);
  });
  it('formats with exactly one decimal and round-trips', () => {
    expect(formatScore(80)).toBe('8.0');
    expect(formatScore(5)).toBe('0.5');
    expect(formatScore(100)).toBe('10.0');
    expect(() => formatScore(101)).toThrow(/integer tenths/);
    expect(() => formatScore(8.5)).toThrow(EdusignError);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (t) => parseScore(formatScore(t)) === t));
  });
  it('rules refuse marks that are not integer tenths with a typed error', () => {
    for (const bad of [-1, 101, 8.5, NaN, Infinity]) {
      expect(() => semesterAverage([80, bad], 70, 70), String(bad)).toThrow(EdusignError);
      expect(() => semesterAverage([80, 80], bad, 70), String(bad)).toThrow(EdusignError);
      expect(() => yearAverage(bad, 70), String(bad)).toThrow(EdusignError);
    }
  });
});
