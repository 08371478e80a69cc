/**
 * Batch XAdES signing: N documents, one `Signer.signDigests` call (one PIN entry, one remote confirmation).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Signer } from '../../crypto/types.js';
import { checkSignerBeforeSigning, withSharedPkiCache } from '../signer-check.js';
import { completeTrustedState } from './complete.js';
import type { XmlSignOptionsBase, XmlSignResult } from './options.js';
import { buildPresignature } from './presign.js';
import { toPrepared } from './prepare.js';

/**
 * Sign many documents with one signer and one `signDigests` call. Results are in input order. Options apply to
 * every document (a `signatureId`, if given, gets a `-<index>` suffix).
 *
 * @example
 * ```ts
 * const results = await signXmlBatch(classRecords, signer, { role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' } });
 * ```
 */
export async function signXmlBatch<T extends string | Uint8Array>(docs: readonly T[], signer: Signer, given: XmlSignOptionsBase = {}): Promise<XmlSignResult<T>[]> {
  const options = withSharedPkiCache(given);
  if (!Array.isArray(docs)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'docs must be an array' });
  if (docs.length === 0) return [];
  const warnings = (await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check)).warnings;
  const level = options.level ?? 'B-B';
  const prepared = docs.map((doc, i) => {
    const pre = buildPresignature(doc, signer, { ...options, ...(options.signatureId ? { signatureId: `${options.signatureId}-${i}` } : {}) });
    pre.warnings.unshift(...warnings);
    return toPrepared(pre, signer.certificate, signer.algorithm.hash, level);
  });
  let values: Uint8Array[];
  try {
    values = await signer.signDigests(prepared.map((p) => p.digest));
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('SIGNER_FAILED', { cause });
  }
  if (!Array.isArray(values) || values.length !== prepared.length) {
    throw new EdusignError('SIGNER_FAILED', { detail: `expected ${prepared.length} signature values, got ${Array.isArray(values) ? values.length : 'none'}` });
  }
  const out: XmlSignResult<T>[] = [];
  for (let i = 0; i < prepared.length; i++) {
    out.push(await completeTrustedState((prepared[i] as (typeof prepared)[number]).state, values[i] as Uint8Array, options) as XmlSignResult<T>);
  }
  return out;
}
