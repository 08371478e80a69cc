/**
 * Deterministic document dates: from the options, else from the record itself.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Gradebook, Transcript } from '../../model/types.js';
import type { RenderPdfOptions } from './options.js';

function toDate(value: Date | string, name: string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `${name} is not a valid date`, detailVi: `${name} không phải ngày hợp lệ` });
  }
  date.setUTCMilliseconds(0);
  return date;
}

/** Instants recorded in a record (locks, updates, corrections), as RFC 3339 strings. */
function recordInstants(record: Transcript | Gradebook): string[] {
  if (record.kind === 'gradebook') {
    return [...(record.locks ?? []).map((l) => l.at), ...record.entries.map((e) => e.updatedAt)];
  }
  return record.years.flatMap((y) => (y.corrections ?? []).map((c) => c.at));
}

/**
 * The latest instant found in the record, else 31 May (00:00 +07:00) of the end of its last school year.
 *
 * @example
 * ```ts
 * defaultDocumentDate(gradebook) // the year lock's time, e.g. 2025-05-28T02:00:00Z
 * ```
 */
export function defaultDocumentDate(record: Transcript | Gradebook): Date {
  const times = recordInstants(record).map((t) => new Date(t).getTime()).filter((t) => !Number.isNaN(t));
  if (times.length > 0) return toDate(new Date(Math.max(...times)), 'record date');
  const lastYear = record.kind === 'gradebook' ? record.schoolYear : record.years.at(-1)?.schoolYear;
  const endYear = lastYear !== undefined && /^\d{4}-\d{4}$/.test(lastYear) ? lastYear.slice(5) : '2000';
  return new Date(`${endYear}-05-31T00:00:00+07:00`);
}

/**
 * Creation and modification dates of the document.
 *
 * @example
 * ```ts
 * resolveDates(transcript, { creationDate: '2025-06-01T08:00:00+07:00' })
 * ```
 */
export function resolveDates(record: Transcript | Gradebook, options: RenderPdfOptions): { creationDate: Date; modificationDate: Date } {
  const creationDate = options.creationDate !== undefined ? toDate(options.creationDate, 'creationDate') : defaultDocumentDate(record);
  const modificationDate = options.modificationDate !== undefined ? toDate(options.modificationDate, 'modificationDate') : creationDate;
  return { creationDate, modificationDate };
}
