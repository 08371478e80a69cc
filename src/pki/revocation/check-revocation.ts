/**
 * Revocation status of every certificate of a path (not the trust anchor): embedded/supplied data first,
 * then the network (OCSP and CRL, in the order the policy prefers), through the caller's fetcher and cache.
 * @module
 */
import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { isEdusignError } from '../../errors.js';
import type { Finding } from '../indication.js';
import type { Fetcher, PkiCacheLike, RevocationCheck, RevocationPolicy, ValidationData } from '../types.js';
import { sharedWork } from '../net/shared-work.js';
import { aiaUrls, crlUrls, integerHex, nameToString, OID, parseCertificateDer, sha256Hex } from './cert-facts.js';
import { memoised } from '../net/memo.js';
import { concludeCrl, evaluateCrl } from './crl-check.js';
import { finding } from './finding.js';
import { freshnessProblem } from './freshness.js';
import { concludeOcsp, evaluateOcsp } from './ocsp-check.js';
import { buildOcspRequest, sendOcspRequest, type OcspMethod } from './ocsp-request.js';

/** Options of {@link checkRevocation}. */
export interface CheckRevocationOptions {
  /** The time the status is wanted for (validation time / best signature time); default now. */
  at?: Date;
  /** The current time (freshness, cache expiry); default `new Date()`. Tests move it. */
  now?: Date;
  /** Policy: hard/soft fail, OCSP or CRL first, skip. */
  policy?: RevocationPolicy;
  /** No network: only `validationData` (and the cache) are used. */
  offline?: boolean;
  /** The network fetcher; without it, only supplied data and the cache are used. */
  fetcher?: Fetcher;
  /** Caller-owned cache (`crl:<url>`, `ocsp:<issuer key hash>:<serial>`). */
  cache?: PkiCacheLike;
  /**
   * Where time-independent decisions about supplied or fetched data are memoised (`ocsp-eval:`, `crl-eval:`,
   * `subject:` keys, each naming its inputs by SHA-256). Default: `cache`. `validateCertificate` passes the
   * trust store's memo when there is no cache.
   */
  memo?: PkiCacheLike;
  /** Embedded or supplied CRLs / OCSP responses, tried before the network. */
  validationData?: Partial<ValidationData>;
  /** OCSP transport, default `auto` (GET when short enough, else POST). */
  ocspMethod?: OcspMethod;
  /** Send a nonce in OCSP requests (default true). */
  ocspNonce?: boolean;
  /** Tolerated clock difference for freshness, default 5 min. */
  clockSkewMs?: number;
  /** Without nextUpdate, data is fresh this long after its issue; default 24 h. */
  maxAgeWithoutNextUpdateMs?: number;
  /** At most this many URLs of each kind are tried per certificate (default 3). */
  maxUrlsPerSource?: number;
}

interface Context {
  options: CheckRevocationOptions;
  /** SHA-256 of the certificate being checked (set per level). */
  certSha?: string;
  at: Date;
  now: Date;
  fresh: { at: Date; now: Date; clockSkewMs?: number; maxAgeWithoutNextUpdateMs?: number };
}

/**
 * Check the revocation status of each certificate of `chain` (DER, signer first, trust anchor last; the
 * anchor itself is not checked). Never throws for network or data problems: each level gets a
 * {@link RevocationCheck} (`good`, `revoked`, `unknown` with findings saying why, or `not-checked` when the
 * policy skips). Every result keeps the raw CRL / OCSPResponse it used, for B-LT embedding.
 * In soft-fail mode an `unknown` result carries the finding `REVOCATION_SOFT_FAIL`; in hard-fail mode
 * (default) `REVOCATION_HARD_FAIL`. Callers (validateCertificate) turn these into indications.
 *
 * @example
 * ```ts
 * const cache = createPkiCache();
 * const checks = await checkRevocation([leafDer, caDer, rootDer], { fetcher: createFetcher(), cache });
 * checks.every((c) => c.status === 'good');
 * ```
 */
