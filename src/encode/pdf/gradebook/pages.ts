/**
 * Pages of a class gradebook (sổ theo dõi và đánh giá học sinh): the class list, one table per subject
 * (students × ĐĐGtx, ĐĐGgk, ĐĐGck, ĐTBmhk for each semester, and the year result) with the subject teacher's
 * signature, and a summary (students × subjects, year results) with the GVCN, principal and seal signatures.
 * @module
 */
import type { Gradebook, GradebookEntry, SubjectDef } from '../../../model/types.js';
import { SIGNER_ROLE_LABELS } from '../../../model/labels.js';
import type { Canvas } from '../canvas.js';
import { COLORS } from '../canvas.js';
import { MARGIN, type RenderContext } from '../document.js';
import { COMPACT_SIGNATURE_BLOCK_HEIGHT, drawSignatureBlock, SIGNATURE_BLOCK_HEIGHT } from '../signature-block.js';
import { drawTable, type TableColumn } from '../table.js';
import { dateText, markText, placeName, sexText } from '../text.js';

/** Entries and year results indexed for lookup. */
export interface GradebookIndex {
  entry(studentId: string, slug: string, semester: 1 | 2): GradebookEntry | undefined;
  year(studentId: string, slug: string): string;
}

/**
 * Indexes a gradebook's entries by (student, subject, semester) and year results by (student, subject).
 *
 * @example
 * ```ts
 * const index = indexGradebook(gradebook); index.year('hs-10a1-01', 'mathematics') // '7.9'
 * ```
 */
export function indexGradebook(g: Gradebook): GradebookIndex {
  const entries = new Map<string, GradebookEntry>();
  for (const e of g.entries) entries.set(`${e.studentId}\u0000${e.subjectSlug}\u0000${e.semester}`, e);
  const years = new Map<string, string>();
  for (const y of g.yearResults ?? []) {
    years.set(`${y.studentId}\u0000${y.subjectSlug}`, y.reassessed === undefined ? markText(y.average) : `${markText(y.average)} → ${markText(y.reassessed)}`);
  }
  return {
    entry: (s, slug, sem) => entries.get(`${s}\u0000${slug}\u0000${sem}`),
    year: (s, slug) => years.get(`${s}\u0000${slug}`) ?? '',
  };
}

/**
 * Draws the class heading; returns the y below it.
 *
 * @example
 * ```ts
 * y = drawClassHeading(canvas, y, gradebook, 'Môn: Toán');
 * ```
 */
export function drawClassHeading(canvas: Canvas, top: number, g: Gradebook, subtitle: string): number {
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = top - 10;
  canvas.text(g.school.name.toUpperCase(), MARGIN.left, y, { size: 9.5, bold: true });
  canvas.text(`Lớp ${g.className} — Năm học ${g.schoolYear}`, MARGIN.left, y, { size: 9.5, bold: true, align: 'right' }, inner);
  y -= 12;
  canvas.text(g.school.departmentName, MARGIN.left, y, { size: 8, color: COLORS.muted });
  canvas.text(`GVCN: ${g.homeroom.name}`, MARGIN.left, y, { size: 8, color: COLORS.muted, align: 'right' }, inner);
  y -= 6;
  canvas.line(MARGIN.left, y, MARGIN.left + inner, y, 0.6);
  y -= 16;
  canvas.text(subtitle, MARGIN.left, y, { size: 11.5, bold: true, align: 'center' }, inner);
  return y - 8;
}

/**
 * The title page: book title, school, class, year, homeroom teacher, and the class list.
 *
 * @example
 * ```ts
 * drawClassList(ctx, gradebook);
 * ```
 */
