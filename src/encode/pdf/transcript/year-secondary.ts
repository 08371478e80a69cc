/**
 * One school year of a THCS/THPT học bạ (TT22/2021, or legacy TT58/2011): the subject page (HKI | HKII | CN |
 * after re-assessment | subject teacher and signature) and the results page (rèn luyện and học tập levels,
 * absences, outcome, titles, GVCN comment and signature, principal approval with signature and seal).
 * @module
 */
import { LEGACY_CONDUCT_LABELS, LEGACY_STANDING_LABELS, LEVEL4_LABELS, OUTCOME_LABELS } from '../../../model/labels.js';
import type { Transcript, Tt22YearRecord, Tt58YearRecord } from '../../../model/types.js';
import { COLORS } from '../canvas.js';
import { MARGIN, type RenderContext } from '../document.js';
import { drawTable } from '../table.js';
import { markText } from '../text.js';
import { drawApprovals, drawCorrections } from './year-approvals.js';
import { drawYearHeader } from './year-header.js';

const ROW_HEIGHT = 36;

/**
 * Draws the subject page of one TT22/TT58 year, with a `GV_BO_MON.<year>.<slug>` field in every teacher cell.
 *
 * @example
 * ```ts
 * drawSecondarySubjects(ctx, transcript, transcript.years[0] as Tt22YearRecord);
 * ```
 */
export function drawSecondarySubjects(ctx: RenderContext, t: Transcript, year: Tt22YearRecord | Tt58YearRecord): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = drawYearHeader(canvas, top, t, year);
  canvas.text('KẾT QUẢ HỌC TẬP CÁC MÔN HỌC VÀ HOẠT ĐỘNG GIÁO DỤC', MARGIN.left, y, { size: 12, bold: true, align: 'center' }, inner);
  y -= 8;
  const group = year.regime === 'TT22_2021' ? 'Điểm trung bình môn học hoặc mức đánh giá' : 'Điểm trung bình môn học hoặc xếp loại';
  const teacherWidth = inner - 120 - 3 * 44 - 58;
  drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 9.5, headerFontSize: 8.5,
    newPage: () => { const p = ctx.newPage(); return { canvas: p.canvas, y: drawYearHeader(p.canvas, p.y, t, year) }; },
    columns: [
      { header: 'Môn học / Hoạt động giáo dục', width: 120 },
      { header: 'HKI', width: 44, align: 'center', group },
      { header: 'HKII', width: 44, align: 'center', group },
      { header: 'CN', width: 44, align: 'center', group },
      { header: 'Điểm hoặc mức đánh giá lại', width: 58, align: 'center' },
      { header: 'Giáo viên môn học (họ tên, chữ ký số)', width: teacherWidth },
    ],
    rows: year.subjects.map((s) => ({
      cells: [s.subject.nameVi, markText(s.hk1), markText(s.hk2), markText(s.year), markText(s.reassessed), s.teacher.name],
      minHeight: ROW_HEIGHT,
    })),
    onRow: (index, drawn) => {
      const s = year.subjects[index]!;
      const x = drawn.columnX[5]! + 3;
      const h = drawn.height - 15;
      drawn.canvas.box(x, drawn.top - drawn.height + 2, teacherWidth - 6, h, { stroke: 0.3, dashed: true, color: COLORS.muted, fill: COLORS.sigFill });
      ctx.fields.add({ role: 'GV_BO_MON', schoolYear: year.schoolYear, subject: s.subject.slug }, drawn.canvas.pageIndex, [x, drawn.top - drawn.height + 2, teacherWidth - 6, h]);
    },
  });
}

function level(value: string | undefined, labels: Readonly<Record<string, { vi: string }>>): string {
  return value === undefined ? '' : labels[value]?.vi ?? value;
}

/**
 * Draws the results page of one TT22/TT58 year (levels, absences, outcome, titles, comment, approvals).
 *
 * @example
 * ```ts
 * drawSecondaryResults(ctx, transcript, year);
 * ```
 */
export function drawSecondaryResults(ctx: RenderContext, t: Transcript, year: Tt22YearRecord | Tt58YearRecord): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = drawYearHeader(canvas, top, t, year);
  canvas.text('KẾT QUẢ RÈN LUYỆN VÀ HỌC TẬP', MARGIN.left, y, { size: 12, bold: true, align: 'center' }, inner);
  y -= 8;
  const rows = year.regime === 'TT22_2021'
    ? [
        { cells: ['Kết quả rèn luyện', level(year.conduct.hk1, LEVEL4_LABELS), level(year.conduct.hk2, LEVEL4_LABELS), level(year.conduct.year, LEVEL4_LABELS), level(year.conduct.afterSummer, LEVEL4_LABELS)] },
        { cells: ['Kết quả học tập', level(year.learning.hk1, LEVEL4_LABELS), level(year.learning.hk2, LEVEL4_LABELS), level(year.learning.year, LEVEL4_LABELS), level(year.learning.afterReassess, LEVEL4_LABELS)] },
      ]
    : [
        { cells: ['Hạnh kiểm', level(year.conduct.hk1, LEGACY_CONDUCT_LABELS), level(year.conduct.hk2, LEGACY_CONDUCT_LABELS), level(year.conduct.year, LEGACY_CONDUCT_LABELS), level(year.conduct.afterSummer, LEGACY_CONDUCT_LABELS)] },
        { cells: ['Học lực', level(year.standing.hk1, LEGACY_STANDING_LABELS), level(year.standing.hk2, LEGACY_STANDING_LABELS), level(year.standing.year, LEGACY_STANDING_LABELS), level(year.standing.afterReassess, LEGACY_STANDING_LABELS)] },
        { cells: ['Điểm TB các môn', year.standing.averageHk1, year.standing.averageHk2, year.standing.averageYear, ''] },
      ];
  const colW = (inner - 130) / 4;
  const end = drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 10, headerFontSize: 9,
    newPage: () => ctx.newPage(),
    columns: [
      { header: '', width: 130 },
      { header: 'Học kì I', width: colW, align: 'center' },
      { header: 'Học kì II', width: colW, align: 'center' },
      { header: 'Cả năm', width: colW, align: 'center' },
      { header: year.regime === 'TT22_2021' ? 'Sau rèn luyện hè / đánh giá lại' : 'Sau rèn luyện hè / kiểm tra lại', width: colW, align: 'center' },
    ],
    rows,
  });
  y = end.y - 20;
  const absent = year.absences.excused + year.absences.unexcused;
  const facts: [string, string][] = [
    ['Tổng số buổi nghỉ học cả năm:', `${absent} (có phép: ${year.absences.excused}, không phép: ${year.absences.unexcused})`],
    ['Kết quả cuối năm:', OUTCOME_LABELS[year.outcome]?.vi ?? year.outcome],
  ];
  if (year.regime === 'TT22_2021' && year.topicClusters && year.topicClusters.length > 0) {
    const names = year.topicClusters.map((slug) => year.subjects.find((s) => s.subject.slug === slug)?.subject.nameVi ?? slug);
    facts.push(['Cụm chuyên đề học tập:', names.join(', ')]);
  }
  for (const [label, value] of facts) {
    end.canvas.text(label, MARGIN.left, y, { size: 10.5 });
    end.canvas.text(value, MARGIN.left + 170, y, { size: 10.5, bold: true });
    y -= 18;
  }
  y = drawApprovals(ctx, end.canvas, y, t, year);
  drawCorrections(end.canvas, y, year);
}
