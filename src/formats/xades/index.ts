/**
 * XAdES (ETSI EN 319 132-1) signing and verification of XML documents, on a small strict XML core of its own
 * (parser with offsets and limits, exclusive / inclusive canonicalisation). See docs/xades.md.
 * @module
 */
export { signXml } from './sign.js';
export { prepareXmlSignature } from './prepare.js';
export { completeXmlSignature } from './complete.js';
export { signXmlBatch } from './batch.js';
export { countersignXml } from './countersign.js';
export { extendXml } from './extend.js';
export { verifyXml } from './verify.js';
export type {
  XmlSignOptions, XmlSignOptionsBase, XmlPrepareOptions, XmlSignResult, XmlSignatureState, XmlPrepared,
  XmlSignaturePlacement, XmlSignaturePolicy,
} from './options.js';
export type { XmlVerifyOptions, XmlVerificationReport, XmlSignatureReport, SignedElement, ExpectedSignedElement } from './verify-options.js';
export type { C14nChoice } from './algorithms.js';
export type { KnownSignaturePolicy } from './policy.js';
export { parseXml as parseXmlForSignature } from './xml/parse.js';
export { canonicalize as canonicalizeXml } from './xml/c14n.js';
export type { C14nMethod, C14nOptions } from './xml/c14n.js';
export type { XDocument, XElement, XNode, XAttr, XmlLimits } from './xml/types.js';
