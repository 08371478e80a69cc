/**
 * Status of one certificate from one OCSPResponse (RFC 6960): response status, responder authorisation
 * (the CA itself, or a delegated responder with id-kp-OCSPSigning issued by the CA), signature, nonce,
 * CertID match, freshness, good / revoked / unknown.
 * @module
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Finding } from '../indication.js';
import type { RevocationCheck } from '../types.js';
import { extendedKeyUsage, hasOcspNoCheck, integerHex, nameToString, OID, sha256Hex, toArrayBuffer, toHex } from './cert-facts.js';
import { CRL_REASONS } from './crl.js';
import { finding } from './finding.js';
import { freshnessProblem, type FreshnessOptions } from './freshness.js';

/** Options of {@link checkCertificateWithOcsp}. */
export interface OcspCheckOptions extends FreshnessOptions {
  /** Where the response came from (URL or `embedded`). */
  origin?: string;
  /** SHA-256 (hex) of the certificate's DER, when the caller has it (saves re-encoding). */
  certificateSha256?: string;
  /** The nonce sent; a response carrying a different nonce is refused. */
  nonce?: Uint8Array;
  /** Refuse responses without the nonce (default false: many CAs pre-produce responses). */
  requireNonce?: boolean;
}

const RESPONSE_STATUS: Readonly<Record<number, string>> = {
  1: 'malformedRequest', 2: 'internalError', 3: 'tryLater', 5: 'sigRequired', 6: 'unauthorized',
};
const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** A parsed, signature-checked view of an OCSPResponse, when it is usable. */
interface Parsed {
  basic: pkijs.BasicOCSPResponse;
}

/**
 * What one OCSPResponse says about (cert, issuer), independent of the validation time: a pure function of the
 * response bytes, the two certificates and the nonce, so it can be memoised (see `net/memo.ts`). Times are epoch ms
 * so the value is plain JSON.
 */
export interface OcspEvaluation {
  /** A problem that makes the response unusable whatever the time (result `unknown` with this finding only). */
  fatal?: Finding;
  /** The raw response is attached to the result (false only for responses that could not be read). */
  withRaw: boolean;
  producedAt?: number;
  thisUpdate?: number;
  nextUpdate?: number;
  status?: RevocationCheck['status'];
  revocationTime?: number;
  revocationReason?: string;
  /** Non-fatal findings (nonce missing, responder without nocheck) and the status findings. */
  findings: Finding[];
  /**
   * DER (base64) of the delegated responder certificate when it lacks id-pkix-ocsp-nocheck: its own status
   * should be checked (RFC 6960 §4.2.2.2.1); `checkRevocation` does it with the CA's CRL.
   */
  uncheckedResponder?: string;
}

/**
 * Decide the status of `cert` (issued by `issuer`) from a DER OCSPResponse. Never throws for bad data: a
 * truncated, unsigned, foreign, stale or replayed response gives status `unknown` with a coded finding.
 * @example
 * ```ts
 * const check = await checkCertificateWithOcsp(leaf, ca, responseDer, { at: new Date(), now: new Date(), nonce });
 * ```
 */
export async function checkCertificateWithOcsp(cert: pkijs.Certificate, issuer: pkijs.Certificate, responseDer: Uint8Array,
  options: OcspCheckOptions): Promise<RevocationCheck> {
  const base: RevocationCheck = {
    certificateSha256: options.certificateSha256 ?? sha256Hex(new Uint8Array(cert.toSchema().toBER())),
    subject: nameToString(cert.subject),
    status: 'unknown',
    source: 'ocsp',
    origin: options.origin,
    findings: [],
  };
  return concludeOcsp(await evaluateOcsp(cert, issuer, responseDer, options), base, responseDer, options);
}

