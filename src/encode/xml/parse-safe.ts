/**
 * Safe XML parsing with @xmldom/xmldom.
 *
 * Before xmldom sees the text, a linear pre-scan refuses every DTD construct (`<!DOCTYPE`, `<!ENTITY`,
 * `<!ELEMENT`, `<!ATTLIST`, `<!NOTATION`): no internal subset, no external entity, no entity expansion
 * (XXE, billion laughs). The same scan enforces the element-depth and element-count limits, so code that later
 * walks the DOM recursively (canonicalisation, XPath) never meets hostile nesting. Every xmldom warning or error
 * is fatal and becomes `XML_MALFORMED`.
 * @module
 */
import { DOMParser, type Document } from '@xmldom/xmldom';
import { EdusignError } from '../../errors.js';

/** The DOM document type returned by {@link parseXmlSafe} (xmldom's). */
export type XmlDocument = Document;

/** Limits of {@link parseXmlSafe}. */
export interface ParseXmlOptions {
  /** Maximum input size in bytes (UTF-8 bytes for string input; default 32 MiB). */
  maxBytes?: number;
  /** Maximum element nesting depth (default 256). */
  maxDepth?: number;
  /** Maximum number of elements (default 1 000 000). */
  maxElements?: number;
}

/** Default limits of {@link parseXmlSafe}. */
export const DEFAULT_XML_LIMITS: Readonly<Required<ParseXmlOptions>> = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxDepth: 256,
  maxElements: 1_000_000,
});

const DTD_DECLARATION = /^<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
/** Characters outside the XML 1.0 `Char` production (and lone surrogates). */
const NON_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/u;
const ENCODING_DECL = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

function tooLarge(maxBytes: number): EdusignError {
  return new EdusignError('INPUT_TOO_LARGE', { detail: `XML larger than ${maxBytes} bytes`, context: { maxBytes } });
}

/**
 * Turns bytes into text: UTF-8 (default, BOM allowed) or UTF-16 with a BOM. Other declared encodings are refused.
 * @internal
 */
function decodeXml(input: string | Uint8Array, maxBytes: number): string {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) throw tooLarge(maxBytes);
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.byteLength > maxBytes) throw tooLarge(maxBytes);
    const b0 = input[0];
    const b1 = input[1];
    const label = b0 === 0xfe && b1 === 0xff ? 'utf-16be' : b0 === 0xff && b1 === 0xfe ? 'utf-16le' : 'utf-8';
    try {
      text = new TextDecoder(label, { fatal: true }).decode(input);
    } catch (cause) {
      throw new EdusignError('XML_MALFORMED', { detail: `input is not valid ${label.toUpperCase()}`, cause });
    }
  }
  const declared = ENCODING_DECL.exec(text)?.[1]?.toLowerCase();
  if (declared !== undefined && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(declared)) {
    throw new EdusignError('UNSUPPORTED_FORMAT', { detail: `XML encoding ${declared} is not supported (use UTF-8)`, context: { encoding: declared } });
  }
  const bad = NON_XML_CHAR.exec(text);
  if (bad) throw malformed(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);
  return text;
}

function malformed(detail: string, offset?: number): EdusignError {
  return new EdusignError('XML_MALFORMED', { detail: offset === undefined ? detail : `${detail} at offset ${offset}`, context: offset === undefined ? {} : { offset } });
}

/** Index just after the `>` that closes the tag starting at `start`, skipping quoted attribute values. */
function endOfTag(text: string, start: number): number {
  let quote = 0;
  for (let p = start + 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return p + 1;
    } else if (c === 0x3c) {
      throw malformed("'<' inside a tag", p);
    }
  }
  throw malformed('unterminated tag', start);
}

function skipPast(text: string, start: number, terminator: string, what: string): number {
  const end = text.indexOf(terminator, start);
  if (end < 0) throw malformed(`unterminated ${what}`, start);
  return end + terminator.length;
}

/**
 * Linear pre-scan: refuses DTD constructs, measures element depth and count. Throws on the first problem.
 * @internal
 */
function prescan(text: string, limits: Required<ParseXmlOptions>): void {
  let depth = 0;
  let elements = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    if (text.startsWith('<!--', i)) {
      i = skipPast(text, i + 4, '-->', 'comment');
    } else if (text.startsWith('<![CDATA[', i)) {
      i = skipPast(text, i + 9, ']]>', 'CDATA section');
    } else if (text.startsWith('<?', i)) {
      i = skipPast(text, i + 2, '?>', 'processing instruction');
    } else if (text.startsWith('<!', i)) {
      if (DTD_DECLARATION.test(text.slice(i, i + 40))) {
        throw new EdusignError('XML_DTD_FORBIDDEN', { detail: `declaration at offset ${i}`, context: { offset: i } });
      }
      throw malformed("unexpected '<!'", i);
    } else if (text.startsWith('</', i)) {
      depth--;
      i = endOfTag(text, i);
    } else {
      const end = endOfTag(text, i);
      elements++;
      if (elements > limits.maxElements) {
        throw new EdusignError('INPUT_TOO_LARGE', { detail: `more than ${limits.maxElements} XML elements`, context: { maxElements: limits.maxElements } });
      }
      if (text.charCodeAt(end - 2) !== 0x2f) {
        depth++;
        if (depth > limits.maxDepth) {
          throw new EdusignError('INPUT_TOO_DEEP', { detail: `XML nested deeper than ${limits.maxDepth} at offset ${i}`, context: { offset: i, maxDepth: limits.maxDepth } });
        }
      }
      i = end;
    }
    i = text.indexOf('<', i);
  }
}

/**
 * Parses XML safely: no DTD, no entities beyond the five predefined ones and character references, bounded
 * size/depth/element count, and every parser complaint fatal.
 *
 * Errors (all {@link EdusignError}): `XML_DTD_FORBIDDEN`, `XML_MALFORMED`, `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`,
 * `UNSUPPORTED_FORMAT` (a declared encoding other than UTF-8/UTF-16).
 *
 * @example
 * ```ts
 * const doc = parseXmlSafe('<r xmlns="urn:x"><a>1</a></r>');
 * doc.documentElement?.localName; // 'r'
 * parseXmlSafe('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'); // throws XML_DTD_FORBIDDEN
 * ```
 */
export function parseXmlSafe(input: string | Uint8Array, options: ParseXmlOptions = {}): XmlDocument {
  const limits: Required<ParseXmlOptions> = { ...DEFAULT_XML_LIMITS, ...options };
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'parseXmlSafe expects a string or a Uint8Array' });
  }
  const text = decodeXml(input, limits.maxBytes);
  prescan(text, limits);
  const parser = new DOMParser({
    onError: (level, message) => {
      throw malformed(`${level}: ${message}`);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    if (cause instanceof EdusignError) throw cause;
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  // Defence in depth: the pre-scan already refused these.
  if (doc.doctype !== null) throw new EdusignError('XML_DTD_FORBIDDEN', { detail: 'document type declaration' });
  if (!doc.documentElement) throw malformed('no root element');
  return doc;
}
