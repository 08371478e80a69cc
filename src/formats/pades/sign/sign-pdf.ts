/**
 * `signPdf`: check the signer certificate, prepare, sign, complete — and reach the requested level.
 * Orchestration only; every step lives in its own module.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import { completeInMemory } from './complete.js';
import type { PdfSignOptions, PdfSignResult } from './options.js';
import { prepareInMemory } from './prepare.js';
import { checkSignerBeforeSigning } from '../../signer-check.js';

/** Options of {@link signPdf}. */
export interface SignPdfOptions extends PdfSignOptions {
  signer: Signer;
}

/**
 * Sign a PDF (PAdES, ETSI.CAdES.detached) by incremental update. Existing signatures stay valid.
 * The signer certificate is checked first (see {@link SignerCheckOptions}). When a B-T timestamp token
 * turns out larger than the reserved room (`timestampSizeHint`), the signature is prepared and signed
 * once more with the size now known; a forced `contentsSize` that is too small is PDF_PLACEHOLDER_TOO_SMALL.
 *
 * @example
 * ```ts
 * const signer = await loadPkcs12Signer(p12, '123456');
 * const { pdf, warnings } = await signPdf(input, {
 *   signer, level: 'B-T', timestampAuthority: tsa, reason: 'Phê duyệt học bạ',
 *   appearance: { page: 1, rect: [360, 60, 200, 60], role: 'Hiệu trưởng' },
 * });
 * ```
 */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<PdfSignResult> {
  const signer = options?.signer;
  if (!signer || typeof signer.sign !== 'function') throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.signer must be a Signer' });
  const signingTime = options.signingTime ?? new Date();
  const check = await checkSignerBeforeSigning(signer.certificate, signer.chain, options.check, signingTime);
  const attempt = async (contentsSize: number | undefined): Promise<PdfSignResult> => {
    const prepared = await prepareInMemory(pdf, { ...options, signingTime, contentsSize, warnings: check.warnings });
    let value: Uint8Array;
    try { value = await signer.sign(prepared.toBeSigned); } catch (cause) {
      if (cause instanceof EdusignError) throw cause;
      throw new EdusignError('SIGNER_FAILED', { detail: String((cause as Error)?.message ?? cause), cause });
    }
    return completeInMemory(prepared, value, { ...options, validationData: mergeValidationData(options.validationData, check.validationData) });
  };
  try {
    return await attempt(options.contentsSize);
  } catch (e) {
    // a timestamp token larger than reserved: sign once more with the size now known (not when the size was forced)
    const needed = e instanceof EdusignError && e.code === 'PDF_PLACEHOLDER_TOO_SMALL' ? Number(e.context['needed']) : NaN;
    if (options.contentsSize !== undefined || !Number.isSafeInteger(needed)) throw e;
    return attempt(needed + 2048);
  }
}

function mergeValidationData<T extends { certificates?: Uint8Array[]; crls?: Uint8Array[]; ocspResponses?: Uint8Array[] }>(a?: T, b?: T): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return { ...a, certificates: [...(a.certificates ?? []), ...(b.certificates ?? [])], crls: [...(a.crls ?? []), ...(b.crls ?? [])],
    ocspResponses: [...(a.ocspResponses ?? []), ...(b.ocspResponses ?? [])] };
}
