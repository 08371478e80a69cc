import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand, CliIo } from '../../src/cli/command.js';
import { extendCommand } from '../../src/cli/commands/extend.js';
import { signCommand } from '../../src/cli/commands/sign.js';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { isEdusignError } from '../../src/errors.js';
import { classicPdf } from '../helpers/pdf-samples.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../helpers/pki-services.js';

// `edusign extend` raises B-B signatures of every format against the real OpenSSL services; `verify` takes several files.
describe('edusign extend, and verify of several files', () => {
  let services: PkiServices;
  let dir: string;
  let pki: string[];
  let trust: string[];
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: () => {} };
  const file = (name: string) => join(dir, name);
  const records = join(import.meta.dirname, '../../fixtures/records');

  async function run(command: CliCommand, args: string[]): Promise<number | string> {
    out.length = 0;
    try {
      return await command.run(args, io);
    } catch (error) {
      if (isEdusignError(error)) return error.code;
      throw error;
    }
  }
  async function levels(path: string): Promise<string[]> {
    expect(await run(verifyCommand, [path, '--json', '--offline', ...trust])).toBe(0);
    return JSON.parse(out.join('\n')).signatures.filter((s: { coverage: { kind: string } }) => s.coverage.kind !== 'document-timestamp').map((s: { level: string }) => s.level);
  }

  beforeAll(async () => {
    services = await startPkiServices();
    dir = mkdtempSync(join(tmpdir(), 'edusign-extend-'));
    trust = ['--trust', join(FIXTURES_PKI, 'roots.pem'), '--intermediate', join(FIXTURES_PKI, 'intermediates.pem')];
    pki = [...trust, ...Object.entries(services.resolve).flatMap(([host, target]) => ['--resolve', `${host}=${target}`])];
  });
  afterAll(async () => {
    await services?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('PDF: B-B (signed with --key <p12>) to B-LTA, then verifiable offline', async () => {
    writeFileSync(file('a.pdf'), classicPdf('Extend me'));
    expect(await run(signCommand, [file('a.pdf'), '--out', file('b.pdf'), '--key', join(FIXTURES_PKI, 'teacher.p12'), '--password', '123456', ...pki])).toBe(0);
    expect(await run(extendCommand, [file('b.pdf'), '--level', 'B-LTA', '--tsa', services.tsaUrl, '--out', file('c.pdf'), ...pki])).toBe(0);
    expect(await levels(file('c.pdf'))).toEqual(['B-LTA']);
  });

  it('XML: every top-level signature to B-LT; JSON: to B-LT', async () => {
    writeFileSync(file('r.xml'), readFileSync(join(records, 'transcript-thpt.xml')));
    expect(await run(signCommand, [file('r.xml'), '--out', file('r1.xml'), '--p12', join(FIXTURES_PKI, 'homeroom.p12'), '--password', '123456', '--slot', 'GVCN', ...pki])).toBe(0);
    expect(await run(signCommand, [file('r1.xml'), '--out', file('r2.xml'), '--p12', join(FIXTURES_PKI, 'principal.p12'), '--password', '123456', '--slot', 'HieuTruong', ...pki])).toBe(0);
    expect(await run(extendCommand, [file('r2.xml'), '--level', 'B-LT', '--out', file('r3.xml'), '--tsa', services.tsaUrl, ...pki])).toBe(0);
    expect(await levels(file('r3.xml'))).toEqual(['B-LT', 'B-LT']);

    writeFileSync(file('j.json'), readFileSync(join(records, 'transcript-thpt.json')));
    expect(await run(signCommand, [file('j.json'), '--out', file('j1.json'), '--p12', join(FIXTURES_PKI, 'homeroom.p12'), '--password', '123456', '--level', 'B-T', '--tsa', services.tsaUrl, ...pki])).toBe(0);
    expect(await run(extendCommand, [file('j1.json'), '--level', 'B-LT', '--out', file('j2.json'), ...pki])).toBe(0);
    expect(await levels(file('j2.json'))).toEqual(['B-LT']);
  });

  it('refuses what cannot be done, with usage or typed errors', async () => {
    writeFileSync(file('unsigned.pdf'), classicPdf('Nothing signed'));
    expect(await run(extendCommand, [file('unsigned.pdf'), '--level', 'B-LT', '--out', file('x.pdf'), ...pki])).toBe('SIGNATURE_NOT_FOUND');
    expect(await run(extendCommand, [file('unsigned.pdf'), '--level', 'B-LTA', '--out', file('x.pdf')])).toBe('CLI_USAGE');
    expect(await run(extendCommand, [file('unsigned.pdf'), '--level', 'B-B', '--out', file('x.pdf')])).toBe('CLI_USAGE');
  });

  it('verify takes several files and exits with the worst verdict', async () => {
    const good = file('c.pdf');
    const bad = readFileSync(good);
    const at = bad.indexOf('Extend me');
    bad[at] = bad[at]! ^ 1;
    writeFileSync(file('bad.pdf'), bad);
    expect(await run(verifyCommand, [good, file('r3.xml'), '--offline', ...trust])).toBe(0);
    expect(await run(verifyCommand, [good, file('bad.pdf'), '--offline', '--json', ...trust])).toBe(1);
    const reports = JSON.parse(out.join('\n'));
    expect(reports.map((r: { file: string; report: { indication: string } }) => r.report.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_FAILED']);
  });
});
