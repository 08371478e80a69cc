/**
 * The end of every year's results page: titles, "Nhận xét của giáo viên chủ nhiệm" with the GVCN signature,
 * "Phê duyệt của Hiệu trưởng" with the principal's signature and the school seal, and the corrections note.
 * @module
 */
import { SIGNER_ROLE_LABELS } from '../../../model/labels.js';
import type { SchoolYearRecord, Transcript } from '../../../model/types.js';
import { COLORS, type Canvas } from '../canvas.js';
import { MARGIN, type RenderContext } from '../document.js';
import { drawSignatureBlock, SIGNATURE_BLOCK_HEIGHT } from '../signature-block.js';
import { placeName, titlesText } from '../text.js';

/**
 * Draws titles, the GVCN comment and the approval signatures from `top`; returns the y below them.
 * Fields: `GVCN.<year>`, `HIEU_TRUONG.<year>`, `DON_VI_CON_DAU.<year>`.
 *
 * @example
 * ```ts
 * y = drawApprovals(ctx, canvas, y, transcript, year);
 * ```
 */
export function drawApprovals(ctx: RenderContext, canvas: Canvas, top: number, t: Transcript, year: SchoolYearRecord): number {
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  const half = inner / 2;
  let y = top;
  canvas.text('Danh hiệu / khen thưởng:', MARGIN.left, y, { size: 10.5 });
  canvas.text(titlesText(year.titles) || 'Không', MARGIN.left + 170, y, { size: 10.5, bold: true });
  y -= 26;
  canvas.text('NHẬN XÉT CỦA GIÁO VIÊN CHỦ NHIỆM', MARGIN.left, y, { size: 11, bold: true });
  y -= 16;
  const commentBottom = canvas.paragraph(year.homeroomComment, MARGIN.left, y, half - 10, { size: 10 });
  const gvcnBottom = drawSignatureBlock(canvas, ctx.fields, MARGIN.left + half, y + 14, half, {
    title: 'GIÁO VIÊN CHỦ NHIỆM', hint: '(Ký và ghi rõ họ tên)', name: year.homeroom.name, slot: { role: 'GVCN', schoolYear: year.schoolYear },
  });
  y = Math.min(commentBottom, gvcnBottom) - 14;
  canvas.line(MARGIN.left, y + 6, MARGIN.left + inner, y + 6, 0.3, COLORS.muted);
  canvas.text('PHÊ DUYỆT CỦA HIỆU TRƯỞNG', MARGIN.left, y - 8, { size: 11, bold: true });
  canvas.text(`${placeName(year.school)}, ngày …… tháng …… năm ……`, MARGIN.left + half, y - 8, { size: 9.5, color: COLORS.muted, align: 'center' }, half);
  y -= 16;
  const principalTitle = year.principal.role === 'PHO_HIEU_TRUONG_UQ' ? 'KT. HIỆU TRƯỞNG — PHÓ HIỆU TRƯỞNG' : 'HIỆU TRƯỞNG';
  const sealBottom = drawSignatureBlock(canvas, ctx.fields, MARGIN.left, y, half, {
    title: 'ĐƠN VỊ (CON DẤU SỐ)', hint: '(Chữ ký số của nhà trường)', name: year.seal?.name ?? year.school.name,
    slot: { role: 'DON_VI_CON_DAU', schoolYear: year.schoolYear },
  });
  const principalBottom = drawSignatureBlock(canvas, ctx.fields, MARGIN.left + half, y, half, {
    title: principalTitle, hint: `(${SIGNER_ROLE_LABELS[year.principal.role].vi}: ký, ghi rõ họ tên, đóng dấu)`, name: year.principal.name,
    slot: { role: 'HIEU_TRUONG', schoolYear: year.schoolYear },
  });
  return Math.min(sealBottom, principalBottom, y - SIGNATURE_BLOCK_HEIGHT) - 6;
}

/**
 * The corrections note (TT22 annex: "Trong bảng này có sửa chữa ở … chỗ"), listing each correction.
 *
 * @example
 * ```ts
 * drawCorrections(canvas, y, year);
 * ```
 */
export function drawCorrections(canvas: Canvas, top: number, year: SchoolYearRecord): number {
  const corrections = year.corrections ?? [];
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = top;
  if (y < MARGIN.bottom + 12) return y;
  canvas.text(`Trong năm học này có sửa chữa ở: ${corrections.length} chỗ.`, MARGIN.left, y, { size: 8.5, color: COLORS.muted });
  y -= 11;
  for (const c of corrections) {
    if (y < MARGIN.bottom + 4) break;
    y = canvas.paragraph(`${c.field}: ${c.old} → ${c.new} (${c.by.name}, ${c.at}${c.reason ? `; ${c.reason}` : ''})`, MARGIN.left, y, inner, { size: 8, color: COLORS.muted });
  }
  return y;
}
