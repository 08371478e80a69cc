/**
 * A small description language for the JSON shape of records. One table written in it
 * (`record-shapes.ts`) drives the XML mapping (`to-xml.ts`, `from-xml.ts`), the XSD (`xsd.ts`) and the
 * JSON Schemas (`json-schema.ts`), so the four cannot drift apart.
 *
 * Regular expressions in {@link StringShape.pattern} are written in the common subset of XSD and ECMAScript
 * regex syntax: no anchors (XSD patterns are implicitly anchored; the JSON Schema generator adds `^(…)$`), no
 * `(?:…)`, no `\d`/`\w`, no lookaround.
 * @module
 */

/** A JSON string, optionally constrained. */
export interface StringShape {
  kind: 'string';
  pattern?: string;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  /** Short description used in generated schemas. */
  doc?: string;
  /** Name of a shared simple type in the XSD (`<name>Type`); unnamed shapes are declared inline. */
  name?: string;
}

/** A JSON integer. */
export interface IntegerShape {
  kind: 'integer';
  minimum?: number;
  maximum?: number;
  doc?: string;
  /** Name of a shared simple type in the XSD (`<name>Type`). */
  name?: string;
}

/** A JSON boolean. */
export interface BooleanShape {
  kind: 'boolean';
  doc?: string;
}

/** A fixed value (`kind: "transcript"`, `schemaVersion: 1`, `regime: "TT22_2021"`). */
export interface ConstShape {
  kind: 'const';
  value: string | number;
}

/** A scalar shape. */
export type ScalarShape = StringShape | IntegerShape | BooleanShape | ConstShape;

/** One member of an object. */
export interface FieldShape {
  shape: Shape;
  optional?: boolean;
}

/** A JSON object with a closed set of members, in XML element order. */
export interface ObjectShape {
  kind: 'object';
  /** Type name in the XSD (`…Type`) and JSON Schema `$defs`. */
  name: string;
  members: ReadonlyArray<readonly [string, FieldShape]>;
  doc?: string;
}

/** A JSON array; in XML a wrapper element holding one `itemElement` per item. */
export interface ArrayShape {
  kind: 'array';
  item: ObjectShape | ScalarShape;
  itemElement: string;
  minItems?: number;
  maxItems?: number;
}

/** A JSON array whose items may be `null`; in XML `<valueElement>` or an empty `<nullElement/>`. */
export interface NullableArrayShape {
  kind: 'nullableArray';
  item: StringShape;
  valueElement: string;
  nullElement: string;
}

/** A JSON array of objects discriminated by one member; in XML one element name per variant. */
export interface UnionArrayShape {
  kind: 'unionArray';
  discriminator: string;
  variants: ReadonlyArray<{ tag: string; element: string; shape: ObjectShape }>;
  minItems?: number;
}

/** A JSON object used as a map from string keys to scalars; in XML `<entry key="…">value</entry>`. */
export interface MapShape {
  kind: 'map';
  /** Values must be a named shape: the XSD extends its simple type with the `key` attribute. */
  value: StringShape & { name: string };
  keyPattern?: string;
  entryElement: string;
}

/** Any shape. */
export type Shape = ScalarShape | ObjectShape | ArrayShape | NullableArrayShape | UnionArrayShape | MapShape;

type FieldFor<V> = undefined extends V ? { shape: Shape; optional: true } : { shape: Shape; optional?: false };

/** Member table for type `T`: every member of `T` must be described, optional exactly when `T` says so. */
export type MembersOf<T> = { [K in keyof T]-?: FieldFor<T[K]> };

/**
 * Builds an {@link ObjectShape} from a member table that TypeScript checks against the model type `T`
 * (a member added to the model without a shape here is a compile error).
 *
 * @example
 * ```ts
 * const code = objectShape<Code>('Code', { system: req(text), value: req(text) });
 * ```
 */
export function objectShape<T>(name: string, members: MembersOf<T>, doc?: string): ObjectShape {
  const entries = Object.entries(members as Record<string, FieldShape>).map(([key, field]) => [key, field] as const);
  return doc === undefined ? { kind: 'object', name, members: entries } : { kind: 'object', name, members: entries, doc };
}

/**
 * A required member.
 *
 * @example
 * ```ts
 * const fields = { name: req({ kind: 'string' }) };
 * ```
 */
export function req(shape: Shape): { shape: Shape } {
  return { shape };
}

/**
 * An optional member.
 *
 * @example
 * ```ts
 * const fields = { nickname: opt({ kind: 'string' }) };
 * ```
 */
export function opt(shape: Shape): { shape: Shape; optional: true } {
  return { shape, optional: true };
}
