import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPkcs12Signer, readPkcs12 } from '../../src/crypto/pkcs12.js';
import { verifyDigestSignature, verifyMessageSignature } from '../../src/crypto/verify-signature.js';
import { codeOf, fixture, makeP384Identity, P12_PASSWORD, pkiIdentity } from './keys.js';

const teacher = pkiIdentity('teacher');
let tmp: ReturnType<typeof makeP384Identity>;
beforeAll(() => { tmp = makeP384Identity(); });
afterAll(() => tmp?.cleanup());

function openssl(args: string[]): Buffer {
  return execFileSync('openssl', args, { stdio: 'pipe' });
}

async function signsAndVerifies(bytes: Uint8Array, password: string, certDer: Uint8Array): Promise<void> {
  const signer = await loadPkcs12Signer(bytes, password);
  expect(signer.certificate).toEqual(certDer);
  const data = new TextEncoder().encode('Học bạ — PKCS#12');
  expect(verifyMessageSignature(certDer, signer.algorithm, data, await signer.sign(data))).toBe(true);
  const d = new Uint8Array(signer.algorithm.hash === 'SHA-384' ? 48 : 32).fill(9);
  const [sig] = await signer.signDigests([d]);
  expect(verifyDigestSignature(certDer, signer.algorithm, d, sig as Uint8Array)).toBe(true);
}

