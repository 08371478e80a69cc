import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateDer } from '../../../src/pki/revocation/cert-facts.js';
import { checkCertificateWithCrl } from '../../../src/pki/revocation/crl-check.js';
import { parseCrl } from '../../../src/pki/revocation/crl.js';
import { FIXTURES_PKI } from '../../helpers/pki-services.js';

const run = promisify(execFile);
const ENTRIES = 30_000;
let dir: string;
let crl: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edusign-bigcrl-'));
  const lines: string[] = [];
  for (let i = 0; i < ENTRIES; i++) lines.push(`R\t310101000000Z\t260101000000Z,superseded\t${(0x100000 + i).toString(16).toUpperCase()}\tunknown\t/CN=x${i}`);
  lines.push('R\t310101000000Z\t261001000000Z,keyCompromise\t1106\tunknown\t/CN=revoked');
  writeFileSync(join(dir, 'index.txt'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'index.txt.attr'), 'unique_subject = no\n');
  writeFileSync(join(dir, 'crlnumber'), '2000\n');
  writeFileSync(join(dir, 'ca.cnf'), `[ca]\ndefault_ca = d\n[d]\ndatabase = ${join(dir, 'index.txt')}\ncrlnumber = ${join(dir, 'crlnumber')}\ndefault_md = sha256\n`);
  await run('openssl', ['ca', '-gencrl', '-batch', '-config', join(dir, 'ca.cnf'), '-keyfile', join(FIXTURES_PKI, 'ca-edu.key.pem'),
    '-cert', join(FIXTURES_PKI, 'ca-edu.cert.pem'), '-crlhours', '24', '-out', join(dir, 'big.pem')]);
  crl = new Uint8Array(readFileSync(join(dir, 'big.pem')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CRL with tens of thousands of entries (PEM, made by openssl ca)', () => {
  it('parses and answers quickly, finding the revoked certificate among 30,001 entries', async () => {
    const start = Date.now();
    const parsed = parseCrl(crl);
    expect(parsed.revokedCount).toBe(ENTRIES + 1);
    expect(parsed.crlNumber).toBe('2000');
    expect(parsed.findEntry('100010')?.reason).toBe('superseded');
    const ca = parseCertificateDer(readFileSync(join(FIXTURES_PKI, 'ca-edu.cert.der')));
    const now = new Date();
    const revoked = await checkCertificateWithCrl(parseCertificateDer(readFileSync(join(FIXTURES_PKI, 'revoked.cert.der'))), ca, crl, { at: now, now });
    expect([revoked.status, revoked.revocationReason]).toEqual(['revoked', 'keyCompromise']);
    const good = await checkCertificateWithCrl(parseCertificateDer(readFileSync(join(FIXTURES_PKI, 'teacher.cert.der'))), ca, crl, { at: now, now });
    expect(good.status).toBe('good');
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
