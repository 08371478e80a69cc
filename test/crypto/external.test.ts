import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signMany } from '../../src/crypto/batch.js';
import { ecdsaP1363ToDer } from '../../src/crypto/ecdsa-encoding.js';
import { completeExternalSigning, createExternalSigningRequest, externalSigner,
  parseExternalSigningRequest } from '../../src/crypto/external.js';
import { loadPemSigner } from '../../src/crypto/pem.js';
import { openTwoPhaseState, sealTwoPhaseState } from '../../src/crypto/two-phase-seal.js';
import type { Signer } from '../../src/crypto/types.js';
import { verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { codeOf, pkiIdentity } from './keys.js';

const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');
const sha256 = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());

describe('two-phase external signing', () => {
  it('request → JSON → (elsewhere) signatures → complete, for RSA and ECDSA (P1363 and DER accepted)', async () => {
    for (const id of [rsa, ec]) {
      const digests = [sha256('học bạ 1'), sha256('học bạ 2')];
      const request = createExternalSigningRequest({ certificate: id.certPem, digests, ttlMs: 60_000 });
      const wire = JSON.parse(JSON.stringify(request)) as unknown; // crosses an HTTP gap
      const parsed = parseExternalSigningRequest(wire);
      expect(parsed).toEqual(request);
      // "elsewhere": a key holder signs the base64 digests
      const holder = loadPemSigner({ key: id.keyPem, certificate: id.certPem });
      const raw = await holder.signDigests(parsed.digests.map((d) => new Uint8Array(Buffer.from(d, 'base64'))));
      const returned = raw.map((s, i) => (id === ec && i === 1 ? Buffer.from(ecdsaP1363ToDer(s)).toString('base64') : Buffer.from(s).toString('base64')));
      const values = completeExternalSigning(parsed, returned);
      expect(values[0]).toEqual(raw[0]);
      expect(values[1]).toEqual(raw[1]);
    }
  });

  it('a wrong value is SIGNER_FAILED; a bad or expired request is TWO_PHASE_STATE_INVALID', async () => {
    const digests = [sha256('a')];
    const now = new Date('2026-11-29T10:00:00Z');
    const request = createExternalSigningRequest({ certificate: rsa.certDer, digests, ttlMs: 1000, now });
    const holder = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem });
    const [good] = await holder.signDigests(digests);
    const other = loadPemSigner({ key: pkiIdentity('teacher2').keyPem, certificate: pkiIdentity('teacher2').certPem });
    const [foreign] = await other.signDigests(digests);
    const tampered = Uint8Array.from(good as Uint8Array);
    tampered[10] = (tampered[10] as number) ^ 0xff;
    expect(completeExternalSigning(request, [good as Uint8Array], { now })).toHaveLength(1);
    expect(await codeOf(() => completeExternalSigning(request, [tampered], { now }))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => completeExternalSigning(request, [foreign as Uint8Array], { now }))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => completeExternalSigning(request, ['not base64!'], { now }))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => completeExternalSigning(request, [], { now }))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => completeExternalSigning(request, [good as Uint8Array], { now: new Date(now.getTime() + 5000) })))
      .toBe('TWO_PHASE_STATE_INVALID');
    const broken = [{ ...request, version: 2 }, { ...request, digests: ['AAAA'] }, { ...request, certificate: 'AAAA' },
      { ...request, algorithm: { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' } }, null, 'x'];
    for (const b of broken) expect(await codeOf(() => parseExternalSigningRequest(b))).toBe('TWO_PHASE_STATE_INVALID');
  });

  it('externalSigner: a Signer whose values come from a callback and are checked', async () => {
    const holder = loadPemSigner({ key: ec.keyPem, certificate: ec.certPem });
    const signer: Signer = externalSigner({ certificate: ec.certDer,
      signRequest: async (req) => holder.signDigests(req.digests.map((d) => new Uint8Array(Buffer.from(d, 'base64')))) });
    const data = new TextEncoder().encode('xin chữ ký');
    expect(verifyMessageSignature(ec.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    const msgs = ['1', '2', '3'].map((s) => new TextEncoder().encode(s));
    const sigs = await signMany(signer, msgs);
    sigs.forEach((s, i) => expect(verifyMessageSignature(ec.certDer, signer.algorithm, msgs[i] as Uint8Array, s)).toBe(true));
    const liar = externalSigner({ certificate: ec.certDer, signRequest: async (req) => req.digests.map(() => randomBytes(64)) });
    expect(await codeOf(() => liar.sign(data))).toBe('SIGNER_FAILED');
    const crashing = externalSigner({ certificate: ec.certDer, signRequest: async () => { throw new Error('USB unplugged'); } });
    expect(await codeOf(() => crashing.sign(data))).toBe('SIGNER_FAILED');
  });

  it('sealed state: opens with the key, refuses tampering or another key', async () => {
    const key = randomBytes(32);
    const state = { request: createExternalSigningRequest({ certificate: rsa.certDer, digests: [sha256('x')] }), field: 'Chữ ký 1' };
    const sealed = sealTwoPhaseState(state, key);
    expect(openTwoPhaseState(sealed, key)).toEqual(JSON.parse(JSON.stringify(state)));
    const [payload, mac] = sealed.split('.') as [string, string];
    const altered = Buffer.from(payload, 'base64url').toString('utf8').replace('Chữ ký 1', 'Chữ ký 2');
    expect(await codeOf(() => openTwoPhaseState(`${Buffer.from(altered).toString('base64url')}.${mac}`, key))).toBe('TWO_PHASE_STATE_INVALID');
    expect(await codeOf(() => openTwoPhaseState(sealed, randomBytes(32)))).toBe('TWO_PHASE_STATE_INVALID');
    expect(await codeOf(() => openTwoPhaseState('garbage', key))).toBe('TWO_PHASE_STATE_INVALID');
    expect(await codeOf(() => sealTwoPhaseState(state, new Uint8Array(8)))).toBe('INVALID_ARGUMENT');
  });
});
