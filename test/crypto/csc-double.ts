/**
 * A small local double of the CSC API v2 hash-signing shape (credentials/info, signatures/signHash,
 * signatures/signPolling) on 127.0.0.1:0, for tests. It signs with a real key through `openssl pkeyutl`
 * (independent of the SDK's own prehash code). Modes: synchronous, delayed confirmation (asynchronous mode),
 * rejection by the user, a never-confirmed request, and a misbehaving service returning garbage.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CscDoubleBehaviour {
  /** Milliseconds after signHash before an asynchronous request is confirmed (Infinity: never). */
  confirmAfterMs: number;
  /** The user rejects (sync: signHash answers access_denied; async: signPolling does). */
  reject: boolean;
  /** Return random bytes instead of signatures. */
  garbage: boolean;
  /** How "still pending" is signalled by signPolling. */
  pendingStyle: '400' | '202';
}

export interface CscDoubleOptions {
  keyPath: string;
  /** Base64 DER certificates, signer first. */
  certificates: string[];
  keyAlgorithms: string[];
  keyLength: number;
  multisign?: number;
  accessToken: string;
  sad: string;
}

export interface CscDouble {
  /** API root to give the client, e.g. http://127.0.0.1:PORT/csc/v2 */
  baseUrl: string;
  behaviour: CscDoubleBehaviour;
  /** Requests received (path and JSON body). */
  log: Array<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

const HASH_NAMES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};

function opensslSign(keyPath: string, digest: Buffer, hashName: string, signAlgo: string, saltLength?: number): Promise<Buffer> {
  const args = ['pkeyutl', '-sign', '-inkey', keyPath, '-pkeyopt', `digest:${hashName}`];
  if (signAlgo === '1.2.840.113549.1.1.10') {
    args.push('-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', `rsa_pss_saltlen:${saltLength ?? 32}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(Buffer.concat(err).toString()))));
    child.stdin.end(digest);
  });
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Read the salt length out of base64 RSASSA-PSS-params (field [2]); enough for the double. */
function pssSalt(paramsB64: unknown): number | undefined {
  if (typeof paramsB64 !== 'string') return undefined;
  const der = Buffer.from(paramsB64, 'base64');
  const i = der.indexOf(Buffer.from([0xa2, 0x03, 0x02, 0x01]));
  return i >= 0 ? der[i + 4] : undefined;
}

export async function startCscDouble(options: CscDoubleOptions, behaviour: Partial<CscDoubleBehaviour> = {}): Promise<CscDouble> {
  const state: CscDoubleBehaviour = { confirmAfterMs: 0, reject: false, garbage: false, pendingStyle: '400', ...behaviour };
  const log: CscDouble['log'] = [];
  const pending = new Map<string, { at: number; result: Promise<string[]> }>();

  const signAll = async (body: Record<string, unknown>): Promise<string[]> => {
    const hashName = HASH_NAMES[String(body.hashAlgorithmOID)] ?? 'sha256';
    const hashes = body.hashes as string[];
    if (state.garbage) return hashes.map(() => randomBytes(256).toString('base64'));
    const sigs: string[] = [];
    for (const h of hashes) {
      sigs.push((await opensslSign(options.keyPath, Buffer.from(h, 'base64'), hashName, String(body.signAlgo), pssSalt(body.signAlgoParams))).toString('base64'));
    }
    return sigs;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').replace(/^\/csc\/v2\//, '');
      const body = await readBody(req);
      log.push({ path, body });
      if (req.headers.authorization !== `Bearer ${options.accessToken}`) {
        return send(res, 401, { error: 'invalid_token', error_description: 'Missing or invalid access token' });
      }
      if (path === 'credentials/info') {
        return send(res, 200, { key: { status: 'enabled', algo: options.keyAlgorithms, len: options.keyLength },
          cert: { status: 'valid', certificates: options.certificates }, authMode: 'explicit', SCAL: '2',
          ...(options.multisign ? { multisign: options.multisign } : {}) });
      }
      if (path === 'signatures/signHash') {
        if (body.SAD !== options.sad) return send(res, 400, { error: 'invalid_request', error_description: 'Invalid SAD' });
        const hashes = body.hashes;
        if (!Array.isArray(hashes) || hashes.length === 0 || (options.multisign && hashes.length > options.multisign)) {
          return send(res, 400, { error: 'invalid_request', error_description: 'Invalid parameter hashes' });
        }
        if (body.operationMode === 'A') {
          const id = randomUUID();
          pending.set(id, { at: Date.now(), result: signAll(body) });
          return send(res, 200, { responseID: id });
        }
        if (state.reject) return send(res, 400, { error: 'access_denied', error_description: 'The user rejected the request' });
        return send(res, 200, { signatures: await signAll(body) });
      }
      if (path === 'signatures/signPolling') {
        const tx = pending.get(String(body.responseID));
        if (!tx) return send(res, 400, { error: 'invalid_request', error_description: 'Invalid parameter responseID' });
        if (state.reject) return send(res, 400, { error: 'access_denied', error_description: 'The user rejected the request' });
        if (Date.now() - tx.at < state.confirmAfterMs) {
          return state.pendingStyle === '202' ? send(res, 202, {})
            : send(res, 400, { error: 'invalid_request', error_description: 'The signature request is still pending' });
        }
        pending.delete(String(body.responseID));
        return send(res, 200, { signatures: await tx.result });
      }
      return send(res, 404, { error: 'invalid_request', error_description: 'Unknown method' });
    })().catch((e: unknown) => send(res, 500, { error: 'server_error', error_description: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/csc/v2`,
    behaviour: state,
    log,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
