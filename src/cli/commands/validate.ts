/**
 * `edusign validate <file.json|file.xml> [--json]`: checks a transcript or gradebook against the Ministry rules.
 * Exit 0 = valid, 1 = invalid (findings listed), 64 = unusable input (unreadable, malformed JSON/XML, DTD, …).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT, type CliCommand } from '../command.js';
import {
  EdusignError, isEdusignError, parseRecord, validateGradebook, validateTranscript, type ModelFinding,
  type RecordEncoding, type ValidationResult,
} from '../../index.js';

const USAGE = `edusign validate <file.json|file.xml> [--json]

Kiểm tra học bạ / sổ theo dõi đánh giá theo quy định của Bộ GDĐT (TT22/2021, TT27/2020, TT58/2011).
Checks a transcript or gradebook (JSON or XML) against the Ministry rules.

  --json   machine-readable report on stdout
Exit: 0 hợp lệ/valid, 1 không hợp lệ/invalid, 64 không đọc được/unusable input`;

/** The machine-readable report of `edusign validate --json`. */
export interface ValidateReport {
  file: string;
  encoding: RecordEncoding;
  /** `transcript`, `gradebook`, or `unknown` when the value names neither. */
  kind: 'transcript' | 'gradebook' | 'unknown';
  id?: string;
  ok: boolean;
  errors: ModelFinding[];
  warnings: ModelFinding[];
}

function usage(detail: string): EdusignError {
  return new EdusignError('CLI_USAGE', { detail: `${detail}\n\n${USAGE}` });
}

function parse(args: string[]): { file: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  } catch (cause) {
    throw usage(cause instanceof Error ? cause.message : String(cause));
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw usage('expected exactly one file');
  return { file, json: parsed.values.json === true };
}

/** Runs the model validation matching the record's `kind`; a value of neither kind is validated as a transcript. */
function validateValue(value: unknown): { kind: ValidateReport['kind']; result: ValidationResult } {
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
  if (kind === 'gradebook') return { kind, result: validateGradebook(value) };
  return { kind: kind === 'transcript' ? kind : 'unknown', result: validateTranscript(value) };
}

/** An XML file whose structure is not a record is an invalid record, reported like any finding. */
function structureFinding(error: EdusignError): ModelFinding {
  const path = typeof error.context.path === 'string' ? error.context.path : '';
  return { code: error.code, path, message: error.message, messageVi: error.messageVi };
}

function findingLines(finding: ModelFinding): string[] {
  // the model's messages usually carry the two values already; add them only when they do not
  const values = (finding.declared !== undefined || finding.computed !== undefined) &&
    !(finding.declared !== undefined && finding.message.includes(finding.declared));
  const vi = values ? ` (ghi trong hồ sơ: ${finding.declared ?? '—'}; tính lại: ${finding.computed ?? '—'})` : '';
  const en = values ? ` (declared: ${finding.declared ?? '—'}; computed: ${finding.computed ?? '—'})` : '';
  return [`  [${finding.code}] ${finding.path || '/'}`, `    vi: ${finding.messageVi}${vi}`, `    en: ${finding.message}${en}`];
}

/**
 * The bilingual human report of `edusign validate`.
 *
 * @example
 * ```ts
 * io.stdout(renderValidateText(report));
 * ```
 */
export function renderValidateText(report: ValidateReport): string {
  const kindText = report.kind === 'transcript' ? 'học bạ / transcript' : report.kind === 'gradebook' ? 'sổ theo dõi đánh giá / gradebook' : 'không rõ / unknown';
  const lines = [
    `Tệp / File: ${report.file} (${report.encoding.toUpperCase()})`,
    `Loại / Kind: ${kindText}${report.id ? ` — ${report.id}` : ''}`,
    `Kết quả / Result: ${report.ok ? 'HỢP LỆ / VALID' : 'KHÔNG HỢP LỆ / INVALID'}`,
  ];
  if (report.errors.length > 0) lines.push('', `Lỗi / Errors (${report.errors.length}):`, ...report.errors.flatMap(findingLines));
  if (report.warnings.length > 0) lines.push('', `Cảnh báo / Warnings (${report.warnings.length}):`, ...report.warnings.flatMap(findingLines));
  return `${lines.join('\n')}\n`;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new EdusignError('IO_ERROR', { detail: `cannot read ${file}`, detailVi: `không đọc được ${file}`, cause });
  }
}

/** Builds the report of one file; throws EdusignError for unusable input. */
async function validateFile(file: string): Promise<ValidateReport> {
  const bytes = await readInput(file);
  let encoding: RecordEncoding;
  let value: unknown;
  try {
    ({ encoding, value } = parseRecord(bytes));
  } catch (error) {
    if (isEdusignError(error) && error.code === 'XML_UNEXPECTED_STRUCTURE') {
      return { file, encoding: 'xml', kind: 'unknown', ok: false, errors: [structureFinding(error)], warnings: [] };
    }
    throw error;
  }
  const { kind, result } = validateValue(value);
  const id = typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  const report: ValidateReport = { file, encoding, kind, ok: result.ok, errors: result.errors, warnings: result.warnings };
  if (id !== undefined) report.id = id;
  return report;
}

/** `edusign validate`. */
export const command: CliCommand = {
  summary: 'Kiểm tra học bạ/sổ điểm theo quy định / validate a transcript or gradebook',
  usage: USAGE,
  async run(args, io) {
    const { file, json } = parse(args);
    const report = await validateFile(file);
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : renderValidateText(report));
    return report.ok ? EXIT.OK : EXIT.INVALID;
  },
};
