/**
 * fast-check arbitraries of records, derived from the shape table: values with the record JSON shape
 * (patterns and enums respected, text in NFC), not necessarily following the Ministry rules.
 */
import fc from 'fast-check';
import { RECORD_SHAPES, type RecordKind } from '../../../src/encode/record/record-shapes.js';
import type { ObjectShape, Shape, StringShape } from '../../../src/encode/record/shape.js';

const TEXT_UNITS = fc.constantFrom(
  'a', 'B', ' ', 'ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư', 'Ư', 'Đ', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323',
  '<', '>', '&', '"', "'", '\n', '\t', '\r', '1', '.', '😀', '\u00a0', '-',
);

function text(shape: StringShape): fc.Arbitrary<string> {
  const maxLength = Math.min(shape.maxLength ?? 12, 12);
  const minLength = shape.minLength ?? 0;
  return fc.string({ unit: TEXT_UNITS, minLength, maxLength })
    .map((s) => s.normalize('NFC'))
    .filter((s) => s.length >= minLength);
}

function stringArb(shape: StringShape): fc.Arbitrary<string> {
  if (shape.enum) return fc.constantFrom(...shape.enum);
  if (shape.pattern) return fc.stringMatching(new RegExp(`^(${shape.pattern})$`)).filter((s) => s.length <= (shape.maxLength ?? Infinity));
  return text(shape);
}

function objectArb(shape: ObjectShape): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of shape.members) {
    model[key] = shapeArb(field.shape);
    if (!field.optional) requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Arbitrary JSON value of a shape. */
export function shapeArb(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string': return stringArb(shape);
    case 'integer': return fc.integer({ min: shape.minimum ?? -1000, max: shape.maximum ?? 1000 });
    case 'boolean': return fc.boolean();
    case 'const': return fc.constant(shape.value);
    case 'object': return objectArb(shape);
    case 'array': return fc.array(shapeArb(shape.item), { minLength: shape.minItems ?? 0, maxLength: 2 });
    case 'nullableArray': return fc.array(fc.option(stringArb(shape.item), { nil: null }), { maxLength: 4 });
    case 'unionArray': return fc.array(fc.oneof(...shape.variants.map((v) => objectArb(v.shape))), { minLength: shape.minItems ?? 0, maxLength: 2 });
    case 'map': return fc.dictionary(
      shape.keyPattern ? fc.stringMatching(new RegExp(`^(${shape.keyPattern})$`)) : fc.string({ maxLength: 8 }),
      stringArb(shape.value), { maxKeys: 3 },
    );
  }
}

/** Arbitrary record of a kind. */
export function recordArb(kind: RecordKind): fc.Arbitrary<Record<string, unknown>> {
  return objectArb(RECORD_SHAPES[kind]);
}
