import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { createFetcher } from '../../../src/pki/net/fetcher.js';
import { httpTimestampAuthority } from '../../../src/pki/tsa/http-authority.js';
import { decodeTimestampToken, parseTimestampToken } from '../../../src/pki/tsa/parse-token.js';
import { buildTimestampRequest } from '../../../src/pki/tsa/request.js';
import { verifyTokenSignature } from '../../../src/pki/tsa/verify-token-signature.js';
import { FIXTURES_PKI, startPkiServices, TEST_TSA_POLICY, type PkiServices } from '../../helpers/pki-services.js';

const run = promisify(execFile);
let services: PkiServices;
let dir: string;
const data = new TextEncoder().encode('Học bạ của học sinh Nguyễn Văn An — lớp 10A1');
const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

beforeAll(async () => {
  services = await startPkiServices({ ocspCas: [], crlCas: [] });
  dir = mkdtempSync(join(tmpdir(), 'edusign-tsa-test-'));
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'resolved'; } catch (e) { return isEdusignError(e) ? e.code : `non-edusign: ${String(e)}`; }
}

describe('httpTimestampAuthority against openssl ts -reply', () => {
  it('gets a token whose imprint, policy and nonce are checked, and that openssl ts -verify accepts', async () => {
    const fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 10_000 });
    const tsa = httpTimestampAuthority(services.tsaUrl, { fetcher, policy: TEST_TSA_POLICY });
    const before = Date.now();
    const token = await tsa.timestamp(sha256(data), 'SHA-256');
    const info = parseTimestampToken(token);
    expect(info.policy).toBe(TEST_TSA_POLICY);
    expect(info.hashAlgorithm).toBe('SHA-256');
    expect(Buffer.from(info.messageImprint).equals(Buffer.from(sha256(data)))).toBe(true);
    expect(info.genTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(info.genTime.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(info.accuracy).toEqual({ seconds: 1, millis: 500, micros: 0 });
    expect(info.nonce).toMatch(/^[0-9a-f]+$/);
    expect(info.certificates.length).toBeGreaterThanOrEqual(1);
    expect(services.requestCount('tsa:')).toBeGreaterThanOrEqual(1);

    const tokenFile = join(dir, 'token.der');
    const dataFile = join(dir, 'data.bin');
    writeFileSync(tokenFile, token);
    writeFileSync(dataFile, data);
    const verified = await run('openssl', ['ts', '-verify', '-token_in', '-in', tokenFile, '-data', dataFile,
      '-CAfile', join(FIXTURES_PKI, 'root-neac.cert.pem'), '-untrusted', join(FIXTURES_PKI, 'ca-edu.cert.pem')]);
    expect(verified.stdout).toContain('Verification: OK');
  });

  it('asks for another policy and refuses what the TSA does not grant', async () => {
    const fetcher = createFetcher({ resolve: services.resolve });
    const other = httpTimestampAuthority(services.tsaUrl, { fetcher, policy: '2.999.1.3' });
    expect(parseTimestampToken(await other.timestamp(sha256(data), 'SHA-256')).policy).toBe('2.999.1.3');
    const unknownPolicy = httpTimestampAuthority(services.tsaUrl, { fetcher, policy: '2.999.9.9' });
    expect(await codeOf(unknownPolicy.timestamp(sha256(data), 'SHA-256'))).toBe('TIMESTAMP_FAILED');
    expect(await codeOf(other.timestamp(new Uint8Array(5), 'SHA-256'))).toBe('INVALID_ARGUMENT');
    const nowhere = httpTimestampAuthority('http://tsa.edusign.test/', { fetcher: createFetcher({ offline: true }) });
    expect(await codeOf(nowhere.timestamp(sha256(data), 'SHA-256'))).toBe('NETWORK_OFFLINE');
  });

  it('reads and checks a token made by openssl ts -query/-reply directly (ESSCertIDv2 and ESSCertID)', async () => {
    for (const essAlg of ['sha256', 'sha1'] as const) {
      const own = essAlg === 'sha256' ? services : await startPkiServices({ ocspCas: [], crlCas: [], tsaEssCertIdAlg: essAlg });
      try {
        const dataFile = join(dir, `d-${essAlg}.bin`);
        writeFileSync(dataFile, data);
        const query = join(dir, `q-${essAlg}.tsq`);
        await run('openssl', ['ts', '-query', '-data', dataFile, '-sha512', '-cert', '-out', query]);
        const reply = join(dir, `r-${essAlg}.tsr`);
        await run('openssl', ['ts', '-reply', '-config', join(own.dir, 'tsa.cnf'), '-queryfile', query, '-token_out', '-out', reply]);
        const token = new Uint8Array(readFileSync(reply));
        const decoded = decodeTimestampToken(token);
        expect(decoded.info.hashAlgorithm).toBe('SHA-512');
        expect((await verifyTokenSignature(decoded, [])).failure).toBeUndefined();
        // the TSTInfo altered in one byte of its serial number: the messageDigest no longer matches
        const at = Buffer.from(token).indexOf(Buffer.from(decoded.tstInfoDer));
        const tampered = new Uint8Array(token);
        tampered[at + decoded.tstInfoDer.length - 1]! ^= 0x01;
        const check = await verifyTokenSignature(decodeTimestampToken(tampered), []);
        expect(check.failure?.subIndication).toBe('HASH_FAILURE');
      } finally {
        if (own !== services) await own.stop();
      }
    }
  });

  it('refuses a replayed reply (nonce or imprint mismatch) and a garbage reply', async () => {
    let saved: Buffer | undefined;
    const replaying = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/garbage') { res.end(Buffer.from([0x30, 0x82, 0x10, 0x00, 0x02])); return; }
        if (saved) { res.end(saved); return; }
        const upstream = http.request({ host: '127.0.0.1', port: Number(services.resolve['tsa.edusign.test']!.split(':')[1]), method: 'POST', path: '/',
          headers: { 'content-type': 'application/timestamp-query' } }, (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => { saved = Buffer.concat(body); res.end(saved); });
        });
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => replaying.listen(0, '127.0.0.1', r));
    try {
      const fetcher = createFetcher({ resolve: { 'replay.edusign.test': `127.0.0.1:${(replaying.address() as AddressInfo).port}` } });
      const tsa = httpTimestampAuthority('http://replay.edusign.test/', { fetcher });
      await tsa.timestamp(sha256(data), 'SHA-256'); // genuine, recorded
      await expect(tsa.timestamp(sha256(data), 'SHA-256')).rejects.toThrow(/nonce/); // same imprint, old nonce
      await expect(tsa.timestamp(sha256(new Uint8Array([1])), 'SHA-256')).rejects.toThrow(/imprint/); // other imprint
      expect(await codeOf(tsa.timestamp(sha256(data), 'SHA-256'))).toBe('TIMESTAMP_FAILED');
      const garbage = httpTimestampAuthority('http://replay.edusign.test/garbage', { fetcher });
      expect(await codeOf(garbage.timestamp(sha256(data), 'SHA-256'))).toBe('TIMESTAMP_MALFORMED');
    } finally {
      replaying.closeAllConnections();
      await new Promise<void>((r) => replaying.close(() => r()));
    }
  });

  it('refuses garbage and truncated tokens with TIMESTAMP_MALFORMED', async () => {
    const fetcher = createFetcher({ resolve: services.resolve });
    const token = await httpTimestampAuthority(services.tsaUrl, { fetcher }).timestamp(sha256(data), 'SHA-256');
    expect(() => parseTimestampToken(token.subarray(0, token.length - 10))).toThrow(/Malformed timestamp|Dấu thời gian/);
    expect(() => parseTimestampToken(new Uint8Array([1, 2, 3]))).toThrowError(expect.objectContaining({ code: 'TIMESTAMP_MALFORMED' }) as Error);
    const request = buildTimestampRequest(sha256(data), 'SHA-256', { nonce: new Uint8Array([0xff, 1]) });
    expect(request.nonceHex).toBe('ff01');
  });
});
