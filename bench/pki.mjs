// Benchmark: PKI hot path. Times, offline, with validation data supplied (as in a B-LT signature):
//   - validateCertificate(teacher) — 3-level chain teacher → ca-edu → root-neac, OCSP responses for both levels
//     (and, in a second case, CRLs only), cold (new cache + new trust store per call) and warm (shared TrustStore
//     and shared createPkiCache());
//   - buildAndValidatePath(teacher) alone;
//   - verifyTimestampToken on a real openssl TSA token (TSA certificate under ca-edu).
// The CRLs, OCSP responses and the token are made once at start by the REAL openssl services of
// test/helpers/pki-services.ts (openssl ocsp / openssl ca -gencrl / openssl ts), on 127.0.0.1, then stopped.
// Prints ms per call and the ratio to the lower bound: one RSA-2048 PKCS#1 v1.5 verification with node:crypto
// (key imported once). CPU time of this process (user + system) is measured, not wall time: the machines are shared.
// Usage: `npx tsx bench/pki.mjs [--runs N] [--warm-only | --tsa-only | --nocache-only | --cold-only]` (default 200 runs). Profile: `node --import tsx --cpu-prof bench/pki.mjs`.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;
const only = process.argv.includes('--warm-only');
const tsaOnly = process.argv.includes('--tsa-only');
const nocacheOnly = process.argv.includes('--nocache-only');
const coldOnly = process.argv.includes('--cold-only');

const pki = await import(join(root, 'src/pki/index.ts'));
const { startPkiServices } = await import(join(root, 'test/helpers/pki-services.ts'));
const fixture = (name) => new Uint8Array(readFileSync(join(root, 'fixtures/pki', name)));

function cpuMs(start) {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

async function time(fn, runs) {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  globalThis.gc?.();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  return cpuMs(start) / runs;
}

/** Gather OCSP responses, CRLs and a timestamp token once from the real openssl services. */
async function material() {
  const services = await startPkiServices();
  try {
    const fetcher = pki.createFetcher({ resolve: services.resolve, timeoutMs: 10_000 });
    const anchors = [fixture('root-neac.cert.der'), fixture('root-vgca.cert.der')];
    const store = pki.createTrustStore({ anchors, intermediates: [fixture('ca-edu.cert.der')] });
    const online = async (der, prefer, purpose) => {
      const r = await pki.validateCertificate(der, { trustStore: store, fetcher, revocation: { prefer }, purpose });
      if (r.indication !== 'TOTAL_PASSED') throw new Error(`setup: ${r.indication} ${r.subIndication} ${JSON.stringify(r.findings)}`);
      return r.validationData;
    };
    const ocsp = await online(fixture('teacher.cert.der'), 'ocsp');
    const crl = await online(fixture('teacher.cert.der'), 'crl');
    const data = createHash('sha256').update('bench').digest();
    const token = await pki.httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(createHash('sha256').update(data).digest(), 'SHA-256');
    const tsaData = await online(fixture('tsa.cert.der'), 'ocsp', 'timeStamping');
    return { ocsp, crl, token, data, tsaData };
  } finally {
    await services.stop();
  }
}

const m = await material();
const teacher = fixture('teacher.cert.der');
const anchors = [fixture('root-neac.cert.der'), fixture('root-vgca.cert.der')];
const intermediates = [fixture('ca-edu.cert.der')];
const sharedStore = pki.createTrustStore({ anchors, intermediates });
const sharedCache = pki.createPkiCache();
const expectPassed = (r) => {
  if (r.indication !== 'TOTAL_PASSED') throw new Error(`bench: ${r.indication} ${r.subIndication} ${JSON.stringify(r.findings)}`);
};

// Lower bound: one RSA-2048 signature verification (teacher's key, imported once).
const key = createPublicKey(readFileSync(join(root, 'fixtures/pki/teacher.key.pem')));
const { sign } = await import('node:crypto');
const privateKey = readFileSync(join(root, 'fixtures/pki/teacher.key.pem'));
const sig = sign('sha256', Buffer.from('x'), privateKey);
const bound = await time(() => { if (!verify('sha256', Buffer.from('x'), key, sig)) throw new Error('bound'); }, RUNS * 10);

const cases = [];
const warmOcsp = async () => expectPassed(await pki.validateCertificate(teacher, { trustStore: sharedStore, cache: sharedCache, offline: true, validationData: m.ocsp }));
const warmCrl = async () => expectPassed(await pki.validateCertificate(teacher, { trustStore: sharedStore, cache: sharedCache, offline: true, validationData: m.crl, revocation: { prefer: 'crl' } }));
const coldOcsp = async () => expectPassed(await pki.validateCertificate(teacher, {
  trustStore: pki.createTrustStore({ anchors, intermediates }), cache: pki.createPkiCache(), offline: true, validationData: m.ocsp,
}));
const storeOnly = async () => expectPassed(await pki.validateCertificate(teacher, { trustStore: sharedStore, offline: true, validationData: m.ocsp }));
const noData = async () => {
  const r = await pki.validateCertificate(teacher, { trustStore: sharedStore, offline: true, revocation: { mode: 'soft-fail' } });
  if (r.indication !== 'TOTAL_PASSED' || r.revocation.some((c) => c.status !== 'unknown')) throw new Error('bench: soft-fail case');
};
const pathOnly = async () => expectPassed(await pki.buildAndValidatePath(teacher, { trustStore: sharedStore, cache: sharedCache, offline: true }));
const tsaStore = pki.createTrustStore({ anchors });
const tsaWarm = async () => expectPassed(await pki.verifyTimestampToken(m.token, {
  data: m.data, trustStore: tsaStore, cache: sharedCache, offline: true, validationData: m.tsaData,
}));

if (coldOnly) cases.push(['validateCertificate cold, OCSP data (new store + cache each call)', coldOcsp]);
if (nocacheOnly) cases.push(['validateCertificate, OCSP data, shared store, no cache', storeOnly]);
if (!tsaOnly && !nocacheOnly && !coldOnly) cases.push(['validateCertificate warm, OCSP data (shared store + cache)', warmOcsp]);
if (!tsaOnly && !nocacheOnly && !coldOnly) cases.push(['validateCertificate warm, CRL data (shared store + cache)', warmCrl]);
if (tsaOnly) cases.push(['verifyTimestampToken warm (OCSP data, shared cache)', tsaWarm]);
if (!only && !tsaOnly && !nocacheOnly && !coldOnly) {
  cases.push(['validateCertificate cold, OCSP data (new store + cache each call)', coldOcsp]);
  cases.push(['validateCertificate, OCSP data, shared store, no cache', storeOnly]);
  cases.push(['validateCertificate, no revocation data, soft-fail, shared store', noData]);
  cases.push(['buildAndValidatePath warm (shared store + cache)', pathOnly]);
  cases.push(['verifyTimestampToken warm (OCSP data, shared cache)', tsaWarm]);
}

console.log(`PKI bench, ${RUNS} runs each, CPU ms per call (node ${process.version})`);
console.log(`  lower bound: one RSA-2048 verification           ${bound.toFixed(3)} ms`);
for (const [name, fn] of cases) {
  const runs = name.includes('cold') ? Math.max(5, Math.floor(RUNS / 4)) : RUNS;
  const ms = await time(fn, runs);
  console.log(`  ${name.padEnd(66)} ${ms.toFixed(3)} ms  (${(ms / bound).toFixed(0)}x bound)`);
}
