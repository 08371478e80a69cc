/**
 * REAL PKI services for tests, on 127.0.0.1 ephemeral ports, backed by the test PKI in `fixtures/pki/`:
 *
 * - OCSP: one `openssl ocsp -index <ca>.index.txt -CA <ca> -rsigner ocsp-<ca> -port 0` process per CA
 *   (delegated responder; or the CA itself with `ocspSigner: 'ca'`), behind a small node:http front that routes
 *   `http://ocsp.edusign.test/<ca>` (POST) and `http://ocsp.edusign.test/<ca>/<base64>` (GET) to it;
 * - CRLs and CA certificates: a static node:http server for `http://pki.edusign.test/<ca>.crl` (made at start
 *   with `openssl ca -gencrl`, so it is fresh; DER, or PEM with `crlFormat: 'pem'`) and `/<ca>.cer` (DER);
 * - TSA: `http://tsa.edusign.test/` — a node:http wrapper that writes each RFC 3161 request to a temp file and
 *   answers with what `openssl ts -reply` makes with the test TSA key and certificate.
 *
 * Usage (B-T / B-LT tests of PAdES, XAdES, JAdES):
 * ```ts
 * import { startPkiServices } from '../helpers/pki-services.js';
 * let services: PkiServices;
 * beforeAll(async () => { services = await startPkiServices(); });
 * afterAll(() => services.stop());
 * const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
 * const tsa = httpTimestampAuthority(services.tsaUrl, { fetcher });
 * ```
 * Also: `services.requestCount(prefix)` counts requests (e.g. `'ocsp:/ca-edu'`, `'pki:/ca-edu.crl'`, `'tsa:'`),
 * `services.makeCrl(ca, options)` makes extra CRLs (stale, other issuer) with the real `openssl ca`, and
 * `services.fixture(name)` reads a fixture file. Hostile routes on the pki host: `/hostile/never` (never
 * answers), `/hostile/endless` (endless body), `/hostile/huge` (declares 200 MB); on the OCSP host:
 * `/truncated/<ca>` (the real responder's answer cut in half).
 * `stop()` kills every process and closes every server. Needs `openssl` (3.x) on PATH.
 * @module
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Directory of the test PKI. */
export const FIXTURES_PKI = resolvePath(import.meta.dirname, '../../fixtures/pki');

/** CAs that have an openssl index file and a delegated OCSP responder certificate in the test PKI. */
export const OCSP_CAS = ['ca-edu', 'ca-vgca-sub', 'root-neac', 'root-vgca'] as const;
/** CAs that publish a CRL. */
export const CRL_CAS = ['ca-edu', 'ca-vgca-sub', 'root-neac', 'root-vgca', 'sub-ca-pathlen'] as const;

/** Options of {@link startPkiServices}. */
export interface PkiServicesOptions {
  /** Which CAs get an OCSP responder (default {@link OCSP_CAS}). */
  ocspCas?: readonly string[];
  /** `delegated` (default): `ocsp-<ca>` signs; `ca`: the CA key signs its responses itself. */
  ocspSigner?: 'delegated' | 'ca';
  /** Identify the OCSP responder by key hash (`-resp_key_id`) instead of by name. */
  ocspResponderIdByKey?: boolean;
  /** Put nextUpdate (now + 1 day, `-ndays 1`) in OCSP responses (default true); false: no nextUpdate. */
  ocspNextUpdate?: boolean;
  /** Which CAs publish a CRL (default {@link CRL_CAS}). */
  crlCas?: readonly string[];
  /** Encoding of the published CRLs (default `der`). */
  crlFormat?: 'der' | 'pem';
  /** Start the TSA (default true). */
  tsa?: boolean;
  /** ESS binding in TSA tokens: `sha256` (ESSCertIDv2, default) or `sha1` (ESSCertID). */
  tsaEssCertIdAlg?: 'sha1' | 'sha256';
}

/** Options of {@link PkiServices.makeCrl}. */
export interface MakeCrlOptions {
  /** `openssl ca -gencrl -crlhours`, default 24. */
  hours?: number;
  /** Sign with this CA's key/cert but the index of `indexOf` (wrong-issuer CRLs). */
  indexOf?: string;
  format?: 'der' | 'pem';
}

/** Running services. */
export interface PkiServices {
  /** Host map for `createFetcher({ resolve })`: `pki.edusign.test`, `ocsp.edusign.test`, `tsa.edusign.test`. */
  resolve: Record<string, string>;
  /** `http://tsa.edusign.test/`. */
  tsaUrl: string;
  /** Policy OID the TSA uses by default. */
  tsaPolicy: string;
  /** Temp directory (generated CRLs, TSA config). */
  dir: string;
  /** Requests served whose `<host>:<path>` starts with `prefix` (`ocsp:`, `pki:`, `tsa:`). */
  requestCount(prefix: string): number;
  /** Make a CRL now with `openssl ca -gencrl`. */
  makeCrl(ca: string, options?: MakeCrlOptions): Promise<Uint8Array>;
  /** Read a file of `fixtures/pki`. */
  fixture(name: string): Uint8Array;
  stop(): Promise<void>;
}

