/**
 * Drawing primitives on one page: text in the embedded font (regular, or bold simulated with text rendering
 * mode 2 — fill and stroke — because only DejaVu Sans Book ships), wrapped paragraphs, lines and boxes.
 * Everything is RGB (PDF/A with an sRGB output intent).
 * @module
 */
import {
  beginText, endText, lineTo, moveTo, PDFName, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor,
  setFontAndSize, setLineWidth, setStrokingRgbColor, setTextMatrix, setTextRenderingMode, showText, stroke,
  TextRenderingMode, fill, setDashPattern, type PDFFont, type PDFOperator, type PDFPage,
} from 'pdf-lib';

/** An RGB colour, components 0..1. */
export type Rgb = readonly [number, number, number];

/** Colours of the layout. */
export const COLORS = {
  text: [0, 0, 0] as Rgb,
  muted: [0.35, 0.35, 0.35] as Rgb,
  rule: [0.2, 0.2, 0.2] as Rgb,
  headerFill: [0.9, 0.93, 0.97] as Rgb,
  sigFill: [0.97, 0.97, 0.94] as Rgb,
  accent: [0.55, 0.05, 0.05] as Rgb,
} as const;

/** Text style. */
export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Rgb;
  /** Horizontal alignment inside `width` (with {@link Canvas.text}'s `width`). */
  align?: 'left' | 'center' | 'right';
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Drawing on one page with one font. */
export class Canvas {
  private readonly fontKey: PDFName;

  constructor(readonly page: PDFPage, readonly font: PDFFont, readonly pageIndex: number) {
    this.fontKey = page.node.newFontDictionary(font.name, font.ref);
  }

  /** Page width in points. */
  get width(): number { return this.page.getWidth(); }
  /** Page height in points. */
  get height(): number { return this.page.getHeight(); }

  /**
   * Width of `text` at `size` points.
   *
   * @example
   * ```ts
   * canvas.measure('Học bạ', 12)
   * ```
   */
  measure(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text.normalize('NFC'), size);
  }

  /**
   * Draws one line of text with its baseline at `y`; with `width`, aligned inside [x, x + width].
   *
   * @example
   * ```ts
   * canvas.text('HỌC BẠ', 40, 700, { size: 24, bold: true, align: 'center' }, 515);
   * ```
   */
  text(text: string, x: number, y: number, style: TextStyle = {}, width?: number): void {
    const value = text.normalize('NFC');
    if (value === '') return;
    const size = style.size ?? 10;
    const color = style.color ?? COLORS.text;
    let left = x;
    if (width !== undefined && style.align && style.align !== 'left') {
      const w = this.measure(value, size);
      left = style.align === 'center' ? x + (width - w) / 2 : x + width - w;
    }
    const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(...color)];
    if (style.bold) ops.push(setStrokingRgbColor(...color), setLineWidth(r(size * 0.035)), setTextRenderingMode(TextRenderingMode.FillAndOutline));
    ops.push(beginText(), setFontAndSize(this.fontKey, size), setTextMatrix(1, 0, 0, 1, r(left), r(y)), showText(this.font.encodeText(value)), endText(), popGraphicsState());
    this.page.pushOperators(...ops);
  }

  /**
   * Breaks `text` into lines no wider than `width` at `size` (on spaces; a word longer than a line is cut).
   *
   * @example
   * ```ts
   * canvas.wrap('Nắm chắc kiến thức cơ bản, làm bài cẩn thận.', 200, 9)
   * ```
   */
  wrap(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.normalize('NFC').split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (this.measure(candidate, size) <= width) { line = candidate; continue; }
        if (line !== '') lines.push(line);
        line = word;
        while (this.measure(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.measure(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /**
   * Draws a wrapped paragraph from baseline `y` downwards; returns the baseline after the last line.
   *
   * @example
   * ```ts
   * y = canvas.paragraph(comment, 40, y, 515, { size: 10 });
   * ```
   */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle = {}, leading = 1.35): number {
    const size = style.size ?? 10;
    let baseline = y;
    for (const line of this.wrap(text, width, size)) {
      this.text(line, x, baseline, style, width);
      baseline -= size * leading;
    }
    return baseline;
  }

  /**
   * A straight line.
   *
   * @example
   * ```ts
   * canvas.line(40, 100, 555, 100, 0.5);
   * ```
   */
  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, color: Rgb = COLORS.rule, dashed = false): void {
    this.page.pushOperators(
      pushGraphicsState(), setStrokingRgbColor(...color), setLineWidth(width),
      ...(dashed ? [setDashPattern([2, 2], 0)] : []),
      moveTo(r(x1), r(y1)), lineTo(r(x2), r(y2)), stroke(), popGraphicsState(),
    );
  }

  /**
   * A rectangle, stroked and/or filled.
   *
   * @example
   * ```ts
   * canvas.box(40, 100, 200, 50, { stroke: 0.5, fill: COLORS.headerFill });
   * ```
   */
  box(x: number, y: number, w: number, h: number, style: { stroke?: number; fill?: Rgb; color?: Rgb; dashed?: boolean } = {}): void {
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (style.fill) ops.push(setFillingRgbColor(...style.fill), rectangle(r(x), r(y), r(w), r(h)), fill());
    if (style.stroke !== undefined) {
      ops.push(setStrokingRgbColor(...(style.color ?? COLORS.rule)), setLineWidth(style.stroke));
      if (style.dashed) ops.push(setDashPattern([3, 2], 0));
      ops.push(rectangle(r(x), r(y), r(w), r(h)), stroke());
    }
    ops.push(popGraphicsState());
    this.page.pushOperators(...ops);
  }
}
