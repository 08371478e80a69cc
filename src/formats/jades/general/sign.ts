/**
 * `signJws`: the JWS JSON General Serialization — several signatures (GVCN, principal, …) over one payload —
 * built by looping over the one-signature operation. Dispatches to flattened/compact on request.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Signer } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import type { JwsCommitment, JwsSignOptionsBase, JwsSignResult } from '../options.js';
import { serializeJws, type JwsDocument } from '../lib/jws-document.js';
import { signCompactJws } from '../compact/sign.js';
import { createJwsSignature, signFlattenedJws } from '../flattened/sign.js';
import { withSharedPkiCache } from '../../signer-check.js';

/** One signer of a multi-signer call, with its own role and commitment. */
export interface JwsSignerEntry {
  signer: Signer;
  role?: string;
  commitment?: JwsCommitment;
}

function isEntryList(value: unknown): value is readonly JwsSignerEntry[] {
  return Array.isArray(value);
}

/**
 * Sign a JSON value (or add signatures to an existing JWS JSON serialization: the new signers sign the same
 * payload) in the general JSON serialization. `signers` is one {@link Signer}, or a list of
 * {@link JwsSignerEntry} signing in order.
 *
 * @example
 * ```ts
 * const { jws } = await signJws(hocBa, [
 *   { signer: gvcn, role: 'Giáo viên chủ nhiệm' },   // GVCN = homeroom teacher
 *   { signer: hieuTruong, role: 'Hiệu trưởng' },      // principal
 * ], { level: 'B-T', timestampAuthority: tsa, check: { trustStore } });
 * ```
 */
export async function signJws(input: unknown, signers: Signer | readonly JwsSignerEntry[], given: JwsSignOptionsBase = {}): Promise<JwsSignResult> {
  const options = withSharedPkiCache(given);
  const entries: readonly JwsSignerEntry[] = isEntryList(signers) ? signers : [{ signer: signers }];
  if (entries.length === 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'no signer' });
  const serialization = options.serialization ?? 'general';
  if (serialization !== 'general') {
    const [only, ...rest] = entries;
    if (!only || rest.length > 0) throw new EdusignError('INVALID_ARGUMENT', { detail: `the ${serialization} serialization has room for one signer`, detailVi: `dạng ${serialization} chỉ chứa một người ký` });
    const one = { ...options, ...roleOf(only) };
    return serialization === 'compact' ? signCompactJws(input, only.signer, one) : signFlattenedJws(input, only.signer, one);
  }
  let current: unknown = input;
  let doc: JwsDocument | undefined;
  let index = 0;
  const warnings: Finding[] = [];
  let payload = options.payload;
  for (const entry of entries) {
    const r = await createJwsSignature(current, entry.signer, { ...options, ...roleOf(entry), ...(payload ? { payload } : {}) });
    if (options.detached) payload = r.content; // the next signers sign the same detached object
    doc = r.doc;
    index = r.index;
    warnings.push(...r.warnings);
    current = JSON.parse(serializeJws(doc, 'general')) as unknown;
  }
  return { jws: serializeJws(doc as JwsDocument, 'general'), serialization: 'general', signatureIndex: index, warnings };
}

function roleOf(entry: JwsSignerEntry): Pick<JwsSignOptionsBase, 'role' | 'commitment'> {
  return { ...(entry.role !== undefined ? { role: entry.role } : {}), ...(entry.commitment !== undefined ? { commitment: entry.commitment } : {}) };
}
