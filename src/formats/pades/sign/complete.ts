/**
 * Phase two of a PAdES signature: check the signature value, add the signature timestamp (B-T), build
 * the CMS, write it into the placeholder; B-LT/B-LTA then add validation data and a document timestamp.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { TimestampAuthority } from '../../../pki/types.js';
import { nodeHashName } from '../../cms/build/algorithms.js';
import { buildSignedAttributes } from '../../cms/build/signed-attributes.js';
import { assembleSignedData, signatureTimestampAttribute, signatureTimestampImprint } from '../../cms/build/signed-data.js';
import { embedCms, hashByteRange } from './byterange.js';
import { extendPdf, type ExtendPdfOptions } from './extend.js';
import type { PdfSignResult } from './options.js';
import type { PreparedInMemory } from './prepare.js';
import { assertSignatureMatches } from './signature-check.js';
import { parsePdfSignatureState, type PdfSignatureState } from './state.js';

/** Options of {@link completePdfSignature}. */
export interface CompletePdfSignatureOptions extends Omit<ExtendPdfOptions, 'timestampAuthority'> {
  /** Needed for B-T and above. */
  timestampAuthority?: TimestampAuthority;
  /** The prepared PDF, when the state was made with `detachedPdf: true`. */
  preparedPdf?: Uint8Array;
}

/**
 * Finish a prepared signature held in memory (used by {@link signPdf} and {@link signPdfBatch}).
 *
 * @example
 * ```ts
 * const result = await completeInMemory(prepared, await signer.sign(prepared.toBeSigned), {});
 * ```
 */
export async function completeInMemory(p: PreparedInMemory, signatureValue: Uint8Array, options: CompletePdfSignatureOptions): Promise<PdfSignResult> {
  const { certificate, chain, algorithm } = p.signer;
  assertSignatureMatches(certificate, algorithm, p.toBeSigned, signatureValue);
  const unsigned: Uint8Array[] = [];
  if (p.level !== 'B-B') {
    if (!options.timestampAuthority) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${p.level} needs a timestampAuthority`, detailVi: `mức ${p.level} cần máy chủ dấu thời gian` });
    }
    const token = await options.timestampAuthority.timestamp(signatureTimestampImprint(algorithm, signatureValue), algorithm.hash);
    unsigned.push(signatureTimestampAttribute(token));
  }
  const cms = assembleSignedData({ certificate, chain, algorithm, signedAttributes: p.toBeSigned, signatureValue, unsignedAttributes: unsigned });
  const [start, end] = p.contents;
  embedCms(p.bytes, { contentsStart: start, contentsEnd: end, byteRangeStart: 0, byteRangeEnd: 0 }, cms);
  const warnings: Finding[] = [...p.warnings];
  if (p.level === 'B-LT' || p.level === 'B-LTA') {
    const extended = await extendPdf(p.bytes, p.level, { ...options, timestampAuthority: options.timestampAuthority });
    return { pdf: extended.pdf, warnings: [...warnings, ...extended.warnings] };
  }
  return { pdf: p.bytes, warnings };
}

/**
 * Complete a two-phase signature from its JSON state and the signature value over `toBeSigned`
 * (ECDSA as P1363 `r || s`). Throws TWO_PHASE_STATE_INVALID for a state that was altered,
 * KEY_CERT_MISMATCH for a signature value that does not verify with the certificate.
 *
 * @example
 * ```ts
 * const { state, digest } = await preparePdfSignature(pdf, { signer: identity, level: 'B-T' });
 * const [value] = await tokenSigner.signDigests([digest]);
 * const { pdf: signed, warnings } = await completePdfSignature(state, value, { timestampAuthority: tsa });
 * ```
 */
export async function completePdfSignature(state: PdfSignatureState | string, signatureValue: Uint8Array, options: CompletePdfSignatureOptions = {}): Promise<PdfSignResult> {
  const s = parsePdfSignatureState(state);
  if (s.pdf === undefined && !(options.preparedPdf instanceof Uint8Array)) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'the state has no PDF: pass options.preparedPdf' });
  }
  // a copy: the CMS is written into it
  const bytes = s.pdf !== undefined ? new Uint8Array(Buffer.from(s.pdf, 'base64')) : Uint8Array.from(options.preparedPdf!);
  if (createHash('sha256').update(bytes).digest('hex') !== s.pdfSha256) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'the prepared PDF does not match the state' });
  }
  const [a, b, c, d] = s.byteRange;
  if (a !== 0 || b !== s.contents[0] || c !== s.contents[1] || c + d !== bytes.length || b >= c) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'byte range does not match the prepared PDF' });
  }
  const digest = hashByteRange(bytes, s.byteRange, s.algorithm.hash);
  const certificate = new Uint8Array(Buffer.from(s.certificate, 'base64'));
  const signedAttributes = buildSignedAttributes(certificate, digest, s.algorithm.hash);
  if (Buffer.compare(Buffer.from(signedAttributes), Buffer.from(s.signedAttributes, 'base64')) !== 0) {
    throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail: 'the prepared PDF or signed attributes were altered' });
  }
  const prepared: PreparedInMemory = {
    bytes, contents: s.contents, byteRange: s.byteRange, messageDigest: digest, toBeSigned: signedAttributes,
    digest: createHash(nodeHashName(s.algorithm.hash)).update(signedAttributes).digest(),
    signer: { certificate, chain: s.chain.map((x) => new Uint8Array(Buffer.from(x, 'base64'))), algorithm: s.algorithm },
    level: s.level, warnings: s.warnings,
  };
  return completeInMemory(prepared, signatureValue, options);
}
