import { mkdirSync, mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { decodeCertificate } from '../../../src/pki/cert/decode-certificate.js';
import { createTrustStore, loadTrustStore, normaliseSha256, formatFingerprint } from '../../../src/pki/trust/index.js';
import { certDer, pkiFile, pkiPath } from '../cert/fixture.js';

const sha = (name: string) => decodeCertificate(certDer(name)).sha256;
const work = mkdtempSync(join(tmpdir(), 'edusign-trust-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isEdusignError(error) ? error.code : 'not-an-EdusignError';
  }
  return undefined;
}

async function codeOfAsync(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
  } catch (error) {
    return isEdusignError(error) ? error.code : 'not-an-EdusignError';
  }
  return undefined;
}

describe('TrustStore', () => {
  it('keeps anchors and intermediates apart and de-duplicates', () => {
    const store = createTrustStore({
      anchors: [pkiFile('roots.pem'), certDer('root-neac')],
      intermediates: [pkiFile('intermediates.pem'), certDer('root-neac'), certDer('ca-edu')],
    });
    expect(store.anchors).toEqual([certDer('root-neac'), certDer('root-vgca')]);
    expect(store.intermediates).toEqual([certDer('ca-edu'), certDer('ca-vgca-sub')]);
    expect(store.isAnchor(certDer('root-vgca'))).toBe(true);
    expect(store.isAnchor(certDer('ca-edu'))).toBe(false);
    expect(store.list().map((r) => r.role)).toEqual(['anchor', 'anchor', 'intermediate', 'intermediate']);
    expect(store.withIntermediates([certDer('teacher')]).intermediates).toHaveLength(3);
  });

  it('accepts anchors whose SHA-256 is pinned (any notation) and refuses others', () => {
    const neac = sha('root-neac');
    const pinned = createTrustStore({ anchors: [certDer('root-neac')], pins: [formatFingerprint(neac)] });
    expect(pinned.anchors).toHaveLength(1);
    expect(codeOf(() => createTrustStore({ anchors: [pkiFile('roots.pem')], pins: [neac] }))).toBe('TRUST_ANCHOR_PIN_MISMATCH');
    expect(codeOf(() => createTrustStore({ anchors: [certDer('root-neac')], pins: [neac, sha('root-vgca')] }))).toBe('TRUST_ANCHOR_PIN_UNUSED');
    expect(codeOf(() => createTrustStore({ anchors: [certDer('root-neac')], pins: ['abcd'] }))).toBe('INVALID_ARGUMENT');
    expect(normaliseSha256(`SHA256:${formatFingerprint(neac).toLowerCase()}`)).toBe(neac);
  });

  it('loads files and directories (PEM, DER, P7B) and names a corrupt file', async () => {
    const dir = join(work, 'roots');
    mkdirSync(dir);
    copyFileSync(pkiPath('root-neac.cert.der'), join(dir, 'neac.cer'));
    copyFileSync(pkiPath('root-vgca.cert.pem'), join(dir, 'vgca.pem'));
    writeFileSync(join(dir, 'README.txt'), 'ignored: not a certificate extension');
    const store = await loadTrustStore({ anchors: [dir], intermediates: [pkiPath('ca-bundle.p7b')], pins: [sha('root-neac'), sha('root-vgca')] });
    expect(store.anchors.map((a) => decodeCertificate(a).sha256).sort()).toEqual([sha('root-neac'), sha('root-vgca')].sort());
    expect(store.intermediates.map((a) => decodeCertificate(a).sha256).sort()).toEqual([sha('ca-edu'), sha('ca-vgca-sub')].sort());

    writeFileSync(join(dir, 'broken.crt'), Buffer.from(certDer('root-neac')).subarray(0, 100));
    let message = '';
    try {
      await loadTrustStore({ anchors: [dir] });
    } catch (error) {
      expect(isEdusignError(error) && error.code).toBe('CERT_MALFORMED');
      message = (error as Error).message;
    }
    expect(message).toContain('broken.crt');
    expect(await codeOfAsync(() => loadTrustStore({ anchors: [join(work, 'missing.pem')] }))).toBe('IO_ERROR');
  });
});
