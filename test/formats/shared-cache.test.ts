import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPkcs12Signer } from '../../src/crypto/index.js';
import type { Signer } from '../../src/crypto/types.js';
import { signJws } from '../../src/formats/jades/index.js';
import { signXml } from '../../src/formats/xades/index.js';
import { createFetcher, createTrustStore, httpTimestampAuthority, parseCertificates } from '../../src/pki/index.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../helpers/pki-services.js';

// One signing call fetches each revocation response once: the certificate check and the B-LT data share a cache.
describe('check before signing and B-LT share one PKI cache per call', () => {
  let services: PkiServices;
  let signer: Signer;
  const pem = (name: string) => parseCertificates(readFileSync(join(FIXTURES_PKI, `${name}.cert.pem`)));
  beforeAll(async () => {
    services = await startPkiServices();
    signer = await loadPkcs12Signer(readFileSync(join(FIXTURES_PKI, 'teacher.p12')), '123456');
  });
  afterAll(() => services?.stop());

  function options() {
    const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
    const trustStore = createTrustStore({ anchors: pem('root-neac'), intermediates: pem('ca-edu') });
    return { level: 'B-LT' as const, timestampAuthority: httpTimestampAuthority(services.tsaUrl, { fetcher }), check: { trustStore, fetcher } };
  }

  it.each([
    ['XAdES', () => signXml('<r><d Id="data">Học bạ</d></r>', { signer, ...options() })],
    ['JAdES', () => signJws({ hocBa: 'Học bạ' }, signer, options())],
  ])('%s B-LT asks the OCSP responder of the education CA once per certificate', async (_format, sign) => {
    const before = services.requestCount('ocsp:/ca-edu');
    await sign();
    // Two certificates under ca-edu need a status (the signer's and the TSA's); without the shared cache the
    // signer's status was fetched twice (check, then B-LT): 3 requests.
    expect(services.requestCount('ocsp:/ca-edu') - before).toBe(2);
  });
});
