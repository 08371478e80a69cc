/**
 * A table that paginates: rows never split; when a row does not fit above the bottom margin, a new page is
 * started (through the caller's `newPage`) and the header is repeated. Headers may group columns under a
 * common label (two header rows: the group over its columns, ungrouped headers spanning both rows).
 * @module
 */
import { Canvas, COLORS } from './canvas.js';

/** One column. */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  /** Label of a column group drawn above consecutive columns with the same group. */
  group?: string;
  /** Never wrap: shrink the text to fit on one line (marks such as `10.0` in narrow columns). */
  fit?: boolean;
}

/** One body row. */
export interface TableRow {
  cells: string[];
  /** Minimum height (e.g. room for a signature). */
  minHeight?: number;
  bold?: boolean;
}

/** Where a row was drawn: its page, top, height and the left edge of each column. */
export interface DrawnRow {
  canvas: Canvas;
  top: number;
  height: number;
  columnX: number[];
}

/** Table options. */
export interface TableOptions {
  columns: TableColumn[];
  rows: TableRow[];
  x: number;
  fontSize?: number;
  headerFontSize?: number;
  /** Lowest y a row may reach. */
  bottom: number;
  /** Starts a continuation page; returns its canvas and the y where the table resumes. */
  newPage: () => { canvas: Canvas; y: number };
  /** Vertical padding of body cells (default 3). */
  rowPadding?: number;
  /** Called after each body row is drawn (to place signature fields, for example). */
  onRow?: (index: number, drawn: DrawnRow) => void;
}

const PAD = 3;

function columnXs(x: number, columns: TableColumn[]): number[] {
  const xs: number[] = [];
  let at = x;
  for (const c of columns) { xs.push(at); at += c.width; }
  return xs;
}

/** Runs of consecutive columns that share a group label. */
function groupSpans(columns: readonly TableColumn[], xs: readonly number[]): { label: string; x: number; width: number }[] {
  const spans: { label: string; x: number; width: number }[] = [];
  let i = 0;
  while (i < columns.length) {
    const label = columns[i]!.group;
    if (label === undefined) { i++; continue; }
    let width = 0;
    const start = i;
    while (i < columns.length && columns[i]!.group === label) width += columns[i++]!.width;
    spans.push({ label, x: xs[start]!, width });
  }
  return spans;
}

function drawHeader(canvas: Canvas, top: number, o: TableOptions): number {
  const size = o.headerFontSize ?? (o.fontSize ?? 9);
  const xs = columnXs(o.x, o.columns);
  const grouped = o.columns.some((c) => c.group !== undefined);
  const lineH = size * 1.25;
  const cellLines = o.columns.map((c) => canvas.wrap(c.header, c.width - 2 * PAD, size));
  const groups = groupSpans(o.columns, xs).map((g) => ({ ...g, lines: canvas.wrap(g.label, g.width - 2 * PAD, size) }));
  // A group label longer than its columns wraps onto more lines instead of running over its neighbours.
  const upperH = grouped ? Math.max(1, ...groups.map((g) => g.lines.length)) * lineH + 2 * PAD : 0;
  const linesOf = (inGroup: boolean): number => Math.max(0, ...cellLines.filter((_, i) => (o.columns[i]!.group !== undefined) === inGroup).map((l) => l.length));
  const spanning = grouped ? linesOf(false) * lineH + 2 * PAD : 0;
  const total = Math.max(upperH + (grouped ? linesOf(true) : linesOf(false)) * lineH + 2 * PAD, spanning);
  const lowerH = total - upperH;
  const totalWidth = o.columns.reduce((s, c) => s + c.width, 0);
  canvas.box(o.x, top - total, totalWidth, total, { fill: COLORS.headerFill });
  o.columns.forEach((c, i) => {
    const x = xs[i]!;
    const spanBoth = grouped && c.group === undefined;
    const cellTop = spanBoth ? top : top - upperH;
    const cellH = spanBoth ? total : lowerH;
    const lines = cellLines[i]!;
    const blockH = lines.length * lineH;
    let baseline = cellTop - (cellH - blockH) / 2 - size * 0.95;
    for (const line of lines) { canvas.text(line, x + PAD, baseline, { size, bold: true, align: 'center' }, c.width - 2 * PAD); baseline -= lineH; }
    canvas.box(x, cellTop - cellH, c.width, cellH, { stroke: 0.5 });
  });
  for (const g of groups) {
    canvas.box(g.x, top - upperH, g.width, upperH, { stroke: 0.5 });
    let baseline = top - (upperH - g.lines.length * lineH) / 2 - size * 0.95;
    for (const line of g.lines) { canvas.text(line, g.x + PAD, baseline, { size, bold: true, align: 'center' }, g.width - 2 * PAD); baseline -= lineH; }
  }
  return top - total;
}

/**
 * Draws the table from `top` on `canvas`, continuing on new pages as needed; returns where it ended.
 *
 * @example
 * ```ts
 * const end = drawTable(canvas, y, { columns, rows, x: 42, bottom: 96, newPage: () => ctx.newPage() });
 * ```
 */
export function drawTable(canvas: Canvas, top: number, o: TableOptions): { canvas: Canvas; y: number } {
  const size = o.fontSize ?? 9;
  const lineH = size * 1.25;
  const xs = columnXs(o.x, o.columns);
  let current = canvas;
  let y = drawHeader(current, top, o);
  const vpad = o.rowPadding ?? PAD;
  o.rows.forEach((row, index) => {
    const lines = row.cells.map((cell, i) => (o.columns[i]?.fit ? [cell] : current.wrap(cell, (o.columns[i]?.width ?? 20) - 2 * PAD, size)));
    const height = Math.max(row.minHeight ?? 0, Math.max(...lines.map((l) => l.length)) * lineH + 2 * vpad);
    if (y - height < o.bottom) {
      const next = o.newPage();
      current = next.canvas;
      y = drawHeader(current, next.y, o);
    }
    o.columns.forEach((c, i) => {
      const cellLines = lines[i] ?? [];
      let baseline = y - vpad - size * 0.95;
      for (const line of cellLines) {
        const room = c.width - 2 * PAD;
        const fitted = c.fit && current.measure(line, size) > room ? size * room / current.measure(line, size) : size;
        current.text(line, xs[i]! + PAD, baseline, { size: fitted, bold: row.bold, align: c.align ?? 'left' }, room);
        baseline -= lineH;
      }
      current.box(xs[i]!, y - height, c.width, height, { stroke: 0.5 });
    });
    o.onRow?.(index, { canvas: current, top: y, height, columnX: xs });
    y -= height;
  });
  return { canvas: current, y };
}
