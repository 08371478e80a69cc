import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEdusignError } from '../../src/errors.js';
import { validateGradebook, validateTranscript, type ValidationResult } from '../../src/model/index.js';
import { smallGradebook, thptTranscript } from './builders.js';

type Json = Record<string, any>;

function timed(fn: () => ValidationResult): { r: ValidationResult; ms: number } {
  const t0 = performance.now();
  const r = fn();
  return { r, ms: performance.now() - t0 };
}

function wellFormed(r: ValidationResult): void {
  expect(typeof r.ok).toBe('boolean');
  expect(r.ok).toBe(r.errors.length === 0);
  for (const f of [...r.errors, ...r.warnings]) {
    expect(typeof f.code).toBe('string');
    expect(f.path === '' || f.path.startsWith('/')).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.messageVi.length).toBeGreaterThan(0);
    expect(f.path.length).toBeLessThan(2000);
    expect(f.message.length).toBeLessThan(2000);
  }
}

/** Nesting built iteratively (no recursion in the test either). */
function deep(n: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('hostile input never crashes or hangs', () => {
  it('non-objects', () => {
    for (const v of [null, undefined, 0, -1, NaN, Infinity, '', 'transcript', true, [], [1, 2], () => 1, Symbol('x'), 10n]) {
      const a = validateTranscript(v);
      const b = validateGradebook(v);
      wellFormed(a); wellFormed(b);
      expect(a.ok).toBe(false);
      expect(a.errors[0]!.code).toBe('WRONG_TYPE');
      expect(b.errors[0]!.path).toBe('');
    }
  });
  it('deep nesting anywhere (100 000 levels) is not walked', () => {
    const d = deep(100_000);
    const t = thptTranscript();
    t['student'] = d;
    (t['years'] as Json[])[0]!['extra'] = d;
    (t['years'] as Json[])[0]!['subjects'] = [d, d];
    const { r, ms } = timed(() => validateTranscript(t));
    wellFormed(r);
    expect(r.ok).toBe(false);
    expect(ms).toBeLessThan(1000);
    expect(validateGradebook(d).ok).toBe(false);
  });
  it('deep nesting in every member of a transcript, a year, a subject row and a gradebook', () => {
    const d = deep(100_000);
    const t = thptTranscript();
    const y = (t['years'] as Json[])[0]!;
    const row = (y['subjects'] as Json[])[0]!;
    for (const o of [row, y, t]) for (const k of Object.keys(o)) { if (o !== t || k !== 'years') o[k] = d; }
    y['subjects'] = [row];
    const { r, ms } = timed(() => validateTranscript(t));
    wellFormed(r);
    expect(ms).toBeLessThan(1000);
    const g = smallGradebook();
    const e = (g['entries'] as Json[])[0]!;
    for (const k of Object.keys(e)) e[k] = d;
    for (const k of Object.keys(g)) if (k !== 'entries') g[k] = d;
    wellFormed(validateGradebook(g));
    // arrays nested directly in arrays: String() of such a value would overflow the stack
    let a: unknown = 'x';
    for (let i = 0; i < 100_000; i++) a = [a];
    for (const v of [a, { ...thptTranscript(), kind: a }, { ...smallGradebook(), kind: a }]) {
      wellFormed(validateTranscript(v));
      wellFormed(validateGradebook(v));
    }
    const t2 = thptTranscript();
    for (const k of Object.keys(t2)) t2[k] = a;
    wellFormed(validateTranscript(t2));
  });
  it('10 MB strings are reported by length, not processed', () => {
    const big = 'ạ'.repeat(10 * 1024 * 1024);
    const t = thptTranscript();
    (t['student'] as Json)['fullName'] = big;
    t['id'] = big;
    (t['years'] as Json[])[0]!['homeroomComment'] = big;
    (t['years'] as Json[])[0]!['subjects'][0]['hk1'] = big;
    (t['years'] as Json[])[0]![big.slice(0, 1_000_000)] = 1;
    const { r, ms } = timed(() => validateTranscript(t));
    wellFormed(r);
    expect(r.errors.filter((e) => e.code === 'STRING_TOO_LONG').map((e) => e.path)).toEqual(['/id', '/student/fullName', '/years/0/homeroomComment']);
    expect(r.errors.map((e) => e.code)).toContain('INVALID_MARK');
    expect(r.errors.map((e) => e.code)).toContain('KEY_TOO_LONG');
    expect(ms).toBeLessThan(1000);
  });
  it('fifty thousand unknown members: findings are capped', () => {
    const t = thptTranscript();
    for (let i = 0; i < 50_000; i++) t[`k${i}`] = i;
    const { r, ms } = timed(() => validateTranscript(t));
    expect(r.errors.length).toBe(1001);
    expect(r.errors[1000]!.code).toBe('TOO_MANY_FINDINGS');
    expect(ms).toBeLessThan(3000);
  });
  it('long arrays are cut; absurd ones are a typed error', () => {
    const g = smallGradebook();
    g['students'] = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, fullName: 'A' }));
    const r = validateGradebook(g);
    expect(r.errors.find((e) => e.code === 'ARRAY_TOO_LONG')?.path).toBe('/students');
    const t = thptTranscript();
    t['years'] = new Array(1_000_001);
    try {
      validateTranscript(t);
      expect.unreachable();
    } catch (e) {
      expect(isEdusignError(e) && e.code === 'INPUT_TOO_LARGE').toBe(true);
    }
  });
  it('lone surrogates and control characters', () => {
    const t = thptTranscript();
    (t['student'] as Json)['fullName'] = 'An\uD800';
    (t['student'] as Json)['placeOfBirth'] = 'Hà\u0000Nội';
    const r = validateTranscript(t);
    expect(r.errors.map((e) => e.code)).toEqual(['TEXT_INVALID_UNICODE', 'TEXT_CONTROL_CHARACTER']);
  });
  it('JSON Pointer escaping of odd member names', () => {
    const t = thptTranscript();
    t['a/b~c'] = 1;
    expect(validateTranscript(t).errors[0]!.path).toBe('/a~1b~0c');
  });
  it('__proto__ and constructor members are plain unknown members', () => {
    const t = JSON.parse(JSON.stringify(thptTranscript()).replace('{', '{"__proto__":{"ok":true},"constructor":1,'));
    const r = validateTranscript(t);
    expect(r.errors.map((e) => e.path)).toEqual(['/__proto__', '/constructor']);
  });
});

