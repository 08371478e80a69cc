/**
 * The rendering context of one document: the pdf-lib document, the subset font, pages with their canvases,
 * the signature fields collected while drawing, and the final assembly (footers with QR codes, fields,
 * embedded record, PDF/A metadata, deterministic save).
 * @module
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import type { Gradebook, Transcript } from '../../model/types.js';
import { canonicalRecordJson } from '../record/canonical-json.js';
import { Canvas, COLORS } from './canvas.js';
import { attachRecord } from './associated-files.js';
import { loadFont } from './font.js';
import { DEFAULT_VERIFY_URL_PATTERN, type RenderPdfOptions } from './options.js';
import { applyPdfa } from './pdfa.js';
import { drawQr } from './qr.js';
import { SignatureFieldCollector, writeSignatureFields } from './signature-fields.js';
import { recordSha256, verificationUrl } from './verify-url.js';
import { resolveDates } from './dates.js';

/** A4 portrait in points. */
export const A4: readonly [number, number] = [595.28, 841.89];

/** Page margins; the bottom one leaves room for the footer with its QR code. */
export const MARGIN = { left: 42, right: 42, top: 40, bottom: 96 } as const;

/** Footer QR side in points. */
const QR_SIDE = 62;

/** Texts of the footer of every page. */
export interface FooterText {
  /** e.g. `Học bạ THPT – Hoàng Minh Linh`. */
  documentLabel: string;
}

/** The state of one document being rendered. */
export class RenderContext {
  readonly canvases: Canvas[] = [];
  readonly fields = new SignatureFieldCollector();
  readonly sha256: string;
  readonly verifyUrl: string;

  private constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly record: Transcript | Gradebook,
    readonly options: RenderPdfOptions,
    readonly seed: string,
  ) {
    this.sha256 = recordSha256(record);
    this.verifyUrl = verificationUrl(options.verifyUrlPattern ?? DEFAULT_VERIFY_URL_PATTERN, { id: record.id, sha256: this.sha256, kind: record.kind });
  }

  /**
   * Creates the document and embeds the font as a subset with a deterministic subset tag (six capital letters
   * derived from the record and options, ISO 32000-1 §9.6.4) instead of pdf-lib's counter suffix.
   *
   * @example
   * ```ts
   * const ctx = await RenderContext.create(transcript, {});
   * ```
   */
  static async create(record: Transcript | Gradebook, options: RenderPdfOptions): Promise<RenderContext> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const fontBytes = loadFont(options.font);
    const seed = createHash('sha256')
      .update(canonicalRecordJson(record))
      .update(JSON.stringify({ ...options, font: undefined }))
      .update(createHash('sha256').update(fontBytes).digest())
      .digest('hex');
    const tag = [...Buffer.from(seed.slice(0, 12), 'hex')].map((b) => String.fromCharCode(65 + (b % 26))).join('');
    const font = await doc.embedFont(fontBytes, { subset: true, customName: `${tag}+DejaVuSans`, features: { liga: false, clig: false } });
    return new RenderContext(doc, font, record, options, seed);
  }

  /**
   * Adds an A4 page and returns its canvas and the top of the writable area.
   *
   * @example
   * ```ts
   * const { canvas, y } = ctx.newPage();
   * ```
   */
  newPage(size: readonly [number, number] = A4): { canvas: Canvas; y: number } {
    const page = this.doc.addPage([size[0], size[1]]);
    const canvas = new Canvas(page, this.font, this.canvases.length);
    this.canvases.push(canvas);
    return { canvas, y: size[1] - MARGIN.top };
  }

  /** Draws every page's footer: rule, labels, page x/y, verification hint and the QR code (vector). */
  private drawFooters(footer: FooterText): void {
    const total = this.canvases.length;
    for (const canvas of this.canvases) {
      const right = canvas.width - MARGIN.right;
      const top = MARGIN.bottom - 14;
      canvas.line(MARGIN.left, top, right, top, 0.4, COLORS.muted);
      drawQr(canvas.page, this.verifyUrl, right - QR_SIDE, 16, QR_SIDE);
      const textWidth = right - QR_SIDE - 8 - MARGIN.left;
      const size = 7;
      let y = top - 12;
      canvas.text(`${footer.documentLabel} — Trang ${canvas.pageIndex + 1}/${total} (page ${canvas.pageIndex + 1} of ${total})`, MARGIN.left, y, { size: 8 });
      y -= 11;
      canvas.text(`Mã hồ sơ (record id): ${this.record.id} · phiên bản ${this.record.version}`, MARGIN.left, y, { size, color: COLORS.muted });
      y -= 9.5;
      canvas.text(`SHA-256: ${this.sha256}`, MARGIN.left, y, { size: 6.2, color: COLORS.muted });
      y -= 9.5;
      y = canvas.paragraph(
        `Quét mã QR để xác minh bản điện tử có chữ ký số; dữ liệu gốc (JSON, XML) được đính kèm trong tệp PDF này. Scan to verify: ${this.verifyUrl}`,
        MARGIN.left, y, textWidth, { size: 6.2, color: COLORS.muted }, 1.3,
      );
    }
  }

  /**
   * Finishes the document: footers, signature fields, embedded record, PDF/A metadata, fixed /ID, then saves
   * without object streams (classic xref table: simplest for incremental signing).
   *
   * @example
   * ```ts
   * const bytes = await ctx.finish({ documentLabel: 'Học bạ' }, { title, author, subject, keywords });
   * ```
   */
  async finish(footer: FooterText, meta: { title: string; author: string; subject: string; keywords: string[] }): Promise<Uint8Array> {
    this.drawFooters(footer);
    writeSignatureFields(this.doc, this.fields.fields);
    const dates = resolveDates(this.record, this.options);
    if (this.options.embedRecord !== false) {
      await attachRecord(this.doc, this.record, dates.modificationDate, this.options.recordRelationship ?? 'Source');
    }
    applyPdfa(this.doc, {
      ...meta,
      title: this.options.title ?? meta.title,
      producer: this.options.producer ?? 'edusign-vn',
      creationDate: dates.creationDate,
      modificationDate: dates.modificationDate,
      lang: 'vi-VN',
    }, this.seed.slice(0, 32));
    return this.doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
  }
}