export function drawClassList(ctx: RenderContext, g: Gradebook): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = top - 20;
  canvas.text('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH', MARGIN.left, y, { size: 18, bold: true, color: COLORS.accent, align: 'center' }, inner);
  y -= 18;
  canvas.text('(Theo lớp học)', MARGIN.left, y, { size: 10, align: 'center' }, inner);
  y -= 24;
  const facts: [string, string][] = [
    ['Trường:', g.school.name], ['Địa chỉ:', [g.school.addressAsOf.commune, g.school.addressAsOf.district, g.school.addressAsOf.province].filter(Boolean).join(', ')],
    ['Lớp:', `${g.className} (khối ${g.grade})`], ['Năm học:', g.schoolYear], ['Giáo viên chủ nhiệm:', g.homeroom.name],
    ['Số học sinh:', String(g.students.length)],
  ];
  for (const [label, value] of facts) {
    canvas.text(label, MARGIN.left + 40, y, { size: 10.5 });
    canvas.text(value, MARGIN.left + 170, y, { size: 10.5, bold: true });
    y -= 16;
  }
  y -= 10;
  canvas.text('DANH SÁCH HỌC SINH', MARGIN.left, y, { size: 11.5, bold: true, align: 'center' }, inner);
  y -= 8;
  drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 8.5,
    newPage: () => { const p = ctx.newPage(); return { canvas: p.canvas, y: drawClassHeading(p.canvas, p.y, g, 'DANH SÁCH HỌC SINH (tiếp)') }; },
    columns: [
      { header: 'STT', width: 28, align: 'center' }, { header: 'Họ và tên', width: 190 },
      { header: 'Giới tính', width: 55, align: 'center' }, { header: 'Ngày sinh', width: 80, align: 'center' },
      { header: 'Mã học sinh', width: inner - 353, align: 'center' },
    ],
    rows: g.students.map((s, i) => ({ cells: [String(i + 1), s.fullName, sexText(s.sex), dateText(s.dateOfBirth), s.moetStudentId ?? s.id] })),
  });
}

function regularCount(g: Gradebook, slug: string): number {
  let n = 0;
  for (const e of g.entries) if (e.subjectSlug === slug) n = Math.max(n, e.regular.length);
  return Math.max(n, 1);
}

/**
 * One subject's table (both semesters and the year) with the `GV_BO_MON.<year>.<slug>` signature.
 *
 * @example
 * ```ts
 * drawSubjectPage(ctx, gradebook, gradebook.subjects[0], indexGradebook(gradebook));
 * ```
 */
export function drawSubjectPage(ctx: RenderContext, g: Gradebook, subject: SubjectDef, index: GradebookIndex): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  const kind = subject.assessment === 'COMMENT' ? 'đánh giá bằng nhận xét' : 'đánh giá bằng nhận xét kết hợp điểm số';
  const heading = (c: Canvas, y: number): number => drawClassHeading(c, y, g, `Môn học: ${subject.nameVi} (${kind})`);
  const y = heading(canvas, top);
  const n = regularCount(g, subject.slug);
  const semesterCols = (sem: string): TableColumn[] => [
    ...Array.from({ length: n }, (_, i) => ({ header: `TX${i + 1}`, width: 0, align: 'center' as const, group: `Học kì ${sem}` })),
    { header: 'GK', width: 0, align: 'center', group: `Học kì ${sem}` },
    { header: 'CK', width: 0, align: 'center', group: `Học kì ${sem}` },
    { header: subject.assessment === 'COMMENT' ? 'KQ' : 'TB', width: 0, align: 'center', group: `Học kì ${sem}` },
  ];
  const marks = [...semesterCols('I'), ...semesterCols('II'), { header: 'Cả năm', width: 0, align: 'center' as const }];
  const fixed = 22 + 118;
  const each = (inner - fixed) / marks.length;
  const columns: TableColumn[] = [{ header: 'STT', width: 22, align: 'center' }, { header: 'Họ và tên', width: 118 }, ...marks.map((m) => ({ ...m, width: each, fit: true }))];
  const semCells = (studentId: string, sem: 1 | 2): string[] => {
    const e = index.entry(studentId, subject.slug, sem);
    const regular = Array.from({ length: n }, (_, i) => { const v = e?.regular[i]; return v === null || v === undefined ? '' : markText(v); });
    return [...regular, markText(e?.midterm), markText(e?.final), markText(e?.average)];
  };
  let teacher = g.entries.find((e) => e.subjectSlug === subject.slug)?.enteredBy;
  const end = drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 7.2, headerFontSize: 7.2, rowPadding: 1.3,
    newPage: () => { const p = ctx.newPage(); return { canvas: p.canvas, y: heading(p.canvas, p.y) }; },
    columns,
    rows: g.students.map((s, i) => ({ cells: [String(i + 1), s.fullName, ...semCells(s.id, 1), ...semCells(s.id, 2), index.year(s.id, subject.slug)] })),
  });
  let c = end.canvas;
  let bottom = end.y - 8;
  if (bottom - COMPACT_SIGNATURE_BLOCK_HEIGHT < MARGIN.bottom) { const p = ctx.newPage(); c = p.canvas; bottom = heading(c, p.y); }
  c.text('TX: đánh giá thường xuyên; GK: giữa kì; CK: cuối kì; TB: điểm trung bình môn học kì.', MARGIN.left, bottom - 12, { size: 7.5, color: COLORS.muted });
  teacher ??= { role: 'GV_BO_MON', name: '' };
  drawSignatureBlock(c, ctx.fields, MARGIN.left + inner / 2, bottom, inner / 2, {
    title: 'GIÁO VIÊN MÔN HỌC', hint: '(Ký và ghi rõ họ tên)', name: teacher.name, slot: { role: 'GV_BO_MON', schoolYear: g.schoolYear, subject: subject.slug },
  }, 36);
}

