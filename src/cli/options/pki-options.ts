/**
 * The PKI options every command shares: trust anchors, helper intermediates, pins, validation time, offline mode,
 * host mapping for the fetcher.
 * @module
 */
import {
  createFetcher, createPkiCache, loadTrustStore, type Fetcher, type PkiCacheLike, type TrustStore,
} from '../../index.js';
import { usageError } from './usage-error.js';

/** parseArgs option declarations of {@link pkiFromArgs}. */
export const PKI_ARG_OPTIONS = {
  trust: { type: 'string', multiple: true },
  intermediate: { type: 'string', multiple: true },
  pin: { type: 'string', multiple: true },
  at: { type: 'string' },
  offline: { type: 'boolean' },
  resolve: { type: 'string', multiple: true },
} as const;

/** Values parsed from {@link PKI_ARG_OPTIONS}. */
export interface PkiArgValues {
  trust?: string[];
  intermediate?: string[];
  pin?: string[];
  at?: string;
  offline?: boolean;
  resolve?: string[];
}

/** What commands pass to the library. */
export interface PkiFromArgs {
  trustStore?: TrustStore;
  at?: Date;
  offline: boolean;
  fetcher: Fetcher;
  cache: PkiCacheLike;
}

/**
 * `--resolve host=ip:port` entries as the fetcher's `resolve` map.
 *
 * @example
 * ```ts
 * parseResolve(['pki.edusign.test=127.0.0.1:8080']); // { 'pki.edusign.test': '127.0.0.1:8080' }
 * ```
 */
export function parseResolve(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([^=\s]+)=([^=\s]+:\d+)$/.exec(entry);
    if (!match?.[1] || !match[2]) throw usageError(`--resolve expects host=ip:port, got "${entry}"`, `--resolve cần dạng host=ip:port, nhận "${entry}"`);
    out[match[1]] = match[2];
  }
  return out;
}

/**
 * `--at` as a Date (`undefined` when not given; a usage error when it is not ISO 8601).
 *
 * @example
 * ```ts
 * parseTime('2031-06-01T00:00:00Z'); // Date
 * ```
 */
export function parseTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw usageError(`--at expects an ISO 8601 time, got "${text}"`, `--at cần thời điểm ISO 8601, nhận "${text}"`);
  }
  return date;
}

/**
 * Builds the trust store, fetcher and cache from the shared options.
 *
 * @example
 * ```ts
 * const pki = await pkiFromArgs({ trust: ['fixtures/pki/roots.pem'], offline: true });
 * ```
 */
export async function pkiFromArgs(values: PkiArgValues): Promise<PkiFromArgs> {
  const offline = values.offline ?? false;
  const at = parseTime(values.at);
  const trustStore = values.trust?.length
    ? await loadTrustStore({ anchors: values.trust, intermediates: values.intermediate ?? [], ...(values.pin ? { pins: values.pin } : {}) })
    : undefined;
  return {
    ...(trustStore ? { trustStore } : {}),
    ...(at ? { at } : {}),
    offline,
    fetcher: createFetcher({ offline, resolve: parseResolve(values.resolve ?? []) }),
    cache: createPkiCache(),
  };
}