/**
 * The time-independent part of {@link checkCertificateWithOcsp}: parse, responder authorisation, signature,
 * nonce, matching SingleResponse, status.
 * @example
 * ```ts
 * const evaluation = await evaluateOcsp(leaf, ca, responseDer, {});
 * const check = concludeOcsp(evaluation, base, responseDer, { at, now });
 * ```
 */
export async function evaluateOcsp(cert: pkijs.Certificate, issuer: pkijs.Certificate, responseDer: Uint8Array,
  options: Pick<OcspCheckOptions, 'nonce' | 'requireNonce'>): Promise<OcspEvaluation> {
  const parsed = parse(responseDer);
  if ('finding' in parsed) return { fatal: parsed.finding, withRaw: false, findings: [] };
  const { basic } = parsed;
  const data = basic.tbsResponseData;
  const signed = { withRaw: true, producedAt: data.producedAt.getTime() };
  const findings: Finding[] = [];
  const responder = await authorisedResponder(basic, issuer, findings);
  const unchecked = responder && responder !== issuer && findings.some((f) => f.code === 'OCSP_RESPONDER_STATUS_NOT_CHECKED')
    ? { uncheckedResponder: Buffer.from(responder.toSchema().toBER()).toString('base64') } : {};
  if (!responder) {
    return { ...signed, findings: [], fatal: finding('OCSP_RESPONDER_NOT_AUTHORISED',
      'The OCSP response is not signed by the CA or by a responder the CA delegated (id-kp-OCSPSigning)',
      'Phản hồi OCSP không do CA hoặc máy chủ OCSP được CA ủy quyền (id-kp-OCSPSigning) ký') };
  }
  if (!(await signatureValid(basic, responder))) {
    return { ...signed, findings: [], fatal: finding('OCSP_SIGNATURE_INVALID', 'The OCSP response signature does not verify',
      'Chữ ký của phản hồi OCSP không hợp lệ') };
  }
  const nonceProblem = checkNonce(data, options);
  if (nonceProblem?.code === 'OCSP_NONCE_MISMATCH' || (nonceProblem && options.requireNonce)) return { ...signed, findings: [], fatal: nonceProblem };
  if (nonceProblem) findings.push(nonceProblem);
  const single = findSingle(data, cert, issuer);
  if (!single) {
    return { ...signed, findings: [], fatal: finding('OCSP_NO_MATCHING_RESPONSE', 'The OCSP response does not speak about this certificate',
      'Phản hồi OCSP không nói về chứng thư số này') };
  }
  const { status, revocationTime, revocationReason } = statusOf(single);
  return {
    ...signed, ...unchecked, thisUpdate: single.thisUpdate.getTime(), nextUpdate: single.nextUpdate?.getTime(),
    status, revocationTime: revocationTime?.getTime(), revocationReason, findings: [...findings, ...statusFindings(single)],
  };
}

/**
 * Turn an {@link OcspEvaluation} into the check for a validation time (freshness of the response at `at`).
 * @example
 * ```ts
 * const check = concludeOcsp(evaluation, base, responseDer, { at: new Date(), now: new Date() });
 * ```
 */
export function concludeOcsp(evaluation: OcspEvaluation, base: RevocationCheck, responseDer: Uint8Array, options: FreshnessOptions): RevocationCheck {
  const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));
  const producedAt = date(evaluation.producedAt);
  const withRaw: Partial<RevocationCheck> = evaluation.withRaw ? { raw: responseDer, producedAt } : {};
  if (evaluation.fatal) return { ...base, ...withRaw, findings: [evaluation.fatal] };
  const thisUpdate = date(evaluation.thisUpdate) ?? new Date(0);
  const nextUpdate = date(evaluation.nextUpdate);
  const dated: Partial<RevocationCheck> = { ...withRaw, thisUpdate, nextUpdate };
  const stale = freshnessProblem('OCSP', thisUpdate, nextUpdate, options)
    ?? (producedAt ? freshnessProblem('OCSP', producedAt, undefined, { ...options, at: producedAt }) : undefined);
  if (stale) return { ...base, ...dated, findings: [stale] };
  const revoked = evaluation.status === 'revoked'
    ? { revocationTime: date(evaluation.revocationTime), revocationReason: evaluation.revocationReason } : {};
  return { ...base, ...dated, status: evaluation.status ?? 'unknown', ...revoked, findings: evaluation.findings };
}

