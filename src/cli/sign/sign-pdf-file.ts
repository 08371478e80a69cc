/**
 * `edusign sign` for PDF: PAdES by incremental update.
 * @module
 */
import { readInputFile } from '../options/read-input.js';
import { signPdf, type PdfSignatureAppearance } from '../../index.js';
import { usageError } from '../options/usage-error.js';
import { checkAndValidation, type CliSignRequest, type CliSignResult } from './common.js';

/** PDF-only options. */
export interface CliPdfOptions {
  certify?: string;
  field?: string;
  visible?: string;
  image?: string;
  reason?: string;
  location?: string;
}

function parseVisible(text: string): { page: number; rect: [number, number, number, number] } {
  const parts = text.split(',').map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) {
    throw usageError('--visible expects page,x,y,width,height (PDF points)', '--visible cần trang,x,y,rộng,cao (điểm PDF)');
  }
  const [page, x, y, w, h] = parts as [number, number, number, number, number];
  return { page, rect: [x, y, w, h] };
}

/**
 * Signs a PDF for the CLI.
 *
 * @example
 * ```ts
 * const out = await signPdfFile(pdfBytes, request, { certify: '2' });
 * ```
 */
export async function signPdfFile(pdf: Uint8Array, request: CliSignRequest, options: CliPdfOptions): Promise<CliSignResult> {
  const certify = options.certify === undefined ? undefined : Number(options.certify);
  if (certify !== undefined && certify !== 1 && certify !== 2 && certify !== 3) throw usageError('--certify expects 1, 2 or 3', '--certify cần 1, 2 hoặc 3');
  let appearance: PdfSignatureAppearance | undefined;
  // A visible box: where --visible says, or the existing field's own widget (--field).
  if (options.visible || options.field) {
    appearance = { ...(options.visible ? parseVisible(options.visible) : {}), ...(request.role ? { role: request.role } : {}) };
    if (options.image) appearance.image = await readInputFile(options.image);
  }
  const result = await signPdf(pdf, {
    signer: request.signer,
    level: request.level,
    ...(request.timestampAuthority ? { timestampAuthority: request.timestampAuthority } : {}),
    ...(certify ? { certify } : {}),
    ...(options.field ? { field: options.field } : {}),
    ...(appearance ? { appearance } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.location ? { location: options.location } : {}),
    ...checkAndValidation(request),
  });
  return { bytes: result.pdf, warnings: result.warnings, summary: `PAdES ${request.level}${certify ? ` (certified, DocMDP P=${certify})` : ''}` };
}
