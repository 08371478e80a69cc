/**
 * An adapter for the Cloud Signature Consortium API v2 hash-signing shape: `credentials/info` and
 * `signatures/signHash`, synchronous (operationMode "S") or asynchronous ("A": a `responseID`, then
 * `signatures/signPolling`). Written from the public CSC v2 description and tested against a local double of
 * that shape only: NO compatibility with any vendor's service is claimed. Authorisation is the caller's:
 * pass an OAuth2 access token and, if the service needs one, Signature Activation Data (SAD).
 * @module
 */
import { EdusignError } from '../../errors.js';
import { OIDS, rsaPssParamsDer, signatureAlgorithmIdentifier } from '../algorithms.js';
import type { CertificateInput } from '../certificate-input.js';
import { readCertificate } from '../certificate-input.js';
import type { DefaultAlgorithmOptions } from '../key-algorithm.js';
import { defaultSignatureAlgorithm } from '../key-algorithm.js';
import type { SignatureAlgorithm, Signer } from '../types.js';
import type { RemoteCallbackHub } from './callback-hub.js';
import { postJson, type FetchLike } from './http-json.js';
import { remoteSigner, type RemoteSigningResult, type RemoteSigningService, type RemoteSigningSubmission } from './remote-signer.js';

/** Connection to one CSC v2 credential. */
export interface CscV2Options {
  /** API root, e.g. `https://rssp.example/csc/v2` (method names are appended). */
  baseUrl: string;
  /** `credentialID`. */
  credentialId: string;
  /** OAuth2 bearer token, or a function returning a fresh one. */
  accessToken: string | (() => Promise<string>);
  /** Signature Activation Data for signHash: a value, or a function of the hashes (e.g. after `credentials/authorize`). */
  sad?: string | ((request: { credentialId: string; hashes: readonly string[]; hashAlgorithmOid: string }) => Promise<string>);
  /** `"S"` (default): signatures in the answer; `"A"`: a responseID, then signPolling. */
  operationMode?: 'S' | 'A';
  /** Free text passed as `clientData`. */
  clientData?: string;
  /** Per-HTTP-request timeout (default 30 000 ms). */
  requestTimeoutMs?: number;
  /** Largest accepted response (default 1 MiB). */
  maxResponseBytes?: number;
  /** Injected fetch (default: global fetch). */
  fetch?: FetchLike;
}

/** What `credentials/info` says. */
export interface CscCredentialInfo {
  /** Certificates, signer first (DER). */
  readonly certificates: readonly Uint8Array[];
  /** `key.algo`: OIDs the key may sign with. */
  readonly keyAlgorithms: readonly string[];
  /** `key.status`: `enabled` or `disabled`. */
  readonly keyStatus?: string;
  /** `key.len`: key length in bits. */
  readonly keyLength?: number;
  /** `cert.status`: `valid`, `expired`, `revoked` or `suspended`. */
  readonly certStatus?: string;
  /** `multisign`: how many hashes one signHash may carry. */
  readonly multisign?: number;
  /** `authMode`: `implicit`, `explicit` or `oauth2code` (how the SAD is obtained). */
  readonly authMode?: string;
}

type Json = Record<string, unknown>;

function joinUrl(base: string, method: string): string {
  return `${base.replace(/\/+$/, '')}/${method}`;
}

async function token(options: CscV2Options): Promise<string> {
  return typeof options.accessToken === 'function' ? options.accessToken() : options.accessToken;
}

function describeError(body: unknown): { error?: string; description?: string } {
  const b = (body ?? {}) as Json;
  return {
    ...(typeof b.error === 'string' ? { error: b.error } : {}),
    ...(typeof b.error_description === 'string' ? { description: b.error_description } : {}),
  };
}

const REJECTION_ERRORS = new Set(['access_denied', 'invalid_grant', 'invalid_token', 'expired_token', 'invalid_otp',
  'invalid_pin', 'invalid_sad', 'expired_sad', 'consent_required', 'user_rejected']);

function isRejection(status: number, error: string | undefined, description: string | undefined): boolean {
  return status === 401 || status === 403 || (error !== undefined && REJECTION_ERRORS.has(error)) ||
    /reject|denied|declin|cancel/i.test(description ?? '');
}

const PENDING = /pending|in progress|processing|not (yet )?(ready|complete|completed|finished|available)/i;

