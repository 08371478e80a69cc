/**
 * `edusign extend <signed> --level B-T|B-LT|B-LTA --out <file>`: raise the level of existing signatures (add
 * timestamps, validation data, archive timestamps) without re-signing. PDF, XML or JSON by content.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  detectFormat, EdusignError, extendJws, extendPdf, extendXml, httpTimestampAuthority, parseXmlForSignature,
  type Finding,
} from '../../index.js';
import { EXIT, type CliCommand, type CliIo } from '../command.js';
import { PKI_ARG_OPTIONS, pkiFromArgs } from '../options/pki-options.js';
import { readInputFile } from '../options/read-input.js';
import { asUsageError, usageError } from '../options/usage-error.js';

const USAGE = `edusign extend <đã ký.pdf|.xml|.json> --level B-T|B-LT|B-LTA --out <ra> [--tsa <url>]
               [--signature <id (XML) | số thứ tự (JSON, từ 1)>] [--trust <tệp|thư mục>…] [--intermediate …]
               [--offline] [--resolve host=ip:port…]

  Nâng mức chữ ký đã có (dấu thời gian, dữ liệu xác minh, dấu thời gian lưu trữ) mà không ký lại /
  raise existing signatures to a higher baseline level without re-signing.
  B-T and B-LTA need --tsa; B-LT and B-LTA need --trust (to gather the validation data).
  PDF: every signature (the DSS and the document timestamp cover the whole file).
  XML, JSON: every signature, or the one --signature names.`;

const LEVELS = ['B-T', 'B-LT', 'B-LTA'] as const;
type ExtendLevel = (typeof LEVELS)[number];

/** Ids of the document's signatures, countersignatures (nested in another ds:Signature) left out. */
function signatureIds(xml: Uint8Array): string[] {
  const ids: string[] = [];
  for (const element of parseXmlForSignature(xml).signatureElements) {
    let nested = false;
    for (let p = element.parent; p && !nested; p = p.parent) nested = p.local === 'Signature' && p.ns === element.ns;
    const id = element.attrs.find((a) => a.local === 'Id' && a.ns === '')?.value;
    if (!nested && id) ids.push(id);
  }
  return ids;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { ...PKI_ARG_OPTIONS, out: { type: 'string' }, level: { type: 'string' }, tsa: { type: 'string' }, signature: { type: 'string' } },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw usageError('extend needs exactly one input file', 'extend cần đúng một tệp đầu vào');
  if (!values.out) throw usageError('extend needs --out <file>', 'extend cần --out <tệp>');
  const level = values.level as ExtendLevel;
  if (!LEVELS.includes(level)) throw usageError(`--level must be one of ${LEVELS.join(', ')}`);
  if (level !== 'B-LT' && !values.tsa) throw usageError(`--level ${level} needs --tsa <url>`, `--level ${level} cần --tsa <url>`);
  const input = await readInputFile(file);
  const format = detectFormat(input);
  if (!format) throw new EdusignError('UNSUPPORTED_FORMAT', { detail: `${file}: not a PDF, XML or JSON document` });
  const pki = await pkiFromArgs(values);
  const timestampAuthority = values.tsa ? httpTimestampAuthority(values.tsa, { fetcher: pki.fetcher }) : undefined;
  const validation = { ...(pki.trustStore ? { trustStore: pki.trustStore } : {}), fetcher: pki.fetcher, cache: pki.cache, offline: pki.offline };
  const common = { ...(timestampAuthority ? { timestampAuthority } : {}), validation };
  let bytes: Uint8Array;
  const warnings: Finding[] = [];
  if (format === 'PAdES') {
    const result = await extendPdf(input, level, common);
    bytes = result.pdf;
    warnings.push(...result.warnings);
  } else if (format === 'XAdES') {
    const ids = values.signature ? [values.signature] : signatureIds(input);
    if (ids.length === 0) throw new EdusignError('SIGNATURE_NOT_FOUND', { detail: `${file}: no ds:Signature with an Id` });
    let xml: Uint8Array = input;
    for (const id of ids) {
      const result = await extendXml(xml, id, level, { ...common, check: { ...validation } });
      xml = result.xml;
      warnings.push(...result.warnings);
    }
    bytes = xml;
  } else {
    const index = values.signature === undefined ? undefined : Number(values.signature) - 1;
    if (index !== undefined && !(Number.isInteger(index) && index >= 0)) throw usageError('--signature for JSON is the signature number, from 1');
    const result = await extendJws(input, level, { ...common, check: { ...validation }, ...(index !== undefined ? { signatureIndex: index } : {}) });
    bytes = new TextEncoder().encode(result.jws);
    warnings.push(...result.warnings);
  }
  await writeFile(values.out, bytes);
  io.stdout(`Đã nâng mức / extended to ${level}: ${values.out} (${format})`);
  for (const w of warnings) io.stderr(`[${w.code}] ${w.messageVi} / ${w.message}`);
  return EXIT.OK;
}

/**
 * The `edusign extend` command.
 *
 * @example
 * ```ts
 * await extendCommand.run(['hoc-ba.pdf', '--level', 'B-LTA', '--tsa', 'http://tsa.example/', '--trust', 'roots.pem',
 *   '--out', 'hoc-ba.lta.pdf'], { stdout: console.log, stderr: console.error });
 * ```
 */
export const extendCommand: CliCommand = {
  summary: 'Nâng mức chữ ký (B-T, B-LT, B-LTA) / raise the level of existing signatures',
  usage: USAGE,
  async run(args, io) {
    try {
      return await run(args, io);
    } catch (error) {
      throw asUsageError(error);
    }
  },
};

export default extendCommand;
