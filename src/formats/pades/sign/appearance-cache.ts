/**
 * A caller-owned cache for visible signatures: the parsed appearance font (fontkit keeps its decoded tables,
 * so the next subset costs milliseconds instead of a full parse) and decoded, already compressed seal images.
 * Nothing is kept at module level: the caller creates the cache, passes it as `appearanceCache`, and drops it.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PDFContext, PDFDocument, PDFRef } from 'pdf-lib';
import { EdusignError } from '../../../errors.js';
import { packageFilePath } from '../../../package-files.js';
import type { PdfLibModule } from './pdf-lib-import.js';

/** The fontkit interface pdf-lib expects (`PDFDocument.registerFontkit`). */
export type FontkitLike = Parameters<PDFDocument['registerFontkit']>[0];
/** A font parsed by fontkit. */
export type ParsedFont = ReturnType<FontkitLike['create']>;

/** A decoded PNG/JPEG seal, embedded once in a private pdf-lib context (read-only afterwards). */
export interface LoadedImage {
  context: PDFContext;
  ref: PDFRef;
  width: number;
  height: number;
}

/** Options of {@link createPdfAppearanceCache}. */
export interface PdfAppearanceCacheOptions {
  /** Most fonts and most images kept (each; the oldest is dropped first). Default 8 fonts, 32 images. */
  maxFonts?: number;
  maxImages?: number;
}

/**
 * Parsed fonts and decoded images reused across visible signatures. Create one with
 * {@link createPdfAppearanceCache}; its members are internal to the signing code.
 */
export interface PdfAppearanceCache {
  readonly kind: 'edusign.pades.appearanceCache';
  /** @internal font bytes' SHA-256 (hex), or `bundled` for the default font → parsed font */
  readonly fonts: Map<string, Promise<ParsedFont>>;
  /** @internal image bytes' SHA-256 (hex) → decoded image */
  readonly images: Map<string, Promise<LoadedImage>>;
  /** @internal the bundled font's bytes, read once */
  defaultFont?: Uint8Array;
  readonly maxFonts: number;
  readonly maxImages: number;
}

/**
 * Create a cache to pass as `appearanceCache` to `signPdf` / `preparePdfSignature` when signing many documents
 * with a visible signature (a class of transcripts, several signers). `signPdfBatch` creates one by itself.
 *
 * @example
 * ```ts
 * const appearanceCache = createPdfAppearanceCache();
 * for (const hocBa of transcripts) {
 *   await signPdf(hocBa, { signer, appearance: { rect: [360, 60, 200, 60], role: 'GVCN' }, appearanceCache });
 * }
 * ```
 */
export function createPdfAppearanceCache(options: PdfAppearanceCacheOptions = {}): PdfAppearanceCache {
  const bound = (v: number | undefined, d: number): number => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : d);
  return { kind: 'edusign.pades.appearanceCache', fonts: new Map(), images: new Map(), maxFonts: bound(options.maxFonts, 8), maxImages: bound(options.maxImages, 32) };
}

/**
 * Whether `value` is a cache made by {@link createPdfAppearanceCache}.
 *
 * @example
 * ```ts
 * if (!isPdfAppearanceCache(options.appearanceCache)) throw new TypeError('not a cache');
 * ```
 */
export function isPdfAppearanceCache(value: unknown): value is PdfAppearanceCache {
  const c = value as PdfAppearanceCache | null | undefined;
  return typeof c === 'object' && c !== null && c.kind === 'edusign.pades.appearanceCache' && c.fonts instanceof Map && c.images instanceof Map;
}

/**
 * Path of the bundled DejaVuSans.ttf (shipped in `assets/fonts/`).
 *
 * @example
 * ```ts
 * const font = readFileSync(defaultFontPath());
 * ```
 */
export function defaultFontPath(): string {
  return packageFilePath('assets/fonts/DejaVuSans.ttf');
}

