// Benchmark: JAdES B-B signing and verification of a 20 KB JSON record (RSA-2048, SHA-256, RFC 8785
// canonicalisation included), against the lower bound measured in the same run — SHA-256 of the record + one
// RSA-2048 signature with node:crypto — and against panva/jose (FlattenedSign / flattenedVerify of the same bytes).
// Targets (issue 6): signing <= 2.5x the bound including canonicalisation; verification faster than jose's.
// Usage: `npm run build && node bench/jades.mjs`, or from sources: `npx tsx bench/jades.mjs`. Options: --runs N (default 300), --src (measure the sources even when dist/ exists).
// CPU time of this process is measured (user + system), not wall time: the machines are shared.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { time, timeAsync } from './lib.mjs';
import { FlattenedSign, flattenedVerify, importX509 } from 'jose';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 300;

async function fromSources() {
  const jades = await import(join(root, 'src/formats/jades/index.ts'));
  const { createPkiCache } = await import(join(root, 'src/pki/index.ts'));
  return { ...jades, createPkiCache };
}

async function load() {
  if (process.argv.includes('--src')) return fromSources();
  try {
    const dist = await import(join(root, 'dist', 'index.js'));
    if (typeof dist.signJws === 'function' && typeof dist.importJwsSigningKeys === 'function') return dist;
  } catch { /* not built: use the sources (needs tsx) */ }
  return fromSources();
}

/** A học bạ-like JSON record of about 20 KB. */
function record() {
  const diem = [];
  for (let i = 0; JSON.stringify(diem).length < 19_500; i++) {
    diem.push({ mon: `Môn ${i}`, hocKy: 1 + (i % 2), tx: [8, 7.5, 9], gk: 8.5, ck: 9, tb: 8.7, nhanXet: 'Học tốt, chăm chỉ' });
  }
  return { loai: 'HocBa', hocSinh: { hoTen: 'Nguyễn Văn An', ngaySinh: '2010-05-12' }, namHoc: '2025-2026', diem };
}

const { signJws, verifyJws, importJwsSigningKeys, createPkiCache } = await load();
const pki = join(root, 'fixtures/pki');
const key = createPrivateKey(readFileSync(join(pki, 'principal.key.pem')));
const pub = createPublicKey(key);
const certificate = new Uint8Array(readFileSync(join(pki, 'principal.cert.der')));
const chain = [new Uint8Array(readFileSync(join(pki, 'ca-edu.cert.der')))];
// A signer over a cached KeyObject (what the crypto layer's key sources do).
const signer = {
  certificate, chain, algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  async sign(data) { return new Uint8Array(sign('sha256', data, key)); },
  async signDigests() { throw new Error('not used'); },
};
const value = record();
const text = JSON.stringify(value);
const bytes = Buffer.byteLength(text);
const sig = sign('sha256', Buffer.from(text), key);
const boundSign = time(() => { createHash('sha256').update(text).digest(); sign('sha256', Buffer.from('x'), key); }, RUNS);
const boundVerify = time(() => { createHash('sha256').update(text).digest(); verify('sha256', Buffer.from(text), pub, sig); }, RUNS);

const opts = { role: 'Hiệu trưởng', signingTime: new Date('2026-06-01T00:00:00Z'), serialization: 'flattened', check: { skip: true } };
const signed = (await signJws(value, signer, opts)).jws;
// Verification is measured without certificate path validation (format, headers, payload reading, cryptography):
// no trust store, so the report is INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND by design.
const check = await verifyJws(signed, {});
if (check.signatures[0].subIndication !== 'NO_CERTIFICATE_CHAIN_FOUND') throw new Error(`unexpected verification result ${JSON.stringify(check.signatures[0].findings)}`);

const signMs = await timeAsync(() => signJws(value, signer, opts), RUNS);
const verifyMs = await timeAsync(() => verifyJws(signed, {}), RUNS);
// Like jose's "key imported once": the signer's key imported beforehand (caller-owned map), or memoised in the
// caller's PKI cache (certificate names and SPKI memoised; the key import is repeated).
const signingKeys = importJwsSigningKeys([certificate]);
const verifyKeysMs = await timeAsync(() => verifyJws(signed, { signingKeys }), RUNS);
const cache = createPkiCache ? createPkiCache() : undefined;
const verifyCacheMs = cache ? await timeAsync(() => verifyJws(signed, { cache }), RUNS) : Number.NaN;
const payload = new TextEncoder().encode(text);
const joseSignMs = await timeAsync(() => new FlattenedSign(new TextEncoder().encode(JSON.stringify(value))).setProtectedHeader({ alg: 'RS256' }).sign(key), RUNS);
const joseJws = await new FlattenedSign(payload).setProtectedHeader({ alg: 'RS256' }).sign(key);
const joseVerifyMs = await timeAsync(() => flattenedVerify(joseJws, pub), RUNS);
// What a jose user verifying an x5c-carrying JWS does per document: import the certificate, then verify.
const certPem = readFileSync(join(pki, 'principal.cert.pem'), 'utf8');
const joseX5cVerifyMs = await timeAsync(async () => flattenedVerify(joseJws, await importX509(certPem, 'RS256')), RUNS);

const row = (name, ms, bound) => `${name.padEnd(12)} ${ms.toFixed(3).padStart(8)} ms CPU   ratio to bound ${(ms / bound).toFixed(2)}x`;
console.log(`JAdES B-B flattened, ${(bytes / 1024).toFixed(1)} KB record, RSA-2048/SHA-256, ${RUNS} runs`);
console.log(`bound sign   (SHA-256 + RSA-2048 sign)   ${boundSign.toFixed(3)} ms`);
console.log(`bound verify (SHA-256 + RSA-2048 verify) ${boundVerify.toFixed(3)} ms`);
console.log(row('edusign sign', signMs, boundSign), '(target <= 2.5x, RFC 8785 canonicalisation included)');
console.log(row('jose sign', joseSignMs, boundSign), '(JSON.stringify, no canonicalisation)');
console.log(row('edusign verify', verifyMs, boundVerify), `vs jose: ${(verifyMs / joseVerifyMs).toFixed(2)}x (nothing memoised)`);
console.log(row('  + keys', verifyKeysMs, boundVerify), `vs jose: ${(verifyKeysMs / joseVerifyMs).toFixed(2)}x (target < 1; signingKeys imported once)`);
console.log(row('  + cache', verifyCacheMs, boundVerify), `vs jose: ${(verifyCacheMs / joseVerifyMs).toFixed(2)}x (PKI cache: names memoised, key imported per call)`);
console.log(row('jose verify', joseVerifyMs, boundVerify), '(key imported once)');
console.log(row('jose x5c', joseX5cVerifyMs, boundVerify), `(importX509 + verify per document; edusign vs this: ${(verifyMs / joseX5cVerifyMs).toFixed(2)}x)`);
