import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePdfSignature } from '../../src/formats/pades/index.js';
import { prepareXmlSignature } from '../../src/formats/xades/index.js';
import { prepareJwsSignature } from '../../src/formats/jades/index.js';
import { checkSignerBeforeSigning } from '../../src/formats/signer-check.js';
import { parseCertificates } from '../../src/pki/index.js';
import { isEdusignError } from '../../src/errors.js';
import { classicPdf } from '../helpers/pdf-samples.js';

const pki = join(import.meta.dirname, '../../fixtures/pki');
const cert = (name: string) => parseCertificates(readFileSync(join(pki, `${name}.cert.pem`)))[0]!;
const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    return isEdusignError(error) ? error.code : String(error);
  }
}

// Every signing path checks the certificate first, two-phase preparation included (the digest must not leave).
describe('check before signing, shared by the formats', () => {
  it.each([
    ['expired', 'CERT_EXPIRED'],
    ['not-yet-valid', 'CERT_NOT_YET_VALID'],
    ['no-signing-ku', 'CERT_NOT_USABLE_FOR_SIGNING'],
  ])('two-phase preparation refuses the %s certificate in PDF, XML and JSON', async (name, code) => {
    const signer = { certificate: cert(name), chain: [cert('ca-edu')], algorithm };
    expect(await codeOf(() => preparePdfSignature(classicPdf('x'), { signer }))).toBe(code);
    expect(await codeOf(() => prepareXmlSignature('<r><d Id="data">x</d></r>', { certificate: signer.certificate, chain: signer.chain, algorithm }))).toBe(code);
    expect(await codeOf(() => prepareJwsSignature({ a: 1 }, { certificate: signer.certificate, chain: signer.chain, algorithm }))).toBe(code);
  });

  it('turns a refusal into a warning only when asked, and says when the path was not checked', async () => {
    const { warnings } = await checkSignerBeforeSigning(cert('expired'), [], { allowInvalidCertificate: true });
    expect(warnings.map((w) => w.code)).toEqual(['CERT_EXPIRED', 'CERT_PATH_NOT_CHECKED']);
    const prepared = await preparePdfSignature(classicPdf('x'), { signer: { certificate: cert('teacher'), chain: [cert('ca-edu')], algorithm } });
    expect(prepared.state.warnings.map((w) => w.code)).toContain('CERT_PATH_NOT_CHECKED');
    expect((await checkSignerBeforeSigning(cert('expired'), [], { skip: true })).warnings.map((w) => w.code)).toEqual(['SIGNER_CHECK_SKIPPED']);
  });
});