function parse(der: Uint8Array): Parsed | { finding: Finding } {
  const malformed = (why: string): { finding: Finding } => ({
    finding: finding('OCSP_MALFORMED', `Malformed OCSP response: ${why}`, `Phản hồi OCSP không hợp lệ: ${why}`),
  });
  let response: pkijs.OCSPResponse;
  try {
    const decoded = asn1js.fromBER(toArrayBuffer(der));
    if (decoded.offset === -1 || decoded.offset !== der.byteLength) return malformed('not a single DER structure (truncated?)');
    response = new pkijs.OCSPResponse({ schema: decoded.result });
  } catch (cause) {
    return malformed(cause instanceof Error ? cause.message : String(cause));
  }
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0) {
    const name = RESPONSE_STATUS[status] ?? `status ${status}`;
    return { finding: finding('OCSP_RESPONDER_ERROR', `The OCSP responder answered "${name}"`, `Máy chủ OCSP trả lời "${name}"`) };
  }
  if (!response.responseBytes || response.responseBytes.responseType !== OID.ocspBasic) return malformed('no BasicOCSPResponse');
  try {
    const inner = new Uint8Array(response.responseBytes.response.valueBlock.valueHexView);
    const decoded = asn1js.fromBER(toArrayBuffer(inner));
    if (decoded.offset === -1 || decoded.offset !== inner.byteLength) return malformed('truncated BasicOCSPResponse');
    return { basic: new pkijs.BasicOCSPResponse({ schema: decoded.result }) };
  } catch (cause) {
    return malformed(cause instanceof Error ? cause.message : String(cause));
  }
}

function keyHash(cert: pkijs.Certificate, algorithm = 'sha1'): string {
  return createHash(algorithm).update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex');
}

function matchesResponderId(candidate: pkijs.Certificate, responderId: unknown): boolean {
  if (responderId instanceof pkijs.RelativeDistinguishedNames) return candidate.subject.isEqual(responderId);
  if (responderId instanceof asn1js.OctetString) return keyHash(candidate) === toHex(responderId.valueBlock.valueHexView);
  return false;
}

async function authorisedResponder(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate, findings: Finding[]) {
  const responderId: unknown = basic.tbsResponseData.responderID;
  if (matchesResponderId(issuer, responderId)) return issuer;
  const producedAt = basic.tbsResponseData.producedAt.getTime();
  for (const candidate of basic.certs ?? []) {
    if (!matchesResponderId(candidate, responderId)) continue;
    if (!candidate.issuer.isEqual(issuer.subject)) continue;
    if (!extendedKeyUsage(candidate)?.purposes.includes(OID.kpOcspSigning)) continue;
    if (candidate.notBefore.value.getTime() > producedAt || candidate.notAfter.value.getTime() < producedAt) continue;
    let issuedByCa = false;
    try {
      issuedByCa = await candidate.verify(issuer);
    } catch {
      issuedByCa = false;
    }
    if (!issuedByCa) continue;
    if (!hasOcspNoCheck(candidate)) {
      findings.push(finding('OCSP_RESPONDER_STATUS_NOT_CHECKED',
        'The delegated OCSP responder certificate has no id-pkix-ocsp-nocheck; its own status was not checked',
        'Chứng thư số của máy chủ OCSP được ủy quyền không có id-pkix-ocsp-nocheck; chưa kiểm tra trạng thái của nó'));
    }
    return candidate;
  }
  return undefined;
}

