/**
 * Record XML → record JSON value (the inverse of `toXml`). Parsing goes through {@link parseXmlSafe}
 * (no DTD, bounded). The structure is checked against the shape table: unknown or repeated elements, stray
 * text, unexpected attributes and wrong scalar syntax give `XML_UNEXPECTED_STRUCTURE` with a JSON Pointer
 * of where the member would be. Text is returned exactly as parsed (never re-normalised: signed bytes keep
 * their meaning). Element order is not enforced here (the XSD does); the meaning does not depend on it.
 *
 * XML Signature elements (`http://www.w3.org/2000/09/xmldsig#`) directly under the record element are skipped, so
 * an enveloped XAdES/XMLDSig signature does not prevent reading the record; an `Id` attribute on the record element
 * is allowed for signature references. The signing envelope `<signedRecord>` (see `toXml`'s `envelope` option) is
 * unwrapped: its record child is read, its `<DSCKS>` signature container is skipped.
 * @module
 */
import type { Element, Node } from '@xmldom/xmldom';
import { EdusignError } from '../../errors.js';
import type { Gradebook, Transcript } from '../../model/types.js';
import type { JsonValue } from '../json/parse-strict.js';
import { parseXmlSafe, type ParseXmlOptions, type XmlDocument } from '../xml/parse-safe.js';
import { RECORD_SHAPES, type RecordKind } from './record-shapes.js';
import type { MapShape, ObjectShape, ScalarShape, Shape } from './shape.js';
import { RECORD_ENVELOPE_ELEMENT, RECORD_XML_NAMESPACE, SIGNATURE_CONTAINER_ELEMENT } from './to-xml.js';

/** Namespace of XML Signature, whose elements under the record root are skipped. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/** Options of {@link fromXml}: the parser limits. */
export type FromXmlOptions = ParseXmlOptions;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function unexpected(detail: string, path: string): never {
  throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `${detail} at ${path || '/'}`, context: { path } });
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Namespace of `xsi:schemaLocation`, allowed on the document element (it does not change the record). */
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Allowed-attribute token meaning `xsi:schemaLocation` (document element only). */
const SCHEMA_LOCATION = '{xsi}schemaLocation';

function checkAttributes(element: Element, allowed: readonly string[], path: string): void {
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i);
    if (!attr) continue;
    if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
    if (allowed.includes(SCHEMA_LOCATION) && attr.namespaceURI === XSI_NAMESPACE && attr.localName === 'schemaLocation') continue;
    if (!allowed.includes(attr.name)) unexpected(`unexpected attribute "${attr.name}" on <${element.localName}>`, path);
  }
}

/** Child elements of a container; stray non-whitespace text is refused, comments and PIs are ignored. */
function childElements(element: Element, path: string, skipSignatures: boolean): Element[] {
  const out: Element[] = [];
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) {
      const child = node as Element;
      if (skipSignatures && child.namespaceURI === XMLDSIG_NAMESPACE) continue;
      if (child.namespaceURI !== RECORD_XML_NAMESPACE) {
        unexpected(`element <${child.nodeName}> is not in namespace ${RECORD_XML_NAMESPACE}`, path);
      }
      out.push(child);
    } else if ((node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) && !/^[ \t\r\n]*$/.test(node.nodeValue ?? '')) {
      unexpected(`unexpected text in <${element.localName}>`, path);
    }
  }
  return out;
}

/** Text of a leaf element; child elements are refused. */
function leafText(element: Element, path: string): string {
  let text = '';
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += node.nodeValue ?? '';
    else if (node.nodeType === ELEMENT_NODE) unexpected(`<${element.localName}> must hold text only`, path);
  }
  return text;
}

