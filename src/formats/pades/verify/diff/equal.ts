/**
 * Structural equality of PDF objects (streams by dictionary and encoded bytes).
 * @module
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../../pdf/objects.js';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/**
 * `true` when two PDF objects are the same value (references compared by number and generation, not followed).
 *
 * @example
 * ```ts
 * pdfEqual(before, after) // false when an update rewrote the object differently
 * ```
 */
export function pdfEqual(a: PdfObject | undefined, b: PdfObject | undefined, depth = 0): boolean {
  if (depth > 128) return false;
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name;
  if (a instanceof PdfString) return b instanceof PdfString && bytesEqual(a.bytes, b.bytes);
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfStream) return b instanceof PdfStream && bytesEqual(a.data, b.data) && pdfEqual(a.dict, b.dict, depth + 1);
  if (a instanceof PdfDict) {
    if (!(b instanceof PdfDict) || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      if (!b.entries.has(k) || !pdfEqual(v, b.entries.get(k), depth + 1)) return false;
    }
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => pdfEqual(v, b[i], depth + 1));
  }
  return false;
}

/**
 * The keys whose values differ between two dictionaries (added, removed or changed).
 *
 * @example
 * ```ts
 * changedKeys(oldCatalog, newCatalog) // ['AcroForm', 'DSS']
 * ```
 */
export function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => !pdfEqual(a.get(k), b.get(k)));
}
