/**
 * The Document Security Store (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3): certificates, OCSP responses
 * and CRLs added for long-term validation, and in which revision the DSS first appeared.
 * @module
 */
import type { ValidationData } from '../../../pki/types.js';
import type { PdfDocument } from '../pdf/document.js';
import { asArray, asDict, PdfStream } from '../pdf/objects.js';

/** What a DSS holds. */
export interface DssContent extends ValidationData {
  /** Number of VRI entries. */
  vriCount: number;
  /** Revisions (indexes) in which the catalog's /DSS was present, oldest first. */
  presentInRevisions: number[];
  /** Streams that could not be decoded (counted, never fatal). */
  unreadable: number;
}

const MAX_ITEMS = 10_000;

function readStreams(doc: PdfDocument, value: ReturnType<PdfDocument['resolve']>, sink: Uint8Array[], revision: number): number {
  let unreadable = 0;
  const arr = asArray(doc.resolve(value, revision)) ?? [];
  for (const item of arr.slice(0, MAX_ITEMS)) {
    try {
      const s = doc.resolve(item, revision);
      if (s instanceof PdfStream) sink.push(doc.decode(s));
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return unreadable;
}

/**
 * Read the DSS as of `revision` (default newest). Returns empty content when there is none.
 *
 * @example
 * ```ts
 * const dss = readDss(doc);
 * console.log(dss.certificates.length, dss.ocspResponses.length, dss.crls.length);
 * ```
 */
export function readDss(doc: PdfDocument, revision = doc.revisions.length - 1): DssContent {
  const out: DssContent = { certificates: [], crls: [], ocspResponses: [], vriCount: 0, presentInRevisions: [], unreadable: 0 };
  for (let r = 0; r <= revision; r++) {
    try {
      const catalog = asDict(doc.resolve(doc.revisions[r]!.trailer.get('Root') ?? doc.trailer.get('Root'), r));
      if (catalog?.has('DSS')) out.presentInRevisions.push(r);
    } catch {
      // a broken old revision does not hide a DSS of a newer one
    }
  }
  const catalog = asDict(doc.resolve(doc.trailer.get('Root'), revision));
  const dss = asDict(doc.resolve(catalog?.get('DSS'), revision));
  if (!dss) return out;
  out.unreadable += readStreams(doc, dss.get('Certs'), out.certificates, revision);
  out.unreadable += readStreams(doc, dss.get('OCSPs'), out.ocspResponses, revision);
  out.unreadable += readStreams(doc, dss.get('CRLs'), out.crls, revision);
  const vri = asDict(doc.resolve(dss.get('VRI'), revision));
  out.vriCount = vri ? vri.entries.size : 0;
  return out;
}
