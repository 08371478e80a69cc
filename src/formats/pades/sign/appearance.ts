/**
 * The visible signature appearance (ISO 32000-1 §12.7.4.5, §12.5.5): a form XObject with Vietnamese text
 * ("Ký bởi: …", role, date/time) in an embedded subset Unicode font, and an optional PNG/JPEG seal.
 * pdf-lib + fontkit subset the font and decode the image; this module lays out and writes the stream.
 * @module
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFFont, PDFRef as PdfLibRef } from 'pdf-lib';
import { EdusignError } from '../../../errors.js';
import { appearanceFontBytes, loadAppearanceImage, parseAppearanceFont, type PdfAppearanceCache } from './appearance-cache.js';
import { name, PdfDict, PdfStream, type PdfRef } from '../pdf/objects.js';
import { formatNumber } from '../pdf/serialize.js';
import type { ChangeSet } from './change-set.js';
import type { PdfSignatureAppearance } from './options.js';
import { importFromPdfLib, type PdfLibModule } from './pdf-lib-import.js';
import type { AppearanceBuilder } from './signature-field.js';

export { defaultFontPath } from './appearance-cache.js';

/**
 * The date line, e.g. `Ngày ký: 29/11/2026 22:30:05 (GMT+7)`.
 *
 * @example
 * ```ts
 * formatSigningDate(new Date('2026-11-29T15:30:05Z'), 'Asia/Ho_Chi_Minh') // '29/11/2026 22:30:05 (GMT+7)'
 * ```
 */
