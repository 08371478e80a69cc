/**
 * Finding files shipped with the package (fonts, sample records) from wherever the code runs: `src/` under
 * vitest or tsx, `dist/` (ESM and CJS builds), or an installed `node_modules/edusign-vn`.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdusignError } from './errors.js';

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined; // a CJS bundle has no import.meta.url
  }
}

/**
 * The absolute path of a file shipped with the package, e.g. `assets/fonts/DejaVuSans.ttf`: walks up from this
 * module, then from the working directory. Throws `IO_ERROR` when it is not found.
 *
 * @example
 * ```ts
 * const font = readFileSync(packageFilePath('assets/fonts/DejaVuSans.ttf'));
 * ```
 */
export function packageFilePath(relative: string): string {
  const starts = [moduleDir(), process.cwd(), join(process.cwd(), 'node_modules', 'edusign-vn')].filter((s): s is string => s !== undefined);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, relative);
      if (existsSync(candidate)) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new EdusignError('IO_ERROR', { detail: `package file ${relative} not found`, detailVi: `không tìm thấy tệp ${relative} của gói` });
}
