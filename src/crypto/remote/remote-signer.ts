/**
 * Remote hash-signing services with asynchronous confirmation (the teacher confirms on a phone): submit a batch
 * of digests, then poll or receive a callback until the service says completed or rejected, or the deadline
 * passes. The interface is vendor-neutral; `csc-v2.ts` is one adapter. Every returned value is verified against
 * the certificate before it leaves this module.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { digestAlgorithmOid } from '../algorithms.js';
import { readCertificate, readCertificates, type CertificateInput } from '../certificate-input.js';
import { assertDigestLengths, digest } from '../digest.js';
import { assertAlgorithmFitsKey, defaultSignatureAlgorithm, type DefaultAlgorithmOptions } from '../key-algorithm.js';
import { normaliseSignatureValue } from '../signature-value.js';
import type { SignatureAlgorithm, Signer } from '../types.js';
import { assertSignatureValues } from '../verify-signature.js';
import type { RemoteCallbackHub } from './callback-hub.js';

/** What a service says about a batch. */
export type RemoteSigningResult =
  | { readonly status: 'completed'; readonly signatures: readonly (Uint8Array | string)[] }
  | { readonly status: 'pending'; readonly transactionId: string }
  | { readonly status: 'rejected'; readonly reason?: string };

/** One batch to sign. */
export interface RemoteSigningSubmission {
  /** The digests to sign, in order; the service returns one signature value per digest. */
  readonly digests: readonly Uint8Array[];
  /** The signature algorithm the values must use. */
  readonly algorithm: SignatureAlgorithm;
  /** OID of `algorithm.hash`. */
  readonly hashAlgorithmOid: string;
  /** Aborted at the deadline or when the caller cancels: pass it to every HTTP request. */
  readonly signal: AbortSignal;
}

/** A hash-signing service. Implement `submit`, and `poll` if the service can be polled. */
export interface RemoteSigningService {
  /** Sends a batch: the values at once (`completed`), a transaction to wait for (`pending`), or a refusal. */
  submit(submission: RemoteSigningSubmission): Promise<RemoteSigningResult>;
  /** Asks again about a pending transaction (called every `pollIntervalMs` until done or timed out). */
  poll?(transactionId: string, signal: AbortSignal): Promise<RemoteSigningResult>;
}

