/** Ajv (draft 2020-12) with ajv-formats, compiled from the generated record schemas. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { recordJsonSchema } from '../../../src/encode/record/json-schema.js';
import type { RecordKind } from '../../../src/encode/record/record-shapes.js';
import type { JsonSchema } from '../../../src/encode/record/json-schema.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = addFormatsModule.default;

/** Compiles schemas in strict mode with formats; one Ajv instance per call (no shared state). */
export function compileRecordSchemas(schemas?: Record<RecordKind, JsonSchema>): Record<RecordKind, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const source = schemas ?? { transcript: recordJsonSchema('transcript'), gradebook: recordJsonSchema('gradebook') };
  return { transcript: ajv.compile(source.transcript), gradebook: ajv.compile(source.gradebook) };
}
