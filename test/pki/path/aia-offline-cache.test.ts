import { describe, expect, it } from 'vitest';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { certDer } from '../cert/fixture.js';
import { fixtureFetcher, NOW, standardStore } from './helpers.js';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('AIA offline: certificates downloaded earlier into the caller cache are local data', () => {
  it('offline finds the issuer in the cache (no fetch); without it, AIA_OFFLINE as before', async () => {
    const trustStore = standardStore(['root-neac'], []);
    const cache = createPkiCache();
    const fetcher = fixtureFetcher(['ca-edu']);
    const online = await buildAndValidatePath(certDer('teacher'), { trustStore, at: NOW, fetcher, cache });
    expect(online.indication).toBe('TOTAL_PASSED');
    expect(fetcher.calls).toHaveLength(1);
    const offline = await buildAndValidatePath(certDer('homeroom'), { trustStore, at: NOW, offline: true, fetcher, cache });
    expect([offline.indication, offline.subIndication]).toEqual(['TOTAL_PASSED', undefined]);
    expect(offline.chain.map((c) => c.source)).toEqual(['supplied', 'aia', 'trust-anchor']);
    expect(fetcher.calls).toHaveLength(1);
    const empty = await buildAndValidatePath(certDer('homeroom'), { trustStore, at: NOW, offline: true, fetcher, cache: createPkiCache() });
    expect([empty.subIndication, codes(empty)]).toEqual(['NO_CERTIFICATE_CHAIN_FOUND', ['NO_TRUST_ANCHOR', 'AIA_OFFLINE']]);
  });

  it('garbage cached under an AIA URL is ignored offline (no crash, no chain)', async () => {
    const cache = createPkiCache();
    cache.set('aia:http://pki.edusign.test/ca-edu.cer', Uint8Array.of(0x30, 0x03, 1, 2, 3), undefined);
    const r = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(['root-neac'], []), at: NOW, offline: true, cache });
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(codes(r)).toContain('AIA_OFFLINE');
  });
});
