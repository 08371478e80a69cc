/**
 * The bundled Unicode font (DejaVu Sans, `assets/fonts/`), found relative to the package so it works from
 * `src/` (vitest, tsx), from `dist/` (ESM and CJS builds) and from an installed `node_modules/edusign-vn`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { packageFilePath } from '../../package-files.js';

const FONT_FILE = 'assets/fonts/DejaVuSans.ttf';

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
  return packageFilePath(FONT_FILE);
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
