/**
 * fast-check generator of well-formed, namespace-rich XML documents for canonicalisation property tests.
 */
import fc from 'fast-check';

export interface GenElement {
  kind: 'element';
  prefix: '' | 'p' | 'q';
  local: 'a' | 'b' | 'c';
  decls: { prefix: '' | 'p' | 'q'; uri: string }[];
  attrs: { prefix: '' | 'p' | 'q' | 'xml'; local: 'x' | 'y' | 'lang'; value: string }[];
  children: GenNode[];
}
export type GenNode = GenElement | { kind: 'text'; value: string } | { kind: 'comment'; value: string } | { kind: 'pi'; value: string } | { kind: 'cdata'; value: string };

const chars = fc.constantFrom('a', 'b', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', 'ệ', 'Đ', '😀', '-', ']');
const text = fc.string({ unit: chars, maxLength: 8 });
// No '&' in namespace URIs: libxml2 writes namespace values unescaped (C14N says escape; we follow the spec).
const uri = fc.constantFrom('urn:a', 'urn:b', 'urn:c', 'http://example.com/x?q=1;r="2"'.replace('"2"', '2'));

const { element } = fc.letrec<{ element: GenElement; node: GenNode }>((tie) => ({
  element: fc.record({
    kind: fc.constant('element' as const),
    prefix: fc.constantFrom('' as const, 'p' as const, 'q' as const),
    local: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
    decls: fc.array(fc.record({ prefix: fc.constantFrom('' as const, 'p' as const, 'q' as const), uri: fc.oneof(uri, fc.constant('')) }), { maxLength: 2 }),
    attrs: fc.array(fc.record({ prefix: fc.constantFrom('' as const, 'p' as const, 'q' as const, 'xml' as const), local: fc.constantFrom('x' as const, 'y' as const, 'lang' as const), value: text }), { maxLength: 3 }),
    children: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'xml' }),
  }),
  node: fc.oneof({ maxDepth: 5, depthIdentifier: 'xml', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), value: text }),
    tie('element'),
    fc.record({ kind: fc.constant('comment' as const), value: text.map((s) => s.replace(/-/g, '_')) }),
    fc.record({ kind: fc.constant('pi' as const), value: text.map((s) => s.replace(/\?/g, '_')) }),
    fc.record({ kind: fc.constant('cdata' as const), value: text.map((s) => s.replace(/\]/g, '_').replace(/\r/g, '')) })),
}));

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
function escAttr(s: string): string {
  // raw tabs stay raw (attribute-value normalisation turns them into spaces); newlines/CR as references
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Serialise a generated tree to XML, fixing what would be ill-formed (undeclared or duplicate names). */
export function serialize(root: GenElement, idTarget?: number): { xml: string; elements: number } {
  let counter = 0;
  const walk = (el: GenElement, scope: Record<string, string>, isRoot = false): string => {
    const index = counter++;
    const local: Record<string, string> = { ...scope };
    const decls: string[] = [];
    const seenDecl = new Set<string>();
    const all = isRoot ? [...el.decls, { prefix: 'p' as const, uri: 'urn:p' }, { prefix: 'q' as const, uri: 'urn:q' }] : el.decls;
    for (const d of all) {
      if (seenDecl.has(d.prefix) || (d.prefix !== '' && d.uri === '')) continue;
      seenDecl.add(d.prefix);
      local[d.prefix] = d.uri;
      decls.push(d.prefix === '' ? ` xmlns="${d.uri}"` : ` xmlns:${d.prefix}="${d.uri}"`);
    }
    let prefix: string = el.prefix;
    if (prefix !== '' && !local[prefix]) prefix = '';
    const qname = prefix ? `${prefix}:${el.local}` : el.local;
    const seen = new Set<string>();
    const attrs: string[] = [];
    for (const a of el.attrs) {
      let p: string = a.prefix;
      if (p !== '' && p !== 'xml' && !local[p]) p = '';
      const ns = p === '' ? '' : p === 'xml' ? 'xml' : local[p];
      const key = `${ns}|${a.local}`;
      if (seen.has(key) || (p === '' && a.local === 'lang' && false)) continue;
      seen.add(key);
      attrs.push(` ${p ? `${p}:` : ''}${a.local}="${escAttr(a.value)}"`);
    }
    if (idTarget === index) attrs.push(` Id="target"`);
    const inner = el.children.map((c) => {
      switch (c.kind) {
        case 'element': return walk(c, local);
        case 'text': return escText(c.value);
        case 'comment': return `<!--${c.value.replace(/\r/g, '')}-->`;
        case 'pi': return `<?pi ${c.value.replace(/\r/g, '')}?>`;
        case 'cdata': return `<![CDATA[${c.value}]]>`;
      }
    }).join('');
    return `<${qname}${decls.join('')}${attrs.join('')}>${inner}</${qname}>`;
  };
  const body = walk(root, {}, true);
  return { xml: body, elements: counter };
}

/** Arbitrary documents (with an optional prolog/epilogue comment and PI). */
export const xmlDocument = fc.record({
  root: element,
  prolog: fc.constantFrom('', '<!-- before -->\n', '<?pi before?>'),
  epilogue: fc.constantFrom('', '\n<!-- after -->', '<?pi after ?>\n'),
});
