import { describe, expect, it } from 'vitest';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { certDer } from '../cert/fixture.js';
import { NOW, standardStore } from './helpers.js';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const NAMES = ['teacher', 'teacher-ecdsa', 'school-seal', 'weak-rsa1024', 'sha1-signed', 'md5-signed', 'expired', 'unknown-critical', 'pathlen-leaf'];

/** `teacher` with one bit of its signature value flipped (last byte of the DER is inside it). */
function forgedTeacher(): Uint8Array {
  const copy = new Uint8Array(certDer('teacher'));
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0x01;
  return copy;
}

describe('path validation with a shared cache (memoised CA signatures and key descriptions)', () => {
  it('gives, call after call, exactly the result computed without a cache', async () => {
    const trustStore = standardStore();
    const cache = createPkiCache();
    for (const name of NAMES) {
      // A plain TrustStoreLike (not a TrustStore) has no memo: this is the unmemoised result.
      const plainStore = { anchors: trustStore.anchors, intermediates: trustStore.intermediates };
      const plain = await buildAndValidatePath(certDer(name), { trustStore: plainStore, at: NOW });
      const first = await buildAndValidatePath(certDer(name), { trustStore, at: NOW, cache });
      const second = await buildAndValidatePath(certDer(name), { trustStore, at: NOW, cache });
      expect(first, name).toEqual(plain);
      expect(second, name).toEqual(plain);
    }
    expect(cache.size).toBeGreaterThan(NAMES.length);
  });

  it('without a cache, a TrustStore memoises in its own bounded memo, shared with withIntermediates()', async () => {
    const trustStore = standardStore();
    const memo = trustStore.memo() as ReturnType<typeof createPkiCache>;
    expect(memo.size).toBe(0);
    const first = await buildAndValidatePath(certDer('teacher'), { trustStore, at: NOW });
    const filled = memo.size;
    expect(filled).toBeGreaterThan(0);
    const derived = trustStore.withIntermediates([]);
    expect(derived.memo()).toBe(memo);
    expect(await buildAndValidatePath(certDer('teacher'), { trustStore: derived, at: NOW })).toEqual(first);
    expect(memo.size).toBe(filled);
    const withCache = createPkiCache();
    await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(), at: NOW, cache: withCache });
    expect(withCache.size).toBeGreaterThan(0); // the caller's cache is used first
  });

  it('a forged certificate is a new key: its bad signature is found even after the genuine one was cached', async () => {
    const trustStore = standardStore();
    const cache = createPkiCache();
    expect((await buildAndValidatePath(certDer('teacher'), { trustStore, at: NOW, cache })).indication).toBe('TOTAL_PASSED');
    const forged = await buildAndValidatePath(forgedTeacher(), { trustStore, at: NOW, cache });
    expect([forged.indication, forged.subIndication]).toEqual(['INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE']);
    expect(codes(forged)).toContain('CERT_SIGNATURE_INVALID');
  });

  it('the weak-key verdict still depends on the validation time (only the key description is memoised)', async () => {
    const trustStore = standardStore();
    const cache = createPkiCache();
    const now = await buildAndValidatePath(certDer('weak-rsa1024'), { trustStore, at: NOW, cache });
    expect(codes(now)).toContain('WEAK_KEY');
    const old = await buildAndValidatePath(certDer('weak-rsa1024'), {
      trustStore, at: NOW, cache, cryptoPolicy: { legacyAlgorithmsUntil: new Date(NOW.getTime() + 1000) },
    });
    expect(codes(old)).not.toContain('WEAK_KEY');
  });
});
