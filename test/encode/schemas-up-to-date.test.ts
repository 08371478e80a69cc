import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { schemaFiles } from '../../src/encode/record/write-schemas.js';
import { compileRecordSchemas } from './helpers/ajv.js';
import type { JsonSchema } from '../../src/encode/record/json-schema.js';

describe('shipped schemas', () => {
  it('schemas/ holds exactly what the shape table generates (run `npm run fixtures` after changing it)', () => {
    for (const [name, content] of Object.entries(schemaFiles())) {
      expect([name, readFileSync(`schemas/${name}`, 'utf8')]).toEqual([name, content]);
    }
  });

  it('the shipped JSON Schemas compile in Ajv strict mode (draft 2020-12)', () => {
    const load = (name: string): JsonSchema => JSON.parse(readFileSync(`schemas/${name}`, 'utf8')) as JsonSchema;
    const validators = compileRecordSchemas({ transcript: load('transcript.schema.json'), gradebook: load('gradebook.schema.json') });
    expect(validators.transcript({ kind: 'transcript' })).toBe(false);
    expect(validators.gradebook({})).toBe(false);
  });

  it('the shipped XSD is a valid schema for xmllint', () => {
    const run = spawnSync('xmllint', ['--noout', '--schema', 'schemas/edusign-record.xsd', '-'], {
      input: '<gradebook xmlns="urn:edusign-vn:record:1"/>', encoding: 'utf8', timeout: 30_000,
    });
    expect(run.stderr).toContain("Missing child element(s)");
    expect(run.stderr).not.toContain('failed to compile');
  });
});
