import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { createFetcher } from '../../../src/pki/net/fetcher.js';

const run = promisify(execFile);
let dir: string;
let server: https.Server;
let address = '';
let caPem = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edusign-https-'));
  const f = (name: string): string => join(dir, name);
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('ca.key'),
    '-out', f('ca.pem'), '-subj', '/CN=Test TLS CA', '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('srv.key'),
    '-out', f('srv.csr'), '-subj', '/CN=tsa.edusign.test']);
  writeFileSync(f('ext.cnf'), 'subjectAltName = DNS:tsa.edusign.test\nextendedKeyUsage = serverAuth\n');
  await run('openssl', ['x509', '-req', '-in', f('srv.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', '7',
    '-days', '2', '-extfile', f('ext.cnf'), '-out', f('srv.pem')]);
  caPem = readFileSync(f('ca.pem'), 'utf8');
  server = https.createServer({ key: readFileSync(f('srv.key')), cert: readFileSync(f('srv.pem')) }, (req, res) => {
    if (req.url === '/to-http') {
      res.writeHead(302, { location: 'http://tsa.edusign.test/plain' }).end();
      return;
    }
    res.end('secure hello');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'resolved'; } catch (e) { return isEdusignError(e) ? e.code : `non-edusign: ${String(e)}`; }
}

describe('createFetcher over https', () => {
  it('verifies the server certificate: unknown CA refused, extra CA accepted, wrong name refused', async () => {
    const resolve = { 'tsa.edusign.test': address, 'other.edusign.test': address };
    expect(await codeOf(createFetcher({ resolve }).fetch('https://tsa.edusign.test/'))).toBe('NETWORK_ERROR');
    const trusting = createFetcher({ resolve, tlsCa: [caPem] });
    expect(new TextDecoder().decode(await trusting.fetch('https://tsa.edusign.test/'))).toBe('secure hello');
    expect(await codeOf(trusting.fetch('https://other.edusign.test/'))).toBe('NETWORK_ERROR');
  });

  it('refuses a redirect from https down to http', async () => {
    const trusting = createFetcher({ resolve: { 'tsa.edusign.test': address }, tlsCa: [caPem] });
    expect(await codeOf(trusting.fetch('https://tsa.edusign.test/to-http'))).toBe('NETWORK_SCHEME_NOT_ALLOWED');
  });
});
