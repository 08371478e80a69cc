/**
 * encode/: canonical JSON (RFC 8785), strict JSON and safe XML parsing, record XML + XSD, JSON Schemas.
 * Knows nothing about signatures.
 * @module
 */
export { canonicalize, canonicalizeToBytes, type CanonicalizeOptions } from './json/canonicalize.js';
export { parseJsonStrict, DEFAULT_JSON_LIMITS, type JsonValue, type ParseJsonOptions } from './json/parse-strict.js';
export { parseXmlSafe, DEFAULT_XML_LIMITS, type ParseXmlOptions, type XmlDocument } from './xml/parse-safe.js';
export { toXml, RECORD_XML_NAMESPACE, RECORD_ENVELOPE_ELEMENT, SIGNATURE_CONTAINER_ELEMENT, type ToXmlOptions } from './record/to-xml.js';
export { fromXml, XMLDSIG_NAMESPACE, type FromXmlOptions } from './record/from-xml.js';
export { canonicalRecordJson, canonicalRecordBytes } from './record/canonical-json.js';
export { recordJsonSchema, RECORD_SCHEMA_IDS, type JsonSchema } from './record/json-schema.js';
export { recordXsd } from './record/xsd.js';
export { TRANSCRIPT_SHAPE, GRADEBOOK_SHAPE, RECORD_SHAPES, type RecordKind } from './record/record-shapes.js';
export type * from './record/shape.js';
export { parseRecord, sniffRecordEncoding, RECORD_PARSE_LIMITS, type ParsedRecord, type RecordEncoding } from './record/parse-record.js';
export { normalizeRecord } from './record/normalize-record.js';
export * from './pdf/index.js';
