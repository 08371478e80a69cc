/**
 * One-call XAdES signing with a {@link Signer}: check the certificate, build, sign, and raise the level.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { checkSignerBeforeSigning, withSharedPkiCache } from '../signer-check.js';
import { completeTrustedState } from './complete.js';
import type { XmlSignOptions, XmlSignResult } from './options.js';
import { buildPresignature } from './presign.js';
import { toPrepared } from './prepare.js';

/**
 * Sign an XML document (enveloped by default: the record element with an `Id` is referenced by `#id` and the
 * signature goes in a role slot of a `DSCKS` container), or detached/enveloping content.
 * Signing an already signed record adds a parallel signature.
 *
 * @example
 * ```ts
 * const { xml: signed, signatureId } = await signXml(hocBaXml, {
 *   signer, role: 'Hiệu trưởng', placement: { container: 'DSCKS', slot: 'HieuTruong' },
 * });
 * ```
 */
export async function signXml<T extends string | Uint8Array>(xml: T, given: XmlSignOptions): Promise<XmlSignResult<T>> {
  const options = withSharedPkiCache(given);
  const signer = options?.signer;
  if (!signer || typeof signer.sign !== 'function') throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.signer is required' });
  const warnings = (await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check)).warnings;
  const pre = buildPresignature(xml, { certificate: signer.certificate, chain: signer.chain, algorithm: signer.algorithm }, options);
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
