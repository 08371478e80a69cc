/**
 * Reads a record file's bytes in either encoding: record JSON or record XML, told apart by content.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { parseJsonStrict, type JsonValue, type ParseJsonOptions } from '../json/parse-strict.js';
import { fromXml } from './from-xml.js';

/** Encodings of a record file. */
export type RecordEncoding = 'json' | 'xml';

/** Result of {@link parseRecord}: the encoding found and the JSON value (not yet validated against the rules). */
export interface ParsedRecord {
  /** The encoding the bytes were in. */
  encoding: RecordEncoding;
  /** The record as a JSON value (XML is converted to the same JSON shape). */
  value: JsonValue;
}

/**
 * Default limits for record files: generous for a 40-student gradebook (about 0.5 MB), tight enough that
 * hostile input is refused early. No text member of a record comes near 1 Mi characters.
 */
export const RECORD_PARSE_LIMITS: Readonly<Required<ParseJsonOptions>> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 64,
  maxStringLength: 1024 * 1024,
});

/**
 * Which encoding a record file uses: the first character that is not a byte order mark or whitespace is `<`
 * for XML and `{` for JSON. `undefined` when it is neither.
 *
 * @example
 * ```ts
 * sniffRecordEncoding(new TextEncoder().encode('  {"kind":"transcript"}')); // 'json'
 * ```
 */
export function sniffRecordEncoding(bytes: Uint8Array): RecordEncoding | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'xml';
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x3c) return 'xml';
  if (bytes[i] === 0x7b) return 'json';
  return undefined;
}

/**
 * Parses a record file (JSON or XML, sniffed from the content) into its JSON value, with the strict parsers:
 * duplicate keys, DTDs, oversize or over-deep input are refused with a typed {@link EdusignError}
 * (`JSON_MALFORMED`, `JSON_DUPLICATE_KEY`, `XML_MALFORMED`, `XML_DTD_FORBIDDEN`, `XML_UNEXPECTED_STRUCTURE`,
 * `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`, `UNSUPPORTED_FORMAT`). The value is *not* checked against the Ministry
 * rules: pass it to `validateTranscript` / `validateGradebook`. Limits default to {@link RECORD_PARSE_LIMITS}.
 *
 * @example
 * ```ts
 * const { encoding, value } = parseRecord(await readFile(path));
 * const result = validateTranscript(value);
 * ```
 */
export function parseRecord(bytes: Uint8Array, options: ParseJsonOptions = {}): ParsedRecord {
  const limits = { ...RECORD_PARSE_LIMITS, ...options };
  const encoding = sniffRecordEncoding(bytes);
  if (encoding === 'json') return { encoding, value: parseJsonStrict(bytes, limits) };
  if (encoding === 'xml') {
    const record = fromXml(bytes, { maxBytes: limits.maxBytes, maxDepth: limits.maxDepth });
    return { encoding, value: record as unknown as JsonValue };
  }
  throw new EdusignError('UNSUPPORTED_FORMAT', { detail: 'not a record: expected a JSON object or an XML document', detailVi: 'không phải hồ sơ: cần một đối tượng JSON hoặc tài liệu XML' });
}
