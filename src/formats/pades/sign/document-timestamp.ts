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
  /** Bytes reserved for the token, forced: a larger token is PDF_PLACEHOLDER_TOO_SMALL. */
  contentsSize?: number;
  /** First reservation when `contentsSize` is not forced (default 12 000); retried once with the real need. */
  sizeHint?: number;
  /** Name of the new (invisible) field (default `Signature<n>`). */
  fieldName?: string;
  limits?: Partial<PdfLimits>;
}

/**
 * Append a document timestamp. When the token turns out larger than the reservation (and `contentsSize`
 * was not forced), the update is rebuilt once with the size the TSA actually needs (one more TSA request);
 * a forced `contentsSize` that is too small is PDF_PLACEHOLDER_TOO_SMALL.
 *
 * @example
 * ```ts
 * const { pdf: lta } = await addDocumentTimestamp(ltPdf, { timestampAuthority: tsa });
 * ```
 */
export async function addDocumentTimestamp(pdf: Uint8Array, options: DocumentTimestampOptions): Promise<PdfSignResult> {
  if (!options?.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: 'timestampAuthority is required' });
  try {
    return await stamp(pdf, options, options.contentsSize ?? options.sizeHint ?? DEFAULT_RESERVE);
  } catch (e) {
    const needed = e instanceof EdusignError && e.code === 'PDF_PLACEHOLDER_TOO_SMALL' ? Number(e.context['needed']) : NaN;
    if (options.contentsSize !== undefined || !Number.isSafeInteger(needed)) throw e;
    return stamp(pdf, options, needed + 2048);
  }
}

const DEFAULT_RESERVE = 12_000;

async function stamp(pdf: Uint8Array, options: DocumentTimestampOptions, contentsSize: number): Promise<PdfSignResult> {
  const doc = openPdf(pdf, options.limits);
  const cs = new ChangeSet(doc);
  const body = signatureDictionary({ kind: 'document-timestamp', contentsSize });
  const sigRef = await placeSignatureField(cs, body, { pageIndex: 0, fieldName: options.fieldName, documentTimestamp: true });
  const placed = writePlaceholderDocument(cs, sigRef);
  const hash = options.hash ?? 'SHA-256';
  const token = await options.timestampAuthority.timestamp(hashByteRange(placed.bytes, placed.byteRange, hash), hash);
  embedCms(placed.bytes, placed.location, token);
  return { pdf: placed.bytes, warnings: placed.warnings };
}
