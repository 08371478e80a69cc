/**
 * Second phase of two-phase signing: put an externally made signature value into the prepared document.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { createHash } from 'node:crypto';
import { nodeHashName } from '../../crypto/digest.js';
import { isAcceptedSignatureMethod, parseC14nUri } from './algorithms.js';
import { resolveReference } from './references.js';
import { NS } from './constants.js';
import { findSignatureById, signatureParts } from './locate.js';
import { canonicalize } from './xml/c14n.js';
import { buildIdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import { attr, childElements, firstChild } from './xml/query.js';
import { certPublicKey } from './cert.js';
import { extendXml } from './extend.js';
import type { XmlSignatureState, XmlSignResult, XmlSignOptionsBase } from './options.js';
import { verifySignatureValue } from './signature-value.js';

function invalid(detail: string): EdusignError {
  return new EdusignError('TWO_PHASE_STATE_INVALID', { detail, detailVi: detail });
}

/**
 * Check the shape of a state that came back through JSON.
 *
 * @example
 * ```ts
 * assertXmlSignatureState(JSON.parse(body.state));
 * ```
 */
export function assertXmlSignatureState(state: unknown): asserts state is XmlSignatureState & { toBeSigned: string } {
  const s = state as Partial<XmlSignatureState & { toBeSigned: string }> | null;
  if (!s || typeof s !== 'object' || s.v !== 1 || s.format !== 'XAdES') throw invalid('not an XAdES signing state');
  if (typeof s.xml !== 'string' || typeof s.valueOffset !== 'number' || typeof s.valueCloseTag !== 'string' ||
    typeof s.signatureId !== 'string' || typeof s.signatureMethod !== 'string' || typeof s.certificate !== 'string' ||
    typeof s.toBeSigned !== 'string' || typeof s.digest !== 'string' || !Array.isArray(s.warnings)) throw invalid('missing fields');
  if (!Number.isInteger(s.valueOffset) || s.valueOffset < 0 || !s.xml.startsWith(s.valueCloseTag, s.valueOffset) ||
    !s.xml.slice(0, s.valueOffset).endsWith('>')) throw invalid('the document in the state was changed');
}

/**
 * Complete a prepared signature with its value (`Signer.signDigests` output, ECDSA as r||s). The value is
 * checked against the certificate first: a wrong value is an error, never a broken document. Levels above B-B
 * recorded in the state are reached with `options` (TSA, trust store).
 *
 * @example
 * ```ts
 * const { digest, state } = prepareXmlSignature(xml, { certificate, algorithm });
 * const [value] = await remote.signDigests([digest]);
 * const { xml: signed } = await completeXmlSignature(JSON.parse(JSON.stringify(state)), value);
 * ```
 */
export async function completeXmlSignature(state: unknown, signatureValue: Uint8Array, options: XmlSignOptionsBase = {}): Promise<XmlSignResult> {
  assertXmlSignatureState(state);
  assertStateConsistent(state);
  return completeTrustedState(state, signatureValue, options);
}

/**
 * The state's document must still produce the SignedInfo that was signed (a state that came back from a client
 * may have been edited): re-canonicalise it and compare.
 */
function assertStateConsistent(state: XmlSignatureState): void {
  let ok = false;
  try {
    const doc = parseXml(state.xml, { maxBytes: Number.MAX_SAFE_INTEGER });
    const parts = signatureParts(findSignatureById(buildIdIndex(doc), state.signatureId));
    const cm = parts.signedInfo && firstChild(parts.signedInfo, NS.ds, 'CanonicalizationMethod');
    const c14n = cm ? parseC14nUri(attr(cm, 'Algorithm') ?? '') : undefined;
    ok = parts.signedInfo !== undefined && c14n !== undefined && parts.signatureValue !== undefined &&
      parts.signatureValue.closeStart === state.valueOffset &&
      Buffer.from(canonicalize(parts.signedInfo, c14n)).toString('base64') === state.toBeSigned;
    const ids = buildIdIndex(doc);
    for (const ref of parts.signedInfo ? childElements(parts.signedInfo) : []) {
      if (!ok || ref.local !== 'Reference' || ref.ns !== NS.ds) continue;
      const uri = attr(ref, 'URI') ?? '';
      if (uri !== '' && !uri.startsWith('#')) continue; // detached content is not in the state
      const r = resolveReference(ref, { doc, ids, signature: parts.signature });
      ok = r.ok && createHash(nodeHashName(r.hash)).update(r.data).digest('base64') === r.digestValue;
    }
  } catch {
    ok = false;
  }
  if (!ok) throw invalid('the document in the state does not match what was signed');
}

/**
 * Complete a state this module made itself (signXml, batch, countersign): same as
 * {@link completeXmlSignature} without re-parsing the document.
 *
 * @example
 * ```ts
 * const done = await completeTrustedState(prepared.state, value, options);
 * ```
 */
export async function completeTrustedState(state: XmlSignatureState & { toBeSigned: string }, signatureValue: Uint8Array, options: XmlSignOptionsBase = {}): Promise<XmlSignResult> {
  if (!(signatureValue instanceof Uint8Array) || signatureValue.length === 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'signatureValue must be bytes' });
  if (!isAcceptedSignatureMethod(state.signatureMethod)) throw invalid('unknown signature method');
  const publicKey = certPublicKey(Buffer.from(state.certificate, 'base64'));
  const toBeSigned = Buffer.from(state.toBeSigned, 'base64');
  if (!verifySignatureValue(publicKey, state.signatureMethod, toBeSigned, signatureValue)) {
    throw new EdusignError('SIGNER_FAILED', { detail: 'the signature value does not verify with the certificate', detailVi: 'giá trị chữ ký không khớp với chứng thư số' });
  }
  const value = Buffer.from(signatureValue).toString('base64');
  const text = state.xml.slice(0, state.valueOffset) + value + state.xml.slice(state.valueOffset);
  let result: XmlSignResult<string> = { xml: text, signatureId: state.signatureId, warnings: [...state.warnings] };
  const level = options.level ?? state.level;
  if (level !== 'B-B') {
    const ext = await extendXml(text, state.signatureId, level, options);
    result = { xml: ext.xml as string, signatureId: state.signatureId, warnings: [...result.warnings, ...ext.warnings] };
  }
  return state.binary ? { ...result, xml: new TextEncoder().encode(result.xml) } : result;
}
