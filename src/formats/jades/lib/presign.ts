/**
 * Everything before the signature value: payload plan, protected header, JWS Signing Input, digest. Pure and
 * synchronous, shared by one-call, two-phase and batch signing.
 * @module
 */
import { createHash } from 'node:crypto';
import type { JwsSignOptionsBase } from '../options.js';
import { b64url } from './base64url.js';
import type { JwsDocument } from './jws-document.js';
import { planPayload, type PayloadPlan } from './payload.js';
import { buildProtectedHeader, encodeHeader, signingInput, type SigningKeyInfo } from './protected-header.js';

/** A signature waiting for its value. */
export interface Presigned {
  plan: PayloadPlan;
  protectedB64: string;
  alg: string;
  signingInput: Uint8Array;
  /** The signer's hash (for {@link presignDigest}). */
  hash: SigningKeyInfo['algorithm']['hash'];
}

/**
 * Digest of the signing input with the algorithm's hash (two-phase and batch signing; one-call signing lets the
 * signer hash).
 *
 * @example
 * ```ts
 * const [value] = await signer.signDigests([presignDigest(pre)]);
 * ```
 */
export function presignDigest(pre: Presigned): Uint8Array {
  return new Uint8Array(createHash(pre.hash.replace('-', '').toLowerCase()).update(pre.signingInput).digest());
}

/**
 * Build the protected header and the signing input for `input`.
 *
 * @example
 * ```ts
 * const pre = presignJws({ a: 1 }, { certificate, chain, algorithm }, { role: 'GVCN' });
 * const value = await signer.sign(pre.signingInput);
 * ```
 */
export function presignJws(input: unknown, key: SigningKeyInfo, options: JwsSignOptionsBase): Presigned {
  const plan = planPayload(input, options, key.algorithm.hash);
  const header = buildProtectedHeader(key, plan, options);
  const protectedB64 = encodeHeader(header);
  const si = signingInput(protectedB64, plan.payloadMember ?? '');
  return { plan, protectedB64, alg: header.alg as string, signingInput: si, hash: key.algorithm.hash };
}

/**
 * Put a signature value into the JWS: a new document, or the existing one with one more signature.
 *
 * @example
 * ```ts
 * const { doc, index } = assemble(pre.plan, pre.protectedB64, value);
 * ```
 */
export function assemble(plan: PayloadPlan, protectedB64: string, signatureValue: Uint8Array): { doc: JwsDocument; index: number } {
  const signature = { protected: protectedB64, signature: b64url(signatureValue) };
  if (plan.existing) {
    const doc: JwsDocument = { ...plan.existing, serialization: 'general', signatures: [...plan.existing.signatures, signature] };
    return { doc, index: doc.signatures.length - 1 };
  }
  return { doc: { serialization: 'general', ...(plan.payloadMember !== undefined ? { payload: plan.payloadMember } : {}), signatures: [signature] }, index: 0 };
}