async function call(options: CscV2Options, method: string, body: Json, signal?: AbortSignal) {
  return postJson(joinUrl(options.baseUrl, method), body, {
    headers: { authorization: `Bearer ${await token(options)}` },
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    ...(options.maxResponseBytes === undefined ? {} : { maxBytes: options.maxResponseBytes }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(signal ? { signal } : {}),
  });
}

function failure(method: string, status: number, body: unknown): EdusignError {
  const { error, description } = describeError(body);
  const context = { method, status, error, description };
  const detail = `${method}: HTTP ${status}${error ? ` ${error}` : ''}${description ? ` (${description})` : ''}`;
  return isRejection(status, error, description)
    ? new EdusignError('REMOTE_SIGNING_REJECTED', { detail, context })
    : new EdusignError('SIGNER_FAILED', { detail, context });
}

function base64Array(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new EdusignError('SIGNER_FAILED', { detail: `the service's ${what} is not an array of base64 strings` });
  }
  return value as string[];
}

/**
 * Call `credentials/info` (certificates "chain", certInfo, authInfo).
 *
 * @example
 * ```ts
 * const info = await cscCredentialInfo({ baseUrl, credentialId, accessToken });
 * ```
 */
export async function cscCredentialInfo(options: CscV2Options, signal?: AbortSignal): Promise<CscCredentialInfo> {
  const { status, body } = await call(options, 'credentials/info',
    { credentialID: options.credentialId, certificates: 'chain', certInfo: true, authInfo: true }, signal);
  if (status !== 200) throw failure('credentials/info', status, body);
  const b = (body ?? {}) as Json;
  const key = (b.key ?? {}) as Json;
  const cert = (b.cert ?? {}) as Json;
  const certificates = base64Array(cert.certificates, 'cert.certificates')
    .map((c) => readCertificate(new Uint8Array(Buffer.from(c, 'base64'))).der);
  if (certificates.length === 0) throw new EdusignError('SIGNER_FAILED', { detail: 'credentials/info returned no certificate' });
  return {
    certificates,
    keyAlgorithms: Array.isArray(key.algo) ? key.algo.filter((a): a is string => typeof a === 'string') : [],
    ...(typeof key.status === 'string' ? { keyStatus: key.status } : {}),
    ...(typeof key.len === 'number' ? { keyLength: key.len } : {}),
    ...(typeof cert.status === 'string' ? { certStatus: cert.status } : {}),
    ...(typeof b.multisign === 'number' ? { multisign: b.multisign } : {}),
    ...(typeof b.authMode === 'string' ? { authMode: b.authMode } : {}),
  };
}

/**
 * The `signAlgo` (and `signAlgoParams`) for an algorithm, preferring the specific signature OID and falling back
 * to the key OID (`rsaEncryption`, `ecPublicKey`) when that is what the credential lists. UNSUPPORTED_ALGORITHM
 * when the credential lists neither.
 *
 * @example
 * ```ts
 * cscSignAlgo({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ['1.2.840.113549.1.1.1']); // { signAlgo: '1.2.840.113549.1.1.1' }
 * ```
 */
export function cscSignAlgo(algorithm: SignatureAlgorithm, keyAlgorithms: readonly string[]): { signAlgo: string; signAlgoParams?: string } {
  const specific = signatureAlgorithmIdentifier(algorithm).oid;
  const generic = algorithm.name === 'ECDSA' ? OIDS.ecPublicKey : algorithm.name === 'RSA-PSS' ? OIDS.rsassaPss : OIDS.rsaEncryption;
  const params = algorithm.name === 'RSA-PSS'
    ? { signAlgoParams: Buffer.from(rsaPssParamsDer(algorithm.hash, algorithm.saltLength)).toString('base64') } : {};
  if (keyAlgorithms.length === 0 || keyAlgorithms.includes(specific)) return { signAlgo: specific, ...params };
  if (keyAlgorithms.includes(generic)) return { signAlgo: generic, ...params };
  throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `the credential offers ${keyAlgorithms.join(', ')}, not ${specific}` });
}

/**
 * A {@link RemoteSigningService} speaking CSC v2 signHash for one credential.
 *
 * @example
 * ```ts
 * const service = cscSigningService({ baseUrl, credentialId, accessToken, sad, operationMode: 'A' }, info.keyAlgorithms);
 * ```
 */
