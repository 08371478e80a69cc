/**
 * One signature: check the signer, build the B-B protected header over the payload, sign, raise the level.
 * The general and compact forms are built from this one.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import type { JwsSignOptionsBase, JwsSignResult } from '../options.js';
import { assertSigner, callSigner } from '../lib/call-signer.js';
import { checkSignerBeforeSigning, withSharedPkiCache } from '../../signer-check.js';
import { serializeJws, type JwsDocument } from '../lib/jws-document.js';
import { assemble, presignJws } from '../lib/presign.js';
import { assertLevelReachable, raiseSignature } from '../levels/raise.js';

/**
 * Add one signature to `input` (a JSON value, JSON bytes, or an existing JWS JSON serialization) and return the
 * JWS as a document plus the index of the new signature. `only`: refuse (before signing) an input that already
 * holds signatures.
 *
 * @example
 * ```ts
 * const { doc, index, warnings } = await createJwsSignature({ diem: 8.5 }, signer, { role: 'GVCN' });
 * ```
 */
export async function createJwsSignature(input: unknown, signer: Signer, options: JwsSignOptionsBase = {}, only = false): Promise<{ doc: JwsDocument; index: number; warnings: Finding[]; content: Uint8Array }> {
  assertSigner(signer);
  assertLevelReachable(options.level ?? 'B-B', options);
  const check = await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check);
  const pre = presignJws(input, signer, options);
  if (only && pre.plan.existing) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'the input already holds signatures: the flattened and compact serializations have room for one (use general)', detailVi: 'đầu vào đã có chữ ký: dạng flattened và compact chỉ chứa một chữ ký (hãy dùng general)' });
  }
  const value = await callSigner(signer, pre.signingInput);
  const { doc, index } = assemble(pre.plan, pre.protectedB64, value);
  const raised = await raiseSignature(doc, index, options.level ?? 'B-B', options, {
    ...(check.validationData ? { checkData: check.validationData } : {}), ...(pre.plan.sigD ? { payload: pre.plan.content } : {}),
  });
  return { doc: raised.doc, index, warnings: [...check.warnings, ...raised.warnings], content: pre.plan.content };
}

/**
 * Sign a JSON value into a JWS in the flattened JSON serialization (one signer).
 *
 * @example
 * ```ts
 * const { jws } = await signFlattenedJws(record, signer, { role: 'Hiệu trưởng', level: 'B-T', timestampAuthority: tsa });
 * JSON.parse(jws).signature; // base64url
 * ```
 */
export async function signFlattenedJws(input: unknown, signer: Signer, given: JwsSignOptionsBase = {}): Promise<JwsSignResult> {
  const options = withSharedPkiCache(given);
  const { doc, warnings } = await createJwsSignature(input, signer, options, true);
  return { jws: serializeJws(doc, 'flattened'), serialization: 'flattened', signatureIndex: 0, warnings };
}
