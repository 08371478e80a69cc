/**
 * Two-phase JAdES signing (JSON state through a round trip, external signDigests) and batch signing (one
 * signDigests call for N records).
 */
import { flattenedVerify, generalVerify, importX509 } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Signer } from '../../../src/crypto/types.js';
import { completeJwsSignature, prepareJwsSignature, signJws, signJwsBatch, verifyJws } from '../../../src/formats/jades/index.js';
import { pem, sampleRecord, signerFor, trustStore } from './helpers.js';

const opts = { trustStore, offline: true, revocation: { skip: true as const } };

function counting(signer: Signer): Signer & { calls: number } {
  const out = {
    certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm, calls: 0,
    sign: (d: Uint8Array) => signer.sign(d),
    signDigests: async (ds: readonly Uint8Array[]) => { out.calls++; return signer.signDigests(ds); },
  };
  return out;
}

describe('JAdES two-phase and batch', () => {
  it.each(['homeroom', 'teacher-ecdsa'])('prepare → JSON state → signDigests → complete (%s)', async (name) => {
    const signer = signerFor(name);
    const { digest, signingInput, state } = await prepareJwsSignature(sampleRecord(), {
      certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm, role: 'Giáo viên chủ nhiệm', check: { skip: true },
    });
    expect(Buffer.from(signingInput).toString('latin1')).toBe(`${state.protected}.${state.payload}`);
    const travelled = JSON.parse(JSON.stringify(state)) as unknown;
    const [value] = await signer.signDigests([digest]);
    const { jws, warnings } = await completeJwsSignature(travelled, value!);
    expect(warnings.map((w) => w.code)).toEqual(['SIGNER_CHECK_SKIPPED']);
    const r = await verifyJws(jws, opts);
    expect([r.indication, r.signatures[0]!.signer.role]).toEqual(['TOTAL_PASSED', 'Giáo viên chủ nhiệm']);
    const key = await importX509(pem(name, 'cert'), name === 'teacher-ecdsa' ? 'ES256' : 'RS256');
    await generalVerify(JSON.parse(jws), key, { crit: { sigT: true, srAts: true } });
  });

  it('a wrong value is SIGNER_FAILED; a changed state is TWO_PHASE_STATE_INVALID', async () => {
    const signer = signerFor('homeroom');
    const { digest, state } = await prepareJwsSignature({ a: 1 }, { certificate: signer.certificate, algorithm: signer.algorithm, check: { skip: true } });
    const [value] = await signerFor('principal').signDigests([digest]);
    await expect(completeJwsSignature(state, value!)).rejects.toMatchObject({ code: 'SIGNER_FAILED' });
    const [good] = await signer.signDigests([digest]);
    await expect(completeJwsSignature({ ...state, payload: state.payload.slice(0, -2) }, good!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
    await expect(completeJwsSignature({ v: 2 }, good!)).rejects.toMatchObject({ code: 'TWO_PHASE_STATE_INVALID' });
  });

  it('two-phase on an existing JWS adds the second signature; flattened result when asked', async () => {
    const first = await signJws(sampleRecord(), signerFor('homeroom'), { check: { skip: true } });
    const principal = signerFor('principal');
    const { digest, state } = await prepareJwsSignature(JSON.parse(first.jws), { certificate: principal.certificate, algorithm: principal.algorithm, role: 'Hiệu trưởng', check: { skip: true } });
    const [value] = await principal.signDigests([digest]);
    const done = await completeJwsSignature(state, value!);
    expect((JSON.parse(done.jws) as { signatures: unknown[] }).signatures).toHaveLength(2);
    expect((await verifyJws(done.jws, opts)).signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    const flat = await prepareJwsSignature({ a: 1 }, { certificate: principal.certificate, algorithm: principal.algorithm, serialization: 'flattened', check: { skip: true } });
    const [v2] = await principal.signDigests([flat.digest]);
    const f = await completeJwsSignature(flat.state, v2!);
    await flattenedVerify(JSON.parse(f.jws), await importX509(pem('principal', 'cert'), 'RS256'), { crit: { sigT: true } });
  });

  it('batch: N records, one signDigests call, every result verifies', async () => {
    const signer = counting(signerFor('homeroom'));
    const records = [1, 2, 3, 4].map((i) => ({ ...sampleRecord(), stt: i }));
    const results = await signJwsBatch(records, signer, { role: 'Giáo viên chủ nhiệm', check: { skip: true } });
    expect(signer.calls).toBe(1);
    expect(results).toHaveLength(4);
    for (const [i, r] of results.entries()) {
      const v = await verifyJws(r.jws, opts);
      expect([v.indication, (v.payload as { stt: number }).stt]).toEqual(['TOTAL_PASSED', i + 1]);
    }
    expect(await signJwsBatch([], signer)).toEqual([]);
  });
});

describe('levels that cannot be reached are refused before signing', () => {
  it('B-T without a TSA, B-LT without a trust store: INVALID_ARGUMENT and the signer is never called', async () => {
    const signer = counting(signerFor('homeroom'));
    let signCalls = 0;
    const spy = { ...signer, sign: async (d: Uint8Array) => { signCalls++; return signer.sign(d); } };
    await expect(signJws({ a: 1 }, spy, { level: 'B-T', check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const tsa = { timestamp: async () => new Uint8Array(1) };
    await expect(signJws({ a: 1 }, spy, { level: 'B-LT', timestampAuthority: tsa, check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(signJwsBatch([{ a: 1 }], spy, { level: 'B-T', check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(signJws({ a: 1 }, spy, { level: 'B-X' as never, check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect([signCalls, signer.calls]).toEqual([0, 0]);
  });
});
