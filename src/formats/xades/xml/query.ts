/**
 * Small read helpers over the light XML tree (no XPath, no whole-document searches unless asked).
 * @module
 */
import type { XElement } from './types.js';

/**
 * The element children of an element.
 *
 * @example
 * ```ts
 * childElements(doc.root).map((e) => e.local);
 * ```
 */
export function childElements(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.type === 'element') out.push(c);
  return out;
}

/**
 * The first child element with this namespace and local name.
 *
 * @example
 * ```ts
 * const si = firstChild(signature, NS.ds, 'SignedInfo');
 * ```
 */
export function firstChild(el: XElement, ns: string, local: string): XElement | undefined {
  for (const c of el.children) if (c.type === 'element' && c.local === local && c.ns === ns) return c;
  return undefined;
}

/**
 * All child elements with this namespace and local name.
 *
 * @example
 * ```ts
 * const refs = childrenNamed(signedInfo, NS.ds, 'Reference');
 * ```
 */
export function childrenNamed(el: XElement, ns: string, local: string): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.type === 'element' && c.local === local && c.ns === ns) out.push(c);
  return out;
}

/**
 * The value of an unqualified attribute.
 *
 * @example
 * ```ts
 * attr(reference, 'URI'); // '#data'
 * ```
 */
export function attr(el: XElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.ns === '' && a.local === name) return a.value;
  return undefined;
}

/**
 * The concatenated text children of an element (not descendants), trimmed.
 *
 * @example
 * ```ts
 * textOf(digestValueElement); // 'q1w2…='
 * ```
 */
export function textOf(el: XElement): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.value;
  return s.trim();
}

/**
 * Whether `ancestor` is `el` or one of its ancestors.
 *
 * @example
 * ```ts
 * isAncestorOrSelf(doc.root, someElement); // true
 * ```
 */
export function isAncestorOrSelf(ancestor: XElement, el: XElement): boolean {
  for (let p: XElement | null = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * An absolute location path of an element, with positions among same-named siblings: `/HocBa[1]/DLHocBa[1]`.
 * Namespaced elements are written `{uri}local`.
 *
 * @example
 * ```ts
 * elementPath(record); // '/HocBa[1]/DLHocBa[1]'
 * ```
 */
export function elementPath(el: XElement): string {
  const parts: string[] = [];
  for (let e: XElement | null = el; e; e = e.parent) {
    let pos = 1;
    if (e.parent) {
      for (const s of e.parent.children) {
        if (s === e) break;
        if (s.type === 'element' && s.local === e.local && s.ns === e.ns) pos++;
      }
    }
    parts.push(`${e.ns ? `{${e.ns}}` : ''}${e.local}[${pos}]`);
  }
  return `/${parts.reverse().join('/')}`;
}
