/**
 * Add a document timestamp (ETSI EN 319 142-1 §5.4, /Type /DocTimeStamp, SubFilter ETSI.RFC3161) over
 * the whole file, in a new incremental update: what turns B-LT into B-LTA (and B-B into B-T).
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { HashAlgorithm } from '../../../crypto/types.js';
import type { TimestampAuthority } from '../../../pki/types.js';
import { openPdf } from '../pdf/document.js';
import type { PdfLimits } from '../pdf/limits.js';
import { embedCms, hashByteRange } from './byterange.js';
import { ChangeSet } from './change-set.js';
import type { PdfSignResult } from './options.js';
import { writePlaceholderDocument } from './placeholder-document.js';
import { signatureDictionary } from './signature-dictionary.js';
import { placeSignatureField } from './signature-field.js';

/** Options of {@link addDocumentTimestamp}. */
export interface DocumentTimestampOptions {
  timestampAuthority: TimestampAuthority;
  /** Hash of the message imprint (default SHA-256). */
  hash?: HashAlgorithm;
  /** Bytes reserved for the token (default 12 000). */
  contentsSize?: number;
  /** Name of the new (invisible) field (default `Signature<n>`). */
  fieldName?: string;
  limits?: Partial<PdfLimits>;
}

/**
 * Append a document timestamp. A token larger than the reservation is PDF_PLACEHOLDER_TOO_SMALL
 * (its `context.needed` tells the size to pass as `contentsSize`).
 *
 * @example
 * ```ts
 * const { pdf: lta } = await addDocumentTimestamp(ltPdf, { timestampAuthority: tsa });
 * ```
 */
export async function addDocumentTimestamp(pdf: Uint8Array, options: DocumentTimestampOptions): Promise<PdfSignResult> {
  if (!options?.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: 'timestampAuthority is required' });
  const doc = openPdf(pdf, options.limits);
  const cs = new ChangeSet(doc);
  const body = signatureDictionary({ kind: 'document-timestamp', contentsSize: options.contentsSize ?? 12_000 });
  const sigRef = await placeSignatureField(cs, body, { pageIndex: 0, fieldName: options.fieldName, documentTimestamp: true });
  const placed = writePlaceholderDocument(cs, sigRef);
  const hash = options.hash ?? 'SHA-256';
  const token = await options.timestampAuthority.timestamp(hashByteRange(placed.bytes, placed.byteRange, hash), hash);
  embedCms(placed.bytes, placed.location, token);
  return { pdf: placed.bytes, warnings: placed.warnings };
}
