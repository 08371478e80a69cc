/**
 * Phase one of a PAdES signature: write the update with the placeholder, hash the byte ranges, and
 * build the CAdES signed attributes to be signed (locally, on a token, or by a remote service).
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import { nodeHashName } from '../../cms/build/algorithms.js';
import { buildSignedAttributes } from '../../cms/build/signed-attributes.js';
import { estimateSignedDataSize } from '../../cms/build/signed-data.js';
import { openPdf } from '../pdf/document.js';
import { checkSignerBeforeSigning } from '../../signer-check.js';
import { appearanceBuilder } from './appearance.js';
import { isPdfAppearanceCache } from './appearance-cache.js';
import { hashByteRange } from './byterange.js';
import { ChangeSet } from './change-set.js';
import { fieldLock } from './form.js';
import { subjectCommonName } from './certificate-name.js';
import type { PdfSignOptions } from './options.js';
import { writePlaceholderDocument } from './placeholder-document.js';
import { signatureDictionary } from './signature-dictionary.js';
import { placeSignatureField } from './signature-field.js';
import type { PdfSignatureState } from './state.js';

/** The signer's public side: enough to prepare (a remote service signs later). */
export type SignerIdentity = Pick<Signer, 'certificate' | 'chain' | 'algorithm'>;

/** Options of {@link preparePdfSignature}. */
export interface PreparePdfSignatureOptions extends PdfSignOptions {
  signer: SignerIdentity;
  /** Findings gathered before (e.g. by check-before-signing), carried in the state. */
  warnings?: Finding[];
  /**
   * Leave the prepared PDF out of the state (it is returned as `preparedPdf`; store it yourself and pass it
   * to {@link completePdfSignature}). Keeps the JSON small for large files.
   */
  detachedPdf?: boolean;
}

/** Result of {@link preparePdfSignature}. */
export interface PreparedPdfSignature {
  /** Hash of `toBeSigned` with `digestAlgorithm`: what `Signer.signDigests` / a remote service signs. */
  digest: Uint8Array;
  digestAlgorithm: PdfSignatureState['algorithm']['hash'];
  /** DER signed attributes: what `Signer.sign` signs. */
  toBeSigned: Uint8Array;
  /** JSON-serialisable state for {@link completePdfSignature}. */
  state: PdfSignatureState;
  /** The prepared PDF (also inside `state` unless `detachedPdf`). */
  preparedPdf: Uint8Array;
}

const DEFAULT_TIMESTAMP_RESERVE = 12_000;

/** A prepared signature kept in memory (no base64 round trip) by {@link signPdf} and the batch helper. */
export interface PreparedInMemory {
  bytes: Uint8Array;
  contents: [number, number];
  byteRange: [number, number, number, number];
  messageDigest: Uint8Array;
  toBeSigned: Uint8Array;
  digest: Uint8Array;
  signer: SignerIdentity;
  level: PdfSignatureState['level'];
  warnings: Finding[];
}

/**
 * Phase one without serialisation (used by {@link signPdf} and {@link signPdfBatch}).
 *
 * @example
 * ```ts
 * const prepared = await prepareInMemory(pdf, { signer });
 * ```
 */
export async function prepareInMemory(pdf: Uint8Array, options: PreparePdfSignatureOptions): Promise<PreparedInMemory> {
  const signer = options?.signer;
  if (!signer?.certificate || !signer.algorithm) throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.signer is required' });
  const level = options.level ?? 'B-B';
  if (!['B-B', 'B-T', 'B-LT', 'B-LTA'].includes(level)) throw new EdusignError('INVALID_ARGUMENT', { detail: `unknown level ${String(level)}` });
  const doc = openPdf(pdf, options.limits);
  const cs = new ChangeSet(doc);
  const signingTime = options.signingTime ?? new Date();
  const needsTimestamp = level !== 'B-B';
  const contentsSize = options.contentsSize ?? estimateSignedDataSize(signer.certificate, signer.chain, signer.algorithm,
    needsTimestamp ? options.timestampSizeHint ?? DEFAULT_TIMESTAMP_RESERVE : 0);
  const signerName = subjectCommonName(signer.certificate);
  // signing a field that carries a /Lock: the signature references the same FieldMDP lock (ISO 32000-1 §12.8.2.4)
  const lock = options.lock ?? (options.field !== undefined ? fieldLock(doc, options.field) : undefined);
  const body = signatureDictionary({
    kind: 'signature', contentsSize, signingTime, name: signerName, reason: options.reason, location: options.location,
    contactInfo: options.contactInfo, certify: options.certify, lock, catalogRef: doc.catalogRef,
  });
  const appearance = options.appearance;
  const cache = options.appearanceCache;
  if (cache !== undefined && !isPdfAppearanceCache(cache)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'options.appearanceCache must come from createPdfAppearanceCache()' });
  }
  const sigRef = await placeSignatureField(cs, body, {
    field: options.field, fieldName: options.fieldName, pageIndex: (appearance?.page ?? 1) - 1, rect: appearance?.rect,
    appearance: appearance ? appearanceBuilder(appearance, { signerName, signingTime, cache }) : undefined,
    certify: options.certify, lock: options.lock,
  });
  const placed = writePlaceholderDocument(cs, sigRef);
  const hash = signer.algorithm.hash;
  const messageDigest = hashByteRange(placed.bytes, placed.byteRange, hash);
  const toBeSigned = buildSignedAttributes(signer.certificate, messageDigest, hash);
  const digest = createHash(nodeHashName(hash)).update(toBeSigned).digest();
  return {
    bytes: placed.bytes, contents: [placed.location.contentsStart, placed.location.contentsEnd], byteRange: placed.byteRange,
    messageDigest, toBeSigned, digest, signer, level, warnings: [...(options.warnings ?? []), ...placed.warnings],
  };
}

/**
 * Prepare a PAdES signature (phase one of two). The signer's certificate is checked first (`options.check`, as in
 * {@link signPdf}). Throws PDF_* errors for files that cannot be signed.
 * The state is plain JSON (it carries the prepared PDF as base64).
 *
 * @example
 * ```ts
 * const { digest, state } = await preparePdfSignature(pdf, { signer: { certificate, chain, algorithm } });
 * const [value] = await remote.signDigests([digest]);
 * const { pdf: signed } = await completePdfSignature(state, value);
 * ```
 */
export async function preparePdfSignature(pdf: Uint8Array, options: PreparePdfSignatureOptions): Promise<PreparedPdfSignature> {
  // Two-phase signing is a signing path too: the certificate is checked before the digest leaves.
  const signingTime = options.signingTime ?? new Date();
  const check = await checkSignerBeforeSigning(options.signer.certificate, options.signer.chain, options.check, signingTime);
  const p = await prepareInMemory(pdf, { ...options, signingTime, warnings: [...(options.warnings ?? []), ...check.warnings] });
  const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
  const state: PdfSignatureState = {
    kind: 'edusign.pades.signature', version: 1, ...(options.detachedPdf ? {} : { pdf: b64(p.bytes) }),
    pdfSha256: createHash('sha256').update(p.bytes).digest('hex'), contents: p.contents, byteRange: p.byteRange,
    messageDigest: b64(p.messageDigest), signedAttributes: b64(p.toBeSigned), certificate: b64(p.signer.certificate),
    chain: p.signer.chain.map(b64), algorithm: p.signer.algorithm, level: p.level, warnings: p.warnings,
  };
  return { digest: p.digest, digestAlgorithm: p.signer.algorithm.hash, toBeSigned: p.toBeSigned, state, preparedPdf: p.bytes };
}
