// ---- net: fetcher + cache (revocation engineer) ----
export { createFetcher } from './net/fetcher.js';
export type { FetcherOptions } from './net/fetcher.js';
export { createPkiCache } from './net/cache.js';
export type { PkiCache, PkiCacheOptions } from './net/cache.js';