export async function checkRevocation(chain: readonly Uint8Array[], options: CheckRevocationOptions = {}): Promise<RevocationCheck[]> {
  const now = options.now ?? new Date();
  const at = options.at ?? now;
  const context: Context = {
    options, at, now,
    fresh: { at, now, clockSkewMs: options.clockSkewMs, maxAgeWithoutNextUpdateMs: options.maxAgeWithoutNextUpdateMs },
  };
  const levels: Promise<RevocationCheck>[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const certDer = chain[i];
    const issuerDer = chain[i + 1];
    if (certDer && issuerDer) levels.push(checkLevel(certDer, issuerDer, context));
  }
  return Promise.all(levels);
}

/**
 * One level of the chain: the certificate and its issuer, parsed only when needed (a memoised decision
 * needs only their SHA-256), at most once per level.
 */
interface Level {
  certSha: string;
  issuerSha: string;
  issuerDer: Uint8Array;
  cert(): pkijs.Certificate;
  issuer(): pkijs.Certificate;
}

function level(certDer: Uint8Array, issuerDer: Uint8Array): Level {
  let cert: pkijs.Certificate | undefined;
  let issuer: pkijs.Certificate | undefined;
  return {
    certSha: sha256Hex(certDer),
    issuerSha: sha256Hex(issuerDer),
    issuerDer,
    cert: () => (cert ??= parseCertificateDer(certDer)),
    issuer: () => (issuer ??= parseCertificateDer(issuerDer)),
  };
}

async function checkLevel(certDer: Uint8Array, issuerDer: Uint8Array, context: Context): Promise<RevocationCheck> {
  const pair = level(certDer, issuerDer);
  const certSha = pair.certSha;
  const verdictKey = `verdict:${certSha}:${pair.issuerSha}`;
  const cached = context.options.policy?.skip ? undefined : cachedVerdict(verdictKey, context);
  if (cached) return cached;
  const check = await checkOne(pair, context);
  // A decision that also rests on supporting data (responder CRL) is not kept as a verdict: the verdict keeps
  // one raw item only, and B-LT data must stay complete; the memoised evaluations make recomputing it cheap.
  if (check.rawKey && !check.supporting && (check.status === 'good' || check.status === 'revoked')) {
    context.options.cache?.set(verdictKey, encodeVerdict(check, check.rawKey), check.nextUpdate);
  }
  const { rawKey: _rawKey, ...result } = check;
  return result;
}

/** A decision already made about (certificate, issuer) from cached network data: reused while fresh for `at`. */
function cachedVerdict(key: string, context: Context): RevocationCheck | undefined {
  const cache = context.options.cache;
  const bytes = cache?.get(key, context.now);
  if (!cache || !bytes) return undefined;
  let verdict: Verdict;
  try {
    verdict = JSON.parse(new TextDecoder().decode(bytes)) as Verdict;
  } catch {
    return undefined;
  }
  const raw = cache.get(verdict.rawKey, context.now);
  if (!raw) return undefined;
  const dates = {
    revocationTime: verdict.revocationTime ? new Date(verdict.revocationTime) : undefined,
    thisUpdate: verdict.thisUpdate ? new Date(verdict.thisUpdate) : undefined,
    nextUpdate: verdict.nextUpdate ? new Date(verdict.nextUpdate) : undefined,
    producedAt: verdict.producedAt ? new Date(verdict.producedAt) : undefined,
  };
  if (!dates.thisUpdate || freshnessProblem(verdict.source === 'ocsp' ? 'OCSP' : 'CRL', dates.thisUpdate, dates.nextUpdate, context.fresh)) return undefined;
  return {
    certificateSha256: verdict.certificateSha256, subject: verdict.subject, status: verdict.status, source: verdict.source,
    origin: verdict.origin, revocationReason: verdict.revocationReason, ...dates, raw, findings: verdict.findings,
  };
}

interface Verdict {
  certificateSha256: string;
  subject: string;
  status: 'good' | 'revoked';
  source: 'ocsp' | 'crl';
  origin?: string;
  revocationTime?: string;
  revocationReason?: string;
  thisUpdate?: string;
  nextUpdate?: string;
  producedAt?: string;
  findings: Finding[];
  rawKey: string;
}

