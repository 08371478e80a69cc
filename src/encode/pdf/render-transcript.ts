/**
 * `renderTranscriptPdf`: a học bạ as an A4 PDF/A-3b document.
 * @module
 */
import type { Transcript } from '../../model/types.js';
import { RenderContext } from './document.js';
import type { RenderPdfOptions } from './options.js';
import { checkRecordKind } from './record-check.js';
import { levelTitle } from './text.js';
import { drawCover, drawIdentityPage } from './transcript/front-pages.js';
import { drawPrimaryResults, drawPrimarySubjects } from './transcript/year-primary.js';
import { drawSecondaryResults, drawSecondarySubjects } from './transcript/year-secondary.js';

/**
 * Renders a transcript (học bạ) as a PDF: cover, page 1 (identity, "Quá trình học tập"), then two pages per
 * school year (subjects with a signature field per subject teacher; results with GVCN, principal and seal
 * fields), a QR code on every page footer, the canonical JSON and XML of the record embedded as associated
 * files, PDF/A-3b metadata. The same record and options give the same bytes. The record should be valid
 * (`validateTranscript`); only its shape is checked here (`RECORD_INVALID`).
 *
 * Signature field names: `GV_BO_MON.<year>.<subject slug>`, `GVCN.<year>`, `HIEU_TRUONG.<year>`, `DON_VI_CON_DAU.<year>`.
 *
 * @example
 * ```ts
 * const pdf = await renderTranscriptPdf(transcript, { verifyUrlPattern: 'https://hocba.example.vn/v/{id}#{sha256}' });
 * await writeFile('hoc-ba.pdf', pdf);
 * ```
 */
export async function renderTranscriptPdf(record: Transcript, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  checkRecordKind(record, 'transcript');
  const ctx = await RenderContext.create(record, options);
  drawCover(ctx, record);
  drawIdentityPage(ctx, record);
  for (const year of record.years) {
    if (year.regime === 'TT22_2021' || year.regime === 'TT58_2011') {
      drawSecondarySubjects(ctx, record, year);
      drawSecondaryResults(ctx, record, year);
    } else {
      drawPrimarySubjects(ctx, record, year);
      drawPrimaryResults(ctx, record, year);
    }
  }
  const label = `Học bạ ${levelTitle(record.level).toLowerCase()} – ${record.student.fullName}`;
  const school = record.years.at(-1)?.school ?? record.enrollmentHistory.at(-1)?.school;
  return ctx.finish({ documentLabel: label }, {
    title: label,
    author: school?.name ?? 'edusign-vn',
    subject: `Học bạ (transcript) ${record.id}, phiên bản ${record.version}`,
    keywords: ['học bạ', 'transcript', record.id, `sha256:${ctx.sha256}`],
  });
}
