/**
 * `edusign convert <in> --to xml|json [--out file] [--canonical]`: converts a record between its JSON and XML
 * encodings (lossless; text NFC-normalised). Exit 0 = written, 64 = unusable input or usage error.
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT, type CliCommand } from '../command.js';
import {
  canonicalize, EdusignError, normalizeRecord, parseRecord, toXml, type Gradebook, type JsonValue,
  type Transcript,
} from '../../index.js';

const USAGE = `edusign convert <in.json|in.xml> --to xml|json [--out file] [--canonical] [--envelope id]

Chuyển đổi hồ sơ giữa JSON và XML (không mất dữ liệu; văn bản chuẩn hóa NFC).
Converts a record between JSON and XML (lossless; text NFC-normalised, members in schema order).

  --to xml|json   target encoding
  --out file      write there instead of stdout
  --canonical     with --to json: RFC 8785 canonical JSON (what gets signed) instead of indented JSON
  --envelope id   with --to xml: wrap for sequential XAdES signatures, <signedRecord><transcript Id="id">…
Exit: 0 ok, 64 không dùng được/unusable input or usage error`;

function usage(detail: string): EdusignError {
  return new EdusignError('CLI_USAGE', { detail: `${detail}\n\n${USAGE}` });
}

interface ConvertArgs {
  input: string;
  to: 'xml' | 'json';
  out?: string;
  canonical: boolean;
  envelope?: string;
}

function parse(args: string[]): ConvertArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { to: { type: 'string' }, out: { type: 'string' }, canonical: { type: 'boolean', default: false }, envelope: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    throw usage(cause instanceof Error ? cause.message : String(cause));
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined || extra.length > 0) throw usage('expected exactly one input file');
  const to = parsed.values.to;
  if (to !== 'xml' && to !== 'json') throw usage('--to must be xml or json');
  const canonical = parsed.values.canonical === true;
  if (canonical && to !== 'json') throw usage('--canonical applies to --to json only');
  const envelope = parsed.values.envelope;
  if (envelope !== undefined && to !== 'xml') throw usage('--envelope applies to --to xml only');
  const result: ConvertArgs = { input, to, canonical };
  if (parsed.values.out !== undefined) result.out = parsed.values.out;
  if (envelope !== undefined) result.envelope = envelope;
  return result;
}

/** The record's kind, or RECORD_INVALID: convert needs a transcript or a gradebook. */
function asRecord(value: JsonValue): Transcript | Gradebook {
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.kind : undefined;
  if (kind !== 'transcript' && kind !== 'gradebook') {
    throw new EdusignError('RECORD_INVALID', { detail: '"kind" must be "transcript" or "gradebook"', detailVi: '"kind" phải là "transcript" hoặc "gradebook"' });
  }
  return value as unknown as Transcript | Gradebook;
}

/**
 * Converts one record file's bytes to the target encoding's text.
 *
 * @example
 * ```ts
 * const xml = convertRecord(await readFile('hb.json'), 'xml', false);
 * ```
 */
export function convertRecord(bytes: Uint8Array, to: 'xml' | 'json', canonical: boolean, envelope?: string): string {
  const record = asRecord(parseRecord(bytes).value);
  if (to === 'xml') return envelope === undefined ? toXml(record) : toXml(record, { envelope: { id: envelope } });
  if (canonical) {
    toXml(record); // the same shape check (and depth bound) as the other outputs
    return canonicalize(record, { normalizeNfc: true });
  }
  return `${JSON.stringify(normalizeRecord(record), null, 2)}\n`;
}

/** `edusign convert`. */
export const command: CliCommand = {
  summary: 'Chuyển đổi hồ sơ JSON <-> XML / convert a record between JSON and XML',
  usage: USAGE,
  async run(args, io) {
    const options = parse(args);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(options.input);
    } catch (cause) {
      throw new EdusignError('IO_ERROR', { detail: `cannot read ${options.input}`, detailVi: `không đọc được ${options.input}`, cause });
    }
    const text = convertRecord(bytes, options.to, options.canonical, options.envelope);
    if (options.out === undefined) {
      io.stdout(text);
    } else {
      try {
        await writeFile(options.out, text, 'utf8');
      } catch (cause) {
        throw new EdusignError('IO_ERROR', { detail: `cannot write ${options.out}`, detailVi: `không ghi được ${options.out}`, cause });
      }
    }
    return EXIT.OK;
  },
};