export function formatSigningDate(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}:${get('second')} (${get('timeZoneName')})`;
}

/**
 * The text lines of the appearance (NFC-normalised).
 *
 * @example
 * ```ts
 * appearanceLines({ rect: [0, 0, 200, 60], role: 'Hiệu trưởng' }, { signerName: 'Phạm Quốc Hùng', signingTime: new Date() })
 * ```
 */
export function appearanceLines(a: PdfSignatureAppearance, ctx: { signerName?: string; signingTime: Date }): string[] {
  if (a.lines) return a.lines.map((l) => l.normalize('NFC'));
  const lines = [`Ký bởi: ${a.signerName ?? ctx.signerName ?? ''}`];
  if (a.role) lines.push(a.role);
  if (a.showDate !== false) lines.push(`Ngày ký: ${formatSigningDate(ctx.signingTime, a.timeZone ?? 'Asia/Ho_Chi_Minh')}`);
  return lines.map((l) => l.normalize('NFC'));
}

/** Form matrices that undo a page rotation (ISO 32000-1 §12.5.5: the matrix is applied before fitting to /Rect). */
const ROTATION_MATRIX: Record<number, number[] | undefined> = { 90: [0, 1, -1, 0, 0, 0], 180: [-1, 0, 0, -1, 0, 0], 270: [0, -1, 1, 0, 0, 0] };

/**
 * Give the embedded subset font the `ABCDEF+` tag ISO 32000-1 §9.6.4 requires of subsets (pdf-lib does not),
 * derived from the text so it is deterministic.
 */
function tagSubsetFont(pdfLib: PdfLibModule, lib: PDFDocument, ref: PdfLibRef, text: string): void {
  const { PDFArray, PDFDict, PDFName } = pdfLib;
  const type0 = lib.context.lookup(ref, PDFDict);
  const base = type0.lookup(PDFName.of('BaseFont'), PDFName).decodeText().replace(/-\d+$/, '');
  const h = createHash('sha256').update(text).digest();
  const tag = Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const tagged = PDFName.of(`${tag}+${base}`);
  type0.set(PDFName.of('BaseFont'), tagged);
  const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  cid.set(PDFName.of('BaseFont'), tagged);
  cid.lookup(PDFName.of('FontDescriptor'), PDFDict).set(PDFName.of('FontName'), tagged);
}

function fitFontSize(font: PDFFont, lines: string[], width: number, height: number, wanted?: number): number {
  let size = wanted ?? Math.min(12, (height - 4) / (lines.length * 1.25));
  for (const l of lines) {
    const w = font.widthOfTextAtSize(l, 1);
    if (w > 0) size = Math.min(size, (width - 6) / w);
  }
  return Math.max(2, size);
}

/**
 * An {@link AppearanceBuilder} for `appearance`: builds the form XObject of the box size in the change set.
 *
 * @example
 * ```ts
 * const build = appearanceBuilder({ rect: [50, 50, 220, 70], role: 'Hiệu trưởng' }, { signerName, signingTime });
 * ```
 */
export function appearanceBuilder(
  appearance: PdfSignatureAppearance, ctx: { signerName?: string; signingTime: Date; cache?: PdfAppearanceCache },
): AppearanceBuilder {
  return async (cs: ChangeSet, boxWidth: number, boxHeight: number, rotation: 0 | 90 | 180 | 270): Promise<PdfRef> => {
    // on a rotated page the box is seen turned: lay out in the box as seen, and turn it back with /Matrix
    const turned = rotation === 90 || rotation === 270;
    const width = turned ? boxHeight : boxWidth;
    const height = turned ? boxWidth : boxHeight;
    // pdf-lib and fontkit are loaded only when a visible signature is drawn
    const pdfLib: PdfLibModule = await import('pdf-lib');
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    const fontBytes = appearanceFontBytes(appearance.font, ctx.cache);
    const parsed = await parseAppearanceFont(fontkit, fontBytes, ctx.cache);
    const lib = await pdfLib.PDFDocument.create({ updateMetadata: false });
    // the font is parsed once (per cache): pdf-lib gets it through a fontkit that returns it
    lib.registerFontkit({ create: () => parsed });
    let font: PDFFont;
    try { font = await lib.embedFont(fontBytes, { subset: true }); } catch (cause) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'appearance.font is not a usable TrueType/OpenType font', cause });
    }
    const image = appearance.image ? await loadAppearanceImage(pdfLib, appearance.image, ctx.cache) : undefined;
    let textX = 3;
    const ops: string[] = ['q'];
    if (image) {
      const boxW = Math.min(width * 0.4, height);
      const scale = Math.min(boxW / image.width, (height - 4) / image.height);
      const iw = image.width * scale; const ih = image.height * scale;
      ops.push(`q ${formatNumber(iw)} 0 0 ${formatNumber(ih)} 2 ${formatNumber((height - ih) / 2)} cm /Im1 Do Q`);
      textX = iw + 6;
    }
    const lines = appearanceLines(appearance, ctx);
    const size = fitFontSize(font, lines, width - textX, height, appearance.fontSize);
    const leading = size * 1.25;
    const blockH = leading * lines.length;
    const top = (height + blockH) / 2 - size;
    ops.push('BT', `/F1 ${formatNumber(size)} Tf`, `${formatNumber(leading)} TL`, '0.05 0.15 0.55 rg', `${formatNumber(textX)} ${formatNumber(top)} Td`);
    try {
      for (const line of lines) ops.push(`${font.encodeText(line).toString()} Tj T*`);
    } catch (cause) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'appearance.font cannot draw the text', cause });
    }
    ops.push('ET', 'Q');
    await lib.flush();
    tagSubsetFont(pdfLib, lib, font.ref, lines.join('\n'));
    const fontRef = importFromPdfLib(cs, pdfLib, lib.context, font.ref);
    const xobjects = image ? new PdfDict([['Im1', importFromPdfLib(cs, pdfLib, image.context, image.ref)]]) : undefined;
    const resources = new PdfDict([['Font', new PdfDict([['F1', fontRef]])]]);
    if (xobjects) resources.entries.set('XObject', xobjects);
    const ref = cs.allocate();
    const form = new PdfDict([
      ['Type', name('XObject')], ['Subtype', name('Form')], ['BBox', [0, 0, width, height]], ['Resources', resources],
    ]);
    const matrix = ROTATION_MATRIX[rotation];
    if (matrix) form.entries.set('Matrix', matrix);
    cs.set(ref, new PdfStream(form, Buffer.from(ops.join('\n'), 'latin1')));
    return ref;
  };
}
