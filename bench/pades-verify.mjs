// Benchmark: verifyPdf on a PAdES B-B signature (RSA-2048, SHA-256) of 100 KB and 5 MB PDFs, against the lower
// bound measured in the same run: SHA-256 of the file + one RSA-2048 signature verification with node:crypto.
// Two verifier columns: the cryptography and PDF analysis only (no trust store: the chain is not judged), and
// the full verification with path validation (offline, trust store, revocation soft-fail: no network).
// Usage: `npm run build && node bench/pades-verify.mjs`, or from sources: `npx tsx bench/pades-verify.mjs`.
// Options: --runs N (default 50); `node --expose-gc` for the memory column.
import { createHash, createPublicKey, createPrivateKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paddedPdf } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 50;

async function load() {
  try {
    const dist = await import(join(root, 'dist', 'index.js'));
    if (typeof dist.verifyPdf === 'function' && typeof dist.signPdf === 'function') return dist;
  } catch { /* not built: use the sources (needs tsx) */ }
  return {
    ...(await import(join(root, 'src/formats/pades/sign/index.ts'))),
    ...(await import(join(root, 'src/formats/pades/verify/index.ts'))),
    ...(await import(join(root, 'src/crypto/pem.ts'))),
    ...(await import(join(root, 'src/pki/trust/trust-store.ts'))),
  };
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

async function time(fn, runs) {
  for (let i = 0; i < 10; i++) await fn(); // warm-up (JIT)
  const t = [];
  for (let i = 0; i < runs; i++) { const t0 = process.hrtime.bigint(); await fn(); t.push(Number(process.hrtime.bigint() - t0) / 1e6); }
  return median(t);
}

/** Binary memory (ArrayBuffers) allocated during one call and not yet collected: an upper bound of the extra peak. */
async function extraMemory(run) {
  globalThis.gc?.();
  const before = process.memoryUsage().arrayBuffers;
  const kept = await run();
  const after = process.memoryUsage().arrayBuffers;
  void kept;
  return after - before;
}

const lib = await load();
const pki = join(root, 'fixtures', 'pki');
const keyPem = readFileSync(join(pki, 'teacher.key.pem'));
const certDer = readFileSync(join(pki, 'teacher.cert.der'));
const signer = lib.loadPemSigner({ key: keyPem, certificate: certDer, chain: [readFileSync(join(pki, 'ca-edu.cert.der'))] });
const trustStore = lib.createTrustStore({ anchors: [readFileSync(join(pki, 'root-neac.cert.der'))] });
const publicKey = createPublicKey(createPrivateKey(keyPem));
const sampleSignature = sign('sha256', Buffer.from('x'), createPrivateKey(keyPem));
const full = { trustStore, offline: true, revocation: { mode: 'soft-fail' } };

console.log(`PAdES verifyPdf vs lower bound (SHA-256 of file + 1 RSA-2048 verification), median of ${RUNS} runs${globalThis.gc ? '' : ' (run with --expose-gc for memory)'}`);
console.log('size     bound ms  crypto+PDF ms  ratio  full ms  ratio  extra memory (full)');
for (const [label, size] of [['100 KB', 100 * 1024], ['5 MB', 5 * 1024 * 1024]]) {
  const { pdf } = await lib.signPdf(paddedPdf(size), { signer, check: { skip: true } });
  const check = await lib.verifyPdf(pdf, full);
  if (check.indication !== 'TOTAL_PASSED') throw new Error(`benchmark PDF does not verify: ${JSON.stringify(check.signatures[0]?.findings)}`);
  const bound = await time(() => {
    createHash('sha256').update(pdf).digest();
    return verify('sha256', Buffer.from('x'), publicKey, sampleSignature);
  }, RUNS);
  const cryptoOnly = await time(() => lib.verifyPdf(pdf), RUNS);
  const withPath = await time(() => lib.verifyPdf(pdf, full), RUNS);
  const mem = await extraMemory(() => lib.verifyPdf(pdf, full));
  console.log(`${label.padEnd(8)} ${bound.toFixed(2).padStart(8)}  ${cryptoOnly.toFixed(2).padStart(13)}  ${(cryptoOnly / bound).toFixed(2).padStart(5)}x  ${withPath.toFixed(2).padStart(7)}  ${(withPath / bound).toFixed(2).padStart(5)}x  ${(mem / 1024 / 1024).toFixed(2)} MB (${(mem / pdf.length).toFixed(2)}x file)`);
}
