import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import {
  errorLayers, extractGenerated, findUnknownCodes, readSources, renderErrorTables, replaceGenerated, GENERATED_BEGIN, GENERATED_END,
} from '../../scripts/lib/error-codes.js';
import { ERROR_GUIDE } from '../../scripts/lib/error-guide.js';

const root = join(import.meta.dirname, '..', '..');
const errorsSource = readFileSync(join(root, 'src', 'errors.ts'), 'utf8');
const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
const sources = readSources(root);
const codes = Object.keys(ERROR_CODES);

describe('docs/errors.md', () => {
  it('documents every code of ERROR_CODES with both messages', () => {
    const missing = codes.filter((code) => {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      const { vi, en } = ERROR_CODES[code as keyof typeof ERROR_CODES];
      return !row || !row.includes(vi) || !row.includes(en);
    });
    expect(missing, 'codes missing from docs/errors.md: run `npm run docs:errors`').toEqual([]);
  });

  it('has an up-to-date generated part (run `npm run docs:errors` when this fails)', () => {
    const current = extractGenerated(doc);
    expect(current, 'generated markers missing').toBeDefined();
    expect(current).toBe(renderErrorTables(errorsSource, sources));
  });

  it('has guidance for exactly the codes of ERROR_CODES', () => {
    expect(Object.keys(ERROR_GUIDE).sort()).toEqual([...codes].sort());
    for (const [code, guide] of Object.entries(ERROR_GUIDE)) {
      expect(guide.when.length, code).toBeGreaterThan(10);
      expect(guide.action.length, code).toBeGreaterThan(10);
    }
  });

  it('places every code in a layer section of src/errors.ts', () => {
    const layers = errorLayers(errorsSource);
    expect(codes.filter((c) => !layers.has(c))).toEqual([]);
    expect(new Set(layers.values()).size).toBeGreaterThan(3);
  });
});

describe('codes thrown by the code base', () => {
  it('throws only codes defined in ERROR_CODES (string literals, casts and templates included)', () => {
    const known = new Set(codes);
    const unknown = sources.flatMap((s) => findUnknownCodes(s, known));
    expect(unknown).toEqual([]);
  });

  it('scans real sources (sanity: many throw sites are seen)', () => {
    const throwSites = sources.reduce((n, s) => n + (s.text.match(/new EdusignError\(/g)?.length ?? 0), 0);
    expect(sources.length).toBeGreaterThan(50);
    expect(throwSites).toBeGreaterThan(100);
  });
});

describe('the checker itself', () => {
  const known = new Set(['IO_ERROR', 'INVALID_ARGUMENT']);

  it('flags unknown literals passed to new EdusignError, even through casts and across lines', () => {
    const text = [
      "throw new EdusignError('IO_ERROR');",
      "throw new EdusignError('NOPE' as never);",
      'throw new EdusignError(',
      "  ('ALSO_NOPE' as ErrorCode)!,",
      '  {});',
      'throw new EdusignError(`TEMPLATE_NOPE`);',
      'throw new EdusignError(`${prefix}_ERROR` as ErrorCode);',
      'throw new EdusignError(code);',
    ].join('\n');
    const found = findUnknownCodes({ path: 'x.ts', text }, known);
    expect(found.map((f) => [f.code, f.line])).toEqual([
      ['NOPE', 2], ['ALSO_NOPE', 4], ['TEMPLATE_NOPE', 6], ['`${prefix}_ERROR`', 7],
    ]);
  });

  it('flags string literals cast to ErrorCode outside a constructor call', () => {
    const text = "const refusal = { code: 'CERT_GONE' as ErrorCode };\nconst ok = 'INVALID_ARGUMENT' as ErrorCode;";
    expect(findUnknownCodes({ path: 'y.ts', text }, known)).toEqual([{ path: 'y.ts', line: 1, code: 'CERT_GONE' }]);
  });

  it('detects a stale or missing generated part', () => {
    const fresh = renderErrorTables(errorsSource, sources);
    expect(fresh.startsWith(GENERATED_BEGIN) && fresh.endsWith(GENERATED_END)).toBe(true);
    const stale = replaceGenerated(doc, fresh.replace('`CLI_USAGE`', '`CLI_USAGE_OLD`'));
    expect(extractGenerated(stale)).not.toBe(fresh);
    expect(extractGenerated('# no markers')).toBeUndefined();
    expect(replaceGenerated('# Title\n', 'X')).toBe('# Title\n\nX\n');
    expect(replaceGenerated(replaceGenerated(doc, fresh), fresh)).toBe(replaceGenerated(doc, fresh));
  });

  it('lists where a code is used, and marks unused codes as reserved', () => {
    const fake = [{ path: 'src/x/y/a.ts', text: "throw new EdusignError('IO_ERROR');" }];
    const tables = renderErrorTables(errorsSource, fake);
    const row = (code: string): string => tables.split('\n').find((l) => l.startsWith(`| \`${code}\` |`)) ?? '';
    expect(row('IO_ERROR')).toContain('`x/y`');
    expect(row('CLI_USAGE')).toContain('reserved');
  });
});
