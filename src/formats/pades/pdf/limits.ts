/**
 * Resource limits of the PDF reader: hostile files get a typed error in bounded time and memory.
 * @module
 */

/** Limits applied while reading a PDF. Every field is optional in {@link openPdf}. */
export interface PdfLimits {
  /** Largest accepted file, bytes (default 512 MiB). */
  maxFileBytes: number;
  /** Deepest nesting of arrays/dictionaries (default 64). */
  maxDepth: number;
  /** Most revisions followed through /Prev (default 10 000). */
  maxRevisions: number;
  /** Most cross-reference entries in all sections together (default 10 000 000). */
  maxXrefEntries: number;
  /** Largest decoded stream (xref streams, object streams), bytes (default 64 MiB). */
  maxDecodedStreamBytes: number;
  /** Most objects in one object stream (default 100 000). */
  maxObjectsPerObjectStream: number;
}

/**
 * The default {@link PdfLimits}.
 *
 * @example
 * ```ts
 * openPdf(bytes, { ...DEFAULT_PDF_LIMITS, maxDepth: 32 });
 * ```
 */
export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({
  maxFileBytes: 512 * 1024 * 1024,
  maxDepth: 64,
  maxRevisions: 10_000,
  maxXrefEntries: 10_000_000,
  maxDecodedStreamBytes: 64 * 1024 * 1024,
  maxObjectsPerObjectStream: 100_000,
});

/**
 * Fill missing fields of `limits` with the defaults.
 *
 * @example
 * ```ts
 * const limits = resolvePdfLimits({ maxDepth: 32 });
 * ```
 */
export function resolvePdfLimits(limits?: Partial<PdfLimits>): PdfLimits {
  return { ...DEFAULT_PDF_LIMITS, ...(limits ?? {}) };
}
