/**
 * A small, strict, non-recursive XML 1.0 + Namespaces parser for signature work. It refuses DTDs (so no
 * external entities and no entity expansion attacks), enforces size/depth/element limits, and keeps source
 * offsets so signatures can be spliced into the original text.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { XAttr, XComment, XDocument, XElement, XmlLimits, XNode, XNsDecl, XPi, XText } from './types.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Hard cap on `maxDepth` (canonicalisation and tree walks are iterative; this bounds memory per path). */
const MAX_DEPTH_CAP = 100_000;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** XML Name (approximate XML 1.0 5th ed. classes); sticky, so each parse makes its own (no shared lastIndex). */
const NAME_SOURCE = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][\w.\-:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y.source;
const ENTITY = /&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]+);/g;
const PREDEFINED: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);
// eslint-disable-next-line no-control-regex
const LONE_SURROGATE = /\p{Surrogate}/u;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function malformed(detail: string, offset: number): EdusignError {
  return new EdusignError('XML_MALFORMED', { detail, detailVi: detail, context: { offset } });
}

function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  if (input.length > maxBytes) {
    throw new EdusignError('INPUT_TOO_LARGE', { detail: `XML larger than ${maxBytes} bytes`, context: { maxBytes } });
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (cause) {
      throw new EdusignError('XML_MALFORMED', { detail: 'input is not valid UTF-8', detailVi: 'dữ liệu không phải UTF-8 hợp lệ', cause });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function expand(raw: string, offset: number): string {
  if (!raw.includes('&')) return raw;
  const out = raw.replace(ENTITY, (_m, ref: string) => {
    if (ref.charCodeAt(0) !== 35 /* # */) {
      const v = PREDEFINED.get(ref);
      if (v === undefined) throw malformed(`undeclared entity &${ref}; (DTDs are refused)`, offset);
      return v;
    }
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
      (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) throw malformed(`character reference &${ref}; is not an XML character`, offset);
    return String.fromCodePoint(cp);
  });
  if (out.includes('&') && /&(?!(?:#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);)/.test(raw)) throw malformed('bare & in character data', offset);
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function splitName(qname: string, offset: number): [string, string] {
  const i = qname.indexOf(':');
  if (i < 0) return ['', qname];
  if (i === 0 || i === qname.length - 1 || qname.indexOf(':', i + 1) >= 0) throw malformed(`bad qualified name ${qname}`, offset);
  return [qname.slice(0, i), qname.slice(i + 1)];
}

interface RawAttr { qname: string; value: string }

/**
 * Parse XML text or UTF-8 bytes into an {@link XDocument}.
 * Throws `XML_MALFORMED`, `XML_DTD_FORBIDDEN`, `INPUT_TOO_LARGE` or `INPUT_TOO_DEEP` (never a stack overflow).
 *
 * @example
 * ```ts
 * const doc = parseXml('<HocBa><DLHocBa Id="data">…</DLHocBa></HocBa>');
 * doc.root.local; // 'HocBa'
 * ```
 */
export function parseXml(input: string | Uint8Array, limits: XmlLimits = {}): XDocument {
  const maxDepth = Math.min(limits.maxDepth ?? 256, MAX_DEPTH_CAP);
  const maxElements = limits.maxElements ?? 500_000;
  const maxAttributes = limits.maxAttributes ?? 256;
  const text = decodeInput(input, limits.maxBytes ?? 32 * 1024 * 1024);
  const NAME = new RegExp(NAME_SOURCE, 'y');
  if (BAD_CHAR.test(text)) throw malformed('control character not allowed in XML', text.search(BAD_CHAR));
  // Bytes are decoded strictly (no lone surrogates possible); strings are checked, precisely only when needed.
  if (typeof input === 'string' && ANY_SURROGATE.test(text) && LONE_SURROGATE.test(text)) {
    throw malformed('unpaired UTF-16 surrogate in the text', text.search(LONE_SURROGATE));
  }
  const len = text.length;
  const top: XNode[] = [];
  const stack: XElement[] = [];
  let root: XElement | null = null;
  let count = 0;
  const idElements: XElement[] = [];
  const signatureElements: XElement[] = [];
  let i = 0;
  const baseScope = Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NS });

  if (text.startsWith('<?xml') && /^<\?xml[\s?]/.test(text)) {
    const e = text.indexOf('?>');
    if (e < 0) throw malformed('unterminated XML declaration', 0);
    const decl = text.slice(0, e);
    const enc = /encoding\s*=\s*["']([^"']+)["']/.exec(decl);
    if (enc && typeof input !== 'string' && !/^utf-?8$/i.test(enc[1] ?? '')) {
      throw new EdusignError('UNSUPPORTED_FORMAT', { detail: `XML encoding ${enc[1]} (only UTF-8)`, detailVi: `mã hóa XML ${enc[1]} (chỉ hỗ trợ UTF-8)` });
    }
    i = e + 2;
  }

  const append = (node: XNode): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else top.push(node);
  };

  while (i < len) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > i) {
      const raw = text.slice(i, textEnd);
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (raw.trim() !== '') throw malformed('text outside the root element', i);
      } else {
        if (raw.includes(']]>')) throw malformed("']]>' in character data", i);
        const node: XText = { type: 'text', value: expand(raw, i), parent };
        parent.children.push(node);
      }
    }
    if (lt < 0) break;
    i = lt;
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const e = text.indexOf('-->', i + 4);
        if (e < 0) throw malformed('unterminated comment', i);
        const value = text.slice(i + 4, e);
        if (value.includes('--') || value.endsWith('-')) throw malformed("'--' inside a comment", i);
        const node: XComment = { type: 'comment', value, parent: stack[stack.length - 1] ?? null };
        append(node);
        i = e + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const parent = stack[stack.length - 1];
        if (!parent) throw malformed('CDATA outside the root element', i);
        const e = text.indexOf(']]>', i + 9);
        if (e < 0) throw malformed('unterminated CDATA section', i);
        const node: XText = { type: 'text', value: text.slice(i + 9, e), parent };
        parent.children.push(node);
        i = e + 3;
      } else if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(text.slice(i, i + 12))) {
        throw new EdusignError('XML_DTD_FORBIDDEN', { context: { offset: i } });
      } else throw malformed("unexpected '<!'", i);
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) throw malformed('unterminated processing instruction', i);
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      if (!m) throw malformed('bad processing instruction target', i);
      const target = m[0];
      if (target.toLowerCase() === 'xml') throw malformed('misplaced XML declaration', i);
      if (target.includes(':')) throw malformed('colon in processing instruction target', i);
      const after = i + 2 + target.length;
      if (after < e && !/\s/.test(text.charAt(after))) throw malformed('bad processing instruction', i);
      const node: XPi = { type: 'pi', target, data: text.slice(after, e).replace(/^\s+/, ''), parent: stack[stack.length - 1] ?? null };
      append(node);
      i = e + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const el = stack.pop();
      if (!el) throw malformed('end tag without start tag', i);
      if (!text.startsWith(el.qname, i + 2)) throw malformed(`end tag does not match <${el.qname}>`, i);
      let j = i + 2 + el.qname.length;
      while (j < len && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 9)) j++;
      if (text.charCodeAt(j) !== 62) throw malformed(`end tag does not match <${el.qname}>`, i);
      el.closeStart = i;
      el.end = j + 1;
      i = j + 1;
      continue;
    }
    // start tag
    if (root && stack.length === 0) throw malformed('more than one root element', i);
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (!m) throw malformed("'<' not followed by a name", i);
    const qname = m[0];
    let j = i + 1 + qname.length;
    const raws: RawAttr[] = [];
    let selfClosing = false;
    for (;;) {
      const ws = j;
      while (j < len) {
        const c = text.charCodeAt(j);
        if (c === 32 || c === 10 || c === 9) j++;
        else break;
      }
      if (j >= len) throw malformed('unterminated start tag', i);
      const c = text.charCodeAt(j);
      if (c === 62) { j++; break; }
      if (c === 47 && text.charCodeAt(j + 1) === 62) { selfClosing = true; j += 2; break; }
      if (j === ws) throw malformed('whitespace required between attributes', j);
      NAME.lastIndex = j;
      const an = NAME.exec(text);
      if (!an) throw malformed('bad attribute name', j);
      j += an[0].length;
      while (j < len && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61) throw malformed(`attribute ${an[0]} without value`, j);
      j++;
      while (j < len && isSpace(text.charCodeAt(j))) j++;
      const q = text.charAt(j);
      if (q !== '"' && q !== "'") throw malformed('attribute value not quoted', j);
      const e = text.indexOf(q, j + 1);
      if (e < 0) throw malformed('unterminated attribute value', j);
      const rawValue = text.slice(j + 1, e);
      if (rawValue.includes('<')) throw malformed("'<' in attribute value", j);
      raws.push({ qname: an[0], value: expand(rawValue.includes('\t') || rawValue.includes('\n') ? rawValue.replace(/[\t\n]/g, ' ') : rawValue, j) });
      if (raws.length > maxAttributes) {
        throw new EdusignError('INPUT_TOO_LARGE', { detail: `more than ${maxAttributes} attributes`, context: { offset: i } });
      }
      j = e + 1;
    }
    const parent = stack[stack.length - 1] ?? null;
    if (++count > maxElements) {
      throw new EdusignError('INPUT_TOO_LARGE', { detail: `more than ${maxElements} elements`, detailVi: `hơn ${maxElements} phần tử`, context: { maxElements } });
    }
    const depth = stack.length + 1;
    if (depth > maxDepth) {
      throw new EdusignError('INPUT_TOO_DEEP', { detail: `XML nesting deeper than ${maxDepth}`, detailVi: `XML lồng sâu hơn ${maxDepth} mức`, context: { maxDepth } });
    }
    const nsDecls: XNsDecl[] = [];
    const plain: RawAttr[] = [];
    for (let k = 0; k < raws.length; k++) {
      const a = raws[k] as RawAttr;
      for (let m = 0; m < k; m++) if ((raws[m] as RawAttr).qname === a.qname) throw malformed(`duplicate attribute ${a.qname}`, i);
      if (a.qname === 'xmlns') nsDecls.push({ prefix: '', uri: a.value });
      else if (a.qname.startsWith('xmlns:')) {
        const p = a.qname.slice(6);
        if (a.value === '') throw malformed(`empty namespace for prefix ${p}`, i);
        if (p === 'xmlns' || (p === 'xml') !== (a.value === XML_NS) || a.value === XMLNS_NS) throw malformed(`reserved prefix or namespace ${p}`, i);
        nsDecls.push({ prefix: p, uri: a.value });
      } else plain.push(a);
    }
    const parentScope = parent ? parent.scope : baseScope;
    let scope: Record<string, string> = parentScope as Record<string, string>;
    if (nsDecls.length > 0) {
      scope = Object.create(parentScope) as Record<string, string>;
      for (const d of nsDecls) scope[d.prefix] = d.uri;
    }
    const [prefix, local] = splitName(qname, i);
    const ns = scope[prefix] ?? '';
    if (prefix !== '' && ns === '') throw malformed(`undeclared namespace prefix ${prefix}`, i);
    const attrs: XAttr[] = [];
    for (const a of plain) {
      const [ap, al] = splitName(a.qname, i);
      const ans = ap === '' ? '' : scope[ap] ?? '';
      if (ap !== '' && ans === '') throw malformed(`undeclared namespace prefix ${ap}`, i);
      for (const prev of attrs) if (prev.local === al && prev.ns === ans) throw malformed(`duplicate attribute ${a.qname}`, i);
      attrs.push({ qname: a.qname, prefix: ap, local: al, ns: ans, value: a.value });
    }
    const el: XElement = {
      type: 'element', qname, prefix, local, ns, attrs, nsDecls, scope, parent, children: [], depth,
      start: i, openEnd: j, closeStart: selfClosing ? j - 2 : -1, end: selfClosing ? j : -1, selfClosing,
    };
    append(el);
    if (!root) root = el;
    if (local === 'Signature' && ns === DSIG_NS) signatureElements.push(el);
    for (const a of attrs) {
      if ((a.ns === '' && (a.local === 'Id' || a.local === 'ID' || a.local === 'id')) || (a.ns === XML_NS && a.local === 'id')) {
        idElements.push(el);
        break;
      }
    }
    if (!selfClosing) stack.push(el);
    i = j;
  }
  if (stack.length > 0) throw malformed(`element <${stack[stack.length - 1]?.qname}> is not closed`, len);
  if (!root) throw malformed('no root element', 0);
  return { text, root, children: top, elementCount: count, idElements, signatureElements };
}
