/**
 * Finds the parts of one signature (by Id) in a parsed document: the ds:Signature, its SignatureValue,
 * its QualifyingProperties, SignedProperties and UnsignedSignatureProperties.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { NS } from './constants.js';
import { attr, childElements, firstChild } from './xml/query.js';
import type { IdIndex } from './xml/ids.js';
import type { XElement } from './xml/types.js';

/** The parts of a signature. */
export interface SignatureParts {
  signature: XElement;
  signedInfo: XElement | undefined;
  signatureValue: XElement | undefined;
  keyInfo: XElement | undefined;
  /** ds:Object elements. */
  objects: XElement[];
  qualifyingProperties: XElement | undefined;
  /** How many QualifyingProperties target this signature (XAdES allows exactly one). */
  qualifyingPropertiesCount: number;
  signedProperties: XElement | undefined;
  unsignedSignatureProperties: XElement | undefined;
}

/**
 * The parts of a ds:Signature element. QualifyingProperties must target the signature (`Target="#id"`).
 *
 * @example
 * ```ts
 * const parts = signatureParts(sigEl); parts.signedProperties?.local; // 'SignedProperties'
 * ```
 */
export function signatureParts(signature: XElement): SignatureParts {
  const objects = childElements(signature).filter((c) => c.local === 'Object' && c.ns === NS.ds);
  const id = attr(signature, 'Id');
  let qualifyingProperties: XElement | undefined;
  let qualifyingPropertiesCount = 0;
  for (const o of objects) {
    for (const qp of childElements(o)) {
      if (qp.local !== 'QualifyingProperties' || qp.ns !== NS.xades) continue;
      qualifyingPropertiesCount++;
      if (id !== undefined && attr(qp, 'Target') === `#${id}`) qualifyingProperties ??= qp;
    }
  }
  const signedProperties = qualifyingProperties && firstChild(qualifyingProperties, NS.xades, 'SignedProperties');
  const unsignedProperties = qualifyingProperties && firstChild(qualifyingProperties, NS.xades, 'UnsignedProperties');
  return {
    signature,
    signedInfo: firstChild(signature, NS.ds, 'SignedInfo'),
    signatureValue: firstChild(signature, NS.ds, 'SignatureValue'),
    keyInfo: firstChild(signature, NS.ds, 'KeyInfo'),
    objects,
    qualifyingProperties,
    qualifyingPropertiesCount,
    signedProperties,
    unsignedSignatureProperties: unsignedProperties && firstChild(unsignedProperties, NS.xades, 'UnsignedSignatureProperties'),
  };
}

/**
 * The ds:Signature with this Id; throws `SIGNATURE_NOT_FOUND` (missing, duplicated, or not a signature).
 *
 * @example
 * ```ts
 * const sig = findSignatureById(buildIdIndex(doc), 'sig-1');
 * ```
 */
export function findSignatureById(ids: IdIndex, signatureId: string): XElement {
  const found = ids.get(signatureId) ?? [];
  const el = found[0];
  if (found.length !== 1 || !el || el.local !== 'Signature' || el.ns !== NS.ds) {
    throw new EdusignError('SIGNATURE_NOT_FOUND', { detail: `no unique ds:Signature with Id "${signatureId}"`, detailVi: `không có chữ ký ds:Signature duy nhất với Id "${signatureId}"`, context: { signatureId } });
  }
  return el;
}
