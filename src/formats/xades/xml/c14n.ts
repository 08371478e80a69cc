/**
 * Canonical XML over the light tree: Exclusive XML Canonicalization 1.0 (with InclusiveNamespaces PrefixList),
 * Canonical XML 1.0 and 1.1, with or without comments, for an element subtree or a whole document, optionally
 * leaving out one subtree (the enveloped-signature transform).
 * @module
 */
import type { XDocument, XElement, XNode } from './types.js';

/** The canonicalisation family. */
export type C14nMethod = 'exc' | 'c14n10' | 'c14n11';

/** Options of {@link canonicalize}. */
export interface C14nOptions {
  method: C14nMethod;
  withComments?: boolean;
  /** Exclusive C14N InclusiveNamespaces PrefixList (`#default` for the default namespace). */
  inclusivePrefixes?: readonly string[];
  /** A subtree left out of the output (the signature, for the enveloped-signature transform). */
  exclude?: XElement | null;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type NsMap = Readonly<Record<string, string>>;

function escapeText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttr(s: string): string {
  if (!/[&<"\t\n\r]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Attributes already in canonical order (namespace URI, then local name)? Most documents write them so. */
function inOrder(attrs: readonly { ns: string; local: string }[]): boolean {
  for (let i = 1; i < attrs.length; i++) {
    const a = attrs[i - 1] as { ns: string; local: string };
    const b = attrs[i] as { ns: string; local: string };
    const c = compareStrings(a.ns, b.ns) || compareStrings(a.local, b.local);
    if (c > 0) return false;
  }
  return true;
}

interface Ctx {
  readonly opts: C14nOptions;
  readonly inclusive: Set<string>;
  out: string;
}

function allInScope(el: XElement): string[] {
  const prefixes: string[] = [];
  for (const p in el.scope) if (p !== 'xml') prefixes.push(p);
  return prefixes;
}

function inheritedXmlAttrs(el: XElement, method: C14nMethod): { qname: string; local: string; value: string }[] {
  const own = new Set<string>();
  for (const a of el.attrs) if (a.ns === XML_NS) own.add(a.local);
  const found = new Set<string>(own);
  const extra: { qname: string; local: string; value: string }[] = [];
  const bases: string[] = [];
  for (let p = el.parent; p; p = p.parent) {
    for (const a of p.attrs) {
      if (a.ns !== XML_NS) continue;
      // C14N 1.1 §2.4: only xml:lang and xml:space are simply inherited; xml:base is fixed up; xml:id and others are not.
      if (method === 'c14n11') {
        if (a.local === 'base') { bases.push(a.value); continue; }
        if (a.local !== 'lang' && a.local !== 'space') continue;
      }
      if (found.has(a.local)) continue;
      found.add(a.local);
      extra.push({ qname: `xml:${a.local}`, local: a.local, value: a.value });
    }
  }
  if (method === 'c14n11' && bases.length > 0 && !own.has('base')) {
    let base = bases[bases.length - 1] as string;
    for (let i = bases.length - 2; i >= 0; i--) base = joinBase(base, bases[i] as string);
    extra.push({ qname: 'xml:base', local: 'base', value: base });
  }
  return extra;
}

/** RFC 3986 resolution of an inner xml:base against an outer one (kept verbatim when not resolvable). */
function joinBase(outer: string, inner: string): string {
  try {
    return new URL(inner, outer).href;
  } catch {
    return inner;
  }
}

/** Render the start tag of `el`; returns the namespace context its children inherit. */
function openTag(el: XElement, rendered: NsMap, isApex: boolean, ctx: Ctx): NsMap {
  const { method } = ctx.opts;
  const candidates: string[] = method === 'exc' ? visiblyUsed(el, ctx.inclusive) : allInScope(el);
  if (method !== 'exc' && !candidates.includes('')) candidates.push('');
  let next: Record<string, string> | null = null;
  const decls: [string, string][] = [];
  for (const p of candidates) {
    const uri = el.scope[p] ?? '';
    const had = rendered[p];
    if (p === '' && uri === '') {
      if (had !== undefined && had !== '') decls.push(['', '']);
      else continue;
    } else if (had === uri) continue;
    else decls.push([p, uri]);
    next ??= Object.assign(Object.create(null) as Record<string, string>, rendered);
    next[p] = uri;
  }
  decls.sort((a, b) => compareStrings(a[0], b[0]));
  let s = `<${el.qname}`;
  for (const [p, uri] of decls) s += p === '' ? ` xmlns="${escapeAttr(uri)}"` : ` xmlns:${p}="${escapeAttr(uri)}"`;
  let attrs: { qname: string; ns: string; local: string; value: string }[] = el.attrs;
  if (isApex && method !== 'exc' && el.parent) {
    const extra = inheritedXmlAttrs(el, method).map((a) => ({ ...a, ns: XML_NS }));
    if (extra.length > 0) attrs = [...attrs, ...extra];
  }
  if (attrs.length > 1 && !inOrder(attrs)) {
    attrs = [...attrs].sort((a, b) => compareStrings(a.ns, b.ns) || compareStrings(a.local, b.local));
  }
  for (const a of attrs) s += ` ${a.qname}="${escapeAttr(a.value)}"`;
  ctx.out += `${s}>`;
  return next ?? rendered;
}

type Work = { node: XNode; rendered: NsMap } | string;

/** Render an element subtree without recursion (depth is bounded only by memory). */
function renderElement(root: XElement, rendered: NsMap, isApex: boolean, ctx: Ctx): void {
  const stack: Work[] = [];
  const scope = openTag(root, rendered, isApex, ctx);
  stack.push(`</${root.qname}>`);
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i] as XNode, rendered: scope });
  while (stack.length > 0) {
    const w = stack.pop() as Work;
    if (typeof w === 'string') {
      ctx.out += w;
      continue;
    }
    const node = w.node;
    if (node.type !== 'element') {
      renderLeaf(node, ctx);
      continue;
    }
    if (node === ctx.opts.exclude) continue;
    const inner = openTag(node, w.rendered, false, ctx);
    stack.push(`</${node.qname}>`);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as XNode, rendered: inner });
  }
}

