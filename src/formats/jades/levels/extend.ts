/**
 * `extendJws`: raise the signatures of an already signed JWS to a higher baseline level.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { BaselineLevel } from '../../report.js';
import type { JwsSignOptionsBase, JwsSignResult } from '../options.js';
import { parseJws, serializeJws } from '../lib/jws-document.js';
import { levelRank, raiseSignature } from './raise.js';

/** Options of {@link extendJws}. */
export interface JwsExtendOptions extends Omit<JwsSignOptionsBase, 'level'> {
  /** Which signature to extend (default: all). */
  signatureIndex?: number;
  /** The detached payload bytes, when the JWS carries none (needed for B-LTA). */
  payload?: Uint8Array;
}

/**
 * Raise signatures of `jws` (general or flattened JSON text; compact JWS cannot carry unsigned properties and is
 * refused) to `level`, keeping the serialization. Steps already present are kept.
 *
 * @example
 * ```ts
 * const { jws: lta } = await extendJws(signed, 'B-LTA', { timestampAuthority: tsa, check: { trustStore, fetcher } });
 * ```
 */
export async function extendJws(jws: string | Uint8Array, level: BaselineLevel, options: JwsExtendOptions = {}): Promise<JwsSignResult> {
  levelRank(level);
  let doc = parseJws(jws);
  if (doc.serialization === 'compact' && level !== 'B-B') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'a compact JWS has no unprotected header: convert it to the JSON serialization to extend it', detailVi: 'JWS dạng compact không có tiêu đề không bảo vệ: hãy chuyển sang dạng JSON để nâng mức' });
  }
  const indexes = options.signatureIndex === undefined ? doc.signatures.map((_, i) => i) : [options.signatureIndex];
  const warnings: Finding[] = [];
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= doc.signatures.length) throw new EdusignError('INVALID_ARGUMENT', { detail: `no signature at index ${i}` });
    const r = await raiseSignature(doc, i, level, options, options.payload ? { payload: options.payload } : {});
    doc = r.doc;
    warnings.push(...r.warnings);
  }
  return { jws: serializeJws(doc, doc.serialization), serialization: doc.serialization, signatureIndex: options.signatureIndex ?? 0, warnings };
}
