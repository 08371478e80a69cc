/**
 * Where pure decisions of one validation are memoised: the caller's cache, else the trust store's own memo.
 * @module
 */
import type { PkiCacheLike, TrustStoreLike } from '../types.js';
import { TrustStore } from './trust-store.js';

/**
 * The cache to memoise pure decisions in: `cache` when the caller gave one, else the memo of a
 * {@link TrustStore} (a plain {@link TrustStoreLike} has none: then nothing is memoised).
 * @example
 * ```ts
 * const memo = memoFor(options.cache, options.trustStore);
 * ```
 */
export function memoFor(cache: PkiCacheLike | undefined, trustStore: TrustStoreLike): PkiCacheLike | undefined {
  return cache ?? (trustStore instanceof TrustStore ? trustStore.memo() : undefined);
}