export function cscSigningService(options: CscV2Options, keyAlgorithms: readonly string[] = []): RemoteSigningService {
  const mode = options.operationMode ?? 'S';
  const completed = (body: unknown, method: string): RemoteSigningResult => ({
    status: 'completed', signatures: base64Array((body as Json | null)?.signatures, `${method} signatures`) });
  return {
    async submit(submission: RemoteSigningSubmission): Promise<RemoteSigningResult> {
      const hashes = submission.digests.map((d) => Buffer.from(d).toString('base64'));
      const sad = typeof options.sad === 'function'
        ? await options.sad({ credentialId: options.credentialId, hashes, hashAlgorithmOid: submission.hashAlgorithmOid })
        : options.sad;
      const { status, body } = await call(options, 'signatures/signHash', {
        credentialID: options.credentialId,
        ...(sad === undefined ? {} : { SAD: sad }),
        hashes,
        hashAlgorithmOID: submission.hashAlgorithmOid,
        ...cscSignAlgo(submission.algorithm, keyAlgorithms),
        operationMode: mode,
        ...(options.clientData === undefined ? {} : { clientData: options.clientData }),
      }, submission.signal);
      if (status !== 200 && status !== 202) throw failure('signatures/signHash', status, body);
      const b = (body ?? {}) as Json;
      if (Array.isArray(b.signatures)) return completed(b, 'signatures/signHash');
      if (typeof b.responseID === 'string' && b.responseID.length > 0) return { status: 'pending', transactionId: b.responseID };
      throw new EdusignError('SIGNER_FAILED', { detail: 'signatures/signHash answered neither signatures nor a responseID' });
    },
    async poll(transactionId: string, signal: AbortSignal): Promise<RemoteSigningResult> {
      const { status, body } = await call(options, 'signatures/signPolling', { responseID: transactionId }, signal);
      const b = (body ?? {}) as Json;
      if (status === 200 && Array.isArray(b.signatures)) return completed(b, 'signatures/signPolling');
      const { error, description } = describeError(body);
      if (status === 202 || (status === 200 && !Array.isArray(b.signatures)) ||
        (status === 400 && PENDING.test(`${description ?? ''} ${error ?? ''}`) && !isRejection(status, error, description))) {
        return { status: 'pending', transactionId };
      }
      if (isRejection(status, error, description)) return { status: 'rejected', reason: description ?? error ?? `HTTP ${status}` };
      if (status >= 500) return { status: 'pending', transactionId }; // transient: keep waiting until the deadline
      throw failure('signatures/signPolling', status, body);
    },
  };
}

/** Options for {@link openCscSigner}. */
export interface OpenCscSignerOptions extends CscV2Options, DefaultAlgorithmOptions {
  /** The signature algorithm (default: derived from the certificate's key). */
  algorithm?: SignatureAlgorithm;
  /** Use this certificate instead of the one credentials/info returns. */
  certificate?: CertificateInput;
  /** Total wait per batch for the user's confirmation (default 300 000 ms). */
  timeoutMs?: number;
  /** signPolling interval in `operationMode: 'A'` (default 2000 ms). */
  pollIntervalMs?: number;
  /** Callback deliveries (webhooks) for pending transactions. */
  callbacks?: RemoteCallbackHub;
  /** Cancel everything (gives SIGNER_FAILED "cancelled"). */
  signal?: AbortSignal;
}

/**
 * Ask `credentials/info` for the certificate chain and key algorithms, then return a {@link Signer} that signs
 * through `signatures/signHash` (batches split by the credential's `multisign`). A disabled key or an
 * invalid/suspended certificate status → REMOTE_SIGNING_REJECTED.
 *
 * @example
 * ```ts
 * const signer = await openCscSigner({ baseUrl: 'https://rssp.example/csc/v2', credentialId: 'GV-01',
 *   accessToken: token, sad: (req) => authorize(req), operationMode: 'A', timeoutMs: 120_000 });
 * ```
 */
export async function openCscSigner(options: OpenCscSignerOptions): Promise<Signer> {
  const info = await cscCredentialInfo(options, options.signal);
  if (info.keyStatus !== undefined && info.keyStatus !== 'enabled') {
    throw new EdusignError('REMOTE_SIGNING_REJECTED', { detail: `the credential key is ${info.keyStatus}` });
  }
  if (info.certStatus !== undefined && info.certStatus !== 'valid') {
    throw new EdusignError('REMOTE_SIGNING_REJECTED', { detail: `the credential certificate is ${info.certStatus}` });
  }
  const certificate = options.certificate ?? (info.certificates[0] as Uint8Array);
  const { x509 } = readCertificate(certificate);
  const algorithm = options.algorithm ?? defaultSignatureAlgorithm(x509.publicKey, options);
  cscSignAlgo(algorithm, info.keyAlgorithms);
  return remoteSigner({
    service: cscSigningService(options, info.keyAlgorithms),
    certificate,
    chain: options.certificate ? info.certificates : info.certificates.slice(1),
    algorithm,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.callbacks ? { callbacks: options.callbacks } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(info.multisign && info.multisign > 0 ? { maxBatchSize: info.multisign } : {}),
  });
}
