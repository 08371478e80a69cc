import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { fencedBlocks, markdownSection, typecheckSnippets } from '../../scripts/lib/readme-snippets.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const api = markdownSection(readme, 'API') ?? '';
const apiFirstLine = readme.split('\n').findIndex((l) => l.trim() === '## API') + 2;
const blocks = fencedBlocks(api, apiFirstLine);
const tsBlocks = blocks.filter((b) => b.lang === 'ts');
/** Snippets that must NOT type-check: proof that the check can fail. */
const badBlocks = [
  { line: 1, lang: 'ts', code: "import { verifyEverything } from 'edusign-vn';\nverifyEverything();\n" },
  { line: 10, lang: 'ts', code: "import { verify } from 'edusign-vn';\nawait verify(new Uint8Array(), { trustedRoots: [] });\n" },
];
const diagnostics = typecheckSnippets(root, [...tsBlocks, ...badBlocks]);

describe('README: API section', () => {
  it('has the tour: validate, render, sign PDF with PKCS#12, XML, JSON, two-phase, verify + renderReportText', () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(6);
    const code = tsBlocks.map((b) => b.code).join('\n');
    for (const call of ['validateTranscript(', 'renderTranscriptPdf(', 'loadPkcs12Signer(', 'signPdf(', 'signXml(', 'signJws(',
      'preparePdfSignature(', 'completePdfSignature(', 'verify(', 'renderReportText(']) {
      expect(code, call).toContain(call);
    }
  });

  it('every TypeScript snippet type-checks against the real exports of src/index.ts', () => {
    expect(diagnostics.slice(0, tsBlocks.length).flat()).toEqual([]);
  });

  it('the checker rejects a snippet with a wrong name or option', () => {
    const [unknownName, unknownOption] = diagnostics.slice(tsBlocks.length);
    expect(unknownName?.some((d) => d.includes('verifyEverything'))).toBe(true);
    expect(unknownOption?.some((d) => d.includes('trustedRoots'))).toBe(true);
  });

  it('lists every CLI command with its `edusign help` summary', async () => {
    const text = blocks.find((b) => b.lang === 'text' && b.code.includes('Commands:'))?.code ?? '';
    for (const [name, load] of Object.entries(commands)) {
      expect(text, name).toContain(`  ${name.padEnd(10)} ${(await load()).summary}\n`);
    }
    const listed = text.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(listed).toEqual(Object.keys(commands));
  });
});

/** The `### ` heading a block sits under. */
function headingOf(line: number): string {
  const lines = readme.split('\n').slice(0, line - 1).reverse();
  return (lines.find((l) => l.startsWith('### ')) ?? '').slice(4).trim();
}

/**
 * Snippets that need no network run as written (in a scratch folder with `fixtures/` linked in, `edusign-vn`
 * mapped to src/index.ts). The PDF signing (B-T with a TSA, online certificate check) and verification (online
 * revocation) snippets are only type-checked.
 */
const RUNNABLE = ['Validate a record', 'Render a PDF', 'Sign XML (XAdES) and JSON (JAdES)', 'Two-phase signing'];

describe('README: offline snippets run', () => {
  it('runs validate, render, XML/JSON signing and two-phase signing as written', async () => {
    const runnable = tsBlocks.filter((b) => RUNNABLE.some((h) => headingOf(b.line).startsWith(h)));
    expect(runnable.length).toBe(RUNNABLE.length);
    const dir = mkdtempSync(join(tmpdir(), 'edusign-readme-'));
    const cwd = process.cwd();
    try {
      symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
      process.chdir(dir);
      for (const [i, block] of runnable.entries()) {
        const file = join(dir, `snippet-${i}.mts`);
        writeFileSync(file, block.code.replace("from 'edusign-vn'", `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`));
        await expect(import(pathToFileURL(file).href), `README line ${block.line}`).resolves.toBeDefined();
      }
      expect(readFileSync(join(dir, 'hoc-ba.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README: Errors section', () => {
  it('points to docs/errors.md', () => {
    expect(markdownSection(readme, 'Errors')).toContain('(docs/errors.md)');
  });
});