/**
 * The appearance font's bytes: `font` if given, else the bundled DejaVu Sans (read once per cache).
 *
 * @example
 * ```ts
 * const bytes = appearanceFontBytes(appearance.font, cache);
 * ```
 */
export function appearanceFontBytes(font: Uint8Array | undefined, cache?: PdfAppearanceCache): Uint8Array {
  if (font !== undefined) return font;
  if (cache?.defaultFont) return cache.defaultFont;
  let bytes: Uint8Array;
  try { bytes = readFileSync(defaultFontPath()); } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('IO_ERROR', { detail: 'cannot read the appearance font', cause });
  }
  if (cache) cache.defaultFont = bytes;
  return bytes;
}

function sha256Hex(bytes: Uint8Array): string { return createHash('sha256').update(bytes).digest('hex'); }

/** Memoise `load()` in `map` under `key`; a failed load is not kept; the oldest entry goes beyond `max`. */
function memo<T>(map: Map<string, Promise<T>>, max: number, key: string, load: () => Promise<T>): Promise<T> {
  const known = map.get(key);
  if (known) return known;
  const p = load();
  if (max === 0) return p;
  map.set(key, p);
  p.catch(() => { if (map.get(key) === p) map.delete(key); });
  while (map.size > max) map.delete(map.keys().next().value as string);
  return p;
}

/**
 * Parse a font with fontkit (through `cache` when given). Unusable bytes: `INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * const parsed = await parseAppearanceFont(fontkit, fontBytes, cache);
 * ```
 */
export function parseAppearanceFont(fontkit: FontkitLike, bytes: Uint8Array, cache?: PdfAppearanceCache): Promise<ParsedFont> {
  if (!(bytes instanceof Uint8Array)) {
    return Promise.reject(new EdusignError('INVALID_ARGUMENT', { detail: 'appearance.font must be a Uint8Array (TrueType/OpenType bytes)' }));
  }
  const load = async (): Promise<ParsedFont> => {
    try { return fontkit.create(bytes); } catch (cause) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'appearance.font is not a usable TrueType/OpenType font', cause });
    }
  };
  if (!cache) return load();
  // the bundled font (read once into the cache) needs no hashing of its 760 KB on every signature
  const key = bytes === cache.defaultFont ? 'bundled' : sha256Hex(bytes);
  return memo(cache.fonts, cache.maxFonts, key, load);
}

function isJpeg(b: Uint8Array): boolean { return b[0] === 0xff && b[1] === 0xd8; }
function isPng(b: Uint8Array): boolean { return b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47; }

/**
 * Decode a PNG or JPEG seal into its own pdf-lib context (through `cache` when given). Not PNG/JPEG or
 * unreadable: `INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * const seal = await loadAppearanceImage(await import('pdf-lib'), pngBytes, cache);
 * ```
 */
export function loadAppearanceImage(pdfLib: PdfLibModule, bytes: Uint8Array, cache?: PdfAppearanceCache): Promise<LoadedImage> {
  if (!(bytes instanceof Uint8Array)) {
    return Promise.reject(new EdusignError('INVALID_ARGUMENT', { detail: 'appearance.image must be a Uint8Array (PNG or JPEG bytes)', detailVi: 'ảnh phải là PNG hoặc JPEG' }));
  }
  const load = async (): Promise<LoadedImage> => {
    if (!isJpeg(bytes) && !isPng(bytes)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'the appearance image must be PNG or JPEG', detailVi: 'ảnh phải là PNG hoặc JPEG' });
    }
    try {
      const doc = await pdfLib.PDFDocument.create({ updateMetadata: false });
      const image = isJpeg(bytes) ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
      await image.embed();
      return { context: doc.context, ref: image.ref, width: image.width, height: image.height };
    } catch (cause) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'the appearance image could not be read', detailVi: 'không đọc được ảnh', cause });
    }
  };
  return cache ? memo(cache.images, cache.maxImages, sha256Hex(bytes), load) : load();
}
