/**
 * Memoisation of pure, expensive PKI decisions in the caller's cache (`PkiCacheLike`): a value is stored as
 * JSON under a key that names every input by its SHA-256, so a hit is exactly the value the computation would
 * give again. Nothing here is module state: without a cache, everything is computed. Internal.
 * @module
 */
import type { PkiCacheLike } from '../types.js';

const EPOCH = new Date(0);

function read<T>(cache: PkiCacheLike | undefined, key: string): { value: T } | undefined {
  const stored = cache?.get(key, EPOCH);
  if (!stored) return undefined;
  try {
    return { value: JSON.parse(Buffer.from(stored).toString('utf8')) as T };
  } catch {
    return undefined; // unreadable entry: recomputed and overwritten
  }
}

function write<T>(cache: PkiCacheLike | undefined, key: string, value: T): T {
  cache?.set(key, new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8')), undefined);
  return value;
}

/**
 * `compute()` once per key and cache: later calls with the same key read the stored JSON. Entries never
 * expire (the inputs named by the key cannot change); the cache's size bound drops old ones.
 * @example
 * ```ts
 * const evaluation = await memoised(cache, `ocsp-eval:${sha256Hex(der)}:${certSha}:${issuerSha}`, () => evaluateOcsp(cert, ca, der, {}));
 * ```
 */
export async function memoised<T>(cache: PkiCacheLike | undefined, key: string, compute: () => T | Promise<T>): Promise<T> {
  const hit = read<T>(cache, key);
  return hit ? hit.value : write(cache, key, await compute());
}

/**
 * Synchronous form of {@link memoised}, for synchronous checks (certificate signatures in path validation).
 * @example
 * ```ts
 * const check = memoisedSync(cache, `certsig:${cert.sha256}:${spkiSha}`, () => verifyCertificateSignature(cert, spki));
 * ```
 */
export function memoisedSync<T>(cache: PkiCacheLike | undefined, key: string, compute: () => T): T {
  const hit = read<T>(cache, key);
  return hit ? hit.value : write(cache, key, compute());
}
