/**
 * `edusign cert show|check`: describe a certificate (or the certificate of a PKCS#12 file) in Vietnamese and
 * English, and check it: the path to a trust anchor and the revocation status of every level.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  createFetcher, createPkiCache, describeCertificate, EdusignError, formatFingerprint, isEdusignError,
  loadTrustStore, parseCertificates, readPkcs12, validateCertificate, type CertificateDescription,
  type CertificatePurpose, type CertificateValidationResult, type Finding, type RevocationCheck,
} from '../../index.js';
import { EXIT, type CliCommand, type CliIo } from '../command.js';
import { parseResolve, parseTime } from '../options/pki-options.js';
import { asUsageError, usageError } from '../options/usage-error.js';

const USAGE = `edusign cert show <chứng thư|p12|pem> [--password <mật khẩu>] [--json]
edusign cert check <chứng thư|p12|pem> --trust <tệp|thư mục>… [--intermediate <tệp|thư mục>…] [--pin <sha256>…]
                   [--at <thời điểm ISO>] [--purpose documentSigning|ocspSigning|timeStamping|any] [--offline]
                   [--resolve <host>=<ip:port>…] [--password <mật khẩu>] [--json]

  show    Mô tả chứng thư số / describe a certificate (PEM, DER, P7B, or the certificate of a .p12/.pfx)
  check   Kiểm tra chuỗi tới CA gốc tin cậy và trạng thái thu hồi từng cấp /
          check the path to a trusted root and the revocation status of every level
          (exit 0 = hợp lệ/valid, 1 = không hợp lệ/invalid, 2 = chưa xác định/indeterminate, 64 = lỗi cú pháp/usage)`;

const PURPOSES: readonly CertificatePurpose[] = ['documentSigning', 'ocspSigning', 'timeStamping', 'any'];

/** Certificates of a file: PKCS#12 (with password) or PEM/DER/P7B. The first is the one described/checked. */
async function readCertificateFile(path: string, password: string | undefined): Promise<Uint8Array[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new EdusignError('IO_ERROR', { detail: `${path}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  const looksLikeP12 = /\.(p12|pfx)$/i.test(path) || password !== undefined;
  if (looksLikeP12) {
    try {
      const contents = readPkcs12(bytes, password ?? '');
      return [contents.certificate, ...contents.chain];
    } catch (error) {
      if (password === undefined && isEdusignError(error) && error.code === 'KEY_WRONG_PASSWORD') {
        throw new EdusignError('KEY_WRONG_PASSWORD', { detail: `${path}: give the password with --password`, detailVi: `${path}: nhập mật khẩu bằng --password`, cause: error });
      }
      throw error;
    }
  }
  return parseCertificates(bytes);
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function validityNow(d: CertificateDescription, at: Date): string {
  if (at < d.notBefore) return 'chưa có hiệu lực / not yet valid';
  if (at > d.notAfter) return 'đã hết hạn / expired';
  return 'còn hiệu lực / valid';
}

function line(label: string, value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : [`  ${label.padEnd(38)} ${value}`];
}

function renderDescription(d: CertificateDescription, index: number, count: number, now: Date): string {
  const ids = d.identifiers.map((i) => `${i.kind} ${i.value}`).join(', ');
  return [
    `Chứng thư số / Certificate ${index + 1}/${count}`,
    ...line('Chủ thể / Subject:', d.subject.text),
    ...line('Tên / Name:', d.commonName),
    ...line('Tổ chức / Organisation:', d.organization),
    ...line('Chức danh / Title:', d.title),
    ...line('Tỉnh, thành / Province:', d.province),
    ...line('Định danh / Identifiers (UID):', ids),
    ...line('Tên khác / Alternative names:', d.alternativeNames.map((n) => `${n.type}:${n.value}`).join(', ')),
    ...line('CA cấp / Issuer:', d.issuer.text),
    ...line('Số hiệu / Serial number:', d.serialNumber.toUpperCase()),
    ...line('Hiệu lực / Validity:', `${iso(d.notBefore)} → ${iso(d.notAfter)} (${validityNow(d, now)})`),
    ...line('Loại / Type:', d.isCA ? `CA${d.pathLength === undefined ? '' : ` (pathLen ${d.pathLength})`}` : 'người dùng cuối / end entity'),
    ...line('Mục đích khóa / Key usage:', d.keyUsage.join(', ')),
    ...line('Mục đích mở rộng / Extended key usage:', d.extendedKeyUsage.map((e) => e.name ?? e.oid).join(', ')),
    ...line('Chính sách / Policies:', d.policies.join(', ')),
    ...line('Khóa công khai / Public key:', [d.publicKey.algorithm, d.publicKey.curve, d.publicKey.size && `${d.publicKey.size} bit`].filter(Boolean).join(' ')),
    ...line('Thuật toán ký / Signature algorithm:', d.signatureAlgorithm.name ?? d.signatureAlgorithm.oid),
    ...line('SHA-256:', formatFingerprint(d.fingerprints.sha256)),
    ...line('SHA-1:', formatFingerprint(d.fingerprints.sha1)),
    ...line('OCSP:', d.urls.ocsp.join(', ')),
    ...line('Chứng thư CA / CA issuers:', d.urls.caIssuers.join(', ')),
    ...line('CRL:', d.urls.crl.join(', ')),
  ].join('\n');
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { password: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw usageError('cert show needs exactly one file');
  const certificates = (await readCertificateFile(file, values.password)).map((der) => describeCertificate(der));
  if (values.json) {
    io.stdout(JSON.stringify({ certificates }, null, 2));
  } else {
    const now = new Date();
    io.stdout(certificates.map((d, i) => renderDescription(d, i, certificates.length, now)).join('\n\n'));
  }
  return EXIT.OK;
}

const STATUS_TEXT: Readonly<Record<RevocationCheck['status'], string>> = {
  good: 'tốt / good', revoked: 'ĐÃ THU HỒI / REVOKED', unknown: 'không xác định / unknown', 'not-checked': 'không kiểm tra / not checked',
};

const INDICATION_TEXT: Readonly<Record<string, string>> = {
  TOTAL_PASSED: 'HỢP LỆ / VALID', TOTAL_FAILED: 'KHÔNG HỢP LỆ / INVALID', INDETERMINATE: 'CHƯA XÁC ĐỊNH / INDETERMINATE',
};

function renderRevocation(check: RevocationCheck | undefined, isAnchor: boolean): string {
  if (isAnchor) return 'Thu hồi / Revocation: CA gốc tin cậy, không kiểm tra / trust anchor, not checked';
  if (!check) return 'Thu hồi / Revocation: —';
  const parts = [`Thu hồi / Revocation: ${STATUS_TEXT[check.status]} (${check.source}${check.origin ? ` ${check.origin}` : ''})`];
  if (check.revocationTime) parts.push(`thu hồi lúc / revoked at ${iso(check.revocationTime)}${check.revocationReason ? ` (${check.revocationReason})` : ''}`);
  if (check.thisUpdate) parts.push(`thisUpdate ${iso(check.thisUpdate)}`);
  if (check.nextUpdate) parts.push(`nextUpdate ${iso(check.nextUpdate)}`);
  return parts.join('; ');
}

function renderFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => `  - [${f.code}] ${f.messageVi}\n    ${' '.repeat(f.code.length + 2)} ${f.message}`);
}

function renderCheck(result: CertificateValidationResult, at: Date): string {
  const lines = [`Kết quả / Result: ${INDICATION_TEXT[result.indication] ?? result.indication}${result.subIndication ? ` (${result.subIndication})` : ''}`,
    `Thời điểm kiểm tra / Validation time: ${iso(at)}`, '', 'Chuỗi chứng thư / Certification path:'];
  result.chain.forEach((element, level) => {
    const check = result.revocation.find((r) => r.certificateSha256 === element.sha256);
    lines.push(
      `  [${level}] ${element.subject}`,
      `      CA cấp / Issuer: ${element.issuer}`,
      `      Số hiệu / Serial: ${element.serialNumber.toUpperCase()}   Hiệu lực / Validity: ${iso(element.notBefore)} → ${iso(element.notAfter)}`,
      `      SHA-256: ${formatFingerprint(element.sha256)}   Nguồn / Source: ${element.source}`,
      `      ${renderRevocation(check, element.source === 'trust-anchor')}`,
    );
  });
  if (result.chain.length === 0) lines.push('  (không có / none)');
  if (result.findings.length > 0) lines.push('', 'Ghi chú / Findings:', ...renderFindings(result.findings));
  return lines.join('\n');
}

function toJson(result: CertificateValidationResult, at: Date): unknown {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    at,
    indication: result.indication,
    subIndication: result.subIndication,
    chain: result.chain.map(({ der, ...rest }) => ({ ...rest, der: hex(der) })),
    revocation: result.revocation.map(({ raw, ...rest }) => ({ ...rest, ...(raw ? { raw: hex(raw) } : {}) })),
    findings: result.findings,
  };
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      trust: { type: 'string', multiple: true }, intermediate: { type: 'string', multiple: true }, pin: { type: 'string', multiple: true },
      at: { type: 'string' }, purpose: { type: 'string' }, offline: { type: 'boolean' }, resolve: { type: 'string', multiple: true },
      password: { type: 'string' }, json: { type: 'boolean' },
    },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw usageError('cert check needs exactly one certificate file');
  if (!values.trust?.length) throw usageError('cert check needs at least one --trust <file|directory> (no root is built in)');
  const purpose = (values.purpose ?? 'documentSigning') as CertificatePurpose;
  if (!PURPOSES.includes(purpose)) throw usageError(`--purpose must be one of ${PURPOSES.join(', ')}`);
  const at = parseTime(values.at) ?? new Date();
  const [target, ...others] = await readCertificateFile(file, values.password);
  if (!target) throw new EdusignError('CERT_MALFORMED', { detail: `${file}: no certificate` });
  const trustStore = await loadTrustStore({
    anchors: values.trust, intermediates: values.intermediate ?? [], ...(values.pin ? { pins: values.pin } : {}),
  });
  const offline = values.offline ?? false;
  const result = await validateCertificate(target, {
    trustStore, at, purpose, offline, extraCertificates: others,
    fetcher: createFetcher({ offline, resolve: parseResolve(values.resolve ?? []) }),
    cache: createPkiCache(),
  });
  io.stdout(values.json ? JSON.stringify(toJson(result, at), null, 2) : renderCheck(result, at));
  if (result.indication === 'TOTAL_PASSED') return EXIT.OK;
  return result.indication === 'TOTAL_FAILED' ? EXIT.INVALID : EXIT.INDETERMINATE;
}

/**
 * The `edusign cert` command (`show`, `check`).
 *
 * @example
 * ```ts
 * const code = await certCommand.run(['show', 'teacher.cert.pem', '--json'], { stdout: console.log, stderr: console.error });
 * ```
 */
export const certCommand: CliCommand = {
  summary: 'Xem và kiểm tra chứng thư số / show and check certificates',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    try {
      if (sub === 'show') return await show(rest, io);
      if (sub === 'check') return await check(rest, io);
    } catch (error) {
      throw asUsageError(error);
    }
    throw usageError(`unknown sub-command "${sub ?? ''}"; expected show or check\n${USAGE}`);
  },
};

export default certCommand;
