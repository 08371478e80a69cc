/**
 * `edusign verify <file>`: verify a signed PDF, XML or JSON/JWS document (format by content) and, when it
 * carries a school record, check the record. Exit 0 valid, 1 invalid, 2 cannot tell, 64 unusable input.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { renderReportHtml, renderReportText, reportToJson, verify, type VerificationReport } from '../../index.js';
import { EXIT, type CliCommand, type CliIo } from '../command.js';
import { PKI_ARG_OPTIONS, pkiFromArgs } from '../options/pki-options.js';
import { readInputFile } from '../options/read-input.js';
import { asUsageError, usageError } from '../options/usage-error.js';

const USAGE = `edusign verify <tệp.pdf|tệp.xml|tệp.json|tệp.jws>… [--trust <tệp|thư mục>…] [--intermediate <…>…] [--pin <sha256>…]
               [--payload <tệp>] [--at <thời điểm ISO>] [--offline] [--resolve <host>=<ip:port>…]
               [--json] [--html <tệp.html>] [--no-record-check]

  Xác minh chữ ký PAdES/XAdES/JAdES (định dạng theo nội dung tệp) và kiểm tra hồ sơ được ký /
  verify PAdES/XAdES/JAdES signatures (format chosen by content) and check the signed school record.
  --payload   nội dung tách rời của JWS / the detached JWS payload
  Exit (worst of all files): 0 = hợp lệ/valid, 1 = không hợp lệ/invalid, 2 = chưa xác định/cannot tell, 64 = lỗi đầu vào/unusable input`;


async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      ...PKI_ARG_OPTIONS,
      payload: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' }, 'no-record-check': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) throw usageError('verify needs at least one file', 'verify cần ít nhất một tệp');
  if (positionals.length > 1 && (values.payload || values.html)) {
    throw usageError('--payload and --html take one file', '--payload và --html chỉ dùng với một tệp');
  }
  // One trust store, fetcher and cache for every file: a batch makes O(issuers) network requests.
  const pki = await pkiFromArgs(values);
  const payload = values.payload ? await readInputFile(values.payload) : undefined;
  const reports: VerificationReport[] = [];
  for (const file of positionals) {
    const report = await verify(await readInputFile(file), { ...pki, ...(payload ? { payload } : {}), checkRecord: !values['no-record-check'] });
    if (!pki.trustStore) {
      report.warnings.push({
        code: 'NO_TRUST_ANCHORS',
        message: 'No --trust given: no certificate chain can be validated',
        messageVi: 'Chưa chỉ định --trust: không thể kiểm tra chuỗi chứng thư',
      });
    }
    reports.push(report);
    if (!values.json) io.stdout(positionals.length > 1 ? `== ${file}\n${renderReportText(report)}\n` : renderReportText(report));
    if (values.html) await writeFile(values.html, `<!doctype html><meta charset="utf-8"><title>edusign-vn</title>\n${renderReportHtml(report)}\n`);
  }
  if (values.json) {
    const json = positionals.length === 1 ? reportToJson(reports[0]!) : positionals.map((file, i) => ({ file, report: reportToJson(reports[i]!) }));
    io.stdout(JSON.stringify(json, null, 2));
  }
  // Exit with the worst verdict: any TOTAL_FAILED is 1, else any INDETERMINATE is 2.
  if (reports.some((r) => r.indication === 'TOTAL_FAILED')) return EXIT.INVALID;
  return reports.every((r) => r.indication === 'TOTAL_PASSED') ? EXIT.OK : EXIT.INDETERMINATE;
}

/**
 * The `edusign verify` command.
 *
 * @example
 * ```ts
 * const code = await verifyCommand.run(['hoc-ba.pdf', '--trust', 'roots.pem'], { stdout: console.log, stderr: console.error });
 * ```
 */
export const verifyCommand: CliCommand = {
  summary: 'Xác minh chữ ký số của tài liệu / verify a signed document',
  usage: USAGE,
  async run(args, io) {
    try {
      return await run(args, io);
    } catch (error) {
      throw asUsageError(error);
    }
  },
};

export default verifyCommand;
