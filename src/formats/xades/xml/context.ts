/**
 * Parse a fragment as if it were written inside a given element: its namespaces (and `xml:*` attributes, for
 * inclusive canonicalisation) are reproduced on a wrapper, so canonical forms computed on the fragment equal
 * the ones computed later on the whole document.
 * @module
 */
import { escapeXmlAttr } from './escape.js';
import { parseXml } from './parse.js';
import type { XElement } from './types.js';

/**
 * Parse `fragment` in the context of `parent` (null: top level) and return the fragment's root element.
 *
 * @example
 * ```ts
 * const sig = parseInContext('<ds:Signature xmlns:ds="…">…</ds:Signature>', slotElement);
 * ```
 */
export function parseInContext(fragment: string, parent: XElement | null): XElement {
  let open = '<w';
  if (parent) {
    for (const p in parent.scope) {
      if (p === 'xml') continue;
      const uri = parent.scope[p] ?? '';
      open += p === '' ? ` xmlns="${escapeXmlAttr(uri)}"` : ` xmlns:${p}="${escapeXmlAttr(uri)}"`;
    }
    const seen = new Set<string>();
    for (let e: XElement | null = parent; e; e = e.parent) {
      for (const a of e.attrs) {
        if (a.prefix === 'xml' && !seen.has(a.local)) {
          seen.add(a.local);
          open += ` xml:${a.local}="${escapeXmlAttr(a.value)}"`;
        }
      }
    }
  }
  const doc = parseXml(`${open}>${fragment}</w>`, { maxBytes: Number.MAX_SAFE_INTEGER, maxDepth: 1024 });
  const el = doc.root.children.find((c) => c.type === 'element');
  if (!el || el.type !== 'element') throw new Error('fragment has no element');
  return el;
}
