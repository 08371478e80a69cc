/**
 * encode/: canonical JSON (RFC 8785), strict JSON and safe XML parsing, record XML + XSD, JSON Schemas.
 * Knows nothing about signatures.
 * @module
 */
export { canonicalize, canonicalizeToBytes, type CanonicalizeOptions } from './json/canonicalize.js';
export { parseJsonStrict, DEFAULT_JSON_LIMITS, type JsonValue, type ParseJsonOptions } from './json/parse-strict.js';
export { parseXmlSafe, DEFAULT_XML_LIMITS, type ParseXmlOptions, type XmlDocument } from './xml/parse-safe.js';
