/**
 * Batch JAdES signing: N JSON values, one `Signer.signDigests` call (one PIN entry, one remote confirmation).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Signer } from '../../crypto/types.js';
import type { JwsSignOptionsBase, JwsSignResult } from './options.js';
import { checkSignerBeforeSigning, withSharedPkiCache } from '../signer-check.js';
import { presignJws } from './lib/presign.js';
import { completeJwsSignature } from './complete.js';
import { toPrepared } from './prepare.js';
import { assertLevelReachable } from './levels/raise.js';

/**
 * Sign many JSON values with one signer and one `signDigests` call; results in input order. Options apply to
 * every value. Each value is checked the same way as by {@link signJws} (the certificate check runs once).
 *
 * @example
 * ```ts
 * const results = await signJwsBatch(classRecords, signer, { role: 'Giáo viên chủ nhiệm' });
 * results.length === classRecords.length; // true
 * ```
 */
export async function signJwsBatch(values: readonly unknown[], signer: Signer, given: JwsSignOptionsBase = {}): Promise<JwsSignResult[]> {
  const options = withSharedPkiCache(given);
  if (!Array.isArray(values)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'values must be an array' });
  if (values.length === 0) return [];
  assertLevelReachable(options.level ?? 'B-B', options);
  const check = await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check);
  const prepared = values.map((v) => {
    const pre = presignJws(v, signer, options);
    if (pre.plan.sigD && (options.level ?? 'B-B') === 'B-LTA') throw new EdusignError('INVALID_ARGUMENT', { detail: 'batch signing of detached payloads stops at B-LT' });
    return toPrepared(pre, signer.certificate, options, check.warnings);
  });
  let signatures: Uint8Array[];
  try {
    signatures = await signer.signDigests(prepared.map((p) => p.digest));
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('SIGNER_FAILED', { cause, detail: cause instanceof Error ? cause.message : undefined });
  }
  if (!Array.isArray(signatures) || signatures.length !== prepared.length) {
    throw new EdusignError('SIGNER_FAILED', { detail: `expected ${prepared.length} signature values, got ${Array.isArray(signatures) ? signatures.length : 'none'}` });
  }
  const out: JwsSignResult[] = [];
  for (const [i, p] of prepared.entries()) out.push(await completeJwsSignature(p.state, signatures[i] as Uint8Array, options));
  return out;
}