async function signatureValid(basic: pkijs.BasicOCSPResponse, responder: pkijs.Certificate): Promise<boolean> {
  try {
    const engine = pkijs.getEngine().crypto;
    if (!engine) return false;
    const tbs = toArrayBuffer(new Uint8Array(basic.tbsResponseData.tbsView));
    return await engine.verifyWithPublicKey(tbs, basic.signature, responder.subjectPublicKeyInfo, basic.signatureAlgorithm);
  } catch {
    return false;
  }
}

function checkNonce(data: pkijs.ResponseData, options: Pick<OcspCheckOptions, 'nonce'>): Finding | undefined {
  if (!options.nonce) return undefined;
  const ext = data.responseExtensions?.find((e) => e.extnID === OID.ocspNonce);
  if (!ext) {
    return finding('OCSP_NO_NONCE', 'The OCSP response carries no nonce (it may be pre-produced)',
      'Phản hồi OCSP không có nonce (có thể được tạo sẵn)');
  }
  const got = toHex(ext.extnValue.valueBlock.valueHexView);
  const wrapped = toHex(new asn1js.OctetString({ valueHex: options.nonce }).toBER());
  if (got === wrapped || got === toHex(options.nonce)) return undefined;
  return finding('OCSP_NONCE_MISMATCH', 'The OCSP response nonce differs from the request nonce (replay?)',
    'Nonce của phản hồi OCSP khác với yêu cầu (có thể bị phát lại)');
}

function findSingle(data: pkijs.ResponseData, cert: pkijs.Certificate, issuer: pkijs.Certificate): pkijs.SingleResponse | undefined {
  const serial = integerHex(cert.serialNumber);
  const issuerNameDer = new Uint8Array(cert.issuer.toSchema().toBER());
  return data.responses.find((single) => {
    const algorithm = HASHES[single.certID.hashAlgorithm.algorithmId];
    if (!algorithm) return false;
    return integerHex(single.certID.serialNumber) === serial &&
      toHex(single.certID.issuerNameHash.valueBlock.valueHexView) === createHash(algorithm).update(issuerNameDer).digest('hex') &&
      toHex(single.certID.issuerKeyHash.valueBlock.valueHexView) === keyHash(issuer, algorithm);
  });
}

function statusOf(single: pkijs.SingleResponse): Pick<RevocationCheck, 'status' | 'revocationTime' | 'revocationReason'> {
  const status = single.certStatus as { idBlock?: { tagNumber?: number }; valueBlock?: { value?: unknown[] } };
  const tag = status.idBlock?.tagNumber;
  if (tag === 0) return { status: 'good' };
  if (tag !== 1) return { status: 'unknown' };
  const inner = status.valueBlock?.value ?? [];
  const time = inner[0];
  const revocationTime = time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
  const reasonHolder = inner[1] as { valueBlock?: { value?: unknown[] } } | undefined;
  const reasonValue = reasonHolder?.valueBlock?.value?.[0];
  const code = reasonValue instanceof asn1js.Enumerated ? reasonValue.valueBlock.valueDec : undefined;
  return { status: 'revoked', revocationTime, revocationReason: code === undefined ? undefined : (CRL_REASONS[code] ?? `reason-${code}`) };
}

function statusFindings(single: pkijs.SingleResponse): Finding[] {
  const { status, revocationTime, revocationReason } = statusOf(single);
  if (status === 'unknown') {
    return [finding('OCSP_STATUS_UNKNOWN', 'The OCSP responder does not know this certificate', 'Máy chủ OCSP không biết chứng thư số này')];
  }
  if (status === 'revoked') {
    const when = revocationTime?.toISOString() ?? '?';
    const why = revocationReason ? ` (${revocationReason})` : '';
    return [finding('CERT_REVOKED_BY_OCSP', `Revoked on ${when}${why} according to OCSP`, `Đã bị thu hồi ngày ${when}${why} theo OCSP`)];
  }
  return [];
}
