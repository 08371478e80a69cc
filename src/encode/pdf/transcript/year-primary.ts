/**
 * One school year of a primary học bạ (TT27/2020, or legacy TT30/2014): the subject page (level, periodic test
 * score, remark, subject teacher and signature) and the page of qualities, competencies, overall result and approvals.
 * @module
 */
import { OUTCOME_LABELS, PRIMARY_OVERALL_LABELS, PRIMARY_SUBJECT_LEVEL_LABELS, PRIMARY_TRAIT_LEVEL_LABELS } from '../../../model/labels.js';
import type { Transcript, Tt27YearRecord, Tt30YearRecord } from '../../../model/types.js';
import { COLORS } from '../canvas.js';
import { MARGIN, type RenderContext } from '../document.js';
import { drawTable } from '../table.js';
import { drawApprovals, drawCorrections } from './year-approvals.js';
import { drawYearHeader } from './year-header.js';

const TRAIT_NAMES: Record<string, string> = {
  'yeu-nuoc': 'Yêu nước', 'nhan-ai': 'Nhân ái', 'cham-chi': 'Chăm chỉ', 'trung-thuc': 'Trung thực', 'trach-nhiem': 'Trách nhiệm',
  'tu-chu-tu-hoc': 'Tự chủ và tự học', 'giao-tiep-hop-tac': 'Giao tiếp và hợp tác', 'gqvd-sang-tao': 'Giải quyết vấn đề và sáng tạo',
  'ngon-ngu': 'Ngôn ngữ', 'tinh-toan': 'Tính toán', 'khoa-hoc': 'Khoa học', 'cong-nghe': 'Công nghệ', 'tin-hoc': 'Tin học',
  'tham-mi': 'Thẩm mĩ', 'the-chat': 'Thể chất',
};

function traitName(key: string): string {
  return TRAIT_NAMES[key] ?? key.replace(/-/g, ' ');
}

/**
 * Draws the subject page of a primary year with a `GV_BO_MON.<year>.<slug>` field per row.
 *
 * @example
 * ```ts
 * drawPrimarySubjects(ctx, transcript, year);
 * ```
 */
export function drawPrimarySubjects(ctx: RenderContext, t: Transcript, year: Tt27YearRecord | Tt30YearRecord): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = drawYearHeader(canvas, top, t, year);
  canvas.text('CÁC MÔN HỌC VÀ HOẠT ĐỘNG GIÁO DỤC', MARGIN.left, y, { size: 12, bold: true, align: 'center' }, inner);
  y -= 8;
  const teacherWidth = 130;
  const commentWidth = inner - 100 - 70 - 40 - teacherWidth;
  drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 8.5, headerFontSize: 8.5,
    newPage: () => { const p = ctx.newPage(); return { canvas: p.canvas, y: drawYearHeader(p.canvas, p.y, t, year) }; },
    columns: [
      { header: 'Môn học và hoạt động giáo dục', width: 100 },
      { header: 'Mức đạt được', width: 70, align: 'center' },
      { header: 'Điểm KTĐK', width: 40, align: 'center' },
      { header: 'Nhận xét', width: commentWidth },
      { header: 'Giáo viên (họ tên, chữ ký số)', width: teacherWidth },
    ],
    rows: year.subjects.map((s) => ({
      cells: [s.subject.nameVi, PRIMARY_SUBJECT_LEVEL_LABELS[s.level].vi, s.testScore === undefined ? '' : String(s.testScore), s.teacherComment ?? '', s.teacher.name],
      minHeight: 40,
    })),
    onRow: (index, drawn) => {
      const s = year.subjects[index]!;
      const x = drawn.columnX[4]! + 3;
      const h = Math.min(drawn.height - 15, 30);
      drawn.canvas.box(x, drawn.top - drawn.height + 2, teacherWidth - 6, h, { stroke: 0.3, dashed: true, color: COLORS.muted, fill: COLORS.sigFill });
      ctx.fields.add({ role: 'GV_BO_MON', schoolYear: year.schoolYear, subject: s.subject.slug }, drawn.canvas.pageIndex, [x, drawn.top - drawn.height + 2, teacherWidth - 6, h]);
    },
  });
}

/**
 * Draws qualities, competencies, the overall result, the outcome and the approvals of a primary year.
 *
 * @example
 * ```ts
 * drawPrimaryResults(ctx, transcript, year);
 * ```
 */
export function drawPrimaryResults(ctx: RenderContext, t: Transcript, year: Tt27YearRecord | Tt30YearRecord): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = drawYearHeader(canvas, top, t, year);
  const half = (inner - 12) / 2;
  const traitTable = (x: number, title: string, entries: Record<string, string>): number => drawTable(canvas, y, {
    x, bottom: MARGIN.bottom, fontSize: 9, newPage: () => ctx.newPage(),
    columns: [{ header: title, width: half - 90 }, { header: 'Mức đạt được', width: 90, align: 'center' }],
    rows: Object.keys(entries).sort().map((k) => ({ cells: [traitName(k), PRIMARY_TRAIT_LEVEL_LABELS[entries[k] as 'T' | 'D' | 'C']?.vi ?? String(entries[k])] })),
  }).y;
  const left = traitTable(MARGIN.left, 'Phẩm chất chủ yếu', year.qualities);
  const right = traitTable(MARGIN.left + half + 12, 'Năng lực cốt lõi', year.competencies);
  y = Math.min(left, right) - 20;
  const overall = year.regime === 'TT27_2020' ? PRIMARY_OVERALL_LABELS[year.overall].vi : year.overall === 'HOAN_THANH' ? 'Hoàn thành' : 'Chưa hoàn thành';
  const absent = year.absences.excused + year.absences.unexcused;
  const facts: [string, string][] = [
    ['Kết quả giáo dục cả năm:', `${overall} chương trình lớp học`],
    ['Kết quả cuối năm:', OUTCOME_LABELS[year.outcome]?.vi ?? year.outcome],
    ['Tổng số buổi nghỉ học:', `${absent} (có phép: ${year.absences.excused}, không phép: ${year.absences.unexcused})`],
  ];
  for (const [label, value] of facts) {
    canvas.text(label, MARGIN.left, y, { size: 10.5 });
    canvas.text(value, MARGIN.left + 170, y, { size: 10.5, bold: true });
    y -= 18;
  }
  y = drawApprovals(ctx, canvas, y, t, year);
  drawCorrections(canvas, y, year);
}
