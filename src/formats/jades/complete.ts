/**
 * Second phase of two-phase signing: put an externally made signature value into the JWS.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { signatureAlgorithmFromJws } from '../../crypto/algorithms.js';
import { toPublicKey, verifyMessageSignature } from '../../crypto/verify-signature.js';
import { parseJsonStrict } from '../../encode/json/parse-strict.js';
import type { JwsSignatureState, JwsSignOptionsBase, JwsSignResult } from './options.js';
import { decodeB64url } from './lib/base64url.js';
import { jwsFromJson, serializeJws } from './lib/jws-document.js';
import { assemble } from './lib/presign.js';
import { raiseSignature } from './levels/raise.js';

function invalid(detail: string): EdusignError {
  return new EdusignError('TWO_PHASE_STATE_INVALID', { detail, detailVi: detail });
}

/**
 * Check the shape of a state that came back through JSON.
 *
 * @example
 * ```ts
 * assertJwsSignatureState(JSON.parse(body.state));
 * ```
 */
export function assertJwsSignatureState(state: unknown): asserts state is JwsSignatureState {
  const s = state as Partial<JwsSignatureState> | null;
  if (!s || typeof s !== 'object' || s.v !== 1 || s.format !== 'JAdES') throw invalid('not a JAdES signing state');
  if (typeof s.protected !== 'string' || typeof s.payload !== 'string' || typeof s.signingInput !== 'string' || typeof s.certificate !== 'string' ||
    typeof s.alg !== 'string' || typeof s.digest !== 'string' || typeof s.detached !== 'boolean' || !Array.isArray(s.warnings) ||
    (s.existing !== undefined && typeof s.existing !== 'string')) throw invalid('missing fields');
  if (!['general', 'flattened', 'compact'].includes(String(s.serialization))) throw invalid('bad serialization');
  const si = decodeB64url(s.signingInput);
  if (!si || Buffer.from(si).toString('latin1') !== `${s.protected}.${s.payload}`) throw invalid('the signing input does not match the header and payload of the state');
}

/**
 * Complete a prepared signature with its value (`Signer.signDigests` output, ECDSA as r||s). The value is checked
 * against the certificate first: a wrong value is `SIGNER_FAILED`, never a broken JWS. Levels above B-B recorded in
 * the state are reached with `options` (timestampAuthority, check/validation trust store).
 *
 * @example
 * ```ts
 * const { digest, state } = await prepareJwsSignature(record, { certificate, algorithm });
 * const [value] = await remote.signDigests([digest]);
 * const { jws } = await completeJwsSignature(JSON.parse(JSON.stringify(state)), value!);
 * ```
 */
export async function completeJwsSignature(state: unknown, signatureValue: Uint8Array, options: JwsSignOptionsBase = {}): Promise<JwsSignResult> {
  assertJwsSignatureState(state);
  if (!(signatureValue instanceof Uint8Array) || signatureValue.length === 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'signatureValue must be bytes' });
  const certificate = new Uint8Array(Buffer.from(state.certificate, 'base64'));
  const key = toPublicKey(certificate);
  const algorithm = signatureAlgorithmFromJws(state.alg);
  const signingInput = decodeB64url(state.signingInput) as Uint8Array;
  if (!verifyMessageSignature(key, algorithm, signingInput, signatureValue)) {
    throw new EdusignError('SIGNER_FAILED', { detail: 'the signature value does not verify with the certificate', detailVi: 'giá trị chữ ký không khớp với chứng thư số' });
  }
  const existing = state.existing === undefined ? undefined : jwsFromJson(parseJsonStrict(state.existing));
  const plan = { ...(state.detached ? {} : { payloadMember: state.payload }), content: new Uint8Array(0), unencoded: false, ...(existing ? { existing } : {}) };
  const { doc, index } = assemble(plan, state.protected, signatureValue);
  const level = options.level ?? state.level;
  const serialization = options.serialization ?? state.serialization;
  const raised = await raiseSignature(doc, index, level, options, {});
  return { jws: serializeJws(raised.doc, existing ? 'general' : serialization), serialization: existing ? 'general' : serialization, signatureIndex: index,
    warnings: [...state.warnings, ...raised.warnings] };
}
