/**
 * A caller-owned cache for network results of the PKI layer (CRLs, OCSP responses, AIA certificates).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { PkiCacheLike } from '../types.js';

/** Options of {@link createPkiCache}. */
export interface PkiCacheOptions {
  /** Maximum number of entries kept; the least recently used entry is dropped first. Default 10 000. */
  maxEntries?: number;
}

/** The cache returned by {@link createPkiCache}: a {@link PkiCacheLike} with a few helpers. */
export interface PkiCache extends PkiCacheLike {
  /** Network work in progress (shared by concurrent validations). */
  readonly inflight: Map<string, Promise<unknown>>;
  /** Number of entries currently stored (expired ones included until they are read). */
  readonly size: number;
  /** Forget everything. */
  clear(): void;
}

interface Entry {
  value: Uint8Array;
  expires: number | undefined;
}

/**
 * Create an in-memory cache for CRLs (by URL, until nextUpdate), OCSP responses (by certificate, until
 * nextUpdate) and AIA certificates (by URL). The caller owns it and passes it to every validation, so that
 * verifying 1,000 documents of one school makes O(issuers) network calls.
 *
 * Keys used by the SDK: `crl:<url>`, `ocsp:<issuer key hash hex>:<serial hex>`, `aia:<url>`.
 * Memoised pure decisions are kept here too (`certsig:`, `spki:`, `ocsp-eval:`, `crl-eval:`, `subject:`,
 * `sources:`, `tst:`, each naming its inputs by SHA-256; see `TrustStore.memo()` for the store's own memo when
 * there is no cache).
 * An entry set with `expires === undefined` never expires (it is only dropped when the cache is full, least
 * recently used first).
 *
 * @example
 * ```ts
 * const cache = createPkiCache();
 * for (const pdf of pdfs) await verify(pdf, { trustStore, cache });
 * ```
 */
export function createPkiCache(options: PkiCacheOptions = {}): PkiCache {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'maxEntries must be a positive integer', detailVi: 'maxEntries phải là số nguyên dương' });
  }
  const entries = new Map<string, Entry>();
  return {
    inflight: new Map<string, Promise<unknown>>(),
    get size() {
      return entries.size;
    },
    get(key: string, now: Date): Uint8Array | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires !== undefined && entry.expires <= now.getTime()) {
        entries.delete(key);
        return undefined;
      }
      // Least recently used goes first: a CA's CRL read for every document outlives one-off entries.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: Uint8Array, expires: Date | undefined): void {
      entries.delete(key);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { value, expires: expires?.getTime() });
    },
    clear(): void {
      entries.clear();
    },
  };
}
