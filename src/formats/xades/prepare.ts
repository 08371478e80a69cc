/**
 * First phase of two-phase XAdES signing (USB token, remote signing service): digest out, JSON state kept.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import { nodeHashName } from '../../crypto/digest.js';
import { checkSignerBeforeSigning } from '../signer-check.js';
import type { XmlPrepared, XmlPrepareOptions } from './options.js';
import { buildPresignature, type Presignature } from './presign.js';

/**
 * Turn a presignature into the public two-phase shape.
 *
 * @example
 * ```ts
 * const prepared = toPrepared(pre, certificate, 'B-B');
 * ```
 */
export function toPrepared(pre: Presignature, certificate: Uint8Array, algorithmHash: XmlPrepareOptions['algorithm']['hash'], level: XmlPrepared['state']['level']): XmlPrepared {
  const digest = new Uint8Array(createHash(nodeHashName(algorithmHash)).update(pre.toBeSigned).digest());
  return {
    digest,
    toBeSigned: pre.toBeSigned,
    state: {
      v: 1, format: 'XAdES', xml: pre.text, valueOffset: pre.valueOffset, valueCloseTag: pre.valueCloseTag,
      signatureId: pre.signatureId, signatureMethod: pre.signatureMethod, digest: Buffer.from(digest).toString('base64'),
      toBeSigned: Buffer.from(pre.toBeSigned).toString('base64'), certificate: Buffer.from(certificate).toString('base64'),
      binary: pre.binary, level, warnings: pre.warnings,
    },
  };
}

/**
 * Prepare an XAdES signature for an external signer: returns the digest of the canonical SignedInfo (sign it
 * with `Signer.signDigests`) and a JSON-serialisable state for {@link completeXmlSignature}.
 * Runs check-before-signing; its warnings are in `state.warnings`.
 *
 * @example
 * ```ts
 * const { digest, state } = await prepareXmlSignature(xml, { certificate, chain, algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, role: 'GVCN' });
 * ```
 */
export async function prepareXmlSignature(xml: string | Uint8Array, options: XmlPrepareOptions): Promise<XmlPrepared> {
  if (!options || !(options.certificate instanceof Uint8Array) || !options.algorithm) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'certificate and algorithm are required' });
  }
  const chain = options.chain ?? [];
  const warnings = (await checkSignerBeforeSigning(options.certificate, chain, options.check)).warnings;
  const pre = buildPresignature(xml, { certificate: options.certificate, chain, algorithm: options.algorithm }, options);
  pre.warnings.unshift(...warnings);
  return toPrepared(pre, options.certificate, options.algorithm.hash, options.level ?? 'B-B');
}
