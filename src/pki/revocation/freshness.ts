/**
 * When is revocation data (CRL, OCSP response) usable to speak about time `at`? Internal.
 * @module
 */
import type { Finding } from '../indication.js';
import { finding } from './finding.js';

/** Freshness parameters. */
export interface FreshnessOptions {
  /** The time the status is wanted for (validation time / best signature time). */
  at: Date;
  /** The current time (data from the future beyond `clockSkewMs` is refused). */
  now: Date;
  /** Tolerated clock difference, default 5 minutes. */
  clockSkewMs?: number;
  /** Without nextUpdate, data is fresh if issued at most this long before `at`; default 24 h. */
  maxAgeWithoutNextUpdateMs?: number;
}

/**
 * Check that data issued at `thisUpdate` (valid until `nextUpdate`) speaks for `at`:
 * not issued in the future; and either issued at/after `at` (a later proof of non-revocation, as in B-LT
 * validation data), or still current at `at` (`nextUpdate >= at`), or, without nextUpdate, recent enough.
 * Returns the finding explaining why not, or `undefined` when fresh.
 * @example
 * ```ts
 * const problem = freshnessProblem('CRL', crl.thisUpdate, crl.nextUpdate, { at: new Date(), now: new Date() });
 * ```
 */
export function freshnessProblem(what: 'CRL' | 'OCSP', thisUpdate: Date, nextUpdate: Date | undefined, options: FreshnessOptions): Finding | undefined {
  const skew = options.clockSkewMs ?? 5 * 60_000;
  const maxAge = options.maxAgeWithoutNextUpdateMs ?? 24 * 3_600_000;
  const code = what === 'CRL' ? 'CRL' : 'OCSP';
  if (thisUpdate.getTime() > options.now.getTime() + skew) {
    return finding(`${code}_NOT_YET_VALID`, `${what} thisUpdate ${thisUpdate.toISOString()} is in the future`,
      `${what} có thisUpdate ${thisUpdate.toISOString()} ở tương lai`);
  }
  if (thisUpdate.getTime() >= options.at.getTime()) return undefined;
  if (nextUpdate) {
    if (nextUpdate.getTime() >= options.at.getTime()) return undefined;
    return finding(`${code}_STALE`, `${what} expired at nextUpdate ${nextUpdate.toISOString()} (needed for ${options.at.toISOString()})`,
      `${what} đã hết hạn cập nhật lúc ${nextUpdate.toISOString()} (cần cho thời điểm ${options.at.toISOString()})`);
  }
  if (options.at.getTime() - thisUpdate.getTime() <= maxAge) return undefined;
  return finding(`${code}_STALE`, `${what} without nextUpdate issued ${thisUpdate.toISOString()} is too old`,
    `${what} không có nextUpdate, phát hành lúc ${thisUpdate.toISOString()}, đã quá cũ`);
}
