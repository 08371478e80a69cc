import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from '../../src/cli/commands/convert.js';
import { commands } from '../../src/cli/commands/index.js';
import { canonicalRecordJson } from '../../src/encode/record/canonical-json.js';
import { isEdusignError } from '../../src/errors.js';
import type { Transcript } from '../../src/model/types.js';

async function run(args: string[]): Promise<{ code: number | string; out: string }> {
  const out: string[] = [];
  try {
    const code = await command.run(args, { stdout: (t) => out.push(t), stderr: () => undefined });
    return { code, out: out.join('') };
  } catch (e) {
    return { code: isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`, out: out.join('') };
  }
}

describe('edusign convert', () => {
  it('is registered in the command table', async () => {
    expect(await commands.convert?.()).toBe(command);
  });

  it('JSON -> XML gives the committed XML twin; XML -> JSON gives the committed JSON sample', async () => {
    for (const name of ['transcript-thpt', 'transcript-legacy-tt58', 'gradebook-10a1']) {
      const xml = await run([`fixtures/records/${name}.json`, '--to', 'xml']);
      expect(xml.code).toBe(0);
      expect(xml.out).toBe(readFileSync(`fixtures/records/${name}.xml`, 'utf8'));
      const json = await run([`fixtures/records/${name}.xml`, '--to', 'json']);
      expect(json.code).toBe(0);
      expect(json.out).toBe(readFileSync(`fixtures/records/${name}.json`, 'utf8'));
    }
  });

  it('--canonical gives RFC 8785 JSON with NFC text; --out writes a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-convert-'));
    try {
      const record = JSON.parse(readFileSync('fixtures/records/transcript-primary.json', 'utf8')) as Transcript;
      const nfd = structuredClone(record);
      nfd.student.fullName = nfd.student.fullName.normalize('NFD');
      writeFileSync(join(dir, 'nfd.json'), JSON.stringify(nfd));
      const out = join(dir, 'out.json');
      expect((await run([join(dir, 'nfd.json'), '--to', 'json', '--canonical', '--out', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(canonicalRecordJson(record));
      expect((await run([join(dir, 'nfd.json'), '--to', 'xml', '--out', join(dir, 'out.xml')])).code).toBe(0);
      expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toBe(readFileSync('fixtures/records/transcript-primary.xml', 'utf8'));
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'schemas/edusign-record.xsd', join(dir, 'out.xml')], { encoding: 'utf8' });
      expect(lint.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--envelope wraps the record for sequential signatures, and converting back unwraps it', async () => {
    const wrapped = await run(['fixtures/records/gradebook-10a1.json', '--to', 'xml', '--envelope', 'data']);
    expect(wrapped.code).toBe(0);
    expect(wrapped.out).toContain('<signedRecord xmlns="urn:edusign-vn:record:1">\n  <gradebook Id="data">');
    const dir = mkdtempSync(join(tmpdir(), 'edusign-convert-'));
    try {
      writeFileSync(join(dir, 'wrapped.xml'), wrapped.out);
      expect((await run([join(dir, 'wrapped.xml'), '--to', 'json'])).out).toBe(readFileSync('fixtures/records/gradebook-10a1.json', 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad usage and unusable input with typed errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-convert-'));
    try {
      writeFileSync(join(dir, 'other.json'), '{"kind":"invoice"}');
      writeFileSync(join(dir, 'extra.json'), JSON.stringify({ ...JSON.parse(readFileSync('fixtures/records/transcript-thpt.json', 'utf8')) as object, extra: 1 }));
      writeFileSync(join(dir, 'xxe.xml'), '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><t>&x;</t>');
      const cases: Array<[string[], string]> = [
        [['fixtures/records/transcript-thpt.json'], 'CLI_USAGE'],
        [['fixtures/records/transcript-thpt.json', '--to', 'pdf'], 'CLI_USAGE'],
        [['fixtures/records/transcript-thpt.json', '--to', 'xml', '--canonical'], 'CLI_USAGE'],
        [['fixtures/records/transcript-thpt.json', '--to', 'json', '--envelope', 'data'], 'CLI_USAGE'],
        [['fixtures/records/transcript-thpt.json', '--to', 'xml', '--envelope', '9bad'], 'INVALID_ARGUMENT'],
        [['--to', 'xml'], 'CLI_USAGE'],
        [[join(dir, 'missing.json'), '--to', 'xml'], 'IO_ERROR'],
        [[join(dir, 'other.json'), '--to', 'xml'], 'RECORD_INVALID'],
        [[join(dir, 'extra.json'), '--to', 'json'], 'RECORD_INVALID'],
        [[join(dir, 'xxe.xml'), '--to', 'json'], 'XML_DTD_FORBIDDEN'],
        [['fixtures/records/transcript-thpt.json', '--to', 'xml', '--out', join(dir, 'no', 'such', 'dir.xml')], 'IO_ERROR'],
      ];
      for (const [args, code] of cases) expect([args, (await run(args)).code]).toEqual([args, code]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
