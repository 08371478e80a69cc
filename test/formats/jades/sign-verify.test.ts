/**
 * JAdES B-B: signing in the three serializations, several signers, verification, and the negative cases the
 * issue lists (alg none, algorithm/key mismatch, unknown crit, duplicate members, non-canonical payload, x5c not
 * chaining). `jose` checks the cryptography of what we make.
 */
import { createHash } from 'node:crypto';
import { compactVerify, flattenedVerify, generalVerify, importX509 } from 'jose';
import { describe, expect, it } from 'vitest';
import { signJws, verifyJws } from '../../../src/formats/jades/index.js';
import { der, pem, sampleRecord, signerFor, trustStore } from './helpers.js';

const b64u = (s: string | Buffer): string => Buffer.from(s).toString('base64url');
const headerOf = (p: string): Record<string, unknown> => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('JAdES B-B', () => {
  it('general serialization, two signers (GVCN, principal): protected headers, jose and our verifier accept', async () => {
    const { jws, warnings } = await signJws(sampleRecord(), [
      { signer: signerFor('homeroom'), role: 'Giáo viên chủ nhiệm' },
      { signer: signerFor('principal'), role: 'Hiệu trưởng', commitment: 'proofOfApproval' },
    ], { check: { trustStore, offline: true, revocation: { skip: true } } });
    expect(warnings.map((w) => w.code)).toContain('REVOCATION_SKIPPED');
    const obj = JSON.parse(jws) as { payload: string; signatures: { protected: string }[] };
    expect(obj.signatures).toHaveLength(2);
    const h1 = headerOf(obj.signatures[1]!.protected);
    expect(h1).toMatchObject({ alg: 'RS256', cty: 'json', srAts: { claimed: [{ qVals: ['Hiệu trưởng'] }] }, srCms: [{ commId: { id: 'http://uri.etsi.org/01903/v1.2.2#ProofOfApproval' } }] });
    expect(h1.crit).toEqual(['sigT', 'srAts', 'srCms']);
    expect(h1['x5t#S256']).toBe(createHash('sha256').update(der('principal')).digest('base64url'));
    expect((h1.x5c as string[])[0]).toBe(Buffer.from(der('principal')).toString('base64'));
    expect(h1.sigT).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // payload = RFC 8785 bytes of the record
    expect(Buffer.from(obj.payload, 'base64url').toString('utf8').startsWith('{"diem":[{"mon":"Toán","tb":8.5}')).toBe(true);
    // jose: every signature (crit names must be declared to jose)
    for (const name of ['homeroom', 'principal']) {
      const key = await importX509(pem(name, 'cert'), 'RS256');
      const r = await generalVerify(JSON.parse(jws), key, { crit: { sigT: true, srAts: true, srCms: true } });
      expect(r.protectedHeader?.alg).toBe('RS256');
    }
    const report = await verifyJws(jws, { trustStore, offline: true, revocation: { skip: true }, requireCanonicalPayload: true });
    expect(report.signatures.map((s) => [s.level, s.indication, s.signer.role])).toEqual([['B-B', 'TOTAL_PASSED', 'Giáo viên chủ nhiệm'], ['B-B', 'TOTAL_PASSED', 'Hiệu trưởng']]);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.payload).toMatchObject({ hocSinh: { hoTen: 'Nguyễn Văn An' } });
  });

  it('signing a JWS again adds a signature over the same payload (no wrapping)', async () => {
    const first = await signJws(sampleRecord(), signerFor('homeroom'), { check: { skip: true } });
    const second = await signJws(new TextEncoder().encode(first.jws), signerFor('principal'), { check: { skip: true }, role: 'Hiệu trưởng' });
    const a = JSON.parse(first.jws) as { payload: string };
    const b = JSON.parse(second.jws) as { payload: string; signatures: unknown[] };
    expect(b.payload).toBe(a.payload);
    expect(b.signatures).toHaveLength(2);
    expect(second.signatureIndex).toBe(1);
    const r = await verifyJws(second.jws, { trustStore, offline: true, revocation: { skip: true } });
    expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
  });

  it.each([
    ['RS384', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, 'principal'],
    ['RS512', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, 'principal'],
    ['PS256', { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, 'principal'],
    ['PS384', { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 }, 'principal'],
    ['PS512', { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 }, 'principal'],
    ['ES256', { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, 'teacher-ecdsa'],
  ] as const)('%s: flattened and compact, jose verifies, we verify', async (alg, algorithm, name) => {
    const signer = signerFor(name, algorithm);
    const key = await importX509(pem(name, 'cert'), alg);
    const flat = await signJws({ a: 'Hải Phòng', n: 1 }, signer, { serialization: 'flattened', check: { skip: true } });
    await flattenedVerify(JSON.parse(flat.jws), key, { crit: { sigT: true } });
    const compact = await signJws({ a: 'Hải Phòng', n: 1 }, signer, { serialization: 'compact', check: { skip: true } });
    await compactVerify(compact.jws, key, { crit: { sigT: true } });
    for (const jws of [flat.jws, compact.jws]) {
      const r = await verifyJws(jws, { trustStore, offline: true, revocation: { skip: true } });
      expect([r.signatures[0]!.alg, r.indication]).toEqual([alg, 'TOTAL_PASSED']);
    }
  });

  it('detached with sigD (b64 true and b64 false): needs the payload, detects a changed payload', async () => {
    for (const b64 of [true, false]) {
      const { jws } = await signJws(sampleRecord(), signerFor('homeroom'), { detached: { uri: 'urn:test:hocba', b64 }, check: { skip: true } });
      const obj = JSON.parse(jws) as { payload?: string; signatures: { protected: string }[] };
      expect(obj.payload).toBeUndefined();
      const h = headerOf(obj.signatures[0]!.protected);
      expect(h.sigD).toMatchObject({ mId: 'http://uri.etsi.org/19182/ObjectIdByURIHash', pars: ['urn:test:hocba'], hashM: 'S256' });
      expect(h.crit).toEqual(b64 ? ['sigT', 'sigD'] : ['sigT', 'sigD', 'b64']);
      expect(h.cty).toBeUndefined();
      const payload = new TextEncoder().encode(JSON.stringify(sampleRecord()));
      const canonical = (await import('../../../src/encode/index.js')).canonicalizeToBytes(sampleRecord(), { normalizeNfc: true });
      const missing = await verifyJws(jws, { trustStore, offline: true, revocation: { skip: true } });
      expect([missing.indication, missing.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
      const ok = await verifyJws(jws, { trustStore, offline: true, revocation: { skip: true }, payload: canonical });
      expect([ok.indication, ok.signatures[0]!.coverage.kind]).toEqual(['TOTAL_PASSED', 'detached-payload']);
      const bad = await verifyJws(jws, { trustStore, offline: true, revocation: { skip: true }, payload });
      expect([bad.indication, bad.subIndication]).toEqual(['TOTAL_FAILED', 'HASH_FAILURE']);
    }
  });

  it('rejects alg none, algorithm/key mismatch, unknown crit, duplicate header members, and x5c not chaining', async () => {
    const { jws } = await signJws({ a: 1 }, signerFor('homeroom'), { serialization: 'flattened', check: { skip: true } });
    const obj = JSON.parse(jws) as { payload: string; protected: string; signature: string };
    const h = headerOf(obj.protected);
    const variant = (header: Record<string, unknown> | string) => JSON.stringify({ ...obj, protected: typeof header === 'string' ? b64u(header) : b64u(JSON.stringify(header)) });
    const opts = { trustStore, offline: true, revocation: { skip: true as const } };
    const none = await verifyJws(variant({ ...h, alg: 'none' }), opts);
    expect(none.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_ALG_NONE');
    expect(none.indication).toBe('TOTAL_FAILED');
    const es = await verifyJws(variant({ ...h, alg: 'ES256' }), opts);
    expect(es.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_ALG_KEY_MISMATCH');
    expect([es.indication, es.subIndication]).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
    const hs = await verifyJws(variant({ ...h, alg: 'HS256' }), opts);
    expect(hs.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_ALG_UNSUPPORTED');
    expect(hs.indication).not.toBe('TOTAL_PASSED');
    const crit = await verifyJws(variant({ ...h, exp: 1, crit: ['sigT', 'exp'] }), opts);
    expect(crit.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_CRIT_UNKNOWN');
    expect([crit.indication, crit.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    const text = Buffer.from(obj.protected, 'base64url').toString('utf8');
    const dup = await verifyJws(variant(text.replace('{"alg":"RS256"', '{"alg":"RS256","alg":"RS256"')), opts);
    expect(dup.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_HEADER_DUPLICATE_MEMBER');
    expect(dup.indication).toBe('TOTAL_FAILED');
    // a store that does not hold the test root: x5c does not chain
    const other = await verifyJws(jws, { ...opts, trustStore: { anchors: [der('root-vgca')], intermediates: [] } });
    expect(other.indication).toBe('INDETERMINATE');
    expect(other.signatures[0]!.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('duplicate members and non-canonical payloads (when canonical form is required)', async () => {
    const { jws } = await signJws({ b: 1, a: 2 }, signerFor('homeroom'), { serialization: 'flattened', check: { skip: true } });
    const opts = { trustStore, offline: true, revocation: { skip: true as const } };
    const { importPKCS8, FlattenedSign } = await import('jose');
    const key = await importPKCS8(pem('homeroom', 'key'), 'RS256');
    const header = { ...headerOf((JSON.parse(jws) as { protected: string }).protected) };
    const signRaw = async (payload: string) => JSON.stringify(await new FlattenedSign(new TextEncoder().encode(payload)).setProtectedHeader(header as never).sign(key, { crit: { sigT: true } }));
    const reordered = await signRaw('{"b":1,"a":2}');
    expect((await verifyJws(reordered, opts)).indication).toBe('TOTAL_PASSED');
    const strict = await verifyJws(reordered, { ...opts, requireCanonicalPayload: true });
    expect([strict.indication, strict.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
    expect(strict.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_PAYLOAD_NOT_CANONICAL');
    const dup = await verifyJws(await signRaw('{"a":1,"a":2}'), opts);
    expect(dup.signatures[0]!.findings.map((f) => f.code)).toContain('JADES_PAYLOAD_DUPLICATE_MEMBER');
    expect(dup.indication).toBe('TOTAL_FAILED');
  });

  it('a plain JWS with x5c and no JAdES headers verifies with NOT_JADES_BASELINE', async () => {
    const { importPKCS8, FlattenedSign } = await import('jose');
    const key = await importPKCS8(pem('homeroom', 'key'), 'RS256');
    const x5c = [Buffer.from(der('homeroom')).toString('base64'), Buffer.from(der('ca-edu')).toString('base64')];
    const plain = JSON.stringify(await new FlattenedSign(new TextEncoder().encode('{"a":1}')).setProtectedHeader({ alg: 'RS256', x5c }).sign(key));
    const r = await verifyJws(plain, { trustStore, offline: true, revocation: { skip: true } });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]!.level).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toContain('NOT_JADES_BASELINE');
    expect(r.signatures[0]!.findings.find((f) => f.code === 'NOT_JADES_BASELINE')!.severity).toBe('warning');
  });
});

describe('JAdES ES384 (a throwaway P-384 certificate made by openssl)', () => {
  it('signs ES384; jose and our verifier accept; the alg follows the key', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'jades-p384-'));
    try {
      const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', join(dir, 'k.pem'),
        '-out', join(dir, 'c.pem'), '-days', '2', '-subj', '/CN=P-384 test/C=VN', '-addext', 'keyUsage=critical,digitalSignature'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const { loadPemSigner } = await import('../../../src/crypto/index.js');
      const signer = loadPemSigner({ key: readFileSync(join(dir, 'k.pem'), 'utf8'), certificate: readFileSync(join(dir, 'c.pem'), 'utf8') });
      const { jws } = await signJws({ a: 'Hải Phòng' }, signer, { serialization: 'flattened', check: { skip: true } });
      expect(headerOf((JSON.parse(jws) as { protected: string }).protected).alg).toBe('ES384');
      await flattenedVerify(JSON.parse(jws), await importX509(readFileSync(join(dir, 'c.pem'), 'utf8'), 'ES384'), { crit: { sigT: true } });
      const selfSigned = new Uint8Array(signer.certificate);
      const ours = await verifyJws(jws, { trustStore: { anchors: [selfSigned], intermediates: [] }, offline: true, revocation: { skip: true } });
      expect([ours.signatures[0]!.alg, ours.signatures[0]!.findings.map((f) => f.code)]).toEqual(['ES384', expect.not.arrayContaining(['JADES_SIGNATURE_INVALID'])]);
      expect(ours.signatures[0]!.findings.map((f) => f.code)).not.toContain('JADES_ALG_KEY_MISMATCH');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('adding a signer to a compact JWS', () => {
  it('a compact JWS given as bytes becomes a general JWS with two signatures over its payload', async () => {
    const compact = await signJws({ a: 1 }, signerFor('homeroom'), { serialization: 'compact', check: { skip: true } });
    const both = await signJws(new TextEncoder().encode(`${compact.jws}\n`), signerFor('principal'), { role: 'Hiệu trưởng', check: { skip: true } });
    const obj = JSON.parse(both.jws) as { payload: string; signatures: unknown[] };
    expect([obj.payload, obj.signatures.length]).toEqual([compact.jws.split('.')[1], 2]);
    const r = await verifyJws(both.jws, { trustStore, offline: true, revocation: { skip: true } });
    expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
  });
});

describe('several signers over a detached payload', () => {
  it.each([true, false])('sigD with b64 %s: two signers in one call, a third later with options.payload; jwcrypto agrees', async (b64) => {
    const { canonicalizeToBytes } = await import('../../../src/encode/index.js');
    const { jwcryptoVerify } = await import('./helpers.js');
    const payload = canonicalizeToBytes(sampleRecord(), { normalizeNfc: true });
    const two = await signJws(sampleRecord(), [{ signer: signerFor('homeroom') }, { signer: signerFor('teacher-ecdsa') }], { detached: { uri: 'urn:test:hocba', b64 }, check: { skip: true } });
    await expect(signJws(JSON.parse(two.jws), signerFor('principal'), { check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(signJws(JSON.parse(two.jws), signerFor('principal'), { payload: new TextEncoder().encode('{}'), check: { skip: true } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const three = await signJws(JSON.parse(two.jws), signerFor('principal'), { payload, role: 'Hiệu trưởng', check: { skip: true } });
    const obj = JSON.parse(three.jws) as { payload?: string; signatures: { protected: string }[] };
    expect([obj.payload, obj.signatures.length]).toEqual([undefined, 3]);
    expect(headerOf(obj.signatures[2]!.protected).sigD).toMatchObject({ pars: ['urn:test:hocba'] });
    const r = await verifyJws(three.jws, { trustStore, offline: true, revocation: { skip: true }, payload });
    expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(jwcryptoVerify(three.jws, ['homeroom', 'teacher-ecdsa', 'principal'].map((n) => pem(n, 'cert')), new Uint8Array(0))).toEqual(['ok', 'ok', 'ok']);
  });
});
