import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/render.js';
import { commands } from '../../../src/cli/commands/index.js';
import { extractRecord } from '../../../src/encode/index.js';

const work = mkdtempSync(join(tmpdir(), 'edusign-cli-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixture = (name: string): string => new URL(`../../../fixtures/records/${name}`, import.meta.url).pathname;
const io = { stdout: (): void => {}, stderr: (): void => {} };

describe('edusign render', () => {
  it('is registered in the command table', async () => {
    expect(await commands.render!()).toBe(command);
  });

  it('renders an XML transcript with a custom verification URL and a fixed date', async () => {
    const out = join(work, 'hb.pdf');
    const code = await command.run([fixture('transcript-thcs.xml'), '--out', out, '--verify-url', 'https://hocba.example.vn/{id}?h={sha256}', '--date', '2025-06-01T08:00:00+07:00'], io);
    expect(code).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.toString('latin1')).toContain('/CreationDate (D:20250601010000Z)');
    const { json } = await extractRecord(pdf);
    expect(JSON.parse(json!).kind).toBe('transcript');
  });

  it('renders a JSON gradebook', async () => {
    const out = join(work, 'gb.pdf');
    expect(await command.run([fixture('gradebook-10a1.json'), '--out', out], io)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('usage errors and unusable input are typed errors', async () => {
    await expect(command.run([fixture('transcript-thcs.json')], io)).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(command.run([fixture('transcript-thcs.json'), '--out', join(work, 'x.pdf'), '--bogus'], io)).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(command.run([join(work, 'missing.json'), '--out', join(work, 'x.pdf')], io)).rejects.toMatchObject({ code: 'IO_ERROR' });
    await expect(command.run([fixture('transcript-thcs.json'), '--out', join(work, 'x.pdf'), '--verify-url', 'ftp://x/{id}'], io)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
