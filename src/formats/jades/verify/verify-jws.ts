/**
 * `verifyJws`: verify every signature of a JWS (compact, flattened or general JSON serialization) into the
 * shared report shape, with the signed payload read once, strictly.
 * @module
 */
import { EdusignError, isEdusignError } from '../../../errors.js';
import { canonicalizeToBytes } from '../../../encode/json/canonicalize.js';
import { isCanonicalJson } from '../../../encode/json/is-canonical.js';
import { parseJsonStrict, type JsonValue } from '../../../encode/json/parse-strict.js';
import type { Finding } from '../../../pki/indication.js';
import type { JwsVerificationReport, JwsVerifyOptions } from '../options.js';
import { decodeB64url } from '../lib/base64url.js';
import { finding } from '../lib/findings.js';
import { readProtectedHeader, type HeaderRead } from '../lib/header-read.js';
import { parseJws, type JwsDocument } from '../lib/jws-document.js';
import { worse, type Verdict } from '../../../pki/indication.js';
import { verifyJwsSignature, type VerifyContext } from './verify-signature.js';

const FORMAT: Verdict = { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' };

interface PayloadRead { bytes?: Uint8Array; value?: JsonValue; problem?: VerifyContext['payloadProblem']; info: Finding[] }

function payloadBytes(doc: JwsDocument, heads: readonly HeaderRead[], options: JwsVerifyOptions): { bytes?: Uint8Array; problem?: VerifyContext['payloadProblem'] } {
  if (doc.payload === undefined || doc.payload === '') return options.payload ? { bytes: options.payload } : {};
  const b64Flags = heads.map((h) => (h.ok ? h.header.b64 !== false : undefined)).filter((x) => x !== undefined);
  if (new Set(b64Flags).size > 1) {
    return { problem: { verdict: FORMAT, finding: finding('JADES_B64_INCONSISTENT', 'Signatures disagree on "b64" over one payload (RFC 7797 §6)', 'Các chữ ký không thống nhất "b64" trên cùng một payload', 'error') } };
  }
  if (b64Flags[0] === false) return { bytes: new TextEncoder().encode(doc.payload) };
  const bytes = decodeB64url(doc.payload);
  if (!bytes) return { problem: { verdict: FORMAT, finding: finding('JADES_PAYLOAD_MALFORMED', 'The payload is not base64url', 'Payload không phải base64url', 'error') } };
  return { bytes };
}

function readPayload(doc: JwsDocument, heads: readonly HeaderRead[], options: JwsVerifyOptions): PayloadRead {
  const { bytes, problem } = payloadBytes(doc, heads, options);
  if (problem || !bytes) return { ...(problem ? { problem } : {}), info: [] };
  if (bytes.length <= (options.limits?.maxBytes ?? Infinity)) {
    const fast = isCanonicalJson(bytes, options.limits?.maxDepth); // canonical: no duplicates, no lone surrogates, valid UTF-8 JSON
    if (fast.canonical) return { bytes, value: fast.value as JsonValue, info: [] };
  }
  let value: JsonValue;
  try {
    value = parseJsonStrict(bytes, options.limits);
  } catch (e) {
    if (isEdusignError(e) && (e.code === 'INPUT_TOO_LARGE' || e.code === 'INPUT_TOO_DEEP')) throw e;
    if (isEdusignError(e) && e.code === 'JSON_DUPLICATE_KEY') {
      return { bytes, problem: { verdict: FORMAT, finding: finding('JADES_PAYLOAD_DUPLICATE_MEMBER', `The payload has duplicate member names (${e.message})`, 'Payload có tên thành phần trùng lặp', 'error') }, info: [] };
    }
    if (options.requireCanonicalPayload) {
      return { bytes, problem: { verdict: FORMAT, finding: finding('JADES_PAYLOAD_NOT_JSON', 'The payload is not JSON (canonical JSON required)', 'Payload không phải JSON (yêu cầu JSON chuẩn hóa)', 'error') }, info: [] };
    }
    return { bytes, info: [finding('JADES_PAYLOAD_NOT_JSON', 'The payload is not JSON', 'Payload không phải JSON', 'info')] };
  }
  let canonical = false;
  try {
    canonical = Buffer.from(canonicalizeToBytes(value)).equals(Buffer.from(bytes));
  } catch {
    canonical = false;
  }
  if (!canonical) {
    const f = finding('JADES_PAYLOAD_NOT_CANONICAL', 'The payload is not in RFC 8785 canonical form', 'Payload không ở dạng chuẩn hóa RFC 8785', options.requireCanonicalPayload ? 'error' : 'info');
    if (options.requireCanonicalPayload) return { bytes, value, problem: { verdict: FORMAT, finding: f }, info: [] };
    return { bytes, value, info: [f] };
  }
  return { bytes, value, info: [] };
}

/**
 * Verify the signatures of a JWS. Throws only for unusable input (`JSON_MALFORMED`, `JSON_DUPLICATE_KEY`,
 * `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`, `JWS_MALFORMED`, `INVALID_ARGUMENT`); an invalid signature is a report.
 * Read the signed record from `report.payload` / `report.payloadBytes`, never from the input again.
 *
 * @example
 * ```ts
 * const report = await verifyJws(readFileSync('hoc-ba.jws.json'), { trustStore, requireCanonicalPayload: true });
 * if (report.indication === 'TOTAL_PASSED') use(report.payload);
 * ```
 */
export async function verifyJws(input: string | Uint8Array, options: JwsVerifyOptions = {}): Promise<JwsVerificationReport> {
  const at = options.at ?? new Date();
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.at is not a valid date' });
  if (options.payload !== undefined && !(options.payload instanceof Uint8Array)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.payload must be bytes' });
  const doc = parseJws(input, options.limits);
  const headers = doc.signatures.map((s) => readProtectedHeader(s.protected)); // read once, for the payload and each signature
  const payload = readPayload(doc, headers, options);
  const ctx: VerifyContext = { doc, options, at, headers, ...(payload.problem ? { payloadProblem: payload.problem } : {}) };
  const signatures = [];
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  for (const [i, sig] of doc.signatures.entries()) {
    const r = await verifyJwsSignature(sig, i, ctx);
    signatures.push(r);
    verdict = worse(verdict, r);
  }
  const warnings: Finding[] = [...payload.info];
  if (signatures.some((s) => s.findings.some((f) => f.code === 'NOT_JADES_BASELINE'))) {
    warnings.push(finding('NOT_JADES_BASELINE', 'At least one signature is a plain JWS, not a JAdES baseline signature', 'Có chữ ký là JWS thông thường, không phải chữ ký JAdES cơ bản', 'warning'));
  }
  return {
    format: 'JAdES', serialization: doc.serialization, indication: verdict.indication, ...(verdict.subIndication ? { subIndication: verdict.subIndication } : {}),
    signatures, warnings, ...(payload.bytes ? { payloadBytes: payload.bytes } : {}), ...(payload.value !== undefined ? { payload: payload.value } : {}),
  };
}
