/**
 * `edusign demo`: the guided tour (render, sign in sequence, verify — offline, with a throw-away PKI).
 * @module
 */
import { parseArgs } from 'node:util';
import { runDemo } from '../../demo/run-demo.js';
import { EXIT, type CliCommand } from '../command.js';
import { asUsageError } from '../options/usage-error.js';

const USAGE = `edusign demo [--out <thư mục>]

  Chạy thử toàn bộ quy trình, không cần mạng / runs the whole flow offline: a throw-away PKI with in-process
  OCSP/CRL/TSA, a sample THPT transcript rendered to PDF and signed by a subject teacher (certifying), the GVCN,
  the principal and the school seal up to B-LTA; XML and JSON signed too; all verified. Default --out ./edusign-demo`;

/**
 * The `edusign demo` command.
 *
 * @example
 * ```ts
 * await demoCommand.run(['--out', '/tmp/demo'], { stdout: console.log, stderr: console.error });
 * ```
 */
export const demoCommand: CliCommand = {
  summary: 'Chạy thử: kết xuất, ký lần lượt, xác minh / demo: render, sign in sequence, verify',
  usage: USAGE,
  async run(args, io) {
    try {
      const { values } = parseArgs({ args, strict: true, options: { out: { type: 'string' } } });
      const { reports } = await runDemo({ ...(values.out ? { outDir: values.out } : {}), log: io.stdout });
      const all = [reports.pdf, reports.xml, reports.json];
      return all.every((r) => r.indication === 'TOTAL_PASSED') ? EXIT.OK : EXIT.INVALID;
    } catch (error) {
      throw asUsageError(error);
    }
  },
};

export default demoCommand;
