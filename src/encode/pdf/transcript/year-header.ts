/**
 * The heading line of a year page: student, class, school year.
 * @module
 */
import type { SchoolYearRecord, Transcript } from '../../../model/types.js';
import { COLORS, type Canvas } from '../canvas.js';
import { MARGIN } from '../document.js';

/**
 * Draws `Họ và tên … Lớp … Năm học …` and a rule; returns the y below it.
 *
 * @example
 * ```ts
 * y = drawYearHeader(canvas, y, transcript, year);
 * ```
 */
export function drawYearHeader(canvas: Canvas, top: number, t: Transcript, year: SchoolYearRecord): number {
  const inner = canvas.width - MARGIN.left - MARGIN.right;
  let y = top - 10;
  canvas.text('Họ và tên:', MARGIN.left, y, { size: 10.5 });
  canvas.text(t.student.fullName, MARGIN.left + canvas.measure('Họ và tên: ', 10.5), y, { size: 10.5, bold: true });
  canvas.text(`Lớp: ${year.className}`, MARGIN.left + 270, y, { size: 10.5, bold: true });
  canvas.text(`Năm học: ${year.schoolYear}`, MARGIN.left, y, { size: 10.5, bold: true, align: 'right' }, inner);
  y -= 14;
  canvas.text(`${year.school.name} — khối ${year.grade}`, MARGIN.left, y, { size: 8.5, color: COLORS.muted });
  y -= 8;
  canvas.line(MARGIN.left, y, MARGIN.left + inner, y, 0.6);
  return y - 14;
}
