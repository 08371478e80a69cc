/**
 * XML Schema 1.0 of the record XML, generated from the shape table. The shipped file
 * `schemas/edusign-record.xsd` is this output (written by `npm run fixtures`; a test checks it is up to date).
 * @module
 */
import { RECORD_SHAPES } from './record-shapes.js';
import type { MapShape, ObjectShape, ScalarShape, Shape, StringShape } from './shape.js';
import { RECORD_ENVELOPE_ELEMENT, RECORD_XML_NAMESPACE, SIGNATURE_CONTAINER_ELEMENT } from './to-xml.js';
import { XMLDSIG_NAMESPACE } from './from-xml.js';

function attr(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Facets of a string shape, one line each. */
function stringFacets(shape: StringShape): string[] {
  const out: string[] = [];
  for (const value of shape.enum ?? []) out.push(`<xs:enumeration value="${attr(value)}"/>`);
  if (shape.pattern !== undefined) out.push(`<xs:pattern value="${attr(shape.pattern)}"/>`);
  if (shape.minLength !== undefined) out.push(`<xs:minLength value="${shape.minLength}"/>`);
  if (shape.maxLength !== undefined) out.push(`<xs:maxLength value="${shape.maxLength}"/>`);
  return out;
}

/** `[base, facets]` of a scalar's restriction. */
function restriction(shape: ScalarShape): [string, string[]] {
  switch (shape.kind) {
    case 'string':
      return ['xs:string', stringFacets(shape)];
    case 'integer': {
      const facets = ['<xs:pattern value="-?(0|[1-9][0-9]*)"/>'];
      if (shape.minimum !== undefined) facets.push(`<xs:minInclusive value="${shape.minimum}"/>`);
      if (shape.maximum !== undefined) facets.push(`<xs:maxInclusive value="${shape.maximum}"/>`);
      return ['xs:integer', facets];
    }
    case 'boolean':
      return ['xs:boolean', ['<xs:pattern value="true|false"/>']];
    case 'const':
      return ['xs:string', [`<xs:enumeration value="${attr(shape.value)}"/>`]];
  }
}

/** Writes the schema text. @internal */
class XsdWriter {
  private readonly types = new Map<string, string[]>();
  private readonly seen = new Map<string, ObjectShape>();
  private readonly simpleTypes = new Map<string, ScalarShape>();

  /** Declares (once) the named simple type of a scalar and returns its reference. */
  namedSimple(shape: ScalarShape & { name: string }): string {
    const typeName = `${shape.name}Type`;
    const known = this.simpleTypes.get(shape.name);
    if (known && known !== shape) throw new Error(`two different scalar shapes are named ${shape.name}`);
    if (!known) {
      this.simpleTypes.set(shape.name, shape);
      const [base, facets] = restriction(shape);
      const doc = 'doc' in shape && shape.doc !== undefined
        ? ['    <xs:annotation>', `      <xs:documentation>${attr(shape.doc)}</xs:documentation>`, '    </xs:annotation>'] : [];
      this.types.set(typeName, [`  <xs:simpleType name="${typeName}">`, ...doc, `    <xs:restriction base="${base}">`,
        ...facets.map((f) => `      ${f}`), '    </xs:restriction>', '  </xs:simpleType>']);
    }
    return `r:${typeName}`;
  }
  private uniqueCounter = 0;

  simpleType(shape: ScalarShape, indent: string): string[] {
    const [base, facets] = restriction(shape);
    if (facets.length === 0) return [];
    return [
      `${indent}<xs:simpleType>`,
      `${indent}  <xs:restriction base="${base}">`,
      ...facets.map((f) => `${indent}    ${f}`),
      `${indent}  </xs:restriction>`,
      `${indent}</xs:simpleType>`,
    ];
  }

  /** An element declaration of the given shape. */
  element(name: string, shape: Shape, occurs: string, indent: string): string[] {
    const head = `${indent}<xs:element name="${name}"${occurs}`;
    switch (shape.kind) {
      case 'object':
        return [`${head} type="${this.named(shape)}"/>`];
      case 'string':
      case 'integer':
      case 'boolean':
      case 'const': {
        if ((shape.kind === 'string' || shape.kind === 'integer') && shape.name !== undefined) {
          return [`${head} type="${this.namedSimple(shape as ScalarShape & { name: string })}"/>`];
        }
        const inner = this.simpleType(shape, `${indent}  `);
        if (inner.length === 0) return [`${head} type="${restriction(shape)[0]}"/>`];
        return [`${head}>`, ...inner, `${indent}</xs:element>`];
      }
      case 'array':
        return [`${head}>`, `${indent}  <xs:complexType>`, `${indent}    <xs:sequence>`,
          ...this.element(shape.itemElement, shape.item, ` minOccurs="${shape.minItems ?? 0}" maxOccurs="${shape.maxItems ?? 'unbounded'}"`, `${indent}      `),
          `${indent}    </xs:sequence>`, `${indent}  </xs:complexType>`, `${indent}</xs:element>`];
      case 'nullableArray':
        return [`${head}>`, `${indent}  <xs:complexType>`, `${indent}    <xs:choice minOccurs="0" maxOccurs="unbounded">`,
          ...this.element(shape.valueElement, shape.item, '', `${indent}      `),
          `${indent}      <xs:element name="${shape.nullElement}">`, `${indent}        <xs:complexType/>`, `${indent}      </xs:element>`,
          `${indent}    </xs:choice>`, `${indent}  </xs:complexType>`, `${indent}</xs:element>`];
      case 'unionArray':
        return [`${head}>`, `${indent}  <xs:complexType>`, `${indent}    <xs:choice minOccurs="${shape.minItems ?? 0}" maxOccurs="unbounded">`,
          ...shape.variants.map((v) => `${indent}      <xs:element name="${v.element}" type="${this.named(v.shape)}"/>`),
          `${indent}    </xs:choice>`, `${indent}  </xs:complexType>`, `${indent}</xs:element>`];
      case 'map':
        return this.mapElement(head, shape, indent);
    }
  }

  mapElement(head: string, shape: MapShape, indent: string): string[] {
    const valueType = this.namedSimple(shape.value);
    const key = shape.keyPattern === undefined
      ? [`${indent}            <xs:attribute name="key" type="xs:string" use="required"/>`]
      : [`${indent}            <xs:attribute name="key" use="required">`, ...this.simpleType({ kind: 'string', pattern: shape.keyPattern }, `${indent}              `), `${indent}            </xs:attribute>`];
    this.uniqueCounter++;
    return [`${head}>`, `${indent}  <xs:complexType>`, `${indent}    <xs:sequence>`,
      `${indent}      <xs:element name="${shape.entryElement}" minOccurs="0" maxOccurs="unbounded">`,
      `${indent}        <xs:complexType>`, `${indent}          <xs:simpleContent>`, `${indent}            <xs:extension base="${valueType}">`,
      ...key.map((line) => `  ${line}`),
      `${indent}            </xs:extension>`, `${indent}          </xs:simpleContent>`, `${indent}        </xs:complexType>`,
      `${indent}      </xs:element>`, `${indent}    </xs:sequence>`, `${indent}  </xs:complexType>`,
      `${indent}  <xs:unique name="uniqueKey${this.uniqueCounter}">`, `${indent}    <xs:selector xpath="r:${shape.entryElement}"/>`,
      `${indent}    <xs:field xpath="@key"/>`, `${indent}  </xs:unique>`, `${indent}</xs:element>`];
  }

  /** Declares (once) the complex type of an object shape and returns its name. */
  named(shape: ObjectShape, root = false): string {
    const typeName = `${shape.name}Type`;
    const known = this.seen.get(shape.name);
    if (known && known !== shape) throw new Error(`two different shapes are named ${shape.name}`);
    if (known) return `r:${typeName}`;
    this.seen.set(shape.name, shape);
    this.types.set(typeName, []); // reserve the slot: types appear in first-use order
    const body: string[] = [];
    for (const [key, field] of shape.members) body.push(...this.element(key, field.shape, field.optional ? ' minOccurs="0"' : '', '      '));
    if (root) body.push(`      <xs:any namespace="${XMLDSIG_NAMESPACE}" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>`);
    const lines = [`  <xs:complexType name="${typeName}">`];
    if (shape.doc !== undefined) lines.push('    <xs:annotation>', `      <xs:documentation>${attr(shape.doc)}</xs:documentation>`, '    </xs:annotation>');
    lines.push('    <xs:sequence>', ...body, '    </xs:sequence>');
    if (root) lines.push('    <xs:attribute name="Id" type="xs:ID"/>');
    lines.push('  </xs:complexType>');
    this.types.set(typeName, lines);
    return `r:${typeName}`;
  }

  document(): string {
    const roots = Object.entries(RECORD_SHAPES).map(([element, shape]) => `  <xs:element name="${element}" type="${this.named(shape, true)}"/>`);
    const envelope = [
      '  <xs:element name="' + RECORD_ENVELOPE_ELEMENT + '">',
      '    <xs:annotation>',
      '      <xs:documentation>A record wrapped for sequential signatures: the record (with an Id) and a container of role slots holding XAdES signatures.</xs:documentation>',
      '    </xs:annotation>',
      '    <xs:complexType>',
      '      <xs:sequence>',
      '        <xs:choice>',
      ...Object.keys(RECORD_SHAPES).map((element) => `          <xs:element ref="r:${element}"/>`),
      '        </xs:choice>',
      `        <xs:element name="${SIGNATURE_CONTAINER_ELEMENT}" minOccurs="0">`,
      '          <xs:complexType>',
      '            <xs:sequence>',
      '              <xs:any namespace="##targetNamespace" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>',
      '            </xs:sequence>',
      '          </xs:complexType>',
      '        </xs:element>',
      `        <xs:any namespace="${XMLDSIG_NAMESPACE}" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>`,
      '      </xs:sequence>',
      '    </xs:complexType>',
      '  </xs:element>',
    ];
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Generated from src/encode/record/record-shapes.ts by `npm run fixtures`; do not edit by hand. -->',
      '<!-- edusign-vn record XML, version 1. Shape only: the Ministry rules are checked by validateTranscript/validateGradebook. -->',
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="${RECORD_XML_NAMESPACE}" targetNamespace="${RECORD_XML_NAMESPACE}" elementFormDefault="qualified" attributeFormDefault="unqualified">`,
      ...roots,
      ...envelope,
      ...[...this.types.values()].flat(),
      '</xs:schema>',
      '',
    ].join('\n');
  }
}

/**
 * The XSD of record XML (`<transcript>`, `<gradebook>` and the signing envelope `<signedRecord>`), as shipped in `schemas/edusign-record.xsd`.
 *
 * @example
 * ```ts
 * await writeFile('edusign-record.xsd', recordXsd());
 * // xmllint --noout --schema edusign-record.xsd transcript.xml
 * ```
 */
export function recordXsd(): string {
  return new XsdWriter().document();
}
