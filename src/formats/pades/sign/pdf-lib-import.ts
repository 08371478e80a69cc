/**
 * Copy an object graph built with pdf-lib (fonts subset by pdf-lib + fontkit, decoded images) into an
 * incremental update's change set, with fresh object numbers.
 * @module
 */
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../pdf/objects.js';
import type { ChangeSet } from './change-set.js';

/** The pdf-lib module (loaded lazily by the appearance builder). */
export type PdfLibModule = typeof import('pdf-lib');

/**
 * Import the object `root` (a pdf-lib reference) and everything it references into `cs`; returns the new reference.
 *
 * @example
 * ```ts
 * const fontRef = importFromPdfLib(cs, await import('pdf-lib'), pdfLibDoc.context, font.ref);
 * ```
 */
export function importFromPdfLib(cs: ChangeSet, lib: PdfLibModule, context: PDFContext, root: PDFRef): PdfRef {
  const { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef: LibRef, PDFStream, PDFString } = lib;
  const mapped = new Map<string, PdfRef>();
  const convert = (obj: PDFObject | undefined): PdfObject => {
    if (obj === undefined || obj === PDFNull) return null;
    if (obj instanceof LibRef) return importRef(obj);
    if (obj instanceof PDFName) return new PdfName(obj.decodeText());
    if (obj instanceof PDFNumber) return obj.asNumber();
    if (obj instanceof PDFBool) return obj.asBoolean();
    if (obj instanceof PDFHexString) return new PdfString(obj.asBytes(), true);
    if (obj instanceof PDFString) return new PdfString(obj.asBytes());
    if (obj instanceof PDFArray) return obj.asArray().map(convert);
    if (obj instanceof PDFDict) {
      const d = new PdfDict();
      for (const [k, v] of obj.entries()) d.entries.set(k.decodeText(), convert(v));
      return d;
    }
    throw new TypeError(`cannot import ${obj.constructor.name}`);
  };
  const importRef = (ref: PDFRef): PdfRef => {
    const key = ref.toString();
    const known = mapped.get(key);
    if (known) return known;
    const mine = cs.allocate();
    mapped.set(key, mine);
    const obj = context.lookup(ref);
    if (obj instanceof PDFStream) {
      const dict = convert(obj.dict) as PdfDict;
      cs.set(mine, new PdfStream(dict.with('Length', undefined), obj.getContents()));
    } else {
      cs.set(mine, convert(obj));
    }
    return mine;
  };
  return importRef(root);
}
