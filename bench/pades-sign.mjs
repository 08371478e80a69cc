// Benchmark: a PAdES B-B signature (invisible, RSA-2048, SHA-256) on 100 KB and 5 MB PDFs, against the lower
// bound measured in the same run: SHA-256 of the file + one RSA-2048 signature with node:crypto.
// Usage: `npm run build && node bench/pades-sign.mjs`, or from sources: `npx tsx bench/pades-sign.mjs`.
// Options: --runs N (default 50), --expose-gc recommended for the memory column (`node --expose-gc …`).
// Then: a visible signature (DejaVu Sans subset + PNG seal) on the 100 KB PDF, without and with `appearanceCache`.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paddedPdf } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 50;

async function load() {
  try {
    const dist = await import(join(root, 'dist', 'index.js'));
    if (typeof dist.signPdf === 'function' && typeof dist.loadPemSigner === 'function' && typeof dist.createPdfAppearanceCache === 'function') return dist;
  } catch { /* not built: use the sources (needs tsx) */ }
  return { ...(await import(join(root, 'src/formats/pades/sign/index.ts'))), ...(await import(join(root, 'src/crypto/pem.ts'))) };
}

/** A 64×64 RGBA PNG (a red disc with alpha, like a scanned seal), built with node:zlib. */
function sealPng() {
  const size = 64;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const inside = (x - 32) ** 2 + (y - 32) ** 2 < 30 ** 2;
      raw[o] = 200; raw[o + 1] = 20; raw[o + 2] = 20; raw[o + 3] = inside ? 255 : 0;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

async function time(fn, runs, warmup = 25) {
  for (let i = 0; i < warmup; i++) await fn(); // warm-up (JIT)
  const t = [];
  for (let i = 0; i < runs; i++) { const t0 = process.hrtime.bigint(); await fn(); t.push(Number(process.hrtime.bigint() - t0) / 1e6); }
  return median(t);
}

/**
 * Medians of `a` and `b` run alternately (a, b, a, b, …), so that load from other processes on a shared
 * machine affects both sides alike instead of skewing the ratio.
 */
async function timePair(a, b, runs) {
  for (let i = 0; i < 25; i++) { await a(); await b(); } // warm-up (JIT)
  const ta = []; const tb = [];
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint(); await a(); ta.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint(); await b(); tb.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [median(ta), median(tb)];
}

/**
 * Extra memory of one call: binary memory (ArrayBuffers, Buffers) allocated during the call and not yet
 * collected (GC run before, not after), i.e. an upper bound of the extra peak; the output is included.
 */
async function extraMemory(run) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const kept = await run();
  const after = process.memoryUsage();
  void kept;
  return after.arrayBuffers - before.arrayBuffers;
}

const lib = await load();
const pki = join(root, 'fixtures', 'pki');
const keyPem = readFileSync(join(pki, 'teacher.key.pem'));
const signer = lib.loadPemSigner({ key: keyPem, certificate: readFileSync(join(pki, 'teacher.cert.der')), chain: [readFileSync(join(pki, 'ca-edu.cert.der'))] });
const key = createPrivateKey(keyPem);
const signingTime = new Date();

console.log(`PAdES B-B signPdf vs lower bound (SHA-256 of file + 1 RSA-2048 signature), median of ${RUNS} runs${globalThis.gc ? '' : ' (run with --expose-gc for memory)'}`);
console.log('size     bound ms  signPdf ms  ratio  extra memory');
for (const [label, size] of [['100 KB', 100 * 1024], ['5 MB', 5 * 1024 * 1024]]) {
  const pdf = paddedPdf(size);
  const [bound, ours] = await timePair(() => { const h = createHash('sha256').update(pdf).digest(); return sign('sha256', h, key); },
    () => lib.signPdf(pdf, { signer, signingTime }), RUNS);
  const mem = await extraMemory(() => lib.signPdf(pdf, { signer, signingTime }));
  console.log(`${label.padEnd(8)} ${bound.toFixed(2).padStart(8)}  ${ours.toFixed(2).padStart(10)}  ${(ours / bound).toFixed(2).padStart(5)}x  ${(mem / 1024 / 1024).toFixed(1)} MB (${(mem / pdf.length).toFixed(2)}x file)`);
}

// visible signature: each call without a cache parses the font (fontkit) and decodes the seal again;
// with a cache (what signPdfBatch does by itself) only the subset of the text is built per call
const VISIBLE_RUNS = Math.max(3, Math.min(RUNS, 20));
const pdf100 = paddedPdf(100 * 1024);
const appearance = { page: 1, rect: [340, 60, 240, 70], role: 'Giáo viên chủ nhiệm', image: sealPng() };
const coldStart = process.hrtime.bigint();
await lib.signPdf(pdf100, { signer, signingTime, appearance });
const cold = Number(process.hrtime.bigint() - coldStart) / 1e6;
const noCache = await time(() => lib.signPdf(pdf100, { signer, signingTime, appearance }), VISIBLE_RUNS, 3);
const appearanceCache = lib.createPdfAppearanceCache();
const withCache = await time(() => lib.signPdf(pdf100, { signer, signingTime, appearance, appearanceCache }), VISIBLE_RUNS, 3);
console.log(`\nvisible signature (DejaVu Sans subset + PNG seal, 100 KB), median of ${VISIBLE_RUNS} runs; first call in the process ${cold.toFixed(0)} ms`);
console.log(`no appearanceCache ${noCache.toFixed(2).padStart(8)} ms`);
console.log(`appearanceCache    ${withCache.toFixed(2).padStart(8)} ms  (${(noCache / withCache).toFixed(1)}x faster)`);
