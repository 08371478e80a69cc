import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteCallbackHub } from '../../src/crypto/remote/callback-hub.js';
import { createExternalSigningRequest } from '../../src/crypto/external.js';
import { cscSignAlgo, cscSigningService, openCscSigner, type OpenCscSignerOptions } from '../../src/crypto/remote/csc-v2.js';
import { collectRemoteSigning, submitRemoteSigning } from '../../src/crypto/remote/remote-two-phase.js';
import { remoteSigner, type RemoteSigningService } from '../../src/crypto/remote/remote-signer.js';
import { loadPemSigner } from '../../src/crypto/pem.js';
import { verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { startCscDouble, type CscDouble, type CscDoubleBehaviour } from './csc-double.js';
import { codeOf, pkiIdentity, type TestIdentity } from './keys.js';

const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');
const caEdu = pkiIdentity('ca-edu');
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const sha = (name: string, s: string) => new Uint8Array(createHash(name).update(s).digest());

let doubles: CscDouble[] = [];
afterEach(async () => {
  await Promise.all(doubles.map((d) => d.close()));
  doubles = [];
});

async function double(id: TestIdentity, behaviour: Partial<CscDoubleBehaviour> = {}, extra: { keyAlgorithms?: string[]; multisign?: number } = {}) {
  const d = await startCscDouble({
    keyPath: id.keyPath, certificates: [b64(id.certDer), b64(caEdu.certDer)],
    keyAlgorithms: extra.keyAlgorithms ?? (id === ec ? ['1.2.840.10045.4.3.2'] : ['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10']),
    keyLength: id === ec ? 256 : 2048, accessToken: 'tok-123', sad: 'sad-456', ...(extra.multisign ? { multisign: extra.multisign } : {}),
  }, behaviour);
  doubles.push(d);
  return d;
}

const connect = (d: CscDouble, more: Partial<OpenCscSignerOptions> = {}): OpenCscSignerOptions => ({
  baseUrl: d.baseUrl, credentialId: 'GV-0001', accessToken: 'tok-123', sad: 'sad-456', pollIntervalMs: 40, timeoutMs: 5000, ...more,
});

describe('CSC v2 adapter against a local double', () => {
  it('synchronous signHash: certificate chain from credentials/info; a batch of 3 in one call; values verify', async () => {
    const d = await double(rsa);
    const signer = await openCscSigner(connect(d));
    expect(signer.certificate).toEqual(rsa.certDer);
    expect(signer.chain).toEqual([caEdu.certDer]);
    const digests = ['1', '2', '3'].map((s) => sha('sha256', `học bạ ${s}`));
    const sigs = await signer.signDigests(digests);
    sigs.forEach((s, i) => expect(verifyDigestSignature(rsa.certDer, signer.algorithm, digests[i] as Uint8Array, s)).toBe(true));
    const calls = d.log.filter((r) => r.path === 'signatures/signHash');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({ credentialID: 'GV-0001', SAD: 'sad-456', hashAlgorithmOID: '2.16.840.1.101.3.4.2.1',
      signAlgo: '1.2.840.113549.1.1.1', operationMode: 'S' });
    const data = new TextEncoder().encode('sổ điểm');
    expect(verifyMessageSignature(rsa.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
  });

  it('asynchronous mode with delayed confirmation (both pending styles)', async () => {
    for (const pendingStyle of ['400', '202'] as const) {
      const d = await double(rsa, { confirmAfterMs: 250, pendingStyle });
      const signer = await openCscSigner(connect(d, { operationMode: 'A' }));
      const digests = [sha('sha256', 'a'), sha('sha256', 'b')];
      const started = Date.now();
      const sigs = await signer.signDigests(digests);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      sigs.forEach((s, i) => expect(verifyDigestSignature(rsa.certDer, signer.algorithm, digests[i] as Uint8Array, s)).toBe(true));
      expect(d.log.filter((r) => r.path === 'signatures/signPolling').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('ECDSA (the service answers DER; the signer returns P1363) and RSA-PSS (signAlgoParams)', async () => {
    const de = await double(ec, { confirmAfterMs: 50 });
    const es = await openCscSigner(connect(de, { operationMode: 'A' }));
    expect(es.algorithm).toEqual({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' });
    const [sig] = await es.signDigests([sha('sha256', 'ec')]);
    expect(sig).toHaveLength(64);
    expect(verifyDigestSignature(ec.certDer, es.algorithm, sha('sha256', 'ec'), sig as Uint8Array)).toBe(true);
    const dp = await double(rsa);
    const ps = await openCscSigner(connect(dp, { algorithm: { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 } }));
    const data = new TextEncoder().encode('PSS');
    expect(verifyMessageSignature(rsa.certDer, ps.algorithm, data, await ps.sign(data))).toBe(true);
    expect(dp.log.find((r) => r.path === 'signatures/signHash')?.body).toMatchObject({ signAlgo: '1.2.840.113549.1.1.10' });
  });

  it('rejection → REMOTE_SIGNING_REJECTED (sync and async); bad token → REMOTE_SIGNING_REJECTED', async () => {
    const d1 = await double(rsa, { reject: true });
    expect(await codeOf(async () => (await openCscSigner(connect(d1))).sign(new Uint8Array([1])))).toBe('REMOTE_SIGNING_REJECTED');
    const d2 = await double(rsa, { reject: true, confirmAfterMs: 10_000 });
    expect(await codeOf(async () => (await openCscSigner(connect(d2, { operationMode: 'A' }))).sign(new Uint8Array([1]))))
      .toBe('REMOTE_SIGNING_REJECTED');
    expect(await codeOf(() => openCscSigner(connect(d2, { accessToken: 'wrong' })))).toBe('REMOTE_SIGNING_REJECTED');
  });

  it('never confirmed → REMOTE_SIGNING_TIMEOUT within the deadline', async () => {
    const d = await double(rsa, { confirmAfterMs: Number.POSITIVE_INFINITY });
    const signer = await openCscSigner(connect(d, { operationMode: 'A', timeoutMs: 400 }));
    const started = Date.now();
    expect(await codeOf(() => signer.sign(new Uint8Array([1])))).toBe('REMOTE_SIGNING_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a service returning garbage → SIGNER_FAILED (never returned to the caller)', async () => {
    const d = await double(rsa, { garbage: true });
    expect(await codeOf(async () => (await openCscSigner(connect(d))).sign(new Uint8Array([1])))).toBe('SIGNER_FAILED');
  });

  it('multisign splits a batch; the credential\'s algorithm list is honoured', async () => {
    const d = await double(rsa, {}, { multisign: 2 });
    const signer = await openCscSigner(connect(d));
    const digests = ['1', '2', '3', '4', '5'].map((s) => sha('sha256', s));
    expect(await signer.signDigests(digests)).toHaveLength(5);
    expect(d.log.filter((r) => r.path === 'signatures/signHash').map((r) => (r.body.hashes as string[]).length)).toEqual([2, 2, 1]);
    expect(cscSignAlgo({ name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' }, ['1.2.840.10045.2.1']).signAlgo).toBe('1.2.840.10045.2.1');
    expect(await codeOf(() => cscSignAlgo({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, ['1.2.840.113549.1.1.11'])))
      .toBe('UNSUPPORTED_ALGORITHM');
  });

  it('cancel through the caller\'s AbortSignal → SIGNER_FAILED (cancelled)', async () => {
    const d = await double(rsa, { confirmAfterMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const signer = await openCscSigner(connect(d, { operationMode: 'A', signal: controller.signal }));
    setTimeout(() => controller.abort(), 150);
    expect(await codeOf(() => signer.sign(new Uint8Array([1])))).toBe('SIGNER_FAILED');
  });
});

describe('remoteSigner with callbacks (webhook style)', () => {
  it('a pending transaction completed by a delivered callback; an early delivery is kept', async () => {
    const holder = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem });
    const hub = createRemoteCallbackHub();
    let n = 0;
    const service: RemoteSigningService = {
      async submit({ digests }) {
        const id = `tx-${++n}`;
        const deliverAfter = n === 1 ? 100 : 0;
        const signatures = await holder.signDigests(digests);
        if (deliverAfter === 0) hub.deliver(id, { status: 'completed', signatures }); // before anyone waits
        else setTimeout(() => hub.deliver(id, { status: 'completed', signatures: signatures.map(b64) }), deliverAfter);
        return { status: 'pending', transactionId: id };
      },
    };
    const signer = remoteSigner({ service, certificate: rsa.certDer, callbacks: hub, pollIntervalMs: 20, timeoutMs: 3000 });
    const data = new TextEncoder().encode('webhook');
    expect(verifyMessageSignature(rsa.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    expect(verifyMessageSignature(rsa.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    const rejecting: RemoteSigningService = {
      async submit() {
        setTimeout(() => hub.deliver('tx-r', { status: 'rejected', reason: 'Người dùng từ chối' }), 30);
        return { status: 'pending', transactionId: 'tx-r' };
      },
    };
    const r = remoteSigner({ service: rejecting, certificate: rsa.certDer, callbacks: hub, pollIntervalMs: 20, timeoutMs: 3000 });
    expect(await codeOf(() => r.sign(data))).toBe('REMOTE_SIGNING_REJECTED');
    const silent: RemoteSigningService = { async submit() { return { status: 'pending', transactionId: 'tx-never' }; } };
    const s = remoteSigner({ service: silent, certificate: rsa.certDer, callbacks: hub, pollIntervalMs: 20, timeoutMs: 200 });
    expect(await codeOf(() => s.sign(data))).toBe('REMOTE_SIGNING_TIMEOUT');
    const controller = new AbortController();
    const c = remoteSigner({ service: silent, certificate: rsa.certDer, callbacks: hub, pollIntervalMs: 1000, timeoutMs: 5000,
      signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await c.sign(data).catch((e: { code: string; message: string }) => e);
    expect(error).toMatchObject({ code: 'SIGNER_FAILED' });
    expect((error as { message: string }).message).toContain('cancelled');
  });
});

describe('remote signing across requests (ticket)', () => {
  it('submit → JSON ticket → collect: pending, then completed and verified; rejection; expiry', async () => {
    const d = await double(rsa, { confirmAfterMs: 200 });
    const service = cscSigningService({ baseUrl: d.baseUrl, credentialId: 'GV-0001', accessToken: 'tok-123', sad: 'sad-456',
      operationMode: 'A' }, ['1.2.840.113549.1.1.1']);
    const digests = [sha('sha256', 'lớp 10A1 #1'), sha('sha256', 'lớp 10A1 #2')];
    const request = createExternalSigningRequest({ certificate: rsa.certDer, digests, ttlMs: 60_000 });
    const ticket = JSON.parse(JSON.stringify(await submitRemoteSigning(service, request)));
    expect(typeof ticket.transactionId).toBe('string');
    const first = await collectRemoteSigning(service, ticket);
    expect(first.status).toBe('pending');
    await new Promise((r) => setTimeout(r, 250));
    const second = await collectRemoteSigning(service, ticket);
    expect(second.status).toBe('completed');
    if (second.status === 'completed') {
      second.signatures.forEach((s, i) => expect(verifyDigestSignature(rsa.certDer, request.algorithm, digests[i] as Uint8Array, s)).toBe(true));
    }
    d.behaviour.reject = true;
    const t2 = await submitRemoteSigning(service, request);
    expect(await codeOf(() => collectRemoteSigning(service, t2))).toBe('REMOTE_SIGNING_REJECTED');
    expect(await codeOf(() => collectRemoteSigning(service, t2, { now: new Date(Date.now() + 120_000) }))).toBe('TWO_PHASE_STATE_INVALID');
    const garbage = await collectRemoteSigning(service, { request, signatures: ['AAAA', 'AAAA'] }).catch((e: { code: string }) => e.code);
    expect(garbage).toBe('SIGNER_FAILED');
  });
});
