import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { signCommand } from '../../src/cli/commands/sign.js';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { isEdusignError } from '../../src/errors.js';
import { classicPdf } from '../helpers/pdf-samples.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../helpers/pki-services.js';

// `edusign sign` and `edusign verify` end to end, against the real OpenSSL OCSP/CRL/TSA services.
describe('edusign sign / verify', () => {
  let services: PkiServices;
  let dir: string;
  let pki: string[];
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const p12 = (name: string) => ['--p12', join(FIXTURES_PKI, `${name}.p12`), '--password', '123456'];
  const file = (name: string) => join(dir, name);

  async function exitOf(command: typeof signCommand, args: string[]): Promise<number | string> {
    out.length = 0;
    err.length = 0;
    try {
      return await command.run(args, io);
    } catch (error) {
      if (isEdusignError(error)) return error.code;
      throw error;
    }
  }

  beforeAll(async () => {
    services = await startPkiServices();
    dir = mkdtempSync(join(tmpdir(), 'edusign-cli-'));
    pki = [
      '--trust', join(FIXTURES_PKI, 'roots.pem'),
      '--intermediate', join(FIXTURES_PKI, 'intermediates.pem'),
      ...Object.entries(services.resolve).flatMap(([host, target]) => ['--resolve', `${host}=${target}`]),
    ];
  });
  afterAll(async () => {
    await services?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs a PDF twice (certified B-T, then approval B-LT) and verifies it; a changed byte is invalid', async () => {
    writeFileSync(file('in.pdf'), classicPdf('Hoc ba so'));
    expect(await exitOf(signCommand, ['in.pdf', '--out', 'a.pdf', ...p12('teacher'), '--certify', '2', '--level', 'B-T', '--tsa', services.tsaUrl, ...pki].map((a) => (a.endsWith('.pdf') ? file(a) : a)))).toBe(0);
    expect(await exitOf(signCommand, [file('a.pdf'), '--out', file('b.pdf'), ...p12('homeroom'), '--role', 'Giáo viên chủ nhiệm', '--level', 'B-LT', '--tsa', services.tsaUrl, ...pki])).toBe(0);
    expect(await exitOf(verifyCommand, [file('b.pdf'), '--json', ...pki])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures).toHaveLength(2);
    // The second signer's DSS also holds validation data for the first signature's chain, so both reach B-LT.
    expect(report.signatures[1].level).toBe('B-LT');
    expect(['B-T', 'B-LT']).toContain(report.signatures[0].level);

    const tampered = readFileSync(file('b.pdf'));
    const at = tampered.indexOf('Hoc ba so');
    tampered[at] = 'X'.charCodeAt(0);
    writeFileSync(file('tampered.pdf'), tampered);
    expect(await exitOf(verifyCommand, [file('tampered.pdf'), ...pki])).toBe(1);
    expect(out.join('\n')).toContain('KHÔNG HỢP LỆ / INVALID');
  });

  it('signs a transcript XML by GVCN and principal in their own slots, then countersigns; verifies the record', async () => {
    writeFileSync(file('record.xml'), readFileSync(join(import.meta.dirname, '../../fixtures/records/transcript-thpt.xml')));
    expect(await exitOf(signCommand, [file('record.xml'), '--out', file('r1.xml'), ...p12('homeroom'), '--slot', 'GVCN', '--role', 'Giáo viên chủ nhiệm', ...pki])).toBe(0);
    expect(await exitOf(signCommand, [file('r1.xml'), '--out', file('r2.xml'), ...p12('principal'), '--slot', 'HieuTruong', '--role', 'Hiệu trưởng', '--level', 'B-T', '--tsa', services.tsaUrl, ...pki])).toBe(0);
    const firstId = /<ds:Signature[^>]*\sId="([^"]+)"/.exec(readFileSync(file('r2.xml'), 'utf8'))?.[1];
    expect(firstId).toBeTruthy();
    expect(await exitOf(signCommand, [file('r2.xml'), '--out', file('r3.xml'), ...p12('principal'), '--countersign', firstId!, ...pki])).toBe(0);
    expect(await exitOf(verifyCommand, [file('r3.xml'), '--json', ...pki])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.signatures.length).toBeGreaterThanOrEqual(3);
    expect(report.document.kind).toBe('transcript');
  });

  it('signs a JSON record by two signers (JAdES) and verifies both', async () => {
    writeFileSync(file('record.json'), readFileSync(join(import.meta.dirname, '../../fixtures/records/transcript-thpt.json')));
    expect(await exitOf(signCommand, [file('record.json'), '--out', file('j1.json'), ...p12('homeroom'), ...pki])).toBe(0);
    expect(await exitOf(signCommand, [file('j1.json'), '--out', file('j2.json'), ...p12('principal'), '--level', 'B-T', '--tsa', services.tsaUrl, ...pki])).toBe(0);
    expect(JSON.parse(readFileSync(file('j2.json'), 'utf8')).signatures).toHaveLength(2);
    expect(await exitOf(verifyCommand, [file('j2.json'), '--json', ...pki])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.format).toBe('JAdES');
    expect(report.document.kind).toBe('transcript');
  });

  it('refuses to sign with a revoked certificate unless overridden, and says so', async () => {
    writeFileSync(file('in2.pdf'), classicPdf('Revoked'));
    expect(await exitOf(signCommand, [file('in2.pdf'), '--out', file('r.pdf'), ...p12('revoked'), ...pki])).toBe('CERT_REVOKED');
    expect(await exitOf(signCommand, [file('in2.pdf'), '--out', file('r.pdf'), ...p12('revoked'), '--allow-invalid-cert', ...pki])).toBe(0);
    expect(err.join('\n')).toMatch(/SIGNER_CERTIFICATE_CHECK_OVERRIDDEN|CERT_REVOKED/);
    expect(await exitOf(verifyCommand, [file('r.pdf'), ...pki])).not.toBe(0);
  });

  it('reports usage errors and unusable input', async () => {
    expect(await exitOf(signCommand, [file('in2.pdf')])).toBe('CLI_USAGE');
    expect(await exitOf(signCommand, [file('in2.pdf'), '--out', file('x.pdf'), '--level', 'B-T', ...p12('teacher')])).toBe('CLI_USAGE');
    expect(await exitOf(verifyCommand, ['--bogus'])).toBe('CLI_USAGE');
    writeFileSync(file('garbage.bin'), 'hello');
    expect(await exitOf(verifyCommand, [file('garbage.bin')])).toBe('UNSUPPORTED_FORMAT');
    expect(await exitOf(signCommand, [file('in2.pdf'), '--out', file('x.pdf'), '--p12', join(FIXTURES_PKI, 'teacher.p12'), '--password', 'wrong', ...pki])).toBe('KEY_WRONG_PASSWORD');
  });
});
