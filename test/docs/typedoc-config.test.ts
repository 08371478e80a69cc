import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');

describe('typedoc set-up (npm run docs)', () => {
  const config = JSON.parse(read('typedoc.json')) as { entryPoints: string[]; out: string; readme: string };
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('documents the public entry point into the git-ignored docs/api', () => {
    expect(config.entryPoints).toEqual(['src/index.ts']);
    expect(config.out).toBe('docs/api');
    expect(read('.gitignore').split('\n')).toContain('docs/api/');
    expect(existsSync(join(root, config.readme))).toBe(true);
    expect(pkg.scripts.docs).toBe('typedoc');
    expect(pkg.scripts['docs:errors']).toBe('tsx scripts/errors-doc.ts');
  });
});