describe('loadPkcs12Signer', () => {
  it('reads the test PKI files: modern RSA, legacy RSA (3DES/RC2-40, MAC SHA-1), modern EC P-256', async () => {
    await signsAndVerifies(fixture('teacher.p12'), P12_PASSWORD, teacher.certDer);
    await signsAndVerifies(fixture('teacher.legacy.p12'), P12_PASSWORD, teacher.certDer);
    const ec = pkiIdentity('teacher-ecdsa');
    await signsAndVerifies(fixture('teacher-ecdsa.p12'), P12_PASSWORD, ec.certDer);
    const signer = await loadPkcs12Signer(fixture('teacher-ecdsa.p12'), P12_PASSWORD);
    expect(signer.algorithm).toEqual({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' });
    // the CA certificate the generator put in the file comes back in `chain`, the leaf does not
    expect(signer.chain.some((c) => Buffer.from(c).equals(Buffer.from(pkiIdentity('ca-edu').certDer)))).toBe(true);
    expect(signer.chain.some((c) => Buffer.from(c).equals(Buffer.from(ec.certDer)))).toBe(false);
  });

  it('reads files made here by `openssl pkcs12 -export`: AES/PBKDF2 default, -legacy, explicit RC2-40/3DES', async () => {
    const out = (name: string) => join(tmp.dir, name);
    const base = ['pkcs12', '-export', '-inkey', teacher.keyPath, '-in', teacher.certPath,
      '-certfile', join(teacher.certPath, '../ca-edu.cert.pem'), '-passout', 'pass:Mật-khẩu 1'];
    openssl([...base, '-out', out('modern.p12')]);
    openssl([...base, '-legacy', '-out', out('legacy.p12')]);
    openssl([...base, '-legacy', '-certpbe', 'PBE-SHA1-RC2-40', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-out', out('rc2.p12')]);
    openssl(['pkcs12', '-export', '-inkey', tmp.keyPath, '-in', tmp.certPath, '-passout', 'pass:p384', '-out', out('p384.p12')]);
    const modernInfo = execFileSync('sh', ['-c', `openssl pkcs12 -in ${out('modern.p12')} -info -noout -passin 'pass:Mật-khẩu 1' 2>&1`]).toString();
    expect(modernInfo).toMatch(/PBES2.*PBKDF2.*AES-256-CBC/s);
    const legacyInfo = execFileSync('sh', ['-c', `openssl pkcs12 -legacy -in ${out('rc2.p12')} -info -noout -passin 'pass:Mật-khẩu 1' 2>&1`]).toString();
    expect(legacyInfo).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
    expect(legacyInfo).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
    for (const name of ['modern.p12', 'legacy.p12', 'rc2.p12']) {
      await signsAndVerifies(readFileSync(out(name)), 'Mật-khẩu 1', teacher.certDer);
      expect((await loadPkcs12Signer(readFileSync(out(name)), 'Mật-khẩu 1')).chain).toHaveLength(1);
    }
    const p384 = await loadPkcs12Signer(readFileSync(out('p384.p12')), 'p384');
    expect(p384.algorithm).toEqual({ name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' });
    await signsAndVerifies(readFileSync(out('p384.p12')), 'p384', tmp.certDer);
  });

  it('an empty password (modern and legacy)', async () => {
    for (const legacy of [false, true]) {
      const file = join(tmp.dir, `empty${legacy ? '-legacy' : ''}.p12`);
      openssl(['pkcs12', '-export', ...(legacy ? ['-legacy'] : []), '-inkey', teacher.keyPath, '-in', teacher.certPath,
        '-passout', 'pass:', '-out', file]);
      await signsAndVerifies(readFileSync(file), '', teacher.certDer);
      expect(await codeOf(() => loadPkcs12Signer(readFileSync(file), 'x'))).toBe('KEY_WRONG_PASSWORD');
    }
  });

  it('wrong password → KEY_WRONG_PASSWORD (modern and legacy)', async () => {
    expect(await codeOf(() => loadPkcs12Signer(fixture('teacher.p12'), '654321'))).toBe('KEY_WRONG_PASSWORD');
    expect(await codeOf(() => loadPkcs12Signer(fixture('teacher.legacy.p12'), ''))).toBe('KEY_WRONG_PASSWORD');
  });

  it('corrupt or foreign input → KEY_MALFORMED; oversized → INPUT_TOO_LARGE', async () => {
    const good = fixture('teacher.p12');
    expect(await codeOf(() => loadPkcs12Signer(good.subarray(0, 300), P12_PASSWORD))).toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPkcs12Signer(new Uint8Array(2000).fill(0x41), P12_PASSWORD))).toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPkcs12Signer(new Uint8Array(0), P12_PASSWORD))).toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPkcs12Signer(fixture('teacher.cert.der'), P12_PASSWORD))).toBe('KEY_MALFORMED');
    expect(await codeOf(() => loadPkcs12Signer(good, P12_PASSWORD, { maxBytes: 100 }))).toBe('INPUT_TOO_LARGE');
  });

  it('a file without a key → KEY_MALFORMED; a key with someone else\'s certificate → KEY_CERT_MISMATCH', async () => {
    const noKey = join(tmp.dir, 'nokey.p12');
    openssl(['pkcs12', '-export', '-nokeys', '-in', teacher.certPath, '-passout', 'pass:x', '-out', noKey]);
    expect(await codeOf(() => loadPkcs12Signer(readFileSync(noKey), 'x'))).toBe('KEY_MALFORMED');
    // openssl refuses to build a mismatched file, so build one with forge (as broken tools do)
    const key = forge.pki.privateKeyFromPem(teacher.keyPem);
    const other = forge.pki.certificateFromPem(pkiIdentity('teacher2').certPem);
    const p12 = forge.pkcs12.toPkcs12Asn1(key, [other], 'x', { algorithm: '3des' });
    const bytes = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    expect(await codeOf(() => loadPkcs12Signer(bytes, 'x'))).toBe('KEY_CERT_MISMATCH');
  });

  it('absurd iteration counts (MAC, or PBKDF2 of the key bag) are refused at once, not computed', async () => {
    // rewrite the fixture's iteration counts (2048) to 2^31-1 and re-encode (forge recomputes the lengths)
    const HUGE = String.fromCharCode(0x7f, 0xff, 0xff, 0xff);
    const bump = (node: forge.asn1.Asn1, nested: boolean, top: boolean): void => {
      if (Array.isArray(node.value)) {
        const kids = node.value;
        kids.forEach((kid, i) => {
          const prev = kids[i - 1];
          if (kid.type === forge.asn1.Type.INTEGER && prev?.type === forge.asn1.Type.OCTETSTRING &&
            forge.util.bytesToHex(kid.value as string) === '0800' && (top ? !nested : nested)) kid.value = HUGE;
          bump(kid, nested, top);
        });
      } else if (node.type === forge.asn1.Type.OCTETSTRING && (node.value as string).charCodeAt(0) === 0x30 && !top) {
        try {
          const inner = forge.asn1.fromDer(node.value as string);
          bump(inner, true, top);
          node.value = forge.asn1.toDer(inner).getBytes();
        } catch { /* not DER */ }
      }
    };
    for (const top of [true, false]) {
      const asn1 = forge.asn1.fromDer(fixture('teacher.p12').toString('binary'));
      bump(asn1, false, top);
      const hostile = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
      expect(hostile.equals(fixture('teacher.p12'))).toBe(false);
      const started = Date.now();
      const error = await loadPkcs12Signer(hostile, P12_PASSWORD).catch((e: unknown) => e as { code: string; message: string });
      expect((error as { code: string }).code).toBe('KEY_MALFORMED');
      expect((error as { message: string }).message).toContain('iteration count 2147483647');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('readPkcs12 gives the raw contents', () => {
    const { privateKey, certificate, chain } = readPkcs12(fixture('teacher.legacy.p12'), P12_PASSWORD);
    expect(privateKey.asymmetricKeyType).toBe('rsa');
    expect(certificate).toEqual(teacher.certDer);
    expect(chain.length).toBeGreaterThanOrEqual(1);
  });
});
