/**
 * Verification of one JWS signature, in the order of the ETSI EN 319 102-1 building blocks: format checking
 * (headers, `crit`, `alg`), identification of the signing certificate (`x5c` + `x5t#S256`), the signed data
 * (payload or `sigD`), cryptographic verification, timestamps (`sigTst`, `arcTst`), then certificate validation
 * through the PKI layer at the best signature time.
 * @module
 */
import { createHash } from 'node:crypto';
import { verifyMessageSignature } from '../../../crypto/verify-signature.js';
import { describeCertificate, validateCertificate, verifyTimestampToken } from '../../../pki/index.js';
import type { Finding, Indication, SubIndication } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
import { verifyTimestampTokenCrypto } from '../../cms/verify/index.js';
import type { BaselineLevel, TimestampReport } from '../../report.js';
import type { JwsSignatureReport, JwsVerifyOptions } from '../options.js';
import { archiveTimestampInput } from '../lib/archive-input.js';
import { b64url, decodeB64url } from '../lib/base64url.js';
import { readEtsiU, type EtsiUEntry } from '../lib/etsi-u.js';
import { finding } from '../lib/findings.js';
import { readProtectedHeader, type HeaderRead } from '../lib/header-read.js';
import { JADES_HASH_NAMES, SIGD_OBJECT_ID_BY_URI_HASH } from '../lib/header-names.js';
import { isJsonObject, type JsonObject, type JwsDocument, type JwsSignatureObject } from '../lib/jws-document.js';
import { signingInput } from '../lib/protected-header.js';
import { signatureTimestampInput } from '../levels/signature-timestamp.js';
import { embeddedValidationData, tokensOf } from '../levels/validation-data.js';
import { worse, type Verdict } from '../../../pki/indication.js';
import { algorithmOf, checkHeaders } from './header-checks.js';
import { algorithmFitsKey, signingCertificate } from './signing-certificate.js';

/** What every signature of a JWS shares. */
export interface VerifyContext {
  doc: JwsDocument;
  options: JwsVerifyOptions;
  at: Date;
  /** The protected headers already read, by signature index (read again when absent). */
  headers?: readonly HeaderRead[];
  /** The payload problem found once for the whole JWS (duplicate members, not canonical…). */
  payloadProblem?: { verdict: Verdict; finding: Finding };
}

