/**
 * Callback (webhook) deliveries for remote signing: the web route that receives the service's notification calls
 * `deliver(transactionId, result)`; the waiting signer resolves. The hub is an object the caller owns (one per
 * server), not module state.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { RemoteSigningResult } from './remote-signer.js';

/** A place where webhook results meet waiting signers. */
export interface RemoteCallbackHub {
  /** Hand over a result (from a webhook). Returns true when a signer was waiting for it. */
  deliver(transactionId: string, result: RemoteSigningResult): boolean;
  /** Wait for the result of a transaction (resolves immediately if it was delivered earlier). */
  wait(transactionId: string, signal: AbortSignal): Promise<RemoteSigningResult>;
}

/**
 * Make a hub. Results delivered before anyone waits are kept (at most `maxEarly`, oldest dropped first).
 *
 * @example
 * ```ts
 * const hub = createRemoteCallbackHub();
 * app.post('/smartca/callback', (req) => hub.deliver(req.body.tranId, toResult(req.body)));
 * const signer = remoteSigner({ service, certificate, callbacks: hub });
 * ```
 */
export function createRemoteCallbackHub(options: { maxEarly?: number } = {}): RemoteCallbackHub {
  const maxEarly = options.maxEarly ?? 1000;
  const waiting = new Map<string, (result: RemoteSigningResult) => void>();
  const early = new Map<string, RemoteSigningResult>();
  return {
    deliver(transactionId, result) {
      const resolve = waiting.get(transactionId);
      if (resolve) {
        waiting.delete(transactionId);
        resolve(result);
        return true;
      }
      early.set(transactionId, result);
      while (early.size > maxEarly) early.delete(early.keys().next().value as string);
      return false;
    },
    wait(transactionId, signal) {
      const ready = early.get(transactionId);
      if (ready) {
        early.delete(transactionId);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          waiting.delete(transactionId);
          reject(new EdusignError('REMOTE_SIGNING_TIMEOUT', { detail: 'stopped waiting for the callback' }));
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.set(transactionId, (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        });
      });
    },
  };
}
