/**
 * Cross-check of two independent descriptions of the record shape: the shape table (schemas, XML mapping) and
 * the model validator's structural reading. A record the JSON Schema accepts must never get a structural
 * finding from validateTranscript/validateGradebook (unknown/missing member, wrong type, wrong enumeration).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateGradebook, validateTranscript } from '../../src/model/index.js';
import { recordArb } from './helpers/arbitrary-record.js';
import { compileRecordSchemas } from './helpers/ajv.js';

const STRUCTURAL = new Set(['WRONG_TYPE', 'MISSING_FIELD', 'UNKNOWN_FIELD', 'FIELD_OF_OTHER_REGIME', 'KIND_MISMATCH', 'SCHEMA_VERSION_UNSUPPORTED']);

/** Members optional in the shape but required by a rule in some cases (THPT years need their chuyên đề list). */
const CONDITIONALLY_REQUIRED = /\/topicClusters$/;

const isStructural = (f: { code: string; path: string }): boolean =>
  STRUCTURAL.has(f.code) && !(f.code === 'MISSING_FIELD' && CONDITIONALLY_REQUIRED.test(f.path));

describe('shape table vs model validator', () => {
  const validators = compileRecordSchemas();
  for (const kind of ['transcript', 'gradebook'] as const) {
    it(`schema-valid ${kind}s get no structural finding from the validator`, () => {
      fc.assert(
        fc.property(recordArb(kind), (record) => {
          expect(validators[kind](record)).toBe(true);
          const result = kind === 'transcript' ? validateTranscript(record) : validateGradebook(record);
          const structural = [...result.errors, ...result.warnings].filter(isStructural).map((f) => `${f.code} ${f.path}`);
          expect(structural).toEqual([]);
        }),
        { numRuns: kind === 'transcript' ? 60 : 80 },
      );
    });
  }
});
