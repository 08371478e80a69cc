/**
 * Remote signing across requests: a server submits the digests of an {@link ExternalSigningRequest} to a service
 * in one HTTP request, keeps the JSON ticket (database, sealed state), and collects the result in a later
 * request or from a webhook, without a process waiting in between.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { completeExternalSigning, parseExternalSigningRequest, type ExternalSigningRequest } from '../external.js';
import type { RemoteSigningResult, RemoteSigningService } from './remote-signer.js';

/** JSON ticket of a submitted batch. */
export interface RemoteSigningTicket {
  /** What was submitted (certificate, algorithm, digests): the values are checked against it. */
  readonly request: ExternalSigningRequest;
  /** The service's transaction id while pending. */
  readonly transactionId?: string;
  /** Base64 signature values when the service answered at once (not yet verified). */
  readonly signatures?: readonly string[];
}

/** Outcome of {@link collectRemoteSigning}. */
export type RemoteCollection =
  | { readonly status: 'pending'; readonly ticket: RemoteSigningTicket }
  | { readonly status: 'completed'; readonly signatures: Uint8Array[] };

const toBase64 = (v: Uint8Array | string): string => (typeof v === 'string' ? v : Buffer.from(v).toString('base64'));

function ticketFrom(request: ExternalSigningRequest, result: RemoteSigningResult): RemoteSigningTicket {
  if (result.status === 'rejected') {
    throw new EdusignError('REMOTE_SIGNING_REJECTED', result.reason ? { detail: result.reason } : {});
  }
  return result.status === 'pending'
    ? { request, transactionId: result.transactionId }
    : { request, signatures: result.signatures.map(toBase64) };
}

/**
 * Submit a request's digests to the service and return a JSON ticket. Rejection → REMOTE_SIGNING_REJECTED.
 *
 * @example
 * ```ts
 * const ticket = await submitRemoteSigning(service, createExternalSigningRequest({ certificate, digests }));
 * await db.save(sealTwoPhaseState(ticket, serverKey));
 * ```
 */
export async function submitRemoteSigning(
  service: RemoteSigningService,
  request: ExternalSigningRequest,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<RemoteSigningTicket> {
  const r = parseExternalSigningRequest(request);
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 60_000), ...(options.signal ? [options.signal] : [])]);
  const result = await service.submit({
    digests: r.digests.map((d) => new Uint8Array(Buffer.from(d, 'base64'))),
    algorithm: r.algorithm,
    hashAlgorithmOid: r.hashAlgorithmOid,
    signal,
  });
  return ticketFrom(r, result);
}

/**
 * Look at a ticket once: poll the service (or use a result you received by webhook), and when completed return the
 * signature values, verified against the certificate (SIGNER_FAILED otherwise). Rejection →
 * REMOTE_SIGNING_REJECTED; an expired request → TWO_PHASE_STATE_INVALID.
 *
 * @example
 * ```ts
 * const outcome = await collectRemoteSigning(service, ticket);
 * if (outcome.status === 'completed') embed(outcome.signatures);
 * ```
 */
export async function collectRemoteSigning(
  service: RemoteSigningService,
  ticket: RemoteSigningTicket,
  options: { delivered?: RemoteSigningResult; signal?: AbortSignal; timeoutMs?: number; now?: Date } = {},
): Promise<RemoteCollection> {
  const request = parseExternalSigningRequest(ticket?.request);
  if (request.expiresAt && (options.now ?? new Date()).getTime() > Date.parse(request.expiresAt)) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: `the request expired at ${request.expiresAt}` });
  }
  const complete = (values: readonly (Uint8Array | string)[]): RemoteCollection => ({
    status: 'completed',
    signatures: completeExternalSigning(request, values, options.now ? { now: options.now } : {}),
  });
  if (Array.isArray(ticket.signatures)) return complete(ticket.signatures);
  if (typeof ticket.transactionId !== 'string') throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'ticket has no transaction' });
  let result = options.delivered;
  if (!result) {
    if (!service.poll) throw new EdusignError('INVALID_ARGUMENT', { detail: 'the service cannot be polled: pass the delivered result' });
    const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 30_000), ...(options.signal ? [options.signal] : [])]);
    result = await service.poll(ticket.transactionId, signal);
  }
  const next = ticketFrom(request, result);
  return next.signatures ? complete(next.signatures) : { status: 'pending', ticket: next };
}
