/**
 * First phase of two-phase JAdES signing (USB token, remote signing service): digest out, JSON state kept.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { JwsPrepared, JwsPrepareOptions } from './options.js';
import { b64url } from './lib/base64url.js';
import { checkSignerBeforeSigning } from '../signer-check.js';
import { serializeJws } from './lib/jws-document.js';
import { presignDigest, presignJws } from './lib/presign.js';
import { levelRank } from './levels/raise.js';
import type { Finding } from '../../pki/indication.js';
import type { Presigned } from './lib/presign.js';

/**
 * Turn a presignature into the public two-phase shape.
 *
 * @example
 * ```ts
 * const prepared = toPrepared(pre, certificate, options, warnings);
 * ```
 */
export function toPrepared(pre: Presigned, certificate: Uint8Array, options: Pick<JwsPrepareOptions, 'level' | 'serialization'>, warnings: Finding[]): JwsPrepared {
  const digest = presignDigest(pre);
  return {
    digest,
    signingInput: pre.signingInput,
    state: {
      v: 1, format: 'JAdES', protected: pre.protectedB64, payload: pre.plan.payloadMember ?? '', detached: pre.plan.payloadMember === undefined,
      ...(pre.plan.existing ? { existing: serializeJws(pre.plan.existing, 'general') } : {}),
      signingInput: b64url(pre.signingInput), digest: Buffer.from(digest).toString('base64'),
      certificate: Buffer.from(certificate).toString('base64'), alg: pre.alg,
      serialization: options.serialization ?? 'general', level: options.level ?? 'B-B', warnings,
    },
  };
}

/**
 * Prepare a JAdES signature for an external signer: returns the digest of the JWS Signing Input (sign it with
 * `Signer.signDigests`) and a JSON-serialisable state for {@link completeJwsSignature}. Runs check-before-signing;
 * its warnings are in `state.warnings`. Detached payloads are not supported in two-phase signing (they would
 * need the payload again at completion for B-LTA).
 *
 * @example
 * ```ts
 * const { digest, state } = await prepareJwsSignature(record, { certificate, chain, algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, role: 'GVCN' });
 * ```
 */
export async function prepareJwsSignature(input: unknown, options: JwsPrepareOptions): Promise<JwsPrepared> {
  if (!options || !(options.certificate instanceof Uint8Array) || !options.algorithm) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'certificate and algorithm are required' });
  }
  levelRank(options.level ?? 'B-B');
  const chain = options.chain ?? [];
  const check = await checkSignerBeforeSigning(options.certificate, chain, options.check);
  const pre = presignJws(input, { certificate: options.certificate, chain, algorithm: options.algorithm }, options);
  if (pre.plan.sigD && (options.level ?? 'B-B') === 'B-LTA') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'two-phase signing of a detached payload stops at B-LT (extend with extendJws and the payload)' });
  }
  return toPrepared(pre, options.certificate, options, check.warnings);
}
