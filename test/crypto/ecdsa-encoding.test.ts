import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecdsaCoordinateSize, ecdsaDerToP1363, ecdsaP1363ToDer } from '../../src/crypto/ecdsa-encoding.js';
import { codeOf } from './keys.js';

describe('ECDSA P1363 <-> DER', () => {
  for (const size of [32, 48]) {
    it(`round-trips any r||s of ${size}-byte halves (fast-check)`, () => {
      const half = fc.uint8Array({ minLength: size, maxLength: size }).filter((a) => a.some((b) => b !== 0));
      fc.assert(fc.property(half, half, (r, s) => {
        const p1363 = new Uint8Array([...r, ...s]);
        const der = ecdsaP1363ToDer(p1363);
        expect(der[0]).toBe(0x30);
        expect(ecdsaDerToP1363(der, size)).toEqual(p1363);
      }), { numRuns: 300 });
    });
  }

  it('produces the DER node:crypto verifies, and reads the DER node:crypto makes', () => {
    for (const namedCurve of ['P-256', 'P-384'] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      const data = Buffer.from('Học bạ số');
      const p1363 = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', data, publicKey, ecdsaP1363ToDer(p1363))).toBe(true);
      const der = sign('sha256', data, privateKey);
      const back = ecdsaDerToP1363(der, ecdsaCoordinateSize(namedCurve));
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, back)).toBe(true);
    }
  });

  it('encodes high-bit and leading-zero integers minimally', () => {
    const sig = new Uint8Array(64);
    sig[0] = 0x80; sig[63] = 0x01;
    const der = ecdsaP1363ToDer(sig);
    // r = 0x80 00.. (32 bytes, needs a 0x00 pad: 33 bytes), s = 0x01 (1 byte)
    expect(Buffer.from(der).toString('hex')).toBe(`3026022100${'80'.padEnd(64, '0')}020101`);
  });

  it('rejects malformed input with SIGNATURE_MALFORMED', async () => {
    const good = ecdsaP1363ToDer(new Uint8Array(64).fill(7));
    const cases: Uint8Array[] = [
      new Uint8Array([...good, 0]),                                  // trailing byte
      Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01),  // negative r
      Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01), // non-minimal r
      Uint8Array.of(0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0, 0), // indefinite length
      good.subarray(0, good.length - 1),                             // truncated
      Uint8Array.of(0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01),  // SET, not SEQUENCE
      Uint8Array.of(0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01),        // empty INTEGER
    ];
    for (const der of cases) expect(await codeOf(() => ecdsaDerToP1363(der, 32))).toBe('SIGNATURE_MALFORMED');
    const wide = ecdsaP1363ToDer(new Uint8Array(96).fill(0x11));
    expect(await codeOf(() => ecdsaDerToP1363(wide, 32))).toBe('SIGNATURE_MALFORMED');
    expect(await codeOf(() => ecdsaP1363ToDer(new Uint8Array(63)))).toBe('SIGNATURE_MALFORMED');
    expect(await codeOf(() => ecdsaP1363ToDer(new Uint8Array(64)))).toBe('SIGNATURE_MALFORMED');
  });
});