const FORMAT: Verdict = { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' };

function roles(header: JsonObject): string[] {
  const srAts = header.srAts;
  if (!isJsonObject(srAts) || !Array.isArray(srAts.claimed)) return [];
  return srAts.claimed.flatMap((c) => (isJsonObject(c) && Array.isArray(c.qVals) ? c.qVals.filter((v): v is string => typeof v === 'string') : []));
}

function commitments(header: JsonObject): string[] {
  return Array.isArray(header.srCms)
    ? header.srCms.flatMap((c) => (isJsonObject(c) && isJsonObject(c.commId) && typeof c.commId.id === 'string' ? [c.commId.id] : []))
    : [];
}

/**
 * The claimed signing time: `sigT` (TS 119 182-1 v1.1.1), or `iat` (NumericDate, which later versions of the
 * specification use instead; values above 10^11 are taken as milliseconds, as some producers write).
 */
function claimedTime(header: JsonObject): Date | undefined {
  if (header.sigT === undefined && typeof header.iat === 'number' && Number.isFinite(header.iat) && header.iat > 0) {
    const d = new Date(header.iat > 1e11 ? header.iat : header.iat * 1000);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if (typeof header.sigT !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(header.sigT)) return undefined;
  const d = new Date(header.sigT);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The signed data part of the signing input and, for timestamps, of the archive input. */
function signedData(doc: JwsDocument, header: JsonObject, options: JwsVerifyOptions): { ok: true; part: string | Uint8Array; archivePart: Uint8Array; detached: boolean } | { ok: false; verdict: Verdict; finding: Finding } {
  const unencoded = header.b64 === false;
  if (header.sigD !== undefined) {
    const sigD = header.sigD;
    if (doc.payload !== undefined && doc.payload !== '') {
      return { ok: false, verdict: FORMAT, finding: finding('JADES_SIGD_WITH_PAYLOAD', 'sigD is present but the JWS also carries a payload', 'Có sigD nhưng JWS vẫn mang payload', 'error') };
    }
    if (!isJsonObject(sigD) || sigD.mId !== SIGD_OBJECT_ID_BY_URI_HASH || !Array.isArray(sigD.pars) || sigD.pars.length !== 1 ||
      !Array.isArray(sigD.hashV) || sigD.hashV.length !== 1 || typeof sigD.hashV[0] !== 'string' || typeof sigD.hashM !== 'string') {
      return { ok: false, verdict: { indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' },
        finding: finding('JADES_SIGD_UNSUPPORTED', 'sigD: only the ObjectIdByURIHash mechanism with one object is supported', 'sigD: chỉ hỗ trợ cơ chế ObjectIdByURIHash với một đối tượng', 'error') };
    }
    const hash = (Object.entries(JADES_HASH_NAMES).find(([, n]) => n === sigD.hashM)?.[0]);
    if (!hash) return { ok: false, verdict: { indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' }, finding: finding('JADES_SIGD_HASH', `sigD hash ${String(sigD.hashM)} not accepted`, `Thuật toán băm sigD ${String(sigD.hashM)} không được chấp nhận`, 'error') };
    if (!options.payload) {
      return { ok: false, verdict: { indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' }, finding: finding('JADES_DETACHED_PAYLOAD_MISSING', `The payload is detached (${String(sigD.pars[0])}): pass it to verify`, `Dữ liệu được ký tách rời (${String(sigD.pars[0])}): hãy cung cấp để kiểm tra`, 'error') };
    }
    const hashed = unencoded ? options.payload : new TextEncoder().encode(b64url(options.payload));
    const digest = createHash(hash.replace('-', '').toLowerCase()).update(hashed).digest('base64url');
    if (digest !== sigD.hashV[0]) {
      return { ok: false, verdict: { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }, finding: finding('JADES_SIGD_HASH_MISMATCH', 'The detached payload does not match the digest in sigD: it was changed', 'Dữ liệu tách rời không khớp giá trị băm trong sigD: đã bị thay đổi', 'error') };
    }
    return { ok: true, part: '', archivePart: hashed, detached: true };
  }
  if (doc.payload !== undefined && doc.payload !== '') {
    return { ok: true, part: doc.payload, archivePart: new TextEncoder().encode(doc.payload), detached: false };
  }
  if (!options.payload) {
    return { ok: false, verdict: { indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' }, finding: finding('JADES_DETACHED_PAYLOAD_MISSING', 'The payload is detached: pass it to verify', 'Dữ liệu được ký tách rời: hãy cung cấp để kiểm tra', 'error') };
  }
  const part = unencoded ? options.payload : b64url(options.payload);
  return { ok: true, part, archivePart: typeof part === 'string' ? new TextEncoder().encode(part) : part, detached: true };
}

interface TokenCheck { indication: Indication; subIndication?: SubIndication; genTime?: Date; tsaSubject?: string; findings: Finding[] }

async function verifyToken(token: Uint8Array, data: Uint8Array, options: JwsVerifyOptions, extra: Uint8Array[], validationData: Partial<ValidationData>): Promise<TokenCheck> {
  if (!options.trustStore) {
    const c = verifyTimestampTokenCrypto(token, [data]);
    let tsaSubject: string | undefined;
    try { tsaSubject = c.signedData?.signerCertificate ? describeCertificate(c.signedData.signerCertificate).subject.text : undefined; } catch { tsaSubject = undefined; }
    return { indication: c.indication, ...(c.subIndication ? { subIndication: c.subIndication } : {}), ...(c.tstInfo ? { genTime: c.tstInfo.genTime } : {}),
      ...(tsaSubject ? { tsaSubject } : {}), findings: c.findings };
  }
  const v = await verifyTimestampToken(token, {
    data, trustStore: options.trustStore, extraCertificates: extra, validationData,
    ...(options.at ? { at: options.at } : {}), ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  const tsaSubject = v.tsa?.chain[0]?.subject;
  return { indication: v.indication, ...(v.subIndication ? { subIndication: v.subIndication } : {}), ...(v.genTime ? { genTime: v.genTime } : {}),
    ...(tsaSubject ? { tsaSubject } : {}), findings: v.findings };
}

function detectLevel(baseline: boolean, entries: readonly EtsiUEntry[]): BaselineLevel | undefined {
  if (!baseline) return undefined;
  const has = (n: string): boolean => entries.some((e) => e.name === n);
  if (!has('sigTst')) return 'B-B';
  if (!has('xVals') || !has('rVals')) return 'B-T';
  return has('arcTst') ? 'B-LTA' : 'B-LT';
}

/**
 * Verify signature `index` of a parsed JWS. Never throws for an invalid signature.
 *
 * @example
 * ```ts
 * const report = await verifyJwsSignature(doc.signatures[0], 0, { doc, options: { trustStore }, at: new Date() });
 * ```
 */
export async function verifyJwsSignature(sig: JwsSignatureObject, index: number, ctx: VerifyContext): Promise<JwsSignatureReport> {
  const findings: Finding[] = [];
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  const fail = (v: Verdict, f: Finding): void => { verdict = worse(verdict, v); findings.push(f); };
  const base = (extra: Partial<JwsSignatureReport>): JwsSignatureReport => ({
    id: `signature-${index + 1}`, signer: { subject: '', serialNumber: '', issuer: '' }, bestSignatureTime: ctx.at, indication: verdict.indication,
    ...(verdict.subIndication ? { subIndication: verdict.subIndication } : {}), chain: [], revocation: [], timestamps: [],
    coverage: { kind: 'payload' }, modificationsAfter: [], findings, claimedRoles: [], commitments: [], ...extra,
  });

  // ---- format checking ---------------------------------------------------------------------------------
  const head = ctx.headers?.[index] ?? readProtectedHeader(sig.protected);
  if (!head.ok) {
    fail(FORMAT, finding(head.code, head.reason, head.code === 'JADES_HEADER_DUPLICATE_MEMBER' ? 'Tiêu đề được bảo vệ có tên thành phần trùng lặp' : 'Tiêu đề được bảo vệ không hợp lệ', 'error'));
    return base({ indication: verdict.indication, subIndication: verdict.subIndication });
  }
  const header = head.header;
  for (const p of checkHeaders(header, sig.header)) fail(p.verdict, p.finding);
  const alg = algorithmOf(header);
  if (!alg.ok) fail(alg.verdict, alg.finding);
  if (ctx.payloadProblem) fail(ctx.payloadProblem.verdict, ctx.payloadProblem.finding);

  // ---- signing certificate -----------------------------------------------------------------------------
  const sc = signingCertificate(header, { ...(ctx.options.signingKeys ? { signingKeys: ctx.options.signingKeys } : {}), ...(ctx.options.cache ? { cache: ctx.options.cache } : {}) });
  findings.push(...sc.findings);
  let signerInfo: JwsSignatureReport['signer'] = { subject: '', serialNumber: '', issuer: '' };
  if (!sc.certificate || !sc.publicKey || !sc.info) {
    verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
  } else {
    if (sc.mismatch) verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
    signerInfo = sc.info;
  }
  const claimedRoles = roles(header);
  if (claimedRoles[0]) signerInfo = { ...signerInfo, role: claimedRoles[0] };

  // ---- signed data + cryptographic verification --------------------------------------------------------
  const data = signedData(ctx.doc, header, ctx.options);
  if (!data.ok) fail(data.verdict, data.finding);
  const value = decodeB64url(sig.signature);
  if (!value || value.length === 0) fail(FORMAT, finding('JADES_SIGNATURE_MALFORMED', 'The signature value is not base64url', 'Giá trị chữ ký không phải base64url', 'error'));
  if (alg.ok && sc.publicKey && !algorithmFitsKey(alg.algorithm, sc.publicKey)) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, finding('JADES_ALG_KEY_MISMATCH', `"alg": "${alg.alg}" cannot be used with the certificate's key`, `"alg": "${alg.alg}" không dùng được với khóa của chứng thư`, 'error'));
  } else if (alg.ok && sc.publicKey && data.ok && value) {
    if (!verifyMessageSignature(sc.publicKey, alg.algorithm, signingInput(sig.protected, data.part), value)) {
      fail({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, finding('JADES_SIGNATURE_INVALID', 'The signature value does not verify: the payload or the protected header was changed', 'Giá trị chữ ký không hợp lệ: dữ liệu hoặc tiêu đề được bảo vệ đã bị thay đổi', 'error'));
    }
  }

  // ---- JAdES baseline facts ----------------------------------------------------------------------------
  const claimed = claimedTime(header);
  if (header.sigT !== undefined && !claimed) fail(FORMAT, finding('JADES_SIGT_MALFORMED', 'sigT is not an RFC 3339 UTC time', 'sigT không phải thời gian UTC theo RFC 3339', 'error'));
  const baseline = claimed !== undefined && sc.bound && sc.certificates.length > 0;
  if (!baseline) {
    findings.push(finding('NOT_JADES_BASELINE', 'Not a JAdES baseline signature (sigT or iat, x5t#S256 or x5t#o, and x5c are required): verified as a plain JWS',
      'Không phải chữ ký JAdES cơ bản (cần sigT hoặc iat, x5t#S256 hoặc x5t#o, và x5c): chỉ kiểm tra như JWS thông thường', 'warning'));
  } else if (header.sigT !== undefined && !(Array.isArray(header.crit) && header.crit.includes('sigT'))) {
    findings.push(finding('JADES_SIGT_NOT_CRITICAL', 'sigT is not listed in crit', 'sigT không được liệt kê trong crit', 'warning'));
  }

  // ---- unsigned properties and timestamps --------------------------------------------------------------
  const etsiU = readEtsiU(sig);
  for (const p of etsiU.problems) findings.push(finding('JADES_ETSIU_MALFORMED', p, `etsiU không hợp lệ: ${p}`, 'warning'));
  const embedded = embeddedValidationData(sig);
  const validationData: Partial<ValidationData> = {
    certificates: [...embedded.certificates, ...(ctx.options.validationData?.certificates ?? [])],
    crls: [...embedded.crls, ...(ctx.options.validationData?.crls ?? [])],
    ocspResponses: [...embedded.ocspResponses, ...(ctx.options.validationData?.ocspResponses ?? [])],
  };
  const extraCerts = [...sc.certificates, ...embedded.certificates];
  const timestamps: TimestampReport[] = [];
  let bestSignatureTime = ctx.at;
  let proven = false;
  for (const [i, entry] of etsiU.entries.entries()) {
    const kind = entry.name === 'sigTst' ? 'signature' : entry.name === 'arcTst' ? 'archive' : undefined;
    if (!kind) continue;
    const tokens = tokensOf(entry.value);
    let input: Uint8Array | undefined;
    try {
      input = kind === 'signature' ? signatureTimestampInput(sig) : data.ok ? archiveTimestampInput(data.archivePart, sig, etsiU.entries.slice(0, i)) : undefined;
    } catch {
      input = undefined;
    }
    if (!tokens || !input) {
      timestamps.push({ kind, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
      fail({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' }, finding('JADES_TIMESTAMP_MALFORMED', `Malformed ${entry.name} (or its input cannot be computed)`, `${entry.name} không hợp lệ (hoặc không tính được dữ liệu đầu vào)`, 'error'));
      continue;
    }
    for (const token of tokens) {
      const check = await verifyToken(token, input, ctx.options, extraCerts, validationData);
      timestamps.push({ kind, indication: check.indication, ...(check.subIndication ? { subIndication: check.subIndication } : {}),
        ...(check.genTime ? { genTime: check.genTime } : {}), ...(check.tsaSubject ? { tsaSubject: check.tsaSubject } : {}) });
      if (check.indication !== 'TOTAL_PASSED') {
        fail({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' }, finding('JADES_TIMESTAMP_INVALID', `${entry.name} does not verify`, `${entry.name} không hợp lệ`, 'error'));
        findings.push(...check.findings);
      } else if (kind === 'signature' && check.genTime) {
        if (check.genTime < bestSignatureTime) bestSignatureTime = check.genTime;
        proven = true;
      }
    }
  }
  if (claimed && timestamps.some((t) => t.kind === 'signature' && t.genTime && t.indication === 'TOTAL_PASSED' && t.genTime.getTime() + 5 * 60_000 < claimed.getTime())) {
    findings.push(finding('JADES_SIGNING_TIME_AFTER_TIMESTAMP', 'The claimed signing time (sigT) is later than the signature timestamp', 'Thời gian ký khai báo (sigT) muộn hơn dấu thời gian của chữ ký', 'warning'));
  }

  // ---- certificate validation (PKI layer) ---------------------------------------------------------------
  let chain: JwsSignatureReport['chain'] = [];
  let revocation: JwsSignatureReport['revocation'] = [];
  if (sc.certificate && sc.publicKey) {
    if (!ctx.options.trustStore) {
      fail({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }, finding('JADES_NO_TRUST_STORE', 'No trust store given: the signer cannot be trusted', 'Không có kho chứng thư tin cậy: không thể tin cậy người ký', 'error'));
    } else {
      const o = ctx.options;
      const pki = await validateCertificate(sc.certificate, {
        trustStore: o.trustStore!, at: bestSignatureTime, atIsProven: proven, purpose: 'documentSigning', extraCertificates: extraCerts, validationData,
        ...(o.fetcher ? { fetcher: o.fetcher } : {}), ...(o.cache ? { cache: o.cache } : {}), ...(o.offline ? { offline: true } : {}), ...(o.revocation ? { revocation: o.revocation } : {}),
      });
      verdict = worse(verdict, { indication: pki.indication, ...(pki.subIndication ? { subIndication: pki.subIndication } : {}) });
      findings.push(...pki.findings);
      chain = pki.chain;
      revocation = pki.revocation;
    }
  }

  const level = detectLevel(baseline, etsiU.entries);
  return base({
    signer: signerInfo, ...(claimed ? { claimedSigningTime: claimed } : {}), bestSignatureTime, ...(level ? { level } : {}),
    indication: verdict.indication, ...(verdict.subIndication ? { subIndication: verdict.subIndication } : {}),
    chain, revocation, timestamps, coverage: { kind: data.ok && data.detached ? 'detached-payload' : 'payload' },
    ...(alg.alg ? { alg: alg.alg } : {}), claimedRoles, commitments: commitments(header),
  });
}