function visiblyUsed(el: XElement, inclusive: Set<string>): string[] {
  const used = [el.prefix];
  for (const a of el.attrs) if (a.prefix !== '' && a.prefix !== 'xml' && !used.includes(a.prefix)) used.push(a.prefix);
  for (const p of inclusive) {
    if (!used.includes(p) && p !== 'xml' && (p === '' || el.scope[p] !== undefined)) used.push(p);
  }
  return used;
}

function renderLeaf(node: Exclude<XNode, XElement>, ctx: Ctx): void {
  switch (node.type) {
    case 'text':
      ctx.out += escapeText(node.value);
      return;
    case 'comment':
      if (ctx.opts.withComments) ctx.out += `<!--${node.value}-->`;
      return;
    case 'pi':
      ctx.out += node.data === '' ? `<?${node.target}?>` : `<?${node.target} ${node.data}?>`;
  }
}

function makeCtx(opts: C14nOptions): Ctx {
  const inclusive = new Set<string>();
  for (const p of opts.inclusivePrefixes ?? []) inclusive.add(p === '#default' ? '' : p);
  return { opts, inclusive, out: '' };
}

/**
 * Canonicalise an element's subtree (the apex may have ancestors: their namespaces and, for inclusive C14N,
 * their `xml:*` attributes are taken into account) or a whole document.
 *
 * @example
 * ```ts
 * const doc = parseXml('<a xmlns:x="u"><x:b  c="1"/></a>');
 * canonicalize(doc.root.children[0] as XElement, { method: 'exc' }); // '<x:b xmlns:x="u" c="1"></x:b>'
 * ```
 */
export function canonicalize(target: XElement | XDocument, opts: C14nOptions): string {
  const ctx = makeCtx(opts);
  const empty: NsMap = Object.create(null) as NsMap;
  if ('type' in target) {
    if (target === opts.exclude) return '';
    renderElement(target, empty, true, ctx);
    return ctx.out;
  }
  let seenRoot = false;
  for (const node of target.children) {
    if (node.type === 'element') {
      if (seenRoot) continue;
      if (node !== opts.exclude) renderElement(node, empty, true, ctx);
      seenRoot = true;
      continue;
    }
    if (node.type === 'text' || (node.type === 'comment' && !opts.withComments)) continue;
    const before = ctx.out;
    ctx.out = '';
    renderLeaf(node, ctx);
    const piece = ctx.out;
    ctx.out = seenRoot ? `${before}\n${piece}` : `${before}${piece}\n`;
  }
  return ctx.out;
}