/** Default TSA policy of the test TSA (ITU-T example arc, like the rest of the test PKI). */
export const TEST_TSA_POLICY = '2.999.1.2';

/**
 * Start the OCSP responders, the CRL/certificate server and the TSA. Call `stop()` in `afterAll`.
 * @example
 * ```ts
 * const services = await startPkiServices({ ocspCas: ['ca-edu'], tsa: false });
 * ```
 */
export async function startPkiServices(options: PkiServicesOptions = {}): Promise<PkiServices> {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-pki-'));
  const children: ChildProcess[] = [];
  const servers: http.Server[] = [];
  const counts: string[] = [];
  const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES_PKI, name)));
  // If the test process dies without calling stop() (timeout, crash), do not leave openssl responders behind.
  const killOnExit = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopAll(children, servers, dir);
  };
  try {
    for (const ca of new Set([...(options.crlCas ?? CRL_CAS), ...(options.ocspCas ?? OCSP_CAS)])) prepareCa(dir, ca);
    const makeCrl = (ca: string, crlOptions: MakeCrlOptions = {}) => generateCrl(dir, ca, crlOptions);
    const statics = new Map<string, Uint8Array>();
    for (const ca of options.crlCas ?? CRL_CAS) {
      statics.set(`/${ca}.crl`, await makeCrl(ca, { format: options.crlFormat ?? 'der' }));
    }
    for (const ca of new Set([...CRL_CAS, ...OCSP_CAS, 'loop-a', 'loop-b'])) statics.set(`/${ca}.cer`, fixture(`${ca}.cert.der`));

    const ocspPorts = new Map<string, number>();
    for (const ca of options.ocspCas ?? OCSP_CAS) {
      const signer = options.ocspSigner === 'ca' ? ca : `ocsp-${ca}`;
      const extra = [...(options.ocspNextUpdate === false ? [] : ['-ndays', '1']), ...(options.ocspResponderIdByKey ? ['-resp_key_id'] : [])];
      const { child, port } = await startOcspResponder(dir, ca, signer, extra);
      children.push(child);
      ocspPorts.set(ca, port);
    }

    const pki = await listen(servers, (req, res) => {
      counts.push(`pki:${req.url ?? ''}`);
      servePki(req, res, statics);
    });
    const ocsp = await listen(servers, (req, res) => {
      counts.push(`ocsp:${req.url ?? ''}`);
      void serveOcsp(req, res, ocspPorts);
    });
    const resolve: Record<string, string> = { 'pki.edusign.test': `127.0.0.1:${pki}`, 'ocsp.edusign.test': `127.0.0.1:${ocsp}` };
    if (options.tsa ?? true) {
      const config = writeTsaConfig(dir, options.tsaEssCertIdAlg ?? 'sha256');
      let sequence = 0;
      const tsa = await listen(servers, (req, res) => {
        counts.push(`tsa:${req.url ?? ''}`);
        void serveTsa(req, res, dir, config, sequence++);
      });
      resolve['tsa.edusign.test'] = `127.0.0.1:${tsa}`;
    }
    return {
      resolve,
      tsaUrl: 'http://tsa.edusign.test/',
      tsaPolicy: TEST_TSA_POLICY,
      dir,
      requestCount: (prefix) => counts.filter((c) => c.startsWith(prefix)).length,
      makeCrl,
      fixture,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function prepareCa(dir: string, ca: string): void {
  for (const suffix of ['index.txt', 'index.txt.attr']) {
    const source = join(FIXTURES_PKI, `${ca}.${suffix}`);
    if (existsSync(source)) copyFileSync(source, join(dir, `${ca}.${suffix}`));
  }
  writeFileSync(join(dir, `${ca}.crlnumber`), '1000\n');
  writeFileSync(join(dir, `${ca}.cnf`), [
    '[ca]', 'default_ca = ca_default', '[ca_default]',
    `database = ${join(dir, `${ca}.index.txt`)}`, `crlnumber = ${join(dir, `${ca}.crlnumber`)}`,
    'default_md = sha256', 'crl_extensions = crl_ext', '[crl_ext]', 'authorityKeyIdentifier = keyid:always', '',
  ].join('\n'));
}

async function generateCrl(dir: string, ca: string, options: MakeCrlOptions): Promise<Uint8Array> {
  const indexCa = options.indexOf ?? ca;
  const config = join(dir, `${indexCa}.cnf`);
  const pem = join(dir, `${ca}-${Date.now()}-${Math.random().toString(16).slice(2)}.crl.pem`);
  await run('openssl', ['ca', '-gencrl', '-batch', '-config', config, '-keyfile', join(FIXTURES_PKI, `${ca}.key.pem`),
    '-cert', join(FIXTURES_PKI, `${ca}.cert.pem`), '-crlhours', String(options.hours ?? 24), '-out', pem]);
  if (options.format === 'pem') return new Uint8Array(readFileSync(pem));
  const der = `${pem}.der`;
  await run('openssl', ['crl', '-in', pem, '-outform', 'DER', '-out', der]);
  return new Uint8Array(readFileSync(der));
}

function startOcspResponder(dir: string, ca: string, signer: string, extra: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('openssl', ['ocsp', '-index', join(dir, `${ca}.index.txt`), '-CA', join(FIXTURES_PKI, `${ca}.cert.pem`),
    '-rsigner', join(FIXTURES_PKI, `${signer}.cert.pem`), '-rkey', join(FIXTURES_PKI, `${signer}.key.pem`),
    '-port', '0', '-ignore_err', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, rejectPromise) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      rejectPromise(new Error(`openssl ocsp for ${ca} did not start: ${stderr}`));
    }, 10_000);
    const onOutput = (chunk: Buffer): void => {
      stderr += chunk.toString();
      const match = /ACCEPT \S*:(\d+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise({ child, port: Number(match[1]) });
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rejectPromise(new Error(`openssl ocsp for ${ca} exited (${code}): ${stderr}`));
    });
  });
}

