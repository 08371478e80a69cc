/**
 * Chooses what an enveloped signature signs (the record element by Id, or the whole document) and where the
 * signature is written (a role slot in a `DSCKS`-like container, the root, or inside the record), as text edits.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import { finding } from './findings.js';
import type { XmlSignaturePlacement } from './options.js';
import { buildIdIndex, idOf, type IdIndex } from './xml/ids.js';
import { childElements } from './xml/query.js';
import type { XDocument, XElement } from './xml/types.js';

/** The signed element (null: the whole document, `URI=""`) and the reference URI. */
export interface SignedTarget {
  element: XElement | null;
  uri: string;
  ids: IdIndex;
}

/** A planned insertion of the signature text. */
export interface Insertion {
  /** The element the signature text will be a descendant of (its namespaces are the signature's context). */
  context: XElement;
  /** Whether the signature ends up inside the signed content (needs the enveloped-signature transform). */
  insideSigned: boolean;
  /** Build the new document text around the signature text; returns the text and the signature's offset. */
  apply(signature: string): { text: string; offset: number };
}

/**
 * Resolve the element to sign.
 *
 * @example
 * ```ts
 * const t = resolveTarget(doc, 'data'); t.uri; // '#data'
 * ```
 */
export function resolveTarget(doc: XDocument, recordId: string | undefined): SignedTarget {
  const ids = buildIdIndex(doc);
  let id = recordId;
  if (id === undefined) {
    const first = childElements(doc.root).find((c) => idOf(c) !== undefined);
    id = first ? idOf(first) : undefined;
  }
  if (id === undefined) return { element: null, uri: '', ids };
  const found = ids.get(id) ?? [];
  if (found.length === 0) {
    throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `no element with Id "${id}"`, detailVi: `không có phần tử có Id "${id}"` });
  }
  if (found.length > 1) {
    throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `Id "${id}" is not unique`, detailVi: `Id "${id}" bị trùng` });
  }
  const element = found[0] as XElement;
  for (let p = element.parent; p; p = p.parent) {
    if (p.local === 'Signature' && p.ns === DSIG) {
      throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `the element with Id "${id}" is inside a signature`, detailVi: `phần tử có Id "${id}" nằm trong một chữ ký` });
    }
  }
  return { element, uri: `#${id}`, ids };
}

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

function insertInto(text: string, el: XElement, content: string): { text: string; offset: number } {
  if (el.selfClosing) {
    const tagEnd = el.openEnd - 2;
    const head = `${text.slice(0, tagEnd)}>`;
    return { text: `${head}${content}</${el.qname}>${text.slice(el.openEnd)}`, offset: head.length };
  }
  return { text: text.slice(0, el.closeStart) + content + text.slice(el.closeStart), offset: el.closeStart };
}

function findUnique(parent: XElement, local: string): XElement | undefined {
  const all = childElements(parent).filter((c) => c.local === local);
  if (all.length > 1) {
    throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `more than one <${local}> in <${parent.qname}>`, detailVi: `có nhiều hơn một <${local}> trong <${parent.qname}>` });
  }
  return all[0];
}

/**
 * Plan where the signature goes. Wrapper elements (container, slot) are only created outside the signed
 * content, so the digest of the signed content computed on the input stays right.
 *
 * @example
 * ```ts
 * const ins = planInsertion(doc, target, { container: 'DSCKS', slot: 'HieuTruong' }, warnings);
 * const { text } = ins.apply('<ds:Signature …/>');
 * ```
 */
export function planInsertion(doc: XDocument, target: SignedTarget, placement: XmlSignaturePlacement | undefined, warnings: Finding[]): Insertion {
  const container = placement?.container ?? 'DSCKS';
  const slot = placement?.slot ?? 'NguoiKy';
  const record = target.element;
  const text = doc.text;
  if (container === 'inside-record' || record === null || record === doc.root) {
    const host = container === 'inside-record' && record ? record : doc.root;
    if (placement?.container !== undefined && placement.container !== 'inside-record' && placement.container !== false) {
      warnings.push(finding('XADES_CONTAINER_IGNORED', 'The signed element is the root: the signature is appended to it (enveloped), no container is used',
        'Phần tử được ký là phần tử gốc: chữ ký được đặt trực tiếp bên trong (enveloped), không dùng phần tử chứa'));
    }
    return { context: host, insideSigned: true, apply: (sig) => insertInto(text, host, sig) };
  }
  if (container === false) {
    return { context: doc.root, insideSigned: false, apply: (sig) => insertInto(text, doc.root, sig) };
  }
  if (!/^[A-Za-z_][\w.-]*$/.test(container) || !/^[A-Za-z_][\w.-]*$/.test(slot)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'container and slot must be simple XML names', detailVi: 'tên phần tử chứa và vị trí ký phải là tên XML đơn giản' });
  }
  const box = findUnique(doc.root, container);
  if (!box) {
    return { context: doc.root, insideSigned: false, apply: (sig) => {
      const r = insertInto(text, doc.root, `<${container}><${slot}>${sig}</${slot}></${container}>`);
      return { text: r.text, offset: r.offset + container.length + slot.length + 4 };
    } };
  }
  if (box === record || isInside(box, record)) {
    throw new EdusignError('XML_UNEXPECTED_STRUCTURE', { detail: `the container <${container}> is inside the signed element`, detailVi: `phần tử chứa <${container}> nằm trong phần tử được ký` });
  }
  const place = findUnique(box, slot);
  if (!place) {
    return { context: box, insideSigned: false, apply: (sig) => {
      const r = insertInto(text, box, `<${slot}>${sig}</${slot}>`);
      return { text: r.text, offset: r.offset + slot.length + 2 };
    } };
  }
  return { context: place, insideSigned: false, apply: (sig) => insertInto(text, place, sig) };
}

function isInside(el: XElement, ancestor: XElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
