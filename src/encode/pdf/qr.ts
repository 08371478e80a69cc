/**
 * A QR code drawn as vector rectangles (one rectangle per horizontal run of dark modules, one fill), no raster.
 * @module
 */
import QRCode from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator, type PDFPage } from 'pdf-lib';

/** The module matrix of a QR code: `size` × `size`, `dark(row, col)`. */
export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

/**
 * Encodes `text` as a QR code (error correction M, byte mode as needed).
 *
 * @example
 * ```ts
 * const m = qrMatrix('https://verify.example.edu.vn/v/hb-1#ab12'); // m.size === 41 or so
 * ```
 */
export function qrMatrix(text: string): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = code.modules;
  return { size, dark: (row, col) => Boolean(code.modules.get(row, col)) };
}

/**
 * PDF operators drawing the matrix in black at (x, y) (lower-left corner), `side` points wide, with a quiet zone
 * of `quiet` modules (default 2) included in `side`.
 *
 * @example
 * ```ts
 * page.pushOperators(...qrOperators(qrMatrix(url), 480, 30, 64));
 * ```
 */
export function qrOperators(matrix: QrMatrix, x: number, y: number, side: number, quiet = 2): PDFOperator[] {
  const unit = side / (matrix.size + 2 * quiet);
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) { col++; continue; }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      const top = y + side - (quiet + row) * unit;
      ops.push(rectangle(round(x + (quiet + start) * unit), round(top - unit), round((col - start) * unit), round(unit)));
    }
  }
  ops.push(fill(), popGraphicsState());
  return ops;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * Draws a QR code on a page.
 *
 * @example
 * ```ts
 * drawQr(page, 'https://verify.example.edu.vn/v/hb-1#ab12', 500, 20, 60);
 * ```
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
  page.pushOperators(...qrOperators(qrMatrix(text), x, y, side));
}