/**
 * The summary: students × subjects (year results), then the GVCN, principal and seal signatures.
 *
 * @example
 * ```ts
 * drawSummary(ctx, gradebook, indexGradebook(gradebook));
 * ```
 */
export function drawSummary(ctx: RenderContext, g: Gradebook, index: GradebookIndex): void {
  const { canvas, y: top } = ctx.newPage();
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  const heading = (c: Canvas, y: number): number => drawClassHeading(c, y, g, 'TỔNG HỢP KẾT QUẢ CẢ NĂM CÁC MÔN HỌC');
  const y = heading(canvas, top);
  const fixed = 22 + 112;
  const each = (inner - fixed) / Math.max(1, g.subjects.length);
  const end = drawTable(canvas, y, {
    x: MARGIN.left, bottom: MARGIN.bottom, fontSize: 7.6, headerFontSize: 6.6, rowPadding: 1.8,
    newPage: () => { const p = ctx.newPage(); return { canvas: p.canvas, y: heading(p.canvas, p.y) }; },
    columns: [
      { header: 'STT', width: 22, align: 'center' }, { header: 'Họ và tên', width: 112 },
      ...g.subjects.map((s) => ({ header: s.nameVi, width: each, align: 'center' as const, fit: true })),
    ],
    rows: g.students.map((s, i) => ({ cells: [String(i + 1), s.fullName, ...g.subjects.map((sub) => index.year(s.id, sub.slug))] })),
  });
  let c = end.canvas;
  let bottom = end.y - 10;
  const needed = 2 * SIGNATURE_BLOCK_HEIGHT + 30;
  if (bottom - needed < MARGIN.bottom) { const p = ctx.newPage(); c = p.canvas; bottom = heading(c, p.y); }
  const half = inner / 2;
  c.text(`${placeName(g.school)}, ngày …… tháng …… năm ……`, MARGIN.left + half, bottom - 10, { size: 9, color: COLORS.muted, align: 'center' }, half);
  bottom -= 16;
  const principal = g.locks?.find((l) => l.scope === 'YEAR')?.by;
  drawSignatureBlock(c, ctx.fields, MARGIN.left, bottom, half, {
    title: 'GIÁO VIÊN CHỦ NHIỆM', hint: '(Ký và ghi rõ họ tên)', name: g.homeroom.name, slot: { role: 'GVCN', schoolYear: g.schoolYear },
  });
  drawSignatureBlock(c, ctx.fields, MARGIN.left + half, bottom, half, {
    title: principal?.role === 'PHO_HIEU_TRUONG_UQ' ? 'KT. HIỆU TRƯỞNG — PHÓ HIỆU TRƯỞNG' : 'HIỆU TRƯỞNG',
    hint: `(${SIGNER_ROLE_LABELS[principal?.role ?? 'HIEU_TRUONG'].vi}: ký, ghi rõ họ tên, đóng dấu)`, name: principal?.name ?? '',
    slot: { role: 'HIEU_TRUONG', schoolYear: g.schoolYear },
  });
  drawSignatureBlock(c, ctx.fields, MARGIN.left + half, bottom - SIGNATURE_BLOCK_HEIGHT, half, {
    title: 'ĐƠN VỊ (CON DẤU SỐ)', hint: '(Chữ ký số của nhà trường)', name: g.school.name, slot: { role: 'DON_VI_CON_DAU', schoolYear: g.schoolYear },
  });
}
