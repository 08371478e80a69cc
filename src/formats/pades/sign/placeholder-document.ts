/**
 * Write an update that contains a signature dictionary with placeholders, then fix its /ByteRange:
 * the step shared by CAdES signatures and document timestamps.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import type { PdfRef } from '../pdf/objects.js';
import { locatePlaceholders, patchByteRange, type ByteRange, type PlaceholderLocation } from './byterange.js';
import type { ChangeSet } from './change-set.js';
import { writeIncrementalUpdate } from './incremental-writer.js';

/** A written file waiting for its CMS. */
export interface PlaceholderDocument {
  bytes: Uint8Array;
  location: PlaceholderLocation;
  byteRange: ByteRange;
  warnings: Finding[];
}

/**
 * Write the change set as an incremental update and patch the /ByteRange of signature `sigRef`.
 *
 * @example
 * ```ts
 * const placed = writePlaceholderDocument(cs, sigRef);
 * const digest = hashByteRange(placed.bytes, placed.byteRange, 'SHA-256');
 * ```
 */
export function writePlaceholderDocument(cs: ChangeSet, sigRef: PdfRef): PlaceholderDocument {
  const written = writeIncrementalUpdate(cs.doc, cs.objects(), cs.nextObjectNumber);
  const at = written.offsets.get(sigRef.num)!;
  const location = locatePlaceholders(written.bytes, at);
  const byteRange = patchByteRange(written.bytes, location);
  return { bytes: written.bytes, location, byteRange, warnings: written.warnings };
}
