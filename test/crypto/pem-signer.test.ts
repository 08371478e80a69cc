import { execFileSync } from 'node:child_process';
import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecdsaP1363ToDer } from '../../src/crypto/ecdsa-encoding.js';
import { loadPemSigner } from '../../src/crypto/pem.js';
import type { SignatureAlgorithm, Signer } from '../../src/crypto/types.js';
import { verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { codeOf, makeP384Identity, pkiIdentity, type TestIdentity } from './keys.js';

const rsa = pkiIdentity('teacher');
const ec = pkiIdentity('teacher-ecdsa');
let p384: ReturnType<typeof makeP384Identity>;
beforeAll(() => { p384 = makeP384Identity(); });
afterAll(() => p384?.cleanup());

const nodeHash = (alg: SignatureAlgorithm) => alg.hash.replace('-', '').toLowerCase();

function nodeVerifies(id: TestIdentity, alg: SignatureAlgorithm, data: Uint8Array, sig: Uint8Array): boolean {
  const key = new X509Certificate(id.certDer).publicKey;
  const opts = alg.name === 'RSA-PSS' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }
    : alg.name === 'ECDSA' ? { key, dsaEncoding: 'ieee-p1363' as const } : { key };
  return verify(nodeHash(alg), data, opts, sig);
}