describe('every member replaced by a hostile value', () => {
  it('never throws (transcript of every regime, gradebook)', async () => {
    const { legacyYear, primaryYear, tt30Year } = await import('./builders.js');
    let a: unknown = 'x';
    for (let i = 0; i < 50_000; i++) a = [a];
    const hostile: unknown[] = [a, deep(50_000), 'ạ'.repeat(2_000_000), null, {}];
    const records: [Json, (v: unknown) => ValidationResult][] = [
      [thptTranscript(), validateTranscript],
      [{ ...thptTranscript(), years: [legacyYear(), primaryYear(), tt30Year()] }, validateTranscript],
      [smallGradebook(), validateGradebook],
    ];
    let count = 0;
    for (const [base, validate] of records) {
      const paths: string[][] = [];
      const walk = (v: unknown, p: string[]): void => {
        if (typeof v !== 'object' || v === null) return;
        for (const [k, c] of Object.entries(v)) { paths.push([...p, k]); walk(c, [...p, k]); }
      };
      walk(base, []);
      for (const path of paths) {
        let o: Json = base;
        for (const k of path.slice(0, -1)) o = o[k];
        const key = path[path.length - 1]!;
        const saved = o[key];
        for (const h of hostile) {
          o[key] = h; // in place, restored below (cloning per case would dominate the run time)
          const r = validate(base);
          if (r.ok !== (r.errors.length === 0) || ![...r.errors, ...r.warnings].every((f) => f.code && f.message && f.messageVi && f.path.length < 2000)) {
            throw new Error(`malformed result at /${path.join('/')}`);
          }
          count++;
        }
        o[key] = saved;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});

describe('fuzzing (fast-check)', () => {
  it('any JSON value gives a well-formed result', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      wellFormed(validateTranscript(v));
      wellFormed(validateGradebook(v));
    }), { numRuns: 150 });
  });
  it('replacing any member of a valid record by any JSON value gives a well-formed result', () => {
    const base = thptTranscript();
    const paths: string[][] = [];
    const walk = (v: unknown, p: string[]): void => {
      if (typeof v !== 'object' || v === null) return;
      for (const [k, c] of Object.entries(v)) { paths.push([...p, k]); walk(c, [...p, k]); }
    };
    walk(base, []);
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
      const t = structuredClone(base) as Json;
      let o: Json = t;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]!] = value;
      const r = validateTranscript(t);
      wellFormed(r);
    }), { numRuns: 400 });
  });
  it('gradebook mutations too', () => {
    const base = smallGradebook();
    const keys = ['regular', 'midterm', 'final', 'average', 'semester', 'studentId', 'subjectSlug', 'enteredBy', 'makeUps'];
    fc.assert(fc.property(fc.nat(7), fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (i, k, value) => {
      const g = structuredClone(base) as Json;
      g['entries'][i][k] = value;
      wellFormed(validateGradebook(g));
    }), { numRuns: 200 });
  });
});

describe('one finding per problem', () => {
  it('a missing nested member is reported once, without cascades', () => {
    const t = thptTranscript() as Json;
    delete t['student'];
    for (const k of ['school', 'homeroom', 'conduct', 'learning']) delete t['years'][0][k];
    const r = validateTranscript(t);
    expect(r.errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'MISSING_FIELD /student', 'MISSING_FIELD /years/0/school', 'MISSING_FIELD /years/0/homeroom',
      'MISSING_FIELD /years/0/conduct', 'MISSING_FIELD /years/0/learning',
    ]);
  });
  it('array holes (not JSON) are wrong types', () => {
    const g = smallGradebook();
    g['subjects'] = [undefined, ...(g['subjects'] as unknown[])];
    expect(validateGradebook(g).errors.map((e) => `${e.code} ${e.path}`)).toEqual(['WRONG_TYPE /subjects/0']);
  });
});
