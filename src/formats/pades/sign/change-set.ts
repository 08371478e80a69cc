/**
 * The objects one incremental update will write: new objects get fresh numbers, changed objects are
 * copies of the current version (the document's cached objects are never mutated).
 * @module
 */
import type { PdfDocument } from '../pdf/document.js';
import { asDict, PdfDict, PdfRef, type PdfObject } from '../pdf/objects.js';
import { RawObjectBody, type AppendedObject } from './incremental-writer.js';

/**
 * Pending objects of one update.
 *
 * @example
 * ```ts
 * const cs = new ChangeSet(openPdf(pdf));
 * const ref = cs.allocate();
 * cs.set(ref, new PdfDict([['Type', name('DSS')]]));
 * const { bytes } = writeIncrementalUpdate(cs.doc, cs.objects(), cs.nextObjectNumber);
 * ```
 */
export class ChangeSet {
  private next: number;
  private readonly pending = new Map<number, AppendedObject>();

  constructor(readonly doc: PdfDocument) { this.next = doc.nextObjectNumber; }

  /** A fresh object number (generation 0). */
  allocate(): PdfRef { return new PdfRef(this.next++, 0); }

  /** The object number the xref stream may take (one past every allocated number). */
  get nextObjectNumber(): number { return this.next; }

  /** The current version of `ref`: pending edit, else the document's. */
  get(ref: PdfRef): PdfObject {
    const p = this.pending.get(ref.num);
    if (p && !(p.value instanceof RawObjectBody)) return p.value;
    return this.doc.getObject(ref);
  }

  /** The current version of `ref` as a dictionary (empty when it is not one). */
  dict(ref: PdfRef): PdfDict { return asDict(this.get(ref) ?? undefined) ?? new PdfDict(); }

  /** Write `value` as object `ref` in this update. */
  set(ref: PdfRef, value: PdfObject | RawObjectBody): void { this.pending.set(ref.num, { ref, value }); }

  /** Everything to append, in allocation order. */
  objects(): AppendedObject[] { return [...this.pending.values()].sort((a, b) => a.ref.num - b.ref.num); }
}