const CASES: Array<[string, () => TestIdentity, SignatureAlgorithm]> = [
  ['RSA PKCS#1 v1.5 SHA-256', () => rsa, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
  ['RSA PKCS#1 v1.5 SHA-384', () => rsa, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }],
  ['RSA PKCS#1 v1.5 SHA-512', () => rsa, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }],
  ['RSA-PSS SHA-256', () => rsa, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }],
  ['RSA-PSS SHA-384', () => rsa, { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 }],
  ['RSA-PSS SHA-512', () => rsa, { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 }],
  ['ECDSA P-256 SHA-256', () => ec, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }],
  ['ECDSA P-384 SHA-384', () => p384, { name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' }],
];

describe('loadPemSigner: every algorithm, sign() and signDigests()', () => {
  for (const [label, idOf, algorithm] of CASES) {
    it(label, async () => {
      const id = idOf();
      const signer = loadPemSigner({ key: id.keyPem, certificate: id.certPem, algorithm });
      expect(signer.algorithm).toEqual(algorithm);
      expect(signer.certificate).toEqual(id.certDer);
      const data = new TextEncoder().encode(`Học bạ lớp 10A1 — ${label}`);
      const sig = await signer.sign(data);
      expect(nodeVerifies(id, algorithm, data, sig)).toBe(true);
      expect(verifyMessageSignature(id.certDer, algorithm, data, sig)).toBe(true);
      const docs = ['a', 'b', 'c'].map((s) => new TextEncoder().encode(`bảng điểm ${s}`));
      const digests = docs.map((d) => new Uint8Array(createHash(nodeHash(algorithm)).update(d).digest()));
      const sigs = await signer.signDigests(digests);
      expect(sigs).toHaveLength(3);
      sigs.forEach((s, i) => {
        expect(nodeVerifies(id, algorithm, docs[i] as Uint8Array, s)).toBe(true);
        expect(verifyDigestSignature(id.certDer, algorithm, digests[i] as Uint8Array, s)).toBe(true);
        expect(verifyDigestSignature(id.certDer, algorithm, digests[(i + 1) % 3] as Uint8Array, s)).toBe(false);
      });
      if (algorithm.name === 'RSASSA-PKCS1-v1_5') expect(sigs[0]).toEqual(await signer.sign(docs[0] as Uint8Array));
    });
  }

  it('signatures verify with `openssl dgst -verify` (PKCS#1 v1.5, PSS, ECDSA as DER)', async () => {
    const dir = p384.dir;
    const data = new TextEncoder().encode('Sổ điểm điện tử — kiểm tra bằng OpenSSL');
    const dataPath = join(dir, 'data.bin');
    writeFileSync(dataPath, data);
    const run = async (id: TestIdentity, algorithm: SignatureAlgorithm, extra: string[], viaDigest: boolean) => {
      const signer = loadPemSigner({ key: id.keyPem, certificate: id.certPem, algorithm });
      let sig = viaDigest
        ? (await signer.signDigests([new Uint8Array(createHash(nodeHash(algorithm)).update(data).digest())]))[0] as Uint8Array
        : await signer.sign(data);
      if (algorithm.name === 'ECDSA') sig = ecdsaP1363ToDer(sig);
      const sigPath = join(dir, 'sig.bin');
      const pubPath = join(dir, 'pub.pem');
      writeFileSync(sigPath, sig);
      writeFileSync(pubPath, new X509Certificate(id.certDer).publicKey.export({ format: 'pem', type: 'spki' }));
      return execFileSync('openssl', ['dgst', `-${nodeHash(algorithm)}`, '-verify', pubPath, ...extra, '-signature', sigPath,
        dataPath], { stdio: 'pipe' }).toString();
    };
    const pss = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'];
    for (const viaDigest of [false, true]) {
      expect(await run(rsa, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, [], viaDigest)).toContain('Verified OK');
      expect(await run(rsa, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, pss, viaDigest)).toContain('Verified OK');
      expect(await run(ec, { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, [], viaDigest)).toContain('Verified OK');
      expect(await run(p384, { name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' }, [], viaDigest)).toContain('Verified OK');
    }
  });
});

describe('an id-RSASSA-PSS key (PSS-only key type)', () => {
  it('signs with PSS by default; signDigests works though node refuses raw RSA on such keys', async () => {
    const keyPath = join(p384.dir, 'pss.key.pem');
    const certPath = join(p384.dir, 'pss.cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:1024', '-nodes', '-keyout', keyPath,
      '-out', certPath, '-days', '2', '-subj', '/CN=PSS key'], { stdio: 'pipe' });
    const signer = loadPemSigner({ key: readFileSync(keyPath, 'utf8'), certificate: readFileSync(certPath, 'utf8') });
    expect(signer.algorithm).toEqual({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 });
    const data = new TextEncoder().encode('PSS-only key');
    const d = new Uint8Array(createHash('sha256').update(data).digest());
    const viaMessage = await signer.sign(data);
    const [viaDigest] = await signer.signDigests([d]);
    for (const sig of [viaMessage, viaDigest as Uint8Array]) {
      expect(verifyMessageSignature(signer.certificate, signer.algorithm, data, sig)).toBe(true);
      expect(verifyDigestSignature(signer.certificate, signer.algorithm, d, sig)).toBe(true);
    }
    expect(await codeOf(() => loadPemSigner({ key: readFileSync(keyPath, 'utf8'), certificate: readFileSync(certPath, 'utf8'),
      algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } }))).toBe('UNSUPPORTED_ALGORITHM');
  });
});

describe('loadPemSigner: key encodings and errors', () => {
  it('reads PKCS#8, PKCS#1, SEC1, encrypted PKCS#8 and DER PKCS#8', async () => {
    const data = new TextEncoder().encode('x');
    const variants: Array<[TestIdentity, string | Uint8Array, string | undefined]> = [
      [rsa, rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string, undefined],
      [ec, ec.privateKey.export({ format: 'pem', type: 'sec1' }) as string, undefined],
      [rsa, rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'mật khẩu' }) as string, 'mật khẩu'],
      [ec, new Uint8Array(ec.privateKey.export({ format: 'der', type: 'pkcs8' })), undefined],
      [rsa, new TextEncoder().encode(rsa.keyPem), undefined],
    ];
    expect((variants[0]?.[1] as string).startsWith('-----BEGIN RSA PRIVATE KEY')).toBe(true);
    expect((variants[1]?.[1] as string).startsWith('-----BEGIN EC PRIVATE KEY')).toBe(true);
    expect((variants[2]?.[1] as string).startsWith('-----BEGIN ENCRYPTED PRIVATE KEY')).toBe(true);
    for (const [id, key, passphrase] of variants) {
      const signer: Signer = loadPemSigner({ key, certificate: id.certDer, ...(passphrase ? { passphrase } : {}) });
      expect(verifyMessageSignature(id.certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
    }
  });

  it('reads PEM that follows "Bag Attributes" lines (openssl pkcs12 output) and encrypted DER PKCS#8', async () => {
    const noisy = `Bag Attributes\n    localKeyId: 01 02 03\n    friendlyName: giáo viên\nsubject=/CN=x\nissuer=/CN=y\n${rsa.certPem}`;
    const keyNoisy = `Bag Attributes\n    localKeyId: 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20\nKey Attributes: <No Attributes>\n${rsa.keyPem}`;
    const signer = loadPemSigner({ key: new TextEncoder().encode(keyNoisy), certificate: new TextEncoder().encode(noisy) });
    expect(signer.certificate).toEqual(rsa.certDer);
    const encDer = new Uint8Array(rsa.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'k' }));
    expect(loadPemSigner({ key: encDer, passphrase: 'k', certificate: rsa.certDer }).certificate).toEqual(rsa.certDer);
    expect(await codeOf(() => loadPemSigner({ key: encDer, certificate: rsa.certDer }))).toBe('KEY_WRONG_PASSWORD');
    expect(await codeOf(() => loadPemSigner({ key: encDer, passphrase: 'sai', certificate: rsa.certDer }))).toBe('KEY_WRONG_PASSWORD');
  });

  it('chain accepts one PEM text with several certificates', () => {
    const intermediates = pkiIdentity('ca-edu').certPem + pkiIdentity('root-neac').certPem;
    const signer = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem, chain: intermediates });
    expect(signer.chain).toHaveLength(2);
    expect(signer.chain[0]).toEqual(pkiIdentity('ca-edu').certDer);
  });

  it('wrong or missing passphrase → KEY_WRONG_PASSWORD; garbage → KEY_MALFORMED; other cert → KEY_CERT_MISMATCH', async () => {
    const enc = rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'right' }) as string;
    expect(await codeOf(() => loadPemSigner({ key: enc, certificate: rsa.certPem, passphrase: 'wrong' }))).toBe('KEY_WRONG_PASSWORD');
    expect(await codeOf(() => loadPemSigner({ key: enc, certificate: rsa.certPem }))).toBe('KEY_WRONG_PASSWORD');
    expect(await codeOf(() => loadPemSigner({ key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', certificate: rsa.certPem })))
      .toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPemSigner({ key: new Uint8Array([1, 2, 3]), certificate: rsa.certPem }))).toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPemSigner({ key: rsa.keyPem, certificate: pkiIdentity('teacher2').certPem }))).toBe('KEY_CERT_MISMATCH');
    expect(await codeOf(() => loadPemSigner({ key: rsa.keyPem, certificate: new Uint8Array([0x30, 0x03, 1, 2, 3]) }))).toBe('CERT_MALFORMED');
    expect(await codeOf(() => loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem,
      algorithm: { name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' } }))).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('signDigests refuses digests of the wrong length', async () => {
    const signer = loadPemSigner({ key: rsa.keyPem, certificate: rsa.certPem });
    expect(await codeOf(() => signer.signDigests([new Uint8Array(20)]))).toBe('INVALID_ARGUMENT');
  });
});
