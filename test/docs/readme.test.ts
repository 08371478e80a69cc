import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('README: Errors section', () => {
  it('points to docs/errors.md', () => {
    expect(markdownSection(readme, 'Errors')).toContain('(docs/errors.md)');
  });
});
