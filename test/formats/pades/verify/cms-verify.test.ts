import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignedData } from '../../../../src/formats/cms/verify/verify-signed-data.js';
import { isEdusignError } from '../../../../src/errors.js';
import { makeIdentity, opensslCmsSign, scratch, type OpensslIdentity } from './helpers/openssl.js';

const enc = new TextEncoder();
let box: ReturnType<typeof scratch>;
let ec: OpensslIdentity;
let rsa: OpensslIdentity;
const content = enc.encode('%PDF-1.7 học bạ của em Nguyễn Văn A — signed bytes');

beforeAll(() => {
  box = scratch();
  ec = makeIdentity(box.dir, 'ec-signer');
  rsa = makeIdentity(box.dir, 'rsa-signer', { kind: 'rsa' });
});
afterAll(() => box.dispose());

describe('verifySignedData over openssl-made CAdES signatures', () => {
  it('accepts an ECDSA CAdES signature and identifies the bound signer', () => {
    const cms = opensslCmsSign(box.dir, ec, content);
    const v = verifySignedData(cms, { content: [content.subarray(0, 10), content.subarray(10)] });
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.messageDigest).toBe('valid');
    expect(v.signatureValue).toBe('valid');
    expect(v.signatureAlgorithm).toBe('ECDSA');
    expect(v.signingCertificateBinding).toBe('bound');
    expect(Buffer.from(v.signerCertificate!)).toEqual(Buffer.from(ec.certDer));
    expect(v.claimedSigningTime).toBeInstanceOf(Date);
  });

  it('accepts RSA PKCS#1 v1.5 and RSA-PSS with SHA-384/SHA-256', () => {
    const pkcs1 = verifySignedData(opensslCmsSign(box.dir, rsa, content, { md: 'sha384' }), { content: [content] });
    expect(pkcs1).toMatchObject({ indication: 'TOTAL_PASSED', signatureAlgorithm: 'RSASSA-PKCS1-v1_5', digestAlgorithm: 'SHA-384' });
    const pss = verifySignedData(opensslCmsSign(box.dir, rsa, content, { pss: true }), { content: [content] });
    expect(pss).toMatchObject({ indication: 'TOTAL_PASSED', signatureAlgorithm: 'RSA-PSS' });
  });

  it('reports HASH_FAILURE when one content byte changes', () => {
    const cms = opensslCmsSign(box.dir, ec, content);
    const changed = content.slice();
    changed[5]! ^= 1;
    const v = verifySignedData(cms, { content: [changed] });
    expect(v).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', messageDigest: 'invalid' });
    expect(v.findings.map((f) => f.code)).toContain('HASH_MISMATCH');
  });

  it('reports SIG_CRYPTO_FAILURE when the signature value is altered', () => {
    const cms = opensslCmsSign(box.dir, rsa, content);
    const v0 = verifySignedData(cms, { content: [content] });
    const sig = Buffer.from(v0.signature);
    const at = Buffer.from(cms).lastIndexOf(sig);
    expect(at).toBeGreaterThan(0);
    const bad = cms.slice();
    bad[at + 10]! ^= 0x40;
    const v = verifySignedData(bad, { content: [content] });
    expect(v).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE', signatureValue: 'invalid' });
  });

  it('needs the signer certificate: absent -> NO_SIGNING_CERTIFICATE_FOUND, supplied -> passes', () => {
    const cms = opensslCmsSign(box.dir, ec, content, { noCerts: true });
    expect(verifySignedData(cms, { content: [content] })).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
    expect(verifySignedData(cms, { content: [content], extraCertificates: [rsa.certDer, ec.certDer] }).indication).toBe('TOTAL_PASSED');
  });

  it('detects a substituted certificate (same key, issuer and serial) through signingCertificateV2', () => {
    const cms = opensslCmsSign(box.dir, ec, content, { noCerts: true });
    const twin = makeIdentity(box.dir, 'ec-signer', { keyPath: ec.keyPath, days: 60 });
    expect(Buffer.from(twin.certDer)).not.toEqual(Buffer.from(ec.certDer));
    const v = verifySignedData(cms, { content: [content], extraCertificates: [twin.certDer] });
    expect(v.signatureValue).toBe('valid');
    expect(v).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND', signingCertificateBinding: 'mismatch' });
  });

  it('requires signingCertificateV2 unless told otherwise', () => {
    const cms = opensslCmsSign(box.dir, ec, content, { attrs: 'plain' });
    expect(verifySignedData(cms, { content: [content] })).toMatchObject({ indication: 'INDETERMINATE', signingCertificateBinding: 'absent' });
    expect(verifySignedData(cms, { content: [content], requireSigningCertificateAttribute: false }).indication).toBe('TOTAL_PASSED');
  });

  it('verifies a signature without signed attributes over the content itself', () => {
    const cms = opensslCmsSign(box.dir, rsa, content, { attrs: 'none' });
    const v = verifySignedData(cms, { content: [content], requireSigningCertificateAttribute: false });
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.findings.map((f) => f.code)).toContain('CMS_NO_SIGNED_ATTRIBUTES');
    const changed = content.slice();
    changed[0]! ^= 1;
    expect(verifySignedData(cms, { content: [changed], requireSigningCertificateAttribute: false }).subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('tolerates zero padding after the DER (PDF /Contents) and throws SIGNATURE_MALFORMED for garbage', () => {
    const cms = opensslCmsSign(box.dir, ec, content);
    const padded = new Uint8Array(cms.length + 500);
    padded.set(cms);
    expect(verifySignedData(padded, { content: [content] }).indication).toBe('TOTAL_PASSED');
    for (const junk of [new Uint8Array(0), new Uint8Array(64), enc.encode('not a cms'), cms.subarray(0, 100)]) {
      let error: unknown;
      try { verifySignedData(junk, { content: [content] }); } catch (e) { error = e; }
      expect(isEdusignError(error) && error.code).toBe('SIGNATURE_MALFORMED');
    }
  });

  it('accepts indefinite-length BER with constructed encapsulated content (openssl cms -stream)', () => {
    writeFileSync(join(box.dir, 'stream-in.bin'), content);
    execFileSync('openssl', ['cms', '-sign', '-binary', '-stream', '-cades', '-in', join(box.dir, 'stream-in.bin'), '-signer', ec.certPath,
      '-inkey', ec.keyPath, '-outform', 'DER', '-out', join(box.dir, 'stream.der'), '-md', 'sha256']);
    const ber = new Uint8Array(readFileSync(join(box.dir, 'stream.der')));
    expect(ber[1]).toBe(0x80); // indefinite length
    const v = verifySignedData(ber);
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(Buffer.from(v.eContent!)).toEqual(Buffer.from(content));
    // the same token offered as a detached PDF signature is a format failure
    expect(verifySignedData(ber, { content: [content] }).subIndication).toBe('FORMAT_FAILURE');
  });

  it('never crashes on mutated or truncated CMS: a result or SIGNATURE_MALFORMED', () => {
    const cms = opensslCmsSign(box.dir, rsa, content);
    fc.assert(fc.property(fc.nat(cms.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(cms.length), (at, value, cut) => {
      const mutated = cms.slice(0, Math.max(1, cut));
      if (at < mutated.length) mutated[at] = value;
      try {
        const v = verifySignedData(mutated, { content: [content] });
        expect(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']).toContain(v.indication);
      } catch (e) {
        expect(isEdusignError(e) && e.code).toBe('SIGNATURE_MALFORMED');
      }
    }), { numRuns: 300 });
  });
});
