import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPkcs11Signer } from '../../src/crypto/pkcs11.js';
import type { Signer } from '../../src/crypto/types.js';
import { signPdfBatch, signPdf } from '../../src/formats/pades/sign/index.js';
import { classicPdf, hybridPdf, xrefStreamPdf } from '../helpers/pdf-samples.js';
import { createSoftHsmToken, SOFTHSM_LIBRARY, softhsmAvailable, type SoftHsmToken } from '../helpers/softhsm.js';
import { opensslVerifyAll, pdfsig } from '../formats/pades/sign/inspect.js';
import { PKI } from '../formats/pades/sign/test-signers.js';

const available = softhsmAvailable();

// CI installs SoftHSM2 (.ci/run): there a missing token library must fail, not skip.
describe.skipIf(!available && process.env['CI'] !== 'true')('PAdES with a PKCS#11 token (SoftHSM2): one login, one batch call', () => {
  let token: SoftHsmToken;
  beforeAll(() => {
    token = createSoftHsmToken({ label: 'edusign-pades', pin: '135790', keys: [
      { keyPem: readFileSync(join(PKI, 'principal.key.pem'), 'utf8'), certificate: readFileSync(join(PKI, 'principal.cert.pem'), 'utf8'), idHex: '01', label: 'principal' },
    ] });
    process.env.SOFTHSM2_CONF = token.conf;
  });
  afterAll(() => token?.cleanup());

  it('signs three học bạ with the token in one signDigests call, and one more with sign()', async () => {
    const signer = await openPkcs11Signer({ library: SOFTHSM_LIBRARY, pin: '135790', tokenLabel: 'edusign-pades', keyLabel: 'principal',
      chain: [readFileSync(join(PKI, 'ca-edu.cert.pem'), 'utf8')] });
    try {
      let batchCalls = 0;
      const counting: Signer = {
        certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm,
        sign: (d) => signer.sign(d),
        signDigests: async (d) => { batchCalls++; return signer.signDigests(d); },
      };
      const results = await signPdfBatch([classicPdf('HS 1'), xrefStreamPdf('HS 2'), hybridPdf('HS 3')], counting, {
        reason: 'Phê duyệt học bạ', appearance: { page: 1, rect: [320, 40, 240, 60], role: 'Hiệu trưởng' },
      });
      expect(batchCalls).toBe(1);
      for (const r of results) {
        expect(pdfsig(r.pdf)[0]).toMatchObject({ signer: 'Phạm Quốc Hùng', valid: true, trusted: true, totalDocument: true });
        expect(opensslVerifyAll(r.pdf)).toEqual(['ok']);
      }
      const single = await signPdf(results[0]!.pdf, { signer, fieldName: 'Lan2' });
      expect(pdfsig(single.pdf).map((s) => s.valid)).toEqual([true, true]);
    } finally {
      await signer.close();
    }
  });
});
