/**
 * Batch signing: prepare N PDFs, sign the N digests with ONE `signer.signDigests()` call (one token PIN,
 * one remote confirmation), complete N. Builds on the two-phase steps, never duplicates them.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import { createPdfAppearanceCache } from './appearance-cache.js';
import { completeInMemory } from './complete.js';
import type { PdfSignOptions, PdfSignResult } from './options.js';
import { prepareInMemory } from './prepare.js';
import { checkSignerBeforeSigning } from '../../signer-check.js';

/**
 * Sign every PDF of `pdfs` with `signer` using one `signDigests` call. Results are in input order.
 * Options apply to every document (`fieldName`/`field`/`appearance` included); the appearance font and seal are
 * parsed once for the batch (or once per `appearanceCache` given).
 *
 * @example
 * ```ts
 * const results = await signPdfBatch([hocBa1, hocBa2, hocBa3], tokenSigner, { level: 'B-B', reason: 'Duyệt học bạ' });
 * ```
 */
export async function signPdfBatch(pdfs: readonly Uint8Array[], signer: Signer, options: PdfSignOptions = {}): Promise<PdfSignResult[]> {
  if (!Array.isArray(pdfs)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'pdfs must be an array' });
  if (!signer || typeof signer.signDigests !== 'function') throw new EdusignError('INVALID_ARGUMENT', { detail: 'signer must be a Signer' });
  if (pdfs.length === 0) return [];
  const signingTime = options.signingTime ?? new Date();
  const check = await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check, signingTime);
  // one parsed font / decoded seal for the whole batch (unless the caller shares a longer-lived cache)
  const appearanceCache = options.appearanceCache ?? (options.appearance ? createPdfAppearanceCache() : undefined);
  const prepared = [];
  for (const pdf of pdfs) prepared.push(await prepareInMemory(pdf, { ...options, signingTime, signer, appearanceCache, warnings: check.warnings }));
  let values: Uint8Array[];
  try { values = await signer.signDigests(prepared.map((p) => p.digest)); } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    throw new EdusignError('SIGNER_FAILED', { detail: String((cause as Error)?.message ?? cause), cause });
  }
  if (!Array.isArray(values) || values.length !== prepared.length) {
    throw new EdusignError('SIGNER_FAILED', { detail: `signDigests returned ${values?.length} values for ${prepared.length} digests` });
  }
  const results: PdfSignResult[] = [];
  for (let i = 0; i < prepared.length; i++) {
    results.push(await completeInMemory(prepared[i]!, values[i]!, { ...options, validationData: options.validationData ?? check.validationData }));
  }
  return results;
}
