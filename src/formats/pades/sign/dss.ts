/**
 * Add validation data in a Document Security Store (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3):
 * /DSS << /Certs [...] /OCSPs [...] /CRLs [...] >> in the catalog, in a new incremental update.
 * Existing DSS entries are kept; data already present (same bytes) is not added twice. VRI is not written
 * (it is optional in PAdES baseline).
 * @module
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { ValidationData } from '../../../pki/types.js';
import { openPdf, type PdfDocument } from '../pdf/document.js';
import type { PdfLimits } from '../pdf/limits.js';
import { asArray, asDict, name, PdfDict, PdfRef, PdfStream, type PdfObject } from '../pdf/objects.js';
import { ChangeSet } from './change-set.js';
import { writeIncrementalUpdate } from './incremental-writer.js';
import type { PdfSignResult } from './options.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function existingHashes(doc: PdfDocument, list: PdfObject[]): Set<string> {
  const out = new Set<string>();
  for (const item of list) {
    try {
      const s = doc.resolve(item);
      if (s instanceof PdfStream) out.add(sha(doc.decode(s)));
    } catch { /* unreadable entries are kept as they are and do not block adding ours */ }
  }
  return out;
}

/**
 * Append validation data to the document's DSS. Returns the input unchanged (no new revision, a
 * `DSS_NOTHING_TO_ADD` warning) when every item is already there.
 *
 * @example
 * ```ts
 * const { pdf: lt } = await addValidationData(signedPdf, { certificates, crls, ocspResponses });
 * ```
 */
export async function addValidationData(pdf: Uint8Array, data: Partial<ValidationData>, options: { limits?: Partial<PdfLimits> } = {}): Promise<PdfSignResult> {
  const doc = openPdf(pdf, options.limits);
  const cs = new ChangeSet(doc);
  const dssVal = doc.catalog.get('DSS');
  const dss = asDict(doc.resolve(dssVal) ?? undefined) ?? new PdfDict();
  let next = dss;
  let added = 0;
  const groups: [string, Uint8Array[] | undefined][] = [['Certs', data.certificates], ['OCSPs', data.ocspResponses], ['CRLs', data.crls]];
  for (const [key, items] of groups) {
    const current = asArray(doc.resolve(dss.get(key)) ?? undefined) ?? [];
    const have = existingHashes(doc, current);
    const refs: PdfObject[] = [...current];
    for (const item of items ?? []) {
      const h = sha(item);
      if (have.has(h)) continue;
      have.add(h);
      const ref = cs.allocate();
      cs.set(ref, new PdfStream(new PdfDict([['Filter', name('FlateDecode')]]), deflateSync(item)));
      refs.push(ref); added++;
    }
    if (refs.length > current.length) next = next.with(key, refs);
  }
  if (added === 0) {
    return { pdf, warnings: [{ code: 'DSS_NOTHING_TO_ADD', message: 'the DSS already holds all this validation data', messageVi: 'DSS đã có đủ dữ liệu kiểm tra này' }] };
  }
  if (!next.has('Type')) next = new PdfDict([['Type', name('DSS')], ...next.entries]);
  if (dssVal instanceof PdfRef) cs.set(dssVal, next);
  else { const ref = cs.allocate(); cs.set(ref, next); cs.set(doc.catalogRef, doc.catalog.with('DSS', ref)); }
  const written = writeIncrementalUpdate(doc, cs.objects(), cs.nextObjectNumber);
  return { pdf: written.bytes, warnings: written.warnings };
}
