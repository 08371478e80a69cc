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
  const references = new ReferenceChecker(text);
  let depth = 0;
  let elements = 0;
  let roots = 0;
  let textStart = 0;
  // Outside the root element only markup and XML whitespace (space, tab, CR, LF) may appear.
  const checkSegment = (from: number, to: number): void => {
    if (depth > 0) {
      references.checkText(from, to);
      return;
    }
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) throw malformed('content outside the root element', p);
    }
  };
  let i = text.indexOf('<');
  while (i >= 0) {
    checkSegment(textStart, i);
    if (text.startsWith('<!--', i)) {
      i = skipPast(text, i + 4, '-->', 'comment');
    } else if (text.startsWith('<![CDATA[', i)) {
      if (depth === 0) throw malformed('CDATA section outside the root element', i);
      i = skipPast(text, i + 9, ']]>', 'CDATA section');
    } else if (text.startsWith('<?', i)) {
      if (i > 0 && /^<\?xml(?=[\s?])/i.test(text.slice(i, i + 6))) throw malformed('XML declaration not at the start of the document', i);
      i = skipPast(text, i + 2, '?>', 'processing instruction');
    } else if (text.startsWith('<!', i)) {
      if (DTD_DECLARATION.test(text.slice(i, i + 40))) {
        throw new EdusignError('XML_DTD_FORBIDDEN', { detail: `declaration at offset ${i}`, context: { offset: i } });
      }
      throw malformed("unexpected '<!'", i);
    } else if (text.startsWith('</', i)) {
      depth--;
      if (depth < 0) throw malformed('end tag without a start tag', i);
      i = endOfTag(text, i);
    } else {
      const end = endOfTag(text, i);
      references.checkReferences(i, end); // attribute values
      checkStartTag(text, i, end);
      if (depth === 0 && ++roots > 1) throw malformed('more than one root element', i);
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
    textStart = i;
    i = text.indexOf('<', i);
  }
  checkSegment(textStart, text.length);
}

/** `xmlns:p=""` (undeclaring a prefix) is not allowed by Namespaces in XML 1.0. */
const EMPTY_PREFIX_BINDING = /\sxmlns:[^\s=]+\s*=\s*(?:""|'')/;

/**
 * Start-tag checks xmldom does not make: `/` of an empty-element tag must be followed directly by `>`, and a
 * namespace prefix cannot be bound to the empty name.
 * @internal
 */
function checkStartTag(text: string, start: number, end: number): void {
  let last = end - 2;
  while (last > start && /\s/.test(text[last] ?? '')) last--;
  if (text[last] === '/' && last !== end - 2) throw malformed("whitespace between '/' and '>'", last);
  const tag = text.slice(start, end);
  if (tag.includes('xmlns:') && EMPTY_PREFIX_BINDING.test(tag)) throw malformed('a namespace prefix bound to the empty name', start);
}

/** The five entities XML predefines; with DTDs refused, no other entity can exist. */
const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** Whether a code point matches the XML 1.0 `Char` production. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * Well-formedness checks xmldom does not make (found by differential testing against libxml2): every `&` starts a
 * reference to a predefined entity or to a legal character, and `]]>` never appears in character data.
 * @internal
 */
class ReferenceChecker {
  /** Sticky pattern; one instance per parse (a sticky RegExp carries `lastIndex`). */
  private readonly reference = /&(?:([A-Za-z_:][A-Za-z0-9._:-]{0,63})|#([0-9]{1,8})|#x([0-9A-Fa-f]{1,8}));/y;

  constructor(private readonly text: string) {}

  checkReferences(from: number, to: number): void {
    const t = this.text;
    for (let p = t.indexOf('&', from); p >= 0 && p < to; p = t.indexOf('&', p + 1)) {
      this.reference.lastIndex = p;
      const m = this.reference.exec(t);
      if (!m || p + m[0].length > to) throw malformed("'&' that does not start a reference", p);
      if (m[1] !== undefined) {
        if (!PREDEFINED_ENTITIES.has(m[1])) throw malformed(`undeclared entity &${m[1]};`, p);
      } else {
        const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] ?? '', 16);
        if (!isXmlChar(code)) throw malformed(`character reference ${m[0]} is not an XML character`, p);
      }
    }
  }

  checkText(from: number, to: number): void {
    const bad = this.text.indexOf(']]>', from);
    if (bad >= 0 && bad + 3 <= to) throw malformed("']]>' in character data", bad);
    this.checkReferences(from, to);
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