/** Options for {@link remoteSigner}. */
export interface RemoteSignerOptions extends DefaultAlgorithmOptions {
  /** The hash-signing service. */
  service: RemoteSigningService;
  /** The signer's certificate (DER bytes, PEM text or PEM bytes); every returned value is checked against it. */
  certificate: CertificateInput;
  /** Further certificates (intermediates…), as an array or one PEM text. */
  chain?: readonly CertificateInput[] | string;
  /** The signature algorithm (default: derived from the certificate's key). */
  algorithm?: SignatureAlgorithm;
  /** How long to wait for the user's confirmation, per batch (default 300 000 ms). */
  timeoutMs?: number;
  /** Poll interval (default 2000 ms). */
  pollIntervalMs?: number;
  /** Callback deliveries (webhooks) for pending transactions; used alongside polling, or alone without `poll`. */
  callbacks?: RemoteCallbackHub;
  /** Largest batch one submission may carry (e.g. CSC `multisign`); bigger batches are split. */
  maxBatchSize?: number;
  /** Cancel everything (gives SIGNER_FAILED "cancelled"). */
  signal?: AbortSignal;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function stopError(options: RemoteSignerOptions, timeoutMs: number, cause?: unknown): EdusignError {
  if (options.signal?.aborted) return new EdusignError('SIGNER_FAILED', { detail: 'cancelled', detailVi: 'đã hủy', cause });
  return new EdusignError('REMOTE_SIGNING_TIMEOUT', { context: { timeoutMs }, cause });
}

function rejected(reason: string | undefined): EdusignError {
  return new EdusignError('REMOTE_SIGNING_REJECTED', reason ? { detail: reason, context: { reason } } : {});
}

async function awaitCompletion(
  first: RemoteSigningResult,
  options: RemoteSignerOptions,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<readonly (Uint8Array | string)[]> {
  let result = first;
  if (result.status === 'pending' && !options.service.poll && !options.callbacks) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the service answered "pending" but can neither be polled nor call back' });
  }
  const transactionId = result.status === 'pending' ? result.transactionId : '';
  // resolves with the delivered result, or undefined once waiting stops (abort): never rejects
  const delivered: Promise<RemoteSigningResult | undefined> | undefined = result.status === 'pending' && options.callbacks
    ? options.callbacks.wait(transactionId, signal).then((r) => r, () => undefined) : undefined;
  const interval = options.pollIntervalMs ?? 2000;
  while (result.status === 'pending') {
    let fromCallback: RemoteSigningResult | undefined;
    await Promise.race([sleep(interval, signal), delivered?.then((r) => { fromCallback = r; })]);
    if (signal.aborted) throw stopError(options, timeoutMs);
    if (fromCallback) {
      result = fromCallback;
    } else if (options.service.poll) {
      try {
        result = await options.service.poll(transactionId, signal);
      } catch (error) {
        if (signal.aborted) throw stopError(options, timeoutMs, error);
        throw error;
      }
    }
  }
  if (result.status === 'rejected') throw rejected(result.reason);
  return result.signatures;
}

/**
 * A {@link Signer} backed by a remote hash-signing service. `signDigests(N)` makes one submission per
 * `maxBatchSize` digests (one confirmation for the whole class's records); `sign(data)` is a batch of one.
 * Timeout → REMOTE_SIGNING_TIMEOUT; rejection → REMOTE_SIGNING_REJECTED; a value that does not verify with the
 * certificate → SIGNER_FAILED.
 *
 * @example
 * ```ts
 * const signer = remoteSigner({ service, certificate: certDer, timeoutMs: 120_000, pollIntervalMs: 3000 });
 * const signatures = await signer.signDigests(digestsOfTheWholeClass);
 * ```
 */
export function remoteSigner(options: RemoteSignerOptions): Signer {
  const { der, x509 } = readCertificate(options.certificate);
  const algorithm = options.algorithm ?? defaultSignatureAlgorithm(x509.publicKey, options);
  assertAlgorithmFitsKey(algorithm, x509.publicKey);
  const timeoutMs = options.timeoutMs ?? 300_000;
  const maxBatch = options.maxBatchSize ?? Number.POSITIVE_INFINITY;
  if (!(timeoutMs > 0) || !(maxBatch >= 1)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'timeoutMs / maxBatchSize' });

  const signBatch = async (digests: readonly Uint8Array[]): Promise<Uint8Array[]> => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    const signal = AbortSignal.any(signals);
    let first: RemoteSigningResult;
    try {
      first = await options.service.submit({ digests, algorithm, hashAlgorithmOid: digestAlgorithmOid(algorithm.hash), signal });
    } catch (error) {
      if (signal.aborted) throw stopError(options, timeoutMs, error);
      throw error instanceof EdusignError ? error : new EdusignError('SIGNER_FAILED', { detail: String((error as Error)?.message ?? error), cause: error });
    }
    const raw = await awaitCompletion(first, options, signal, timeoutMs);
    if (!Array.isArray(raw) || raw.length !== digests.length) {
      throw new EdusignError('SIGNER_FAILED', { detail: `the service returned ${Array.isArray(raw) ? raw.length : 'no'} signatures for ${digests.length} digests` });
    }
    const values = raw.map((v) => normaliseSignatureValue(v, algorithm));
    assertSignatureValues(x509.publicKey, algorithm, digests, values, 'the remote signing service');
    return values;
  };

  const signDigests = async (digests: readonly Uint8Array[]): Promise<Uint8Array[]> => {
    assertDigestLengths(algorithm.hash, digests);
    const size = Number.isFinite(maxBatch) ? Math.floor(maxBatch) : Math.max(digests.length, 1);
    const out: Uint8Array[] = [];
    for (let i = 0; i < digests.length; i += size) out.push(...await signBatch(digests.slice(i, i + size)));
    return out;
  };

  return Object.freeze({
    certificate: der,
    chain: Object.freeze(readCertificates(options.chain)),
    algorithm: Object.freeze({ ...algorithm }),
    async sign(toBeSigned: Uint8Array): Promise<Uint8Array> {
      return (await signDigests([digest(algorithm.hash, toBeSigned)]))[0] as Uint8Array;
    },
    signDigests,
  });
}
