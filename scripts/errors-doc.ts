/**
 * `npm run docs:errors`: regenerates the tables of `docs/errors.md` from `src/errors.ts` (codes, messages, layers),
 * `scripts/lib/error-guide.ts` (when / what to do) and the code base (where each code is used).
 * `npm run docs:errors -- --check` exits 1 instead of writing when the file is stale.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources, renderErrorTables, replaceGenerated } from './lib/error-codes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docPath = join(root, 'docs', 'errors.md');
const generated = renderErrorTables(readFileSync(join(root, 'src', 'errors.ts'), 'utf8'), readSources(root));
const before = readFileSync(docPath, 'utf8');
const after = replaceGenerated(before, generated);
if (process.argv.includes('--check')) {
  if (after !== before) {
    process.stderr.write('docs/errors.md is stale: run `npm run docs:errors`\n');
    process.exitCode = 1;
  }
} else if (after !== before) {
  writeFileSync(docPath, after);
  process.stdout.write('docs/errors.md updated\n');
} else {
  process.stdout.write('docs/errors.md is up to date\n');
}
