/**
 * A labelled place for a signature: title, hint, the empty signature field (dashed frame) and the printed name.
 * @module
 */
import { type Canvas, COLORS } from './canvas.js';
import type { SignatureFieldCollector, SignatureFieldName } from './signature-fields.js';

/** What a signature block shows. */
export interface SignatureBlock {
  /** e.g. `GIÁO VIÊN CHỦ NHIỆM`. */
  title: string;
  /** e.g. `(Ký, ghi rõ họ tên)`. */
  hint: string;
  /** Printed name under the field. */
  name: string;
  slot: SignatureFieldName;
}

/** Height of a signature block with its field. */
export const SIGNATURE_BLOCK_HEIGHT = 112;

/** Height of a compact signature block (`fieldHeight` 36). */
export const COMPACT_SIGNATURE_BLOCK_HEIGHT = 86;

/**
 * Draws the block in [x, x + width] from `top` downwards and registers its field; returns the bottom y.
 *
 * @example
 * ```ts
 * y = drawSignatureBlock(canvas, fields, 320, y, 230, { title: 'HIỆU TRƯỞNG', hint: '(Ký, ghi rõ họ tên, đóng dấu)', name, slot });
 * ```
 */
export function drawSignatureBlock(canvas: Canvas, fields: SignatureFieldCollector, x: number, top: number, width: number, block: SignatureBlock, fieldHeight = 62): number {
  canvas.text(block.title, x, top - 10, { size: 10, bold: true, align: 'center' }, width);
  canvas.text(block.hint, x, top - 22, { size: 8, color: COLORS.muted, align: 'center' }, width);
  const fieldH = fieldHeight;
  const fieldW = Math.min(width - 10, 220);
  const fx = x + (width - fieldW) / 2;
  const fy = top - 28 - fieldH;
  canvas.box(fx, fy, fieldW, fieldH, { stroke: 0.4, dashed: true, color: COLORS.muted, fill: COLORS.sigFill });
  fields.add(block.slot, canvas.pageIndex, [fx, fy, fieldW, fieldH]);
  canvas.text(block.name, x, fy - 13, { size: 10, bold: true, align: 'center' }, width);
  return fy - 20;
}
