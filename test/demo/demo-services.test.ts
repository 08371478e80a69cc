import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPki, type DemoPki } from '../../src/demo/demo-pki.js';
import { startDemoServices, type DemoServices } from '../../src/demo/demo-services.js';

// The demo's in-process services are judged by OpenSSL, an independent client.
describe('demo services, checked with openssl', () => {
  let services: DemoServices & { attach(pki: DemoPki): void };
  let pki: DemoPki;
  let dir: string;
  const file = (name: string) => join(dir, name);
  // Asynchronous: the services live in this process, so a synchronous child would block their replies.
  const openssl = async (...args: string[]) => (await promisify(execFile)('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 20_000 })).stdout;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edusign-demo-'));
    services = await startDemoServices();
    pki = await createDemoPki(services.baseUrl);
    services.attach(pki);
    pki.revokedSerials.add(pki.signers.homeroom.certificate.serialNumber.replace(/^0+/, ''));
    const pem = (c: { toString(f: 'pem'): string }) => `${c.toString('pem')}\n`;
    writeFileSync(file('root.pem'), pem(pki.root.certificate));
    writeFileSync(file('ca.pem'), pem(pki.ca.certificate));
    writeFileSync(file('chain.pem'), pem(pki.root.certificate) + pem(pki.ca.certificate));
    writeFileSync(file('untrusted.pem'), pem(pki.ca.certificate) + pem(pki.tsa.certificate));
    writeFileSync(file('teacher.pem'), pem(pki.signers.teacher.certificate));
    writeFileSync(file('homeroom.pem'), pem(pki.signers.homeroom.certificate));
  });
  afterAll(async () => {
    await services?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers OCSP good and revoked with responses openssl verifies', async () => {
    const url = `${services.baseUrl}/ocsp`;
    const good = await openssl('ocsp', '-issuer', 'ca.pem', '-cert', 'teacher.pem', '-url', url, '-CAfile', 'chain.pem');
    expect(good).toMatch(/teacher\.pem: good/);
    const revoked = await openssl('ocsp', '-issuer', 'ca.pem', '-cert', 'homeroom.pem', '-url', url, '-CAfile', 'chain.pem');
    expect(revoked).toMatch(/homeroom\.pem: revoked/);
  });

  it('serves a CRL signed by the CA that lists the revoked serial', async () => {
    const crl = Buffer.from(await (await fetch(`${services.baseUrl}/ca.crl`)).arrayBuffer());
    writeFileSync(file('ca.crl'), crl);
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', 'ca.crl', '-CAfile', 'chain.pem', '-noout', '-text'], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(text).toContain(`Serial Number: ${pki.signers.homeroom.certificate.serialNumber.replace(/^0+/, '').toUpperCase()}`);
  });

  it('issues RFC 3161 timestamps that openssl ts -verify accepts', async () => {
    writeFileSync(file('data.txt'), 'Học bạ số');
    await openssl('ts', '-query', '-data', 'data.txt', '-sha256', '-cert', '-out', 'q.tsq');
    const reply = await fetch(`${services.baseUrl}/tsa`, { method: 'POST', body: readFileSync(file('q.tsq')), headers: { 'content-type': 'application/timestamp-query' } });
    writeFileSync(file('r.tsr'), Buffer.from(await reply.arrayBuffer()));
    const out = await openssl('ts', '-verify', '-in', 'r.tsr', '-queryfile', 'q.tsq', '-CAfile', 'root.pem', '-untrusted', 'untrusted.pem');
    expect(out).toContain('Verification: OK');
  });
});
