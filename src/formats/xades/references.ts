/**
 * Dereferences one ds:Reference under a strict policy: same-document references by unique ID only (or `""`),
 * external URIs only from caller-supplied detached content, and no transforms but enveloped-signature and
 * canonicalisation. Returns the exact signed octets and the element they came from.
 * @module
 */
import type { HashAlgorithm } from '../../crypto/types.js';
import { digestMethodHash, parseC14nUri } from './algorithms.js';
import { NS, TRANSFORM } from './constants.js';
import { canonicalize } from './xml/c14n.js';
import type { IdIndex } from './xml/ids.js';
import { attr, childElements, firstChild, isAncestorOrSelf, textOf } from './xml/query.js';
import type { XDocument, XElement } from './xml/types.js';

/** Context of dereferencing. */
export interface ReferenceContext {
  doc: XDocument;
  ids: IdIndex;
  /** The signature the reference belongs to (for the enveloped-signature transform). */
  signature: XElement;
  /** Detached content by URI. */
  detached?: Readonly<Record<string, Uint8Array>>;
}

/** A dereferenced reference. */
export interface ResolvedReference {
  ok: true;
  uri: string;
  type: string | undefined;
  id: string | undefined;
  /** The referenced element (undefined: whole document or detached content). */
  element: XElement | undefined;
  /** The octets digested (canonical XML as a string, or detached bytes). */
  data: string | Uint8Array;
  hash: HashAlgorithm;
  /** Base64 DigestValue as written. */
  digestValue: string;
  transforms: string[];
}

/** Why a reference cannot be used. */
export interface ReferenceFailure {
  ok: false;
  uri: string | undefined;
  code: string;
  message: string;
  messageVi: string;
  /** SIGNED_DATA_NOT_FOUND when the data is missing, FORMAT_FAILURE otherwise. */
  subIndication: 'FORMAT_FAILURE' | 'SIGNED_DATA_NOT_FOUND';
}

function fail(uri: string | undefined, code: string, message: string, messageVi: string, sub: ReferenceFailure['subIndication'] = 'FORMAT_FAILURE'): ReferenceFailure {
  return { ok: false, uri, code, message, messageVi, subIndication: sub };
}

/**
 * Dereference and transform one ds:Reference.
 *
 * @example
 * ```ts
 * const r = resolveReference(refEl, { doc, ids, signature });
 * if (r.ok) createHash('sha256').update(r.data).digest('base64') === r.digestValue;
 * ```
 */
export function resolveReference(ref: XElement, ctx: ReferenceContext): ResolvedReference | ReferenceFailure {
  const uri = attr(ref, 'URI');
  if (uri === undefined) return fail(uri, 'XADES_REFERENCE_NO_URI', 'Reference without URI', 'Tham chiếu không có URI');
  const dm = firstChild(ref, NS.ds, 'DigestMethod');
  const dv = firstChild(ref, NS.ds, 'DigestValue');
  const hash = dm ? digestMethodHash(attr(dm, 'Algorithm') ?? '') : undefined;
  if (!hash || !dv) return fail(uri, 'XADES_DIGEST_METHOD', 'Missing or unsupported DigestMethod', 'Thiếu hoặc không hỗ trợ DigestMethod');
  const transformsEl = firstChild(ref, NS.ds, 'Transforms');
  const transformEls = transformsEl ? childElements(transformsEl) : [];
  const transforms: string[] = [];
  let enveloped = false;
  let c14n: { method: 'exc' | 'c14n10' | 'c14n11'; withComments: boolean; prefixes: string[] } | undefined;
  for (const t of transformEls) {
    const alg = t.local === 'Transform' && t.ns === NS.ds ? attr(t, 'Algorithm') : undefined;
    if (alg === undefined) return fail(uri, 'XADES_TRANSFORM_FORBIDDEN', 'Malformed Transform', 'Transform không hợp lệ');
    transforms.push(alg);
    if (c14n) return fail(uri, 'XADES_TRANSFORM_FORBIDDEN', 'A transform after canonicalisation', 'Có phép biến đổi sau khi chuẩn hóa');
    if (alg === TRANSFORM.envelopedSignature) {
      if (enveloped) return fail(uri, 'XADES_TRANSFORM_FORBIDDEN', 'Repeated enveloped-signature transform', 'Lặp lại phép biến đổi enveloped-signature');
      enveloped = true;
      continue;
    }
    const c = parseC14nUri(alg);
    if (!c) return fail(uri, 'XADES_TRANSFORM_FORBIDDEN', `Transform not allowed: ${alg}`, `Phép biến đổi không được phép: ${alg}`);
    const inc = c.method === 'exc' ? childElements(t).find((e) => e.local === 'InclusiveNamespaces') : undefined;
    c14n = { ...c, prefixes: inc ? (attr(inc, 'PrefixList') ?? '').split(/\s+/).filter(Boolean) : [] };
  }
  const base = { ok: true as const, uri, type: attr(ref, 'Type'), id: attr(ref, 'Id'), hash, digestValue: textOf(dv), transforms };
  if (uri === '' || uri.startsWith('#')) {
    let element: XElement | undefined;
    if (uri !== '') {
      const id = uri.slice(1);
      if (!/^[^\s#()'"]+$/.test(id)) return fail(uri, 'XADES_REFERENCE_URI_FORBIDDEN', `Only bare-name references are allowed: ${uri}`, `Chỉ cho phép tham chiếu theo Id: ${uri}`);
      const found = ctx.ids.get(id) ?? [];
      if (found.length > 1) return fail(uri, 'XADES_DUPLICATE_ID', `Id "${id}" is not unique`, `Id "${id}" bị trùng lặp`);
      element = found[0];
      if (!element) return fail(uri, 'XADES_REFERENCE_NOT_FOUND', `No element with Id "${id}"`, `Không có phần tử có Id "${id}"`, 'SIGNED_DATA_NOT_FOUND');
    }
    const exclude = enveloped && (element === undefined || isAncestorOrSelf(element, ctx.signature)) ? ctx.signature : null;
    // Same-document references (bare name or "") never include comments (XMLDSig 4.4.3.3), whatever the C14N says.
    const opts = { method: c14n?.method ?? ('c14n10' as const), withComments: false, inclusivePrefixes: c14n?.prefixes ?? [], exclude };
    const data = element === undefined ? canonicalize(ctx.doc, opts) : canonicalize(element, opts);
    return { ...base, element, data };
  }
  if (transforms.length > 0) return fail(uri, 'XADES_TRANSFORM_FORBIDDEN', 'Transforms on external content', 'Có phép biến đổi trên nội dung bên ngoài');
  const bytes = ctx.detached?.[uri];
  if (!bytes) return fail(uri, 'XADES_DETACHED_CONTENT_MISSING', `Detached content not supplied: ${uri}`, `Chưa cung cấp nội dung tách rời: ${uri}`, 'SIGNED_DATA_NOT_FOUND');
  return { ...base, element: undefined, data: bytes };
}
