import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certCommand } from '../../src/cli/commands/cert.js';
import { isEdusignError } from '../../src/errors.js';
import { startPkiServices, type PkiServices } from '../helpers/pki-services.js';
import { pkiPath } from '../pki/cert/fixture.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await certCommand.run(args, { stdout: (t) => { out += `${t}\n`; }, stderr: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

async function errorCode(...args: string[]): Promise<string | undefined> {
  try {
    await run(...args);
  } catch (error) {
    return isEdusignError(error) ? error.code : `not an EdusignError: ${String(error)}`;
  }
  return undefined;
}

const work = mkdtempSync(join(tmpdir(), 'edusign-cli-cert-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('edusign cert show', () => {
  it('describes a PEM certificate in Vietnamese and English, fingerprint as openssl computes it', async () => {
    const { code, out } = await run('show', pkiPath('teacher.cert.pem'));
    expect(code).toBe(0);
    expect(out).toContain('Tên / Name:');
    expect(out).toContain('Nguyễn Thị Thu Hà');
    expect(out).toContain('CCCD 031186001234');
    expect(out).toContain('CN=CA Giáo dục thử nghiệm, O=edusign-vn test, C=VN');
    const openssl = execFileSync('openssl', ['x509', '-in', pkiPath('teacher.cert.pem'), '-noout', '-fingerprint', '-sha256']).toString();
    expect(out).toContain(openssl.trim().split('=')[1]);
  });

  it('--json gives every UID and the school tax code', async () => {
    const t2 = JSON.parse((await run('show', pkiPath('teacher2.cert.der'), '--json')).out) as { certificates: { identifiers: unknown[] }[] };
    expect(t2.certificates[0]?.identifiers).toEqual([
      { kind: 'CCCD', value: '031090002345', source: 'UID' }, { kind: 'CMND', value: '031234567', source: 'UID' },
    ]);
    const seal = JSON.parse((await run('show', pkiPath('school-seal.cert.pem'), '--json')).out) as { certificates: { taxCode: string }[] };
    expect(seal.certificates[0]?.taxCode).toBe('0200123456');
  });

  it('reads modern and legacy PKCS#12 files with the password; a wrong password is KEY_WRONG_PASSWORD', async () => {
    for (const file of ['teacher.p12', 'teacher.legacy.p12']) {
      const { code, out } = await run('show', pkiPath(file), '--password', '123456');
      expect([file, code]).toEqual([file, 0]);
      expect(out).toContain('Certificate 1/3');
      expect(out).toContain('Nguyễn Thị Thu Hà');
    }
    expect(await errorCode('show', pkiPath('teacher.p12'), '--password', 'sai')).toBe('KEY_WRONG_PASSWORD');
  });

  it('refuses corrupt files and bad usage with typed errors', async () => {
    const broken = join(work, 'broken.cer');
    writeFileSync(broken, Buffer.from([0x30, 0x82, 0x05, 0x00, 0x01]));
    expect(await errorCode('show', broken)).toBe('CERT_MALFORMED');
    expect(await errorCode('show', join(work, 'missing.pem'))).toBe('IO_ERROR');
    expect(await errorCode()).toBe('CLI_USAGE');
    expect(await errorCode('show')).toBe('CLI_USAGE');
    expect(await errorCode('show', pkiPath('teacher.cert.pem'), '--colour')).toBe('CLI_USAGE');
    expect(await errorCode('check', pkiPath('teacher.cert.pem'))).toBe('CLI_USAGE');
    expect(await errorCode('check', pkiPath('teacher.cert.pem'), '--trust', pkiPath('roots.pem'), '--at', 'yesterday')).toBe('CLI_USAGE');
    expect(await errorCode('check', pkiPath('teacher.cert.pem'), '--trust', pkiPath('roots.pem'), '--purpose', 'email')).toBe('CLI_USAGE');
    expect(await errorCode('check', pkiPath('teacher.cert.pem'), '--trust', pkiPath('roots.pem'), '--pin', 'ab'.repeat(32))).toBe('TRUST_ANCHOR_PIN_MISMATCH');
  });
});

describe('edusign cert check against the openssl OCSP responder and CRL server', () => {
  let services: PkiServices;
  let resolve: string[];
  beforeAll(async () => {
    services = await startPkiServices({ ocspCas: ['ca-edu', 'root-neac'], crlCas: ['ca-edu', 'root-neac'], tsa: false });
    resolve = Object.entries(services.resolve).flatMap(([host, target]) => ['--resolve', `${host}=${target}`]);
  });
  afterAll(async () => services?.stop());

  const trust = () => ['--trust', pkiPath('root-neac.cert.pem'), ...resolve];

  it('good: exit 0, every level checked online (intermediate downloaded via AIA)', async () => {
    const { code, out } = await run('check', pkiPath('teacher.cert.pem'), ...trust());
    expect(code).toBe(0);
    expect(out).toContain('HỢP LỆ / VALID');
    expect(out.match(/tốt \/ good \(ocsp/g)).toHaveLength(2);
    expect(out).toContain('Nguồn / Source: aia');
  });

  it('revoked: exit 1, REVOKED with the time and reason of the CA index', async () => {
    const { code, out } = await run('check', pkiPath('revoked.cert.pem'), ...trust(), '--intermediate', pkiPath('ca-edu.cert.pem'));
    expect(code).toBe(1);
    expect(out).toContain('KHÔNG HỢP LỆ / INVALID (REVOKED)');
    expect(out).toContain('revoked at 2026-10-01T00:00:00Z (keyCompromise)');
    const json = JSON.parse((await run('check', pkiPath('revoked.cert.pem'), ...trust(), '--json')).out) as {
      indication: string; revocation: { status: string; source: string }[];
    };
    expect([json.indication, json.revocation[0]?.status]).toEqual(['TOTAL_FAILED', 'revoked']);
  });

  it('expired: exit 2 (OUT_OF_BOUNDS_NO_POE); valid with --at inside its validity', async () => {
    const now = await run('check', pkiPath('expired.cert.pem'), ...trust());
    expect(now.code).toBe(2);
    expect(now.out).toContain('OUT_OF_BOUNDS_NO_POE');
    expect(now.out).toContain('CERT_EXPIRED_AT_TIME');
    const then = await run('check', pkiPath('expired.cert.pem'), ...trust(), '--at', '2023-06-01T00:00:00Z');
    expect([then.code, then.out]).toEqual([0, expect.stringContaining('HỢP LỆ / VALID')]);
  });

  it('offline: never VALID (exit 2), and the reason is printed', async () => {
    const { code, out } = await run('check', pkiPath('teacher.cert.pem'), ...trust(), '--intermediate', pkiPath('ca-edu.cert.pem'), '--offline');
    expect(code).toBe(2);
    expect(out).toContain('CHƯA XÁC ĐỊNH / INDETERMINATE');
    expect(out).toMatch(/Ngoại tuyến|Offline/);
  });

  it('a TSA certificate checked for its purpose', async () => {
    const { code } = await run('check', pkiPath('tsa.cert.pem'), ...trust(), '--purpose', 'timeStamping');
    expect(code).toBe(0);
    expect((await run('check', pkiPath('teacher.cert.pem'), ...trust(), '--purpose', 'timeStamping')).code).toBe(2);
  });
});