function readScalar(element: Element, shape: ScalarShape, path: string): JsonValue {
  checkAttributes(element, [], path);
  const text = leafText(element, path);
  switch (shape.kind) {
    case 'string':
      return text;
    case 'integer': {
      if (!/^-?(0|[1-9][0-9]{0,15})$/.test(text)) unexpected(`"${text.slice(0, 40)}" is not an integer`, path);
      const value = Number(text);
      if (!Number.isSafeInteger(value)) unexpected(`integer ${text} is out of range`, path);
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') unexpected(`"${text.slice(0, 40)}" is not true/false`, path);
      return text === 'true';
    case 'const':
      if (text !== String(shape.value)) unexpected(`expected ${String(shape.value)}, found "${text.slice(0, 40)}"`, path);
      return shape.value;
  }
}

function readMap(element: Element, shape: MapShape, path: string): JsonValue {
  checkAttributes(element, [], path);
  const out: { [key: string]: JsonValue } = {};
  for (const child of childElements(element, path, false)) {
    if (child.localName !== shape.entryElement) unexpected(`unexpected <${child.localName}>, expected <${shape.entryElement}>`, path);
    checkAttributes(child, ['key'], path);
    const key = child.getAttribute('key');
    if (key === null) unexpected(`<${shape.entryElement}> without a key`, path);
    if (Object.prototype.hasOwnProperty.call(out, key)) unexpected(`duplicate key "${key}"`, pointer(path, key));
    Object.defineProperty(out, key, { value: leafText(child, pointer(path, key)), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readArray(element: Element, shape: Extract<Shape, { kind: 'array' | 'nullableArray' | 'unionArray' }>, path: string): JsonValue {
  checkAttributes(element, [], path);
  return childElements(element, path, false).map((child, i): JsonValue => {
    const itemPath = pointer(path, i);
    const name = child.localName ?? child.nodeName;
    if (shape.kind === 'array') {
      if (name !== shape.itemElement) unexpected(`unexpected <${name}>, expected <${shape.itemElement}>`, itemPath);
      return readValue(child, shape.item, itemPath);
    }
    if (shape.kind === 'nullableArray') {
      if (name === shape.nullElement) {
        checkAttributes(child, [], itemPath);
        if (leafText(child, itemPath) !== '') unexpected(`<${name}> must be empty`, itemPath);
        return null;
      }
      if (name !== shape.valueElement) unexpected(`unexpected <${name}>, expected <${shape.valueElement}> or <${shape.nullElement}>`, itemPath);
      return readScalar(child, shape.item, itemPath);
    }
    const variant = shape.variants.find((v) => v.element === name);
    if (!variant) unexpected(`unexpected <${name}>, expected one of ${shape.variants.map((v) => `<${v.element}>`).join(', ')}`, itemPath);
    return readObject(child, variant.shape, itemPath, [], false);
  });
}

function readObject(element: Element, shape: ObjectShape, path: string, attributes: readonly string[], skipSignatures: boolean): JsonValue {
  checkAttributes(element, attributes, path);
  const members = new Map(shape.members);
  const out: { [key: string]: JsonValue } = {};
  for (const child of childElements(element, path, skipSignatures)) {
    const key = child.localName ?? child.nodeName;
    const field = members.get(key);
    const childPath = pointer(path, key);
    if (!field) unexpected(`unknown element <${key}> in ${shape.name}`, childPath);
    if (Object.prototype.hasOwnProperty.call(out, key)) unexpected(`repeated element <${key}>`, childPath);
    out[key] = readValue(child, field.shape, childPath);
  }
  for (const [key, field] of shape.members) {
    if (!field.optional && !Object.prototype.hasOwnProperty.call(out, key)) unexpected(`missing element <${key}> in ${shape.name}`, pointer(path, key));
  }
  return out;
}

function readValue(element: Element, shape: Shape, path: string): JsonValue {
  switch (shape.kind) {
    case 'object':
      return readObject(element, shape, path, [], false);
    case 'map':
      return readMap(element, shape, path);
    case 'array':
    case 'nullableArray':
    case 'unionArray':
      return readArray(element, shape, path);
    default:
      return readScalar(element, shape, path);
  }
}

/**
 * Reads record XML (text, UTF-8 bytes, or an already safely parsed document) into the record's JSON value;
 * a `<signedRecord>` envelope is unwrapped.
 * The result has the record's JSON *shape*; whether it follows the Ministry rules is for
 * `validateTranscript` / `validateGradebook`.
 *
 * Errors: those of {@link parseXmlSafe} (`XML_MALFORMED`, `XML_DTD_FORBIDDEN`, `INPUT_TOO_LARGE`, …) and
 * `XML_UNEXPECTED_STRUCTURE` (wrong root or namespace, unknown/missing/repeated elements, bad integers).
 *
 * @example
 * ```ts
 * const record = fromXml(await readFile('fixtures/records/transcript-thpt.xml'));
 * if (record.kind === 'transcript') console.log(record.student.fullName);
 * ```
 */
export function fromXml(input: string | Uint8Array | XmlDocument, options: FromXmlOptions = {}): Transcript | Gradebook {
  const doc = typeof input === 'string' || input instanceof Uint8Array ? parseXmlSafe(input, options) : input;
  const root = doc.documentElement;
  if (!root) unexpected('no root element', '');
  const record = root.namespaceURI === RECORD_XML_NAMESPACE && root.localName === RECORD_ENVELOPE_ELEMENT ? unwrapEnvelope(root) : root;
  const kind = record.localName;
  if (record.namespaceURI !== RECORD_XML_NAMESPACE || (kind !== 'transcript' && kind !== 'gradebook')) {
    unexpected(`root must be <transcript>, <gradebook> or <${RECORD_ENVELOPE_ELEMENT}> in namespace ${RECORD_XML_NAMESPACE}, found <${record.nodeName}> (${record.namespaceURI ?? 'no namespace'})`, '');
  }
  // The JSON value has been checked against the shape table, which TypeScript checks against the model types.
  const attributes = record === root ? ['Id', SCHEMA_LOCATION] : ['Id'];
  return readObject(record, RECORD_SHAPES[kind as RecordKind], '', attributes, true) as unknown as Transcript | Gradebook;
}

/**
 * The record inside `<signedRecord>`: its first element child; after it only the signature container
 * (`<DSCKS>`, whose content is the signatures' business) and XML Signature elements may follow.
 */
function unwrapEnvelope(envelope: Element): Element {
  checkAttributes(envelope, [SCHEMA_LOCATION], '');
  const children = childElements(envelope, '', true);
  const [record, ...rest] = children;
  if (!record) unexpected(`<${RECORD_ENVELOPE_ELEMENT}> holds no record`, '');
  if (rest.length > 1 || (rest[0] !== undefined && rest[0].localName !== SIGNATURE_CONTAINER_ELEMENT)) {
    unexpected(`<${RECORD_ENVELOPE_ELEMENT}> may hold only the record and one <${SIGNATURE_CONTAINER_ELEMENT}>`, '');
  }
  return record;
}
