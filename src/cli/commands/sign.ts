/**
 * `edusign sign <in> --out <file>`: sign a PDF (PAdES), XML (XAdES) or JSON (JAdES) document, format chosen by
 * content. Signing an already signed document adds the next signer's signature without breaking earlier ones.
 * The signer's certificate is checked first (validity, key usage, path, revocation); `--allow-invalid-cert`
 * overrides a refusal and records it as a warning.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { detectFormat, EdusignError, httpTimestampAuthority, type BaselineLevel } from '../../index.js';
import { EXIT, type CliCommand, type CliIo } from '../command.js';
import { PKI_ARG_OPTIONS, pkiFromArgs } from '../options/pki-options.js';
import { SIGNER_ARG_OPTIONS, signerFromArgs } from '../options/signer-options.js';
import { readInputFile } from '../options/read-input.js';
import { asUsageError, usageError } from '../options/usage-error.js';
import type { CliSignRequest, CliSignResult } from '../sign/common.js';
import { signJsonFile } from '../sign/sign-json-file.js';
import { signPdfFile } from '../sign/sign-pdf-file.js';
import { signXmlFile } from '../sign/sign-xml-file.js';

const USAGE = `edusign sign <vào.pdf|vào.xml|vào.json> --out <ra> <nguồn khóa> [tùy chọn]

Nguồn khóa / key source (one of):
  --p12 <tệp.p12> [--password <mật khẩu>]            (or EDUSIGN_PASSWORD)
  --key <khóa.pem> --cert <chứng thư.pem> [--chain <tệp>…]   (--key <tệp.p12> alone = PKCS#12)
  --pkcs11-lib <module.so> --pin <PIN> [--token-label <nhãn>] [--key-label <nhãn>] [--cert <pem>]   (or EDUSIGN_PIN)
Chung / common:
  --level B-B|B-T|B-LT|B-LTA   (default B-B; B-T and above need --tsa)
  --tsa <url>                  RFC 3161 timestamp authority
  --role <chức danh>           e.g. "Hiệu trưởng"
  --trust <tệp|thư mục>…  [--intermediate …] [--pin-anchor <sha256>…] [--offline] [--resolve host=ip:port…]
  --allow-invalid-cert         sign even if the certificate check fails (recorded as a warning)
PDF: --certify 1|2|3  --field <tên trường>  --visible trang,x,y,rộng,cao  --image <png|jpg>  --reason <…>  --location <…>
XML: --slot <GVCN|HieuTruong|…>  --countersign <id chữ ký>  --record-id <Id>
JSON: --detached  (payload not embedded; verify with --payload)
Exit: 0 = đã ký/signed, 64 = lỗi đầu vào hoặc từ chối ký/unusable input or refused`;

const LEVELS: readonly BaselineLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];


async function run(args: string[], io: CliIo): Promise<number> {
  // `--pin` is the token PIN here; anchor pins are `--pin-anchor`.
  const { pin: _anchorPins, at: _at, ...pkiOptions } = PKI_ARG_OPTIONS;
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      ...pkiOptions, 'pin-anchor': { type: 'string', multiple: true },
      ...SIGNER_ARG_OPTIONS,
      out: { type: 'string' }, level: { type: 'string' }, tsa: { type: 'string' }, role: { type: 'string' },
      'allow-invalid-cert': { type: 'boolean' },
      certify: { type: 'string' }, field: { type: 'string' }, visible: { type: 'string' }, image: { type: 'string' },
      reason: { type: 'string' }, location: { type: 'string' },
      slot: { type: 'string' }, countersign: { type: 'string' }, 'record-id': { type: 'string' },
      detached: { type: 'boolean' },
    },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw usageError('sign needs exactly one input file', 'sign cần đúng một tệp đầu vào');
  if (!values.out) throw usageError('sign needs --out <file>', 'sign cần --out <tệp>');
  const level = (values.level ?? 'B-B') as BaselineLevel;
  if (!LEVELS.includes(level)) throw usageError(`--level must be one of ${LEVELS.join(', ')}`);
  if (level !== 'B-B' && !values.tsa) throw usageError(`--level ${level} needs --tsa <url>`, `--level ${level} cần --tsa <url>`);
  const input = await readInputFile(file);
  const format = detectFormat(input);
  if (!format) throw new EdusignError('UNSUPPORTED_FORMAT', { detail: `${file}: not a PDF, XML or JSON document` });
  const pki = await pkiFromArgs({
    ...(values.trust ? { trust: values.trust } : {}),
    ...(values.intermediate ? { intermediate: values.intermediate } : {}),
    ...(values['pin-anchor'] ? { pin: values['pin-anchor'] } : {}),
    ...(values.offline ? { offline: true } : {}),
    ...(values.resolve ? { resolve: values.resolve } : {}),
  });
  const { signer, close } = await signerFromArgs(values);
  try {
    const request: CliSignRequest = {
      signer, level,
      ...(values.tsa ? { timestampAuthority: httpTimestampAuthority(values.tsa, { fetcher: pki.fetcher }) } : {}),
      ...(values.role ? { role: values.role } : {}),
      ...(pki.trustStore ? { trustStore: pki.trustStore } : {}),
      offline: pki.offline, fetcher: pki.fetcher, cache: pki.cache,
      allowInvalidCertificate: values['allow-invalid-cert'] ?? false,
    };
    let result: CliSignResult;
    if (format === 'PAdES') result = await signPdfFile(input, request, values);
    else if (format === 'XAdES') {
      result = await signXmlFile(input, request, {
        ...(values.slot ? { slot: values.slot } : {}),
        ...(values.countersign ? { countersign: values.countersign } : {}),
        ...(values['record-id'] ? { recordId: values['record-id'] } : {}),
      });
    } else result = await signJsonFile(input, request, { detached: values.detached ?? false });
    await writeFile(values.out, result.bytes);
    io.stdout(`Đã ký / signed: ${values.out} — ${result.summary}`);
    for (const w of result.warnings) io.stderr(`[${w.code}] ${w.messageVi} / ${w.message}`);
    return EXIT.OK;
  } finally {
    await close();
  }
}

/**
 * The `edusign sign` command.
 *
 * @example
 * ```ts
 * await signCommand.run(['hoc-ba.pdf', '--out', 'hoc-ba.signed.pdf', '--p12', 'gvcn.p12', '--password', '123456',
 *   '--trust', 'roots.pem'], { stdout: console.log, stderr: console.error });
 * ```
 */
export const signCommand: CliCommand = {
  summary: 'Ký số tài liệu PDF/XML/JSON / sign a PDF, XML or JSON document',
  usage: USAGE,
  async run(args, io) {
    try {
      return await run(args, io);
    } catch (error) {
      throw asUsageError(error);
    }
  },
};

export default signCommand;
