/**
 * PDF dates (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSSOHH'mm'`.
 * @module
 */
import { decodeTextString, PdfString, type PdfObject } from '../pdf/objects.js';

const DATE = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/;

/**
 * Parse a PDF date string; `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parsePdfDate(textString("D:20261129150000+07'00'"))?.toISOString(); // '2026-11-29T08:00:00.000Z'
 * ```
 */
export function parsePdfDate(value: PdfObject | undefined): Date | undefined {
  if (!(value instanceof PdfString)) return undefined;
  const m = DATE.exec(decodeTextString(value).trim());
  if (!m) return undefined;
  const n = (i: number, d: number): number => (m[i] === undefined ? d : Number(m[i]));
  const utc = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offsetMinutes = sign * (n(8, 0) * 60 + n(9, 0));
  const d = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
