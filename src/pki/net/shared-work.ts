/**
 * Coalescing of identical network work: concurrent validations sharing one cache make one request.
 * @module
 */
import type { PkiCacheLike } from '../types.js';

/**
 * Run `work` once per `key` at a time: while it is in flight, other callers with the same cache get the same
 * promise. Without a cache (or one without `inflight`), `work` simply runs.
 * @example
 * ```ts
 * const crl = await sharedWork(cache, `fetch:crl:${url}`, () => fetcher.fetch(url));
 * ```
 */
export function sharedWork<T>(cache: PkiCacheLike | undefined, key: string, work: () => Promise<T>): Promise<T> {
  const inflight = cache?.inflight;
  if (!inflight) return work();
  const running = inflight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = work().finally(() => inflight.delete(key));
  inflight.set(key, started);
  return started;
}
