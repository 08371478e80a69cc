import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../src/crypto/remote/http-json.js';
import { codeOf } from './keys.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`"${'x'.repeat(2 * 1024 * 1024)}"`);
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: '/ok' }).end();
    } else if (req.url === '/html') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    } else if (req.url === '/hang') {
      // never answers
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, method: req.method }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('postJson (signing-service HTTP)', () => {
  it('posts JSON and reads JSON', async () => {
    expect(await postJson(`${base}/ok`, { a: 1 })).toEqual({ status: 200, body: { ok: true, method: 'POST' } });
  });
  it('caps the response size, refuses redirects, non-JSON bodies, other schemes; times out', async () => {
    expect(await codeOf(() => postJson(`${base}/big`, {}))).toBe('RESPONSE_TOO_LARGE');
    expect(await codeOf(() => postJson(`${base}/redirect`, {}))).toBe('NETWORK_ERROR');
    expect(await codeOf(() => postJson(`${base}/html`, {}))).toBe('SIGNER_FAILED');
    expect(await codeOf(() => postJson('file:///etc/passwd', {}))).toBe('INVALID_ARGUMENT');
    const started = Date.now();
    expect(await codeOf(() => postJson(`${base}/hang`, {}, { timeoutMs: 200 }))).toBe('NETWORK_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await codeOf(() => postJson('http://127.0.0.1:1/', {}))).toBe('NETWORK_ERROR');
  });
});
