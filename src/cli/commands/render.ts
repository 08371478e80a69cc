/**
 * `edusign render <record.json|record.xml> --out <file.pdf> [--verify-url <pattern>] [--date <iso>]`: renders a
 * transcript or gradebook as a PDF/A-3b document with empty signature fields. Exit 0 = written, 64 = unusable
 * input or usage error.
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT, type CliCommand } from '../command.js';
import {
  EdusignError, parseRecord, renderGradebookPdf, renderTranscriptPdf, type Gradebook, type RenderPdfOptions,
  type Transcript,
} from '../../index.js';

const USAGE = `edusign render <record.json|record.xml> --out <file.pdf> [--verify-url <pattern>] [--date <iso>]

Xuất học bạ / sổ điểm ra PDF/A-3 (có ô chữ ký trống, mã QR, dữ liệu gốc đính kèm).
Renders a transcript or gradebook as a PDF/A-3b document (empty signature fields, QR code, embedded record).

  --out file           the PDF to write
  --verify-url pattern verification URL in the QR code; {id}, {sha256}, {kind}
                       (default https://verify.example.edu.vn/v/{id}#{sha256})
  --date iso           document date (default: from the record), e.g. 2025-05-31T08:00:00+07:00
Exit: 0 ok, 64 không dùng được/unusable input or usage error`;

function usage(detail: string): EdusignError {
  return new EdusignError('CLI_USAGE', { detail: `${detail}\n\n${USAGE}` });
}

/**
 * Renders one record file's bytes (JSON or XML) to PDF bytes.
 *
 * @example
 * ```ts
 * const pdf = await renderRecordFile(await readFile('hb.json'), { verifyUrlPattern: 'https://x.vn/{id}#{sha256}' });
 * ```
 */
export async function renderRecordFile(bytes: Uint8Array, options: RenderPdfOptions): Promise<Uint8Array> {
  const value = parseRecord(bytes).value;
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.kind : undefined;
  if (kind === 'transcript') return renderTranscriptPdf(value as unknown as Transcript, options);
  if (kind === 'gradebook') return renderGradebookPdf(value as unknown as Gradebook, options);
  throw new EdusignError('RECORD_INVALID', { detail: '"kind" must be "transcript" or "gradebook"', detailVi: '"kind" phải là "transcript" hoặc "gradebook"' });
}

/** `edusign render`. */
export const command: CliCommand = {
  summary: 'Xuất hồ sơ ra PDF/A-3 có ô ký / render a record as a PDF with signature fields',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { out: { type: 'string' }, 'verify-url': { type: 'string' }, date: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (cause) {
      throw usage(cause instanceof Error ? cause.message : String(cause));
    }
    const [input, ...extra] = parsed.positionals;
    if (input === undefined || extra.length > 0) throw usage('expected exactly one input file');
    const out = parsed.values.out;
    if (out === undefined) throw usage('--out is required');
    const options: RenderPdfOptions = {};
    if (parsed.values['verify-url'] !== undefined) options.verifyUrlPattern = parsed.values['verify-url'];
    if (parsed.values.date !== undefined) options.creationDate = parsed.values.date;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(input);
    } catch (cause) {
      throw new EdusignError('IO_ERROR', { detail: `cannot read ${input}`, detailVi: `không đọc được ${input}`, cause });
    }
    const pdf = await renderRecordFile(bytes, options);
    try {
      await writeFile(out, pdf);
    } catch (cause) {
      throw new EdusignError('IO_ERROR', { detail: `cannot write ${out}`, detailVi: `không ghi được ${out}`, cause });
    }
    io.stdout(`${out} (${pdf.length} bytes)\n`);
    return EXIT.OK;
  },
};
