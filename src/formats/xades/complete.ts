/**
 * Second phase of two-phase signing: put an externally made signature value into the prepared document.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { parseSignatureMethod } from './algorithms.js';
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
  if (!(signatureValue instanceof Uint8Array) || signatureValue.length === 0) throw new EdusignError('INVALID_ARGUMENT', { detail: 'signatureValue must be bytes' });
  const method = parseSignatureMethod(state.signatureMethod);
  if (!method) throw invalid('unknown signature method');
  const publicKey = certPublicKey(Buffer.from(state.certificate, 'base64'));
  const toBeSigned = Buffer.from(state.toBeSigned, 'base64');
  if (!verifySignatureValue(publicKey, method, toBeSigned, signatureValue)) {
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
