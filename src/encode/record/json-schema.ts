/**
 * JSON Schema (draft 2020-12) of records, generated from the shape table. The shipped files
 * `schemas/transcript.schema.json` and `schemas/gradebook.schema.json` are this output (written by
 * `npm run fixtures`; a test checks they are up to date).
 * @module
 */
import { RECORD_SHAPES, type RecordKind } from './record-shapes.js';
import type { ObjectShape, Shape, StringShape } from './shape.js';

/** A JSON Schema document (plain JSON). */
export type JsonSchema = { [key: string]: unknown };

/** `$id` of the schema of each record kind. */
export const RECORD_SCHEMA_IDS: Readonly<Record<RecordKind, string>> = {
  transcript: 'urn:edusign-vn:schema:transcript:1',
  gradebook: 'urn:edusign-vn:schema:gradebook:1',
};

function stringSchema(shape: StringShape): JsonSchema {
  const out: JsonSchema = { type: 'string' };
  if (shape.doc !== undefined) out.description = shape.doc;
  if (shape.enum !== undefined) out.enum = [...shape.enum];
  if (shape.pattern !== undefined) out.pattern = `^(${shape.pattern})$`;
  if (shape.minLength !== undefined) out.minLength = shape.minLength;
  if (shape.maxLength !== undefined) out.maxLength = shape.maxLength;
  return out;
}

/** Generates schemas, collecting named object types into `$defs`. @internal */
class SchemaBuilder {
  readonly defs = new Map<string, JsonSchema>();
  private readonly seen = new Map<string, ObjectShape>();

  ref(shape: ObjectShape): JsonSchema {
    const known = this.seen.get(shape.name);
    if (known && known !== shape) throw new Error(`two different shapes are named ${shape.name}`);
    if (!known) {
      this.seen.set(shape.name, shape);
      this.defs.set(shape.name, this.object(shape));
    }
    return { $ref: `#/$defs/${shape.name}` };
  }

  object(shape: ObjectShape): JsonSchema {
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const [key, field] of shape.members) {
      properties[key] = this.schema(field.shape);
      if (!field.optional) required.push(key);
    }
    const out: JsonSchema = { type: 'object' };
    if (shape.doc !== undefined) out.description = shape.doc;
    return { ...out, properties, required, additionalProperties: false };
  }

  schema(shape: Shape): JsonSchema {
    switch (shape.kind) {
      case 'string':
        return stringSchema(shape);
      case 'integer': {
        const out: JsonSchema = { type: 'integer' };
        if (shape.minimum !== undefined) out.minimum = shape.minimum;
        if (shape.maximum !== undefined) out.maximum = shape.maximum;
        return out;
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'const':
        return { const: shape.value };
      case 'object':
        return this.ref(shape);
      case 'array': {
        const out: JsonSchema = { type: 'array', items: this.schema(shape.item) };
        if (shape.minItems !== undefined) out.minItems = shape.minItems;
        if (shape.maxItems !== undefined) out.maxItems = shape.maxItems;
        return out;
      }
      case 'nullableArray':
        return { type: 'array', items: { anyOf: [stringSchema(shape.item), { type: 'null' }] } };
      case 'unionArray': {
        const out: JsonSchema = { type: 'array', items: { oneOf: shape.variants.map((v) => this.ref(v.shape)) } };
        if (shape.minItems !== undefined) out.minItems = shape.minItems;
        return out;
      }
      case 'map': {
        const out: JsonSchema = { type: 'object', additionalProperties: stringSchema(shape.value) };
        if (shape.keyPattern !== undefined) out.propertyNames = { pattern: `^(${shape.keyPattern})$` };
        return out;
      }
    }
  }
}

/**
 * The JSON Schema (2020-12) of a record kind, as shipped in `schemas/<kind>.schema.json`.
 *
 * @example
 * ```ts
 * import Ajv2020 from 'ajv/dist/2020.js';
 * const validate = new Ajv2020({ strict: true }).compile(recordJsonSchema('transcript'));
 * validate(record);
 * ```
 */
export function recordJsonSchema(kind: RecordKind): JsonSchema {
  const builder = new SchemaBuilder();
  const root = builder.object(RECORD_SHAPES[kind]);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: RECORD_SCHEMA_IDS[kind],
    title: kind === 'transcript' ? 'edusign-vn transcript (học bạ)' : 'edusign-vn gradebook (sổ theo dõi và đánh giá học sinh)',
    $comment: 'Generated from src/encode/record/record-shapes.ts; do not edit by hand. Shape only: the Ministry rules are checked by validateTranscript/validateGradebook.',
    ...root,
    $defs: Object.fromEntries(builder.defs),
  };
}
