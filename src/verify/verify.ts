/**
 * `verify()`: one call for every format. Sniffs the format from the content, runs the format's verifier
 * (signatures, paths, revocation, timestamps, modification analysis), then reads the signed school record and
 * checks it. Never throws for an invalid signature: that is the report.
 * @module
 */
import type { SignatureFormat, SignatureReport, VerificationReport } from '../formats/report.js';
import { verifyPdf } from '../formats/pades/index.js';
import { verifyXml } from '../formats/xades/index.js';
import { verifyJws } from '../formats/jades/index.js';
import { EdusignError, isEdusignError } from '../errors.js';
import { parseJsonStrict } from '../encode/json/parse-strict.js';
import { detectFormat } from './detect-format.js';
import type { VerifyOptions } from './options.js';
import { checkRecord } from './check-record.js';
import { recordFromPdf, recordFromXmlSignatures } from './signed-record.js';

function pkiOptions(options: VerifyOptions) {
  return {
    ...(options.trustStore ? { trustStore: options.trustStore } : {}),
    ...(options.at ? { at: options.at } : {}),
    ...(options.offline !== undefined ? { offline: options.offline } : {}),
    ...(options.revocation ? { revocation: options.revocation } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.validationData ? { validationData: options.validationData } : {}),
  };
}

/** The report for a document that carries no signature at all (as `verifyPdf` reports an unsigned PDF). */
function unsignedReport(format: SignatureFormat): VerificationReport {
  return {
    format, indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND', signatures: [],
    warnings: [{ code: 'NO_SIGNATURE', message: 'The document carries no signature', messageVi: 'Tài liệu không có chữ ký' }],
  };
}

/** A JSON document that is not a JWS at all (no JWS member), as opposed to a broken JWS. */
function isPlainJson(bytes: Uint8Array): boolean {
  try {
    const value = parseJsonStrict(bytes);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
    return !['payload', 'signatures', 'signature', 'protected'].some((k) => Object.hasOwn(value, k));
  } catch {
    return false; // malformed JSON: let the JWS verifier give its typed error
  }
}

async function verifyFormat(format: SignatureFormat, bytes: Uint8Array, options: VerifyOptions): Promise<{ report: VerificationReport; record: unknown }> {
  switch (format) {
    case 'PAdES': {
      const report = await verifyPdf(bytes, { ...pkiOptions(options), ...options.pdf });
      // The record every valid signer signed: read it from the shortest signed prefix of the file, never from
      // revisions appended after the signatures.
      const lengths = report.signatures
        .filter((s) => s.indication === 'TOTAL_PASSED' && s.coverage.kind !== 'document-timestamp' && s.coverage.signedLength)
        .map((s) => s.coverage.signedLength!);
      const record = lengths.length && options.checkRecord !== false ? await recordFromPdf(bytes.subarray(0, Math.min(...lengths))) : undefined;
      return { report, record };
    }
    case 'XAdES': {
      let report;
      try {
        report = await verifyXml(bytes, pkiOptions(options));
      } catch (error) {
        if (isEdusignError(error) && error.code === 'SIGNATURE_NOT_FOUND') return { report: unsignedReport('XAdES'), record: undefined };
        throw error;
      }
      return { report, record: recordFromXmlSignatures(report.signatures.filter((s) => s.indication === 'TOTAL_PASSED')) };
    }
    case 'JAdES': {
      if (!options.payload && isPlainJson(bytes)) return { report: unsignedReport('JAdES'), record: undefined };
      const report = await verifyJws(bytes, { ...pkiOptions(options), ...(options.payload ? { payload: options.payload } : {}) });
      const signed = report.signatures.some((s) => s.indication === 'TOTAL_PASSED');
      return { report, record: signed ? report.payload : undefined };
    }
  }
}

function withRoles(signatures: SignatureReport[], roles: Map<string, string>): SignatureReport[] {
  return signatures.map((s) => (roles.has(s.id) ? { ...s, signer: { ...s.signer, role: roles.get(s.id)! } } : s));
}

/**
 * Verifies a signed PDF, XML or JSON document and, when it holds an edusign-vn school record, checks the record.
 * The verdict is in ETSI EN 319 102-1 terms: TOTAL_PASSED (valid), TOTAL_FAILED (invalid), INDETERMINATE
 * (cannot tell, e.g. revocation unknown), with a sub-indication saying why.
 *
 * @example
 * ```ts
 * const trustStore = await loadTrustStore({ anchors: ['roots/'] });
 * const report = await verify(await readFile('hoc-ba.pdf'), { trustStore });
 * console.log(renderReportText(report));
 * ```
 */
export async function verify(bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  if (!(bytes instanceof Uint8Array)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'bytes must be a Uint8Array' });
  const format = options.format ?? detectFormat(bytes);
  if (!format) {
    throw new EdusignError('UNSUPPORTED_FORMAT', {
      detail: 'not a PDF, XML or JSON/JWS document',
      detailVi: 'không phải tài liệu PDF, XML hay JSON/JWS',
    });
  }
  const { report, record } = await verifyFormat(format, bytes, options);
  if (options.checkRecord === false || record === undefined) return report;
  const check = checkRecord(record, report.signatures);
  return { ...report, signatures: withRoles(report.signatures, check.roles), document: { kind: check.kind, issues: check.issues } };
}