function encodeVerdict(check: RevocationCheck, rawKey: string): Uint8Array {
  const verdict: Verdict = {
    certificateSha256: check.certificateSha256, subject: check.subject, status: check.status as 'good' | 'revoked',
    source: check.source as 'ocsp' | 'crl', origin: check.origin, revocationTime: check.revocationTime?.toISOString(),
    revocationReason: check.revocationReason, thisUpdate: check.thisUpdate?.toISOString(), nextUpdate: check.nextUpdate?.toISOString(),
    producedAt: check.producedAt?.toISOString(), findings: check.findings, rawKey,
  };
  return new TextEncoder().encode(JSON.stringify(verdict));
}

/** A check plus the cache key of the raw data it used (network results only). */
type LevelCheck = RevocationCheck & { rawKey?: string };

/** The subject of a level's certificate, memoised by its SHA-256 (parsing a certificate costs ~1 ms). */
async function subjectOf(pair: Level, context: Context): Promise<string> {
  return memoised(context.options.memo ?? context.options.cache, `subject:${pair.certSha}`, () => nameToString(pair.cert().subject));
}

/** Status of `pair.cert` from one OCSPResponse; the time-independent part is memoised when there is no nonce. */
async function ocspCheck(pair: Level, der: Uint8Array, context: Context, origin: string | undefined, nonce?: Uint8Array): Promise<RevocationCheck> {
  const evaluate = () => evaluateOcsp(pair.cert(), pair.issuer(), der, { nonce });
  const evaluation = nonce
    ? await evaluate()
    : await memoised(context.options.memo ?? context.options.cache, `ocsp-eval:${sha256Hex(der)}:${pair.certSha}:${pair.issuerSha}`, evaluate);
  const base = await baseCheck(pair, context, 'ocsp', origin);
  const check = concludeOcsp(evaluation, base, der, context.fresh);
  if (!evaluation.uncheckedResponder || (check.status !== 'good' && check.status !== 'revoked')) return check;
  return withResponderStatus(check, new Uint8Array(Buffer.from(evaluation.uncheckedResponder, 'base64')), pair, context);
}

/**
 * RFC 6960 §4.2.2.2.1: a delegated responder certificate without id-pkix-ocsp-nocheck has its own status
 * checked, here with its CA's CRL only (supplied first, then its CRL distribution point unless offline; OCSP is
 * not used, so there is no loop). Revoked: the response is not trusted (`unknown`, `OCSP_RESPONDER_REVOKED`),
 * so the caller falls back to the CRL of the certificate itself. Good: the warning is dropped. Unknown: the
 * response is kept with the warning `OCSP_RESPONDER_STATUS_NOT_CHECKED`, as before.
 */
async function withResponderStatus(check: RevocationCheck, responderDer: Uint8Array, pair: Level, context: Context): Promise<RevocationCheck> {
  const responder = level(responderDer, pair.issuerDer);
  const decided = (c: LevelCheck): LevelCheck | undefined => (c.status === 'good' || c.status === 'revoked' ? c : undefined);
  let status: LevelCheck | undefined;
  for (const crl of context.options.validationData?.crls ?? []) {
    status = decided(await crlCheck(responder, crl, context, 'embedded'));
    if (status) break;
  }
  status ??= await fromCrls(responder, context, decided, []);
  if (!status) return check;
  if (status.status === 'good') {
    return {
      ...check, ...(status.raw ? { supporting: { crls: [status.raw] } } : {}),
      findings: check.findings.filter((f) => f.code !== 'OCSP_RESPONDER_STATUS_NOT_CHECKED'),
    };
  }
  const when = status.revocationTime?.toISOString() ?? '?';
  return {
    ...check, status: 'unknown', revocationTime: undefined, revocationReason: undefined,
    findings: [finding('OCSP_RESPONDER_REVOKED', `The delegated OCSP responder certificate was revoked on ${when} (CRL of its CA)`,
      `Chứng thư số của máy chủ OCSP được ủy quyền đã bị thu hồi ngày ${when} (theo CRL của CA)`)],
  };
}

