/**
 * Resolution of a JSON Pointer (RFC 6901) inside a JSON value, bounded and own-properties only.
 * @module
 */

/** Result of {@link resolvePointer}. */
export type Resolved = { found: true; value: unknown } | { found: false };

/** Most segments followed (the model is shallow; deeper pointers are not resolved). */
export const MAX_POINTER_SEGMENTS = 16;

/**
 * Resolves `pointer` in `root`: own members only, array indexes in canonical decimal form.
 *
 * @example
 * ```ts
 * resolvePointer({ a: [{ b: 1 }] }, '/a/0/b'); // { found: true, value: 1 }
 * resolvePointer({ a: 1 }, '/constructor'); // { found: false }
 * ```
 */
export function resolvePointer(root: unknown, pointer: string): Resolved {
  if (pointer === '') return { found: true, value: root };
  if (!pointer.startsWith('/')) return { found: false };
  const segments = pointer.slice(1).split('/');
  if (segments.length > MAX_POINTER_SEGMENTS) return { found: false };
  let cur: unknown = root;
  for (const raw of segments) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d{0,8})$/.test(seg) || Number(seg) >= cur.length) return { found: false };
      cur = cur[Number(seg)];
    } else if (typeof cur === 'object' && cur !== null && Object.prototype.hasOwnProperty.call(cur, seg)) {
      cur = (cur as Record<string, unknown>)[seg];
    } else return { found: false };
  }
  return { found: true, value: cur };
}
