/**
 * `renderGradebookPdf`: a class gradebook as an A4 PDF/A-3b document.
 * @module
 */
import type { Gradebook } from '../../model/types.js';
import { RenderContext } from './document.js';
import { drawClassList, drawSubjectPage, drawSummary, indexGradebook } from './gradebook/pages.js';
import type { RenderPdfOptions } from './options.js';
import { checkRecordKind } from './record-check.js';

/**
 * Renders a gradebook (sổ theo dõi và đánh giá học sinh) as a PDF: title page with the class list, one table
 * per subject (ĐĐGtx…, GK, CK, semester result for HKI and HKII, year result) signed by its subject teacher,
 * and a summary of year results signed by the GVCN, the principal and the school seal. Tables paginate with
 * repeated headers (a class of 45 students fits one page per subject). QR code, embedded record, PDF/A-3b
 * metadata and determinism as in `renderTranscriptPdf`.
 *
 * Signature field names: `GV_BO_MON.<year>.<subject slug>`, `GVCN.<year>`, `HIEU_TRUONG.<year>`, `DON_VI_CON_DAU.<year>`.
 *
 * @example
 * ```ts
 * const pdf = await renderGradebookPdf(gradebook, { creationDate: '2025-05-28T09:00:00+07:00' });
 * ```
 */
export async function renderGradebookPdf(record: Gradebook, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  checkRecordKind(record, 'gradebook');
  const ctx = await RenderContext.create(record, options);
  const index = indexGradebook(record);
  drawClassList(ctx, record);
  for (const subject of record.subjects) drawSubjectPage(ctx, record, subject, index);
  drawSummary(ctx, record, index);
  const label = `Sổ theo dõi và đánh giá học sinh – lớp ${record.className} – ${record.schoolYear}`;
  return ctx.finish({ documentLabel: label }, {
    title: label,
    author: record.school.name,
    subject: `Sổ điểm (gradebook) ${record.id}, phiên bản ${record.version}`,
    keywords: ['sổ điểm', 'gradebook', record.id, `sha256:${ctx.sha256}`],
  });
}
