/**
 * Hostile JSON against the JAdES verifier and signer: deep nesting, 100 MB strings, numbers outside the IEEE
 * double range, lone surrogates, garbage — each a typed EdusignError (or a failing report) in bounded time;
 * random mutations of a valid JWS never pass and never crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { signJws, verifyJws } from '../../../src/formats/jades/index.js';
import { signerFor, trustStore } from '../../formats/jades/helpers.js';

const opts = { trustStore, offline: true, revocation: { skip: true as const } };
const b64u = (s: string): string => Buffer.from(s).toString('base64url');

async function rejectsWith(input: string | Uint8Array, code: string, maxMs = 2000): Promise<void> {
  const t0 = performance.now();
  await expect(verifyJws(input, opts)).rejects.toMatchObject({ code });
  expect(performance.now() - t0).toBeLessThan(maxMs);
}

describe('hostile JSON → typed errors in bounded time', () => {
  it('deep nesting of the JWS, of the payload, of a header', async () => {
    await rejectsWith('['.repeat(200_000), 'JWS_MALFORMED');
    await rejectsWith(`{"payload":"e30","signatures":${'['.repeat(100_000)}`, 'INPUT_TOO_DEEP');
    const deepPayload = b64u('['.repeat(10_000) + ']'.repeat(10_000));
    const { jws } = await signJws({ a: 1 }, signerFor('homeroom'), { serialization: 'flattened', check: { skip: true } });
    const obj = JSON.parse(jws) as { protected: string; signature: string };
    await rejectsWith(JSON.stringify({ ...obj, payload: deepPayload }), 'INPUT_TOO_DEEP');
    const deepHeader = JSON.stringify({ ...obj, protected: b64u(`{"alg":"RS256","x":${'['.repeat(5000)}${']'.repeat(5000)}}`) });
    const r = await verifyJws(deepHeader, opts);
    expect([r.indication, r.signatures[0]!.findings[0]!.code]).toEqual(['TOTAL_FAILED', 'JADES_HEADER_MALFORMED']);
  });

  it('a 100 MB string', async () => {
    const big = Buffer.alloc(100 * 1024 * 1024 + 40, 0x61);
    big.write('{"payload":"', 0, 'latin1');
    big.write('"}', big.length - 2, 'latin1');
    await rejectsWith(big, 'INPUT_TOO_LARGE');
    await rejectsWith(big.toString('latin1'), 'INPUT_TOO_LARGE');
  });

  it('numbers outside the IEEE double range, lone surrogates, duplicate members in the JWS object', async () => {
    await rejectsWith('{"payload":"e30","protected":"e30","signature":"","header":{"n":1e400}}', 'JSON_MALFORMED');
    await rejectsWith('{"payload":"e30","protected":"e30","signature":"","header":{"s":"\\ud800"}}', 'JSON_MALFORMED');
    await rejectsWith('{"payload":"e30","payload":"e30","protected":"e30","signature":""}', 'JSON_DUPLICATE_KEY');
    await rejectsWith('not a jws', 'JWS_MALFORMED');
    await rejectsWith('{"payload":1,"protected":"e30","signature":""}', 'JWS_MALFORMED');
    await rejectsWith('{"signatures":[]}', 'JWS_MALFORMED');
  });

  it('a payload with a lone surrogate or an out-of-range number is not JSON: a failing report when canonical JSON is required', async () => {
    const { importPKCS8, FlattenedSign } = await import('jose');
    const { pem } = await import('../../formats/jades/helpers.js');
    const key = await importPKCS8(pem('homeroom', 'key'), 'RS256');
    for (const payload of ['{"a":"\\udc00"}', '{"a":1e999}']) {
      const jws = JSON.stringify(await new FlattenedSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'RS256' }).sign(key));
      const r = await verifyJws(jws, { ...opts, requireCanonicalPayload: true });
      expect(r.indication).toBe('TOTAL_FAILED');
      expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_PAYLOAD_NOT_JSON');
    }
  });

  it('signing values JSON cannot express is a typed error', async () => {
    const signer = signerFor('homeroom');
    await expect(signJws({ a: Number.NaN }, signer, { check: { skip: true } })).rejects.toMatchObject({ code: 'JSON_NOT_CANONICALIZABLE' });
    await expect(signJws({ a: '\ud800' }, signer, { check: { skip: true } })).rejects.toMatchObject({ code: 'JSON_NOT_CANONICALIZABLE' });
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    await expect(signJws(deep, signer, { check: { skip: true } })).rejects.toMatchObject({ code: 'INPUT_TOO_DEEP' });
    await expect(signJws(new TextEncoder().encode('{"a":1,"a":2}'), signer, { check: { skip: true } })).rejects.toMatchObject({ code: 'JSON_DUPLICATE_KEY' });
    // a JWS-shaped object whose unprotected header nests 10 000 levels: typed error, no stack overflow
    let deepHeader: unknown = 1;
    for (let i = 0; i < 10_000; i++) deepHeader = { x: deepHeader };
    const jwsShaped = { payload: 'e30', signatures: [{ protected: 'e30', header: { deep: deepHeader }, signature: 'AA' }] };
    const e = await signJws(jwsShaped, signer, { check: { skip: true } }).catch((x: unknown) => x);
    expect(isEdusignError(e)).toBe(true);
  });

  it('random one-character mutations of a valid JWS never pass and never crash', async () => {
    const { jws } = await signJws({ hoTen: 'Nguyễn Văn An', diem: [8.5, 9] }, signerFor('homeroom'), { check: { skip: true } });
    const alphabet = 'AZaz09-_{}[]":,.\\ ';
    await fc.assert(fc.asyncProperty(fc.nat(jws.length - 1), fc.nat(alphabet.length - 1), async (pos, ci) => {
      const c = alphabet[ci]!;
      fc.pre(jws[pos] !== c);
      const mutated = jws.slice(0, pos) + c + jws.slice(pos + 1);
      try {
        const r = await verifyJws(mutated, opts);
        expect(r.indication).not.toBe('TOTAL_PASSED');
      } catch (e) {
        expect(isEdusignError(e)).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
