/**
 * PKCS#11 against a real SoftHSM2 token (Debian `softhsm2` + `opensc`, installed by `.ci/run`).
 * Skipped only when SoftHSM2 is absent.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs11Signer, type Pkcs11SignerOptions } from '../../src/crypto/pkcs11.js';
import type { SignatureAlgorithm } from '../../src/crypto/types.js';
import { verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { addAlwaysAuthenticateRsaKey, createSoftHsmToken, SOFTHSM_LIBRARY, softhsmAvailable,
  type SoftHsmToken } from '../helpers/softhsm.js';
import { codeOf, makeP384Identity, pkiIdentity } from './keys.js';

const available = softhsmAvailable();
const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');
const noCert = pkiIdentity('homeroom');

// CI installs SoftHSM2 (.ci/run): there a missing token library must fail, not skip.
describe.skipIf(!available && process.env['CI'] !== 'true')('openPkcs11Signer (SoftHSM2)', () => {
  let token: SoftHsmToken;
  let other: ReturnType<typeof makeP384Identity>;
  beforeAll(async () => {
    token = createSoftHsmToken({ label: 'edusign-test', pin: '246810', keys: [
      { keyPem: rsa.keyPem, certificate: rsa.certPem, idHex: '01', label: 'teacher' },
      { keyPem: ec.keyPem, certificate: ec.certPem, idHex: '02', label: 'teacher-ec' },
      { keyPem: noCert.keyPem, idHex: '03', label: 'homeroom' },
      { keyPem: ec.keyPem, idHex: '04', label: 'ec-private-only', dropPublicKey: true },
    ] });
    process.env.SOFTHSM2_CONF = token.conf;
    other = makeP384Identity();
    await addAlwaysAuthenticateRsaKey(token, pkiIdentity('principal').keyPem, '05', 'always-auth');
  });
  afterAll(() => {
    token?.cleanup();
    other?.cleanup();
  });

  const base = (): Pkcs11SignerOptions => ({ library: SOFTHSM_LIBRARY, tokenLabel: 'edusign-test', pin: '246810' });

  async function withSigner<T>(options: Pkcs11SignerOptions, fn: (s: Awaited<ReturnType<typeof openPkcs11Signer>>) => Promise<T>) {
    const signer = await openPkcs11Signer(options);
    try {
      return await fn(signer);
    } finally {
      await signer.close();
    }
  }

  const RSA_ALGS: SignatureAlgorithm[] = [
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
    { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  ];

  it('RSA key: reads the certificate from the token; sign() and signDigests() verify with node:crypto', async () => {
    for (const algorithm of RSA_ALGS) {
      await withSigner({ ...base(), keyLabel: 'teacher', algorithm }, async (signer) => {
        expect(signer.certificate).toEqual(rsa.certDer);
        expect(signer.tokenLabel).toBe('edusign-test');
        const data = new TextEncoder().encode(`Học bạ — ${algorithm.name} ${algorithm.hash}`);
        const sig = await signer.sign(data);
        expect(verifyMessageSignature(rsa.certDer, algorithm, data, sig)).toBe(true);
        const h = algorithm.hash.replace('-', '').toLowerCase();
        const digests = ['1', '2', '3'].map((s) => new Uint8Array(createHash(h).update(`bảng điểm ${s}`).digest()));
        const sigs = await signer.signDigests(digests);
        sigs.forEach((s, i) => expect(verifyDigestSignature(rsa.certDer, algorithm, digests[i] as Uint8Array, s)).toBe(true));
      });
    }
  });

  it('EC P-256 key by CKA_ID: ECDSA P1363 signatures verify (with and without a public key object)', async () => {
    await withSigner({ ...base(), keyId: '04', certificate: ec.certPem }, async (signer) => {
      const data = new TextEncoder().encode('khóa riêng');
      expect(verifyMessageSignature(ec.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    });
    await withSigner({ ...base(), keyId: '02' }, async (signer) => {
      expect(signer.algorithm).toEqual({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' });
      expect(signer.certificate).toEqual(ec.certDer);
      const data = new TextEncoder().encode('Sổ điểm');
      const sig = await signer.sign(data);
      expect(sig).toHaveLength(64);
      expect(verifyMessageSignature(ec.certDer, signer.algorithm, data, sig)).toBe(true);
      const d = new Uint8Array(createHash('sha256').update('x').digest());
      const [ds] = await signer.signDigests([d]);
      expect(verifyDigestSignature(ec.certDer, signer.algorithm, d, ds as Uint8Array)).toBe(true);
    });
  });

  it('concurrent calls on one session are serialised', async () => {
    await withSigner({ ...base(), keyLabel: 'teacher' }, async (signer) => {
      const inputs = [1, 2, 3, 4].map((i) => new TextEncoder().encode(`song song ${i}`));
      const sigs = await Promise.all(inputs.map((d) => signer.sign(d)));
      sigs.forEach((s, i) => expect(verifyMessageSignature(rsa.certDer, signer.algorithm, inputs[i] as Uint8Array, s)).toBe(true));
    });
  });

  it('a key without a certificate on the token: PKCS11_ERROR, or works when the caller supplies it', async () => {
    expect(await codeOf(() => openPkcs11Signer({ ...base(), keyLabel: 'homeroom' }))).toBe('PKCS11_ERROR');
    await withSigner({ ...base(), keyLabel: 'homeroom', certificate: noCert.certPem }, async (signer) => {
      const data = new TextEncoder().encode('GVCN');
      expect(verifyMessageSignature(noCert.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    });
  });

  it('wrong PIN, missing key, unknown token, several keys unselected, mismatched RSA certificate', async () => {
    expect(await codeOf(() => openPkcs11Signer({ ...base(), pin: '000000', keyLabel: 'teacher' }))).toBe('PKCS11_WRONG_PIN');
    expect(await codeOf(() => openPkcs11Signer({ ...base(), keyLabel: 'principal' }))).toBe('PKCS11_KEY_NOT_FOUND');
    expect(await codeOf(() => openPkcs11Signer({ ...base(), keyId: 'ff' }))).toBe('PKCS11_KEY_NOT_FOUND');
    expect(await codeOf(() => openPkcs11Signer({ ...base(), tokenLabel: 'no-such-token', keyLabel: 'teacher' }))).toBe('PKCS11_ERROR');
    expect(await codeOf(() => openPkcs11Signer({ ...base() }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => openPkcs11Signer({ ...base(), keyLabel: 'teacher', certificate: pkiIdentity('teacher2').certPem })))
      .toBe('KEY_CERT_MISMATCH');
    expect(await codeOf(() => openPkcs11Signer({ ...base(), library: '/nonexistent/libnothing.so', keyLabel: 'teacher' })))
      .toBe('PKCS11_ERROR');
    // after all those failures the token still works (sessions were closed, the library finalised)
    await withSigner({ ...base(), keyLabel: 'teacher' }, async (signer) => {
      expect(await signer.sign(new Uint8Array([1]))).toHaveLength(256);
    });
  });

  it('an EC key with someone else\'s certificate: KEY_CERT_MISMATCH at open (public key object), or SIGNER_FAILED', async () => {
    // the token's EC key, but the caller claims another P-256 certificate
    const keyPath = join(other.dir, 'p256.key.pem');
    const certPath = join(other.dir, 'p256.cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyPath,
      '-out', certPath, '-days', '2', '-subj', '/CN=not the token key'], { stdio: 'pipe' });
    expect(await codeOf(() => openPkcs11Signer({ ...base(), keyId: '02', certificate: readFileSync(certPath, 'utf8') })))
      .toBe('KEY_CERT_MISMATCH');
    // without a public key object nothing can be compared at open: the token signs, the check refuses the value
    await withSigner({ ...base(), keyId: '04', certificate: readFileSync(certPath, 'utf8') }, async (signer) => {
      expect(await codeOf(() => signer.sign(new Uint8Array([1, 2, 3])))).toBe('SIGNER_FAILED');
      expect(await codeOf(() => signer.signDigests([new Uint8Array(32)]))).toBe('SIGNER_FAILED');
    });
  });

  it('a key marked CKA_ALWAYS_AUTHENTICATE: a context-specific login before each signature', async () => {
    const principal = pkiIdentity('principal');
    await withSigner({ ...base(), keyLabel: 'always-auth', certificate: principal.certPem }, async (signer) => {
      const data = new TextEncoder().encode('Hiệu trưởng ký');
      expect(verifyMessageSignature(principal.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
      const digests = [1, 2].map((i) => new Uint8Array(createHash('sha256').update(`${i}`).digest()));
      const sigs = await signer.signDigests(digests);
      sigs.forEach((s, i) => expect(verifyDigestSignature(principal.certDer, signer.algorithm, digests[i] as Uint8Array, s)).toBe(true));
    });
    await withSigner({ ...base(), keyLabel: 'always-auth', certificate: principal.certPem, contextPin: '999999' }, async (signer) => {
      expect(await codeOf(() => signer.sign(new Uint8Array([1])))).toBe('PKCS11_WRONG_PIN');
    });
  });

  it('close() is idempotent and later use is refused', async () => {
    const signer = await openPkcs11Signer({ ...base(), keyLabel: 'teacher' });
    await signer.close();
    await signer.close();
    expect(await codeOf(() => signer.sign(new Uint8Array([1])))).toBe('PKCS11_ERROR');
  });
});
