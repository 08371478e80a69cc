/**
 * The cover (bìa) and page 1 (identity, guardians, "Quá trình học tập") of a học bạ, after the TT22 annex templates.
 * @module
 */
import type { Transcript } from '../../../model/types.js';
import { COLORS } from '../canvas.js';
import { MARGIN, type RenderContext } from '../document.js';
import { drawTable } from '../table.js';
import { dateText, levelTitle, schoolPlace, sexText } from '../text.js';

const RELATION: Record<string, string> = { CHA: 'Họ và tên cha', ME: 'Họ và tên mẹ', GIAM_HO: 'Người giám hộ' };

/**
 * Draws the cover page.
 *
 * @example
 * ```ts
 * drawCover(ctx, transcript);
 * ```
 */
export function drawCover(ctx: RenderContext, t: Transcript): void {
  const { canvas } = ctx.newPage();
  const w = canvas.width;
  const inner = w - MARGIN.left - MARGIN.right;
  canvas.box(MARGIN.left - 12, MARGIN.bottom - 6, inner + 24, canvas.height - MARGIN.top - MARGIN.bottom + 18, { stroke: 2, color: COLORS.accent });
  canvas.box(MARGIN.left - 7, MARGIN.bottom - 1, inner + 14, canvas.height - MARGIN.top - MARGIN.bottom + 8, { stroke: 0.6, color: COLORS.accent });
  const school = t.years.at(-1)?.school ?? t.enrollmentHistory.at(-1)?.school;
  let y = canvas.height - 90;
  canvas.text('BỘ GIÁO DỤC VÀ ĐÀO TẠO', MARGIN.left, y, { size: 13, bold: true, align: 'center' }, inner);
  y -= 18;
  if (school) canvas.text(school.departmentName.toUpperCase(), MARGIN.left, y, { size: 11, align: 'center' }, inner);
  y -= 150;
  canvas.text('HỌC BẠ', MARGIN.left, y, { size: 44, bold: true, color: COLORS.accent, align: 'center' }, inner);
  y -= 36;
  canvas.text(levelTitle(t.level), MARGIN.left, y, { size: 18, bold: true, align: 'center' }, inner);
  y -= 110;
  const labelX = MARGIN.left + 60;
  const valueX = labelX + 150;
  const rows: [string, string][] = [
    ['Họ và tên học sinh:', t.student.fullName],
    ['Trường:', school?.name ?? ''],
    ['Xã/Phường/Thị trấn:', school?.addressAsOf.commune ?? ''],
    ['Huyện/Quận/Thị xã:', school?.addressAsOf.district ?? ''],
    ['Tỉnh/Thành phố:', school?.addressAsOf.province ?? ''],
    [`Số đăng bộ:`, t.student.registryNo ?? ''],
  ];
  for (const [label, value] of rows) {
    canvas.text(label, labelX, y, { size: 12 });
    canvas.text(value, valueX, y, { size: 12, bold: label.startsWith('Họ') });
    canvas.line(valueX, y - 3, w - MARGIN.right - 50, y - 3, 0.3, COLORS.muted, true);
    y -= 26;
  }
}

/**
 * Draws page 1: identity, parents/guardian, and the enrolment history table.
 *
 * @example
 * ```ts
 * drawIdentityPage(ctx, transcript);
 * ```
 */
export function drawIdentityPage(ctx: RenderContext, t: Transcript): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = top - 6;
  canvas.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN.left, y, { size: 11, bold: true, align: 'center' }, inner);
  y -= 15;
  canvas.text('Độc lập - Tự do - Hạnh phúc', MARGIN.left, y, { size: 11, bold: true, align: 'center' }, inner);
  canvas.line(MARGIN.left + inner / 2 - 80, y - 4, MARGIN.left + inner / 2 + 80, y - 4, 0.6);
  y -= 40;
  canvas.text(`HỌC BẠ ${levelTitle(t.level)}`, MARGIN.left, y, { size: 16, bold: true, align: 'center' }, inner);
  y -= 30;
  // Photo frame (ảnh 3x4).
  canvas.box(MARGIN.left, y - 110, 85, 110, { stroke: 0.6 });
  canvas.text('Ảnh 3×4', MARGIN.left, y - 58, { size: 9, color: COLORS.muted, align: 'center' }, 85);
  const s = t.student;
  const x = MARGIN.left + 100;
  const width = inner - 100;
  const field = (label: string, value: string, at: number, bold = false): void => {
    canvas.text(label, x, y, { size: 10.5 });
    canvas.text(value, at, y, { size: 10.5, bold });
  };
  field('Họ và tên:', s.fullName, x + 60, true);
  canvas.text(`Giới tính: ${sexText(s.sex)}`, x + width - 110, y, { size: 10.5 });
  y -= 20;
  field('Ngày sinh:', dateText(s.dateOfBirth), x + 60);
  canvas.text(`Dân tộc: ${s.ethnicity ?? ''}`, x + width - 110, y, { size: 10.5 });
  y -= 20;
  field('Nơi sinh:', s.placeOfBirth ?? '', x + 60);
  y -= 20;
  field('Đối tượng (con liệt sĩ, con thương binh...):', s.policyGroup ?? 'Không', x + 230);
  y -= 20;
  canvas.text('Chỗ ở hiện tại:', x, y, { size: 10.5 });
  y = canvas.paragraph(s.residence ?? '', x + 80, y, width - 80, { size: 10.5 });
  if (s.personalId) { canvas.text(`Số định danh cá nhân: ${s.personalId.value}`, x, y, { size: 10.5 }); y -= 20; }
  if (s.moetStudentId) { canvas.text(`Mã học sinh (CSDL ngành): ${s.moetStudentId}`, x, y, { size: 10.5 }); y -= 20; }
  y = Math.min(y, top - 200);
  for (const g of s.guardians ?? []) {
    canvas.text(`${RELATION[g.relation] ?? g.relation}:`, MARGIN.left, y, { size: 10.5 });
    canvas.text(g.name, MARGIN.left + 110, y, { size: 10.5, bold: true });
    canvas.text(`Nghề nghiệp: ${g.occupation ?? ''}`, MARGIN.left + 310, y, { size: 10.5 });
    y -= 20;
  }
  y -= 16;
  canvas.text('QUÁ TRÌNH HỌC TẬP', MARGIN.left, y, { size: 13, bold: true, align: 'center' }, inner);
  y -= 12;
  drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 9.5,
    newPage: () => ctx.newPage(),
    columns: [
      { header: 'Năm học', width: 70, align: 'center' },
      { header: 'Lớp', width: 45, align: 'center' },
      { header: 'Tên trường, huyện/quận, tỉnh/thành phố', width: 250 },
      { header: 'Số đăng bộ', width: 75, align: 'center' },
      { header: 'Ngày nhập học/ chuyển đến', width: inner - 440, align: 'center' },
    ],
    rows: t.enrollmentHistory.map((e) => ({
      cells: [e.schoolYear, e.className, `${e.school.name}, ${schoolPlace(e.school)}`, e.registryNo ?? s.registryNo ?? '', dateText(e.enrolledOn)],
    })),
  });
}