function listen(servers: http.Server[], handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise((server.address() as AddressInfo).port)));
}

function servePki(req: http.IncomingMessage, res: http.ServerResponse, statics: Map<string, Uint8Array>): void {
  const url = req.url ?? '/';
  if (url === '/hostile/never') return; // never answers; closed by stop()
  if (url === '/hostile/huge') {
    res.writeHead(200, { 'content-type': 'application/pkix-crl', 'content-length': String(200 * 1024 * 1024) });
    res.write(Buffer.alloc(1024));
    return;
  }
  if (url === '/hostile/endless') {
    res.writeHead(200, { 'content-type': 'application/pkix-crl' });
    const chunk = Buffer.alloc(64 * 1024, 0x30);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) { /* until the socket buffer is full */ }
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
    return;
  }
  const body = statics.get(url);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': url.endsWith('.crl') ? 'application/pkix-crl' : 'application/pkix-cert' }).end(Buffer.from(body));
}

async function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function serveOcsp(req: http.IncomingMessage, res: http.ServerResponse, ports: Map<string, number>): Promise<void> {
  try {
    const [, first = '', ...rest] = (req.url ?? '/').split('/');
    const truncated = first === 'truncated';
    const ca = truncated ? (rest.shift() ?? '') : first;
    const port = ports.get(ca);
    if (!port) {
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req);
    const answer = await forward(port, req.method ?? 'GET', `/${rest.join('/')}`, body);
    const out = truncated ? answer.body.subarray(0, Math.floor(answer.body.length / 2)) : answer.body;
    res.writeHead(answer.status, { 'content-type': 'application/ocsp-response' }).end(out);
  } catch {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  }
}

function forward(port: number, method: string, path: string, body: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolvePromise, rejectPromise) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false,
      headers: method === 'POST' ? { 'content-type': 'application/ocsp-request', 'content-length': String(body.length) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
      res.on('error', rejectPromise);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('openssl ocsp did not answer')));
    req.on('error', rejectPromise);
    req.end(method === 'POST' ? body : undefined);
  });
}

function writeTsaConfig(dir: string, essCertIdAlg: 'sha1' | 'sha256'): string {
  const chain = join(dir, 'tsa-chain.pem');
  writeFileSync(chain, Buffer.concat([readFileSync(join(FIXTURES_PKI, 'ca-edu.cert.pem')), readFileSync(join(FIXTURES_PKI, 'root-neac.cert.pem'))]));
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  const config = join(dir, 'tsa.cnf');
  writeFileSync(config, [
    '[tsa]', 'default_tsa = tsa_config', '[tsa_config]',
    `serial = ${join(dir, 'tsaserial')}`, 'crypto_device = builtin',
    `signer_cert = ${join(FIXTURES_PKI, 'tsa.cert.pem')}`, `signer_key = ${join(FIXTURES_PKI, 'tsa.key.pem')}`,
    `certs = ${chain}`, 'signer_digest = sha256', `default_policy = ${TEST_TSA_POLICY}`, 'other_policies = 2.999.1.3',
    'digests = sha256, sha384, sha512', 'accuracy = secs:1, millisecs:500', 'clock_precision_digits = 0',
    'ordering = no', 'tsa_name = yes', 'ess_cert_id_chain = no', `ess_cert_id_alg = ${essCertIdAlg}`, '',
  ].join('\n'));
  return config;
}

async function serveTsa(req: http.IncomingMessage, res: http.ServerResponse, dir: string, config: string, n: number): Promise<void> {
  const query = join(dir, `q-${n}.tsq`);
  const reply = join(dir, `r-${n}.tsr`);
  try {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    writeFileSync(query, await readBody(req));
    await run('openssl', ['ts', '-reply', '-config', config, '-queryfile', query, '-out', reply]);
    res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(reply));
  } catch {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  } finally {
    rmSync(query, { force: true });
    rmSync(reply, { force: true });
  }
}

async function stopAll(children: ChildProcess[], servers: http.Server[], dir: string): Promise<void> {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  rmSync(dir, { recursive: true, force: true });
}
