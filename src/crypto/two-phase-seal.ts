/**
 * Sealing two-phase signing state. A server that sends `prepare()`'s state to a client and gets it back in the
 * second request must not trust what comes back: seal it with a server-side key (HMAC-SHA-256) and open it with
 * the same key. The sealed form is plain text (`<base64url JSON>.<base64url MAC>`), safe in JSON and URLs.
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EdusignError } from '../errors.js';

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', key).update(`edusign-two-phase-v1.${payload}`).digest();
}

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length < 32) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the sealing key must be at least 32 random bytes' });
  }
}

/**
 * Seal a JSON-serialisable state.
 *
 * @example
 * ```ts
 * const token = sealTwoPhaseState(state, serverKey); // send to the client
 * ```
 */
export function sealTwoPhaseState(state: unknown, key: Uint8Array): string {
  checkKey(key);
  const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/**
 * Open a sealed state; throws TWO_PHASE_STATE_INVALID when it was altered, sealed with another key or is not a
 * sealed state at all.
 *
 * @example
 * ```ts
 * const state = openTwoPhaseState(req.body.state, serverKey);
 * ```
 */
export function openTwoPhaseState(sealed: string, key: Uint8Array): unknown {
  checkKey(key);
  const match = typeof sealed === 'string' ? /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(sealed) : null;
  if (!match) throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'not a sealed state' });
  const payload = match[1] as string;
  const given = Buffer.from(match[2] as string, 'base64url');
  if (!timingSafeEqual(given, mac(key, payload))) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'the state was altered or sealed with another key',
      detailVi: 'trạng thái đã bị sửa hoặc được niêm phong bằng khóa khác' });
  }
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'sealed state is not JSON', cause });
  }
}
