/**
 * Countersignatures (ETSI EN 319 132-1 §5.2.7): a ds:Signature in the countersigned signature's
 * `UnsignedSignatureProperties/CounterSignature`, referencing its SignatureValue with
 * `Type="http://uri.etsi.org/01903#CountersignedSignature"` (the principal over the homeroom teacher's signature).
 * @module
 */
import { EdusignError } from '../../errors.js';
import { checkSignerBeforeSigning, withSharedPkiCache } from '../signer-check.js';
import { completeTrustedState } from './complete.js';
import type { XmlSignOptions, XmlSignResult } from './options.js';
import { buildPresignature } from './presign.js';
import { toPrepared } from './prepare.js';

/**
 * Countersign signature `signatureId` of `xml` (the countersigned SignatureValue needs an `Id`, as every
 * signature this SDK makes has). `mode`, `recordId` and `placement` are ignored. Levels above B-B are reached
 * for the countersignature itself.
 *
 * @example
 * ```ts
 * const { xml: out } = await countersignXml(signedByGvcn, gvcnSignatureId, { signer: principal, role: 'Hiệu trưởng' });
 * ```
 */
export async function countersignXml<T extends string | Uint8Array>(xml: T, signatureId: string, given: XmlSignOptions): Promise<XmlSignResult<T>> {
  const options = withSharedPkiCache(given);
  const signer = options?.signer;
  if (!signer || typeof signer.sign !== 'function') throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.signer is required' });
  if (typeof signatureId !== 'string' || signatureId === '') throw new EdusignError('INVALID_ARGUMENT', { detail: 'signatureId is required' });
  const warnings = (await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check)).warnings;
  const pre = buildPresignature(xml, signer, options, signatureId);
  pre.warnings.unshift(...warnings);
  let value: Uint8Array;
  try {
    value = await signer.sign(pre.toBeSigned);
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('SIGNER_FAILED', { cause });
  }
  const prepared = toPrepared(pre, signer.certificate, signer.algorithm.hash, options.level ?? 'B-B');
  return completeTrustedState(prepared.state, value, options) as Promise<XmlSignResult<T>>;
}
