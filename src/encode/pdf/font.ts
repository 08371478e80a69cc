/**
 * The bundled Unicode font (DejaVu Sans, `assets/fonts/`), found relative to the package so it works from
 * `src/` (vitest, tsx), from `dist/` (ESM and CJS builds) and from an installed `node_modules/edusign-vn`.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdusignError } from '../../errors.js';

const FONT_FILE = join('assets', 'fonts', 'DejaVuSans.ttf');

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined; // a bundle without import.meta.url
  }
}

/**
 * Path of the bundled `DejaVuSans.ttf`: walks up from this module, then from the working directory.
 * Throws `IO_ERROR` when the asset is missing (pass `options.font` then).
 *
 * @example
 * ```ts
 * const bytes = readFileSync(bundledFontPath());
 * ```
 */
export function bundledFontPath(): string {
  const starts = [moduleDir(), process.cwd(), join(process.cwd(), 'node_modules', 'edusign-vn')].filter((s): s is string => s !== undefined);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, FONT_FILE);
      if (existsSync(candidate)) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new EdusignError('IO_ERROR', {
    detail: `bundled font ${FONT_FILE} not found; pass options.font`,
    detailVi: `không tìm thấy phông chữ ${FONT_FILE}; hãy truyền options.font`,
  });
}

/**
 * The font bytes to embed: the caller's, else the bundled DejaVu Sans.
 *
 * @example
 * ```ts
 * const fontBytes = loadFont(options.font);
 * ```
 */
export function loadFont(custom?: Uint8Array): Uint8Array {
  return custom ?? new Uint8Array(readFileSync(bundledFontPath()));
}
