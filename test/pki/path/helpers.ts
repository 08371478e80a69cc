/** Test helpers for path validation: a store of the test PKI and a trivial in-memory fetcher. */
import { EdusignError } from '../../../src/errors.js';
import type { Fetcher } from '../../../src/pki/types.js';
import { createTrustStore, type TrustStore } from '../../../src/pki/trust/trust-store.js';
import { certDer } from '../cert/fixture.js';

/** The validation time used by the tests (the project's "present"). */
export const NOW = new Date('2026-11-29T12:00:00Z');

/** Anchors root-neac + root-vgca, intermediates ca-edu + ca-vgca-sub (overridable). */
export function standardStore(anchors = ['root-neac', 'root-vgca'], intermediates = ['ca-edu', 'ca-vgca-sub']): TrustStore {
  return createTrustStore({ anchors: anchors.map(certDer), intermediates: intermediates.map(certDer) });
}

/** A fetcher serving `http://pki.edusign.test/<name>.cer` from fixtures, counting calls. */
export function fixtureFetcher(names: string[], override: Record<string, Uint8Array> = {}): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async fetch(url: string): Promise<Uint8Array> {
      calls.push(url);
      if (override[url]) return override[url];
      const match = /^http:\/\/pki\.edusign\.test\/([a-z0-9-]+)\.cer$/.exec(url);
      if (match?.[1] && names.includes(match[1])) return certDer(match[1]);
      throw new EdusignError('NETWORK_ERROR', { detail: `404 ${url}` });
    },
  };
}