/** Status of `pair.cert` from one CRL; the time-independent part (signature, entry) is memoised. */
async function crlCheck(pair: Level, der: Uint8Array, context: Context, origin: string | undefined): Promise<RevocationCheck> {
  const evaluation = await memoised(context.options.memo ?? context.options.cache, `crl-eval:${sha256Hex(der)}:${pair.certSha}:${pair.issuerSha}`,
    () => evaluateCrl(pair.cert(), pair.issuer(), der));
  const base = await baseCheck(pair, context, 'crl', origin);
  return concludeCrl(evaluation, base, der, context.fresh);
}

async function baseCheck(pair: Level, context: Context, source: RevocationCheck['source'], origin: string | undefined): Promise<RevocationCheck> {
  return { certificateSha256: pair.certSha, subject: await subjectOf(pair, context), status: 'unknown', source, origin, findings: [] };
}

async function checkOne(pair: Level, shared: Context): Promise<LevelCheck> {
  const context: Context = { ...shared, certSha: pair.certSha };
  const { options } = context;
  const base: RevocationCheck = {
    certificateSha256: pair.certSha,
    subject: await subjectOf(pair, context),
    status: 'unknown',
    source: 'none',
    findings: [],
  };
  if (options.policy?.skip) {
    return { ...base, status: 'not-checked', findings: [finding('REVOCATION_SKIPPED', 'Revocation checking was switched off by the caller', 'Việc kiểm tra thu hồi đã bị tắt')] };
  }
  const notes: Finding[] = [];
  let best: RevocationCheck | undefined;
  const consider = (check: LevelCheck): LevelCheck | undefined => {
    if (check.status === 'good' || check.status === 'revoked') return check;
    // A signed OCSP "unknown" is an answer: the CA does not know this certificate; a CRL would wrongly say good.
    if (check.findings.some((f) => f.code === 'OCSP_STATUS_UNKNOWN')) return check;
    notes.push(...check.findings);
    best ??= check.source !== 'none' && check.raw ? check : undefined;
    return undefined;
  };

  let found: LevelCheck | undefined = await fromSupplied(pair, context, consider);
  const sources = options.policy?.prefer === 'crl' ? [fromCrls, fromOcsp] : [fromOcsp, fromCrls];
  for (const source of sources) {
    found ??= await source(pair, context, consider, notes);
  }
  if (found && found.status !== 'unknown') return found;
  const unresolved: RevocationCheck = found ?? best ?? base;
  if (found) notes.push(...found.findings);
  if (notes.length === 0) {
    notes.push(finding('REVOCATION_NO_SOURCE', 'The certificate names no OCSP responder and no CRL, and no revocation data was supplied',
      'Chứng thư số không ghi máy chủ OCSP hay CRL nào, và không có dữ liệu thu hồi kèm theo'));
  }
  const soft = options.policy?.mode === 'soft-fail';
  const verdict = soft
    ? finding('REVOCATION_SOFT_FAIL', 'Revocation status unknown; accepted because the policy is soft-fail', 'Không xác định được trạng thái thu hồi; chấp nhận vì chính sách là soft-fail')
    : finding('REVOCATION_HARD_FAIL', 'Revocation status unknown; the policy is hard-fail', 'Không xác định được trạng thái thu hồi; chính sách là hard-fail (bắt buộc)');
  return { ...unresolved, status: 'unknown', findings: [...dedupe(notes), verdict] };
}

type Consider = (check: LevelCheck) => LevelCheck | undefined;

async function fromSupplied(pair: Level, context: Context, consider: Consider) {
  const data = context.options.validationData;
  for (const der of data?.ocspResponses ?? []) {
    const check = await ocspCheck(pair, der, context, 'embedded');
    // A supplied response about another certificate is normal (B-LT data covers the whole path): skip quietly.
    if (check.findings.some((f) => f.code === 'OCSP_NO_MATCHING_RESPONSE' || f.code === 'OCSP_RESPONDER_NOT_AUTHORISED')) continue;
    const done = consider(check);
    if (done) return done;
  }
  for (const der of data?.crls ?? []) {
    const check = await crlCheck(pair, der, context, 'embedded');
    if (check.findings.some((f) => f.code === 'CRL_WRONG_ISSUER')) continue;
    const done = consider(check);
    if (done) return done;
  }
  return undefined;
}

