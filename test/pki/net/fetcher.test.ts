import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { createPkiCache } from '../../../src/pki/net/cache.js';
import { isEdusignError } from '../../../src/errors.js';

let server: http.Server;
let port = 0;
const seen: { method: string; url: string; host: string; body: string }[] = [];
const openResponses = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', body: Buffer.concat(chunks).toString() });
      route(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const res of openResponses) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '/';
  if (url === '/hello') { res.end('hello'); return; }
  if (url === '/echo') { res.end(`echo:${seen.at(-1)?.body ?? ''}`); return; }
  if (url === '/never') { openResponses.add(res); return; }
  if (url === '/drip') {
    openResponses.add(res);
    res.writeHead(200, { 'content-type': 'application/pkix-crl' });
    const t = setInterval(() => { if (res.destroyed) clearInterval(t); else res.write('x'); }, 50);
    res.on('close', () => clearInterval(t));
    return;
  }
  if (url === '/declared-huge') { res.writeHead(200, { 'content-length': String(200 * 1024 * 1024) }); res.write('x'); openResponses.add(res); return; }
  if (url === '/endless') {
    openResponses.add(res);
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = (): void => { while (!res.destroyed && res.write(chunk)) { /* fill */ } if (!res.destroyed) res.once('drain', pump); };
    pump();
    return;
  }
  if (url === '/cut') { res.writeHead(200, { 'content-length': '100' }); res.write('0123456789'); setTimeout(() => res.socket?.destroy(), 20); return; }
  if (url === '/redirect-same') { res.writeHead(302, { location: '/hello' }); res.end(); return; }
  if (url === '/redirect-https') { res.writeHead(302, { location: `https://127.0.0.1:${port}/hello` }); res.end(); return; }
  if (url === '/redirect-file') { res.writeHead(301, { location: 'file:///etc/passwd' }); res.end(); return; }
  if (url === '/loop') { res.writeHead(302, { location: '/loop' }); res.end(); return; }
  res.writeHead(404); res.end('nope');
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'resolved'; } catch (e) { return isEdusignError(e) ? e.code : `non-edusign: ${String(e)}`; }
}

describe('createFetcher', () => {
  it('fetches a body by GET and sends POST bodies', async () => {
    const f = createFetcher();
    expect(new TextDecoder().decode(await f.fetch(`http://127.0.0.1:${port}/hello`))).toBe('hello');
    const echoed = await f.fetch(`http://127.0.0.1:${port}/echo`, { body: new TextEncoder().encode('ping'), contentType: 'application/ocsp-request' });
    expect(new TextDecoder().decode(echoed)).toBe('echo:ping');
    expect(seen.at(-1)?.method).toBe('POST');
  });

  it('maps test host names to 127.0.0.1 ports and keeps the Host header', async () => {
    const f = createFetcher({ resolve: { 'ocsp.edusign.test': `127.0.0.1:${port}` } });
    expect(new TextDecoder().decode(await f.fetch('http://ocsp.edusign.test/hello'))).toBe('hello');
    expect(seen.at(-1)?.host).toBe('ocsp.edusign.test');
  });

  it('refuses offline, non-http schemes and cross-scheme redirects', async () => {
    expect(await codeOf(createFetcher({ offline: true }).fetch(`http://127.0.0.1:${port}/hello`))).toBe('NETWORK_OFFLINE');
    const f = createFetcher();
    expect(await codeOf(f.fetch('ldap://ldap.example/cn=x'))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
    expect(await codeOf(f.fetch('file:///etc/passwd'))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
    expect(await codeOf(f.fetch('not a url'))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/redirect-https`))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/redirect-file`))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
  });

  it('follows a few same-scheme redirects, then gives up', async () => {
    const f = createFetcher();
    expect(new TextDecoder().decode(await f.fetch(`http://127.0.0.1:${port}/redirect-same`))).toBe('hello');
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/loop`))).toBe('NETWORK_ERROR');
  });

  it('reports HTTP errors, cut bodies and refused connections as NETWORK_ERROR', async () => {
    const f = createFetcher();
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/cut`))).toBe('NETWORK_ERROR');
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/missing`))).toBe('NETWORK_ERROR');
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await codeOf(f.fetch(`http://127.0.0.1:${deadPort}/x`))).toBe('NETWORK_ERROR');
  });

  it('times out a server that never answers, and a slow-drip body, within the bound', async () => {
    const f = createFetcher({ timeoutMs: 400 });
    for (const path of ['/never', '/drip']) {
      const start = Date.now();
      expect(await codeOf(f.fetch(`http://127.0.0.1:${port}${path}`))).toBe('NETWORK_TIMEOUT');
      expect(Date.now() - start).toBeLessThan(1500);
    }
    const start = Date.now();
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/never`, { timeoutMs: 150 }))).toBe('NETWORK_TIMEOUT');
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('stops a declared 200 MB body and an endless body at the size limit', async () => {
    const f = createFetcher({ maxBytes: 1024 * 1024, timeoutMs: 5000 });
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/declared-huge`))).toBe('RESPONSE_TOO_LARGE');
    const start = Date.now();
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/endless`))).toBe('RESPONSE_TOO_LARGE');
    expect(Date.now() - start).toBeLessThan(3000);
    expect(await codeOf(f.fetch(`http://127.0.0.1:${port}/hello`, { maxBytes: 3 }))).toBe('RESPONSE_TOO_LARGE');
  });

  it('rejects nonsensical options with INVALID_ARGUMENT', () => {
    expect(() => createFetcher({ timeoutMs: -1 })).toThrow(/positive/);
  });
});

describe('createPkiCache', () => {
  it('keeps entries until they expire and drops the oldest when full', () => {
    const cache = createPkiCache({ maxEntries: 2 });
    const now = new Date('2026-01-01T00:00:00Z');
    cache.set('crl:a', new Uint8Array([1]), new Date('2026-01-02T00:00:00Z'));
    expect(cache.get('crl:a', now)).toEqual(new Uint8Array([1]));
    expect(cache.get('crl:a', new Date('2026-01-03T00:00:00Z'))).toBeUndefined();
    cache.set('a', new Uint8Array([1]), undefined);
    cache.set('b', new Uint8Array([2]), undefined);
    cache.set('c', new Uint8Array([3]), undefined);
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('c', now)).toEqual(new Uint8Array([3]));
    expect(cache.size).toBe(2);
  });
});
