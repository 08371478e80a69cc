import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command, type ValidateReport } from '../../src/cli/commands/validate.js';
import { commands } from '../../src/cli/commands/index.js';
import { isEdusignError } from '../../src/errors.js';

function capture(): { io: { stdout(t: string): void; stderr(t: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, out, err };
}

async function run(args: string[]): Promise<{ code: number | string; out: string }> {
  const c = capture();
  try {
    return { code: await command.run(args, c.io), out: c.out.join('') };
  } catch (e) {
    return { code: isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`, out: c.out.join('') };
  }
}

/** The real binary path (src/cli/main.ts under tsx): exit codes as a user sees them. */
function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('edusign validate', () => {
  it('is registered in the command table', async () => {
    expect(await commands.validate?.()).toBe(command);
  });

  it('valid samples (JSON and XML): exit 0 and a bilingual report', async () => {
    for (const file of ['fixtures/records/transcript-thpt.json', 'fixtures/records/transcript-primary.xml', 'fixtures/records/gradebook-10a1.xml']) {
      const r = await run([file]);
      expect([file, r.code]).toEqual([file, 0]);
      expect(r.out).toContain('HỢP LỆ / VALID');
    }
  });

  it('invalid samples: exit 1, the finding in both languages with declared and computed values; --json report', async () => {
    const r = await run(['fixtures/records/invalid/transcript-average-mismatch.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('KHÔNG HỢP LỆ / INVALID');
    expect(r.out).toMatch(/\[AVERAGE_MISMATCH\] \/years\/0\/subjects\/0\/year/);
    const finding = (JSON.parse((await run(['fixtures/records/invalid/transcript-average-mismatch.json', '--json'])).out) as ValidateReport).errors[0]!;
    expect(finding.declared).toMatch(/^\d+\.\d$/);
    expect(finding.computed).toMatch(/^\d+\.\d$/);
    for (const lang of ['vi', 'en']) {
      const line = r.out.split('\n').find((l) => l.trimStart().startsWith(`${lang}: `)) ?? '';
      expect(line).toContain(finding.declared);
      expect(line).toContain(finding.computed);
    }
    const j = await run(['fixtures/records/invalid/gradebook-unknown-student.json', '--json']);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.out) as ValidateReport;
    expect(report).toMatchObject({ kind: 'gradebook', encoding: 'json', ok: false });
    expect(report.errors.map((e) => e.code)).toEqual(['UNKNOWN_STUDENT']);
  });

  it('an XML file that is not a record is invalid (exit 1); wrong JSON shape too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-cli-'));
    try {
      const xml = join(dir, 'other.xml');
      writeFileSync(xml, '<?xml version="1.0"?><invoice xmlns="urn:x"/>');
      const r = await run([xml, '--json']);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.out) as ValidateReport).errors[0]?.code).toBe('XML_UNEXPECTED_STRUCTURE');
      const json = join(dir, 'other.json');
      writeFileSync(json, '{"kind":"invoice","total":1}');
      expect((await run([json])).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unusable input is a typed error (exit 64 through the binary), in bounded time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-cli-'));
    try {
      const cases: Array<[string, string | Uint8Array, string]> = [
        ['xxe.xml', '<!DOCTYPE transcript [<!ENTITY x SYSTEM "file:///etc/passwd">]><transcript>&x;</transcript>', 'XML_DTD_FORBIDDEN'],
        ['laughs.xml', `<!DOCTYPE l [<!ENTITY a "aaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY e${i + 1} "${`&${i === 0 ? 'a' : `e${i}`};`.repeat(10)}">`).join('')}]><l>&e9;</l>`, 'XML_DTD_FORBIDDEN'],
        ['broken.json', '{"kind":"transcript",', 'JSON_MALFORMED'],
        ['dup.json', '{"kind":"transcript","kind":"gradebook"}', 'JSON_DUPLICATE_KEY'],
        ['deep.json', `{"a":${'['.repeat(100_000)}`, 'INPUT_TOO_DEEP'],
        ['deep.xml', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`, 'INPUT_TOO_DEEP'],
        ['binary.bin', new Uint8Array([0, 1, 2, 3]), 'UNSUPPORTED_FORMAT'],
      ];
      const started = Date.now();
      for (const [name, content, code] of cases) {
        writeFileSync(join(dir, name), content);
        expect([name, (await run([join(dir, name)])).code]).toEqual([name, code]);
      }
      expect((await run([join(dir, 'missing.json')])).code).toBe('IO_ERROR');
      expect((await run([])).code).toBe('CLI_USAGE');
      expect((await run(['a.json', 'b.json'])).code).toBe('CLI_USAGE');
      expect((await run(['a.json', '--bogus'])).code).toBe('CLI_USAGE');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 10 MB string and NFD text get a typed result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-cli-'));
    try {
      const record = JSON.parse(readFileSync('fixtures/records/transcript-thpt.json', 'utf8')) as { student: { fullName: string; residence: string } };
      record.student.residence = 'x'.repeat(10 * 1024 * 1024);
      writeFileSync(join(dir, 'big.json'), JSON.stringify(record));
      expect((await run([join(dir, 'big.json')])).code).toBe('INPUT_TOO_LARGE');
      record.student.residence = 'x'.repeat(200_000);
      writeFileSync(join(dir, 'long.json'), JSON.stringify(record));
      const long = await run([join(dir, 'long.json'), '--json']);
      expect(long.code).toBe(1);
      expect((JSON.parse(long.out) as ValidateReport).errors.map((e) => e.code)).toContain('STRING_TOO_LONG');
      record.student.residence = 'Hải Phòng';
      record.student.fullName = record.student.fullName.normalize('NFD');
      writeFileSync(join(dir, 'nfd.json'), JSON.stringify(record));
      const nfd = await run([join(dir, 'nfd.json'), '--json']);
      const report = JSON.parse(nfd.out) as ValidateReport;
      expect(report.warnings.map((w) => w.code)).toContain('TEXT_NOT_NFC');
      expect(nfd.code).toBe(report.ok ? 0 : 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit codes through the real entry point: 0 valid, 1 invalid, 64 unusable', () => {
    expect(cli(['validate', 'fixtures/records/transcript-thcs.xml']).status).toBe(0);
    expect(cli(['validate', 'fixtures/records/invalid/transcript-regime-mismatch.json', '--json']).status).toBe(1);
    const bad = cli(['validate', 'package.json']);
    expect(bad.status).toBe(1);
    expect(cli(['validate', 'schemas/edusign-record.xsd']).status).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'edusign-cli-'));
    try {
      writeFileSync(join(dir, 'xxe.xml'), '<!DOCTYPE transcript [<!ENTITY x SYSTEM "file:///etc/passwd">]><transcript>&x;</transcript>');
      const dtd = cli(['validate', join(dir, 'xxe.xml')]);
      expect(dtd.status).toBe(64);
      expect(dtd.stderr).toContain('[XML_DTD_FORBIDDEN]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const missing = cli(['validate']);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('CLI_USAGE');
  });
});