function networkFinding(url: string, error: unknown): Finding {
  const code = isEdusignError(error) ? error.code : 'NETWORK_ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const vi = isEdusignError(error) ? error.messageVi : message;
  return finding(`REVOCATION_SOURCE_${code}`, `${url}: ${message}`, `${url}: ${vi}`);
}

function offlineFinding(): Finding {
  return finding('REVOCATION_OFFLINE', 'Offline: no network access for revocation data, and none was supplied',
    'Ngoại tuyến: không truy cập mạng để lấy dữ liệu thu hồi và không có dữ liệu kèm theo');
}

function ocspCacheKey(cert: pkijs.Certificate, issuer: pkijs.Certificate): string {
  const keyHash = createHash('sha1').update(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex');
  return `ocsp:${keyHash}:${integerHex(cert.serialNumber)}`;
}

/** Where a level's status can be asked, and its OCSP cache key: memoised, so an offline call parses nothing. */
interface LevelSources {
  ocspUrls: string[];
  crlUrls: string[];
  ocspKey: string;
}

async function sourcesOf(pair: Level, context: Context): Promise<LevelSources> {
  return memoised(context.options.memo ?? context.options.cache, `sources:${pair.certSha}:${pair.issuerSha}`, () => ({
    ocspUrls: aiaUrls(pair.cert(), OID.accessOcsp), crlUrls: crlUrls(pair.cert()), ocspKey: ocspCacheKey(pair.cert(), pair.issuer()),
  }));
}

async function fromOcsp(pair: Level, context: Context, consider: Consider, notes: Finding[]) {
  const { options } = context;
  const sources = await sourcesOf(pair, context);
  const urls = sources.ocspUrls.slice(0, options.maxUrlsPerSource ?? 3);
  if (urls.length === 0) return undefined;
  const key = sources.ocspKey;
  const cached = options.cache?.get(key, context.now);
  if (cached) {
    const done = consider(await ocspCheck(pair, cached, context, urls[0]));
    if (done) return { ...done, rawKey: key };
  }
  if (options.offline || !options.fetcher) {
    notes.push(offlineFinding());
    return undefined;
  }
  for (const url of urls) {
    let response: Uint8Array;
    let nonce: Uint8Array | undefined;
    const fetcher = options.fetcher;
    try {
      // Concurrent validations of the same certificate share one request (and its nonce).
      ({ response, nonce } = await sharedWork(options.cache, `fetch:${key}:${url}`, async () => {
        const request = await buildOcspRequest(pair.cert(), pair.issuer(), { nonce: options.ocspNonce === false ? false : undefined });
        return { nonce: request.nonce, response: await sendOcspRequest(fetcher, url, request.der, options.ocspMethod ?? 'auto') };
      }));
    } catch (error) {
      notes.push(networkFinding(url, error));
      continue;
    }
    const check = await ocspCheck(pair, response, context, url, nonce);
    const done = consider(check);
    if (done) {
      if (!done.nextUpdate) return done;
      options.cache?.set(key, response, done.nextUpdate);
      return { ...done, rawKey: key };
    }
  }
  return undefined;
}

async function fromCrls(pair: Level, context: Context, consider: Consider, notes: Finding[]) {
  const { options } = context;
  const urls = (await sourcesOf(pair, context)).crlUrls.slice(0, options.maxUrlsPerSource ?? 3);
  for (const url of urls) {
    const key = `crl:${url}`;
    const cached = options.cache?.get(key, context.now);
    if (cached) {
      const done = consider(await crlCheck(pair, cached, context, url));
      if (done) return { ...done, rawKey: key };
    }
    if (options.offline || !options.fetcher) {
      notes.push(offlineFinding());
      continue;
    }
    let crl: Uint8Array;
    try {
      const fetcher = options.fetcher;
      crl = await sharedWork(options.cache, `fetch:${key}`, () => fetcher.fetch(url, { accept: 'application/pkix-crl' }));
    } catch (error) {
      notes.push(networkFinding(url, error));
      continue;
    }
    const done = consider(await crlCheck(pair, crl, context, url));
    if (done) {
      if (!done.raw) return done;
      options.cache?.set(key, done.raw, done.nextUpdate);
      return { ...done, rawKey: key };
    }
  }
  return undefined;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
