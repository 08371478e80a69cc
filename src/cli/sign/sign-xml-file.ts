/**
 * `edusign sign` for XML: XAdES, enveloped into a DSCKS-style container; a record not yet wrapped for signing
 * is wrapped first (`<signedRecord><transcript Id="data">…`) so later signers never break earlier signatures.
 * @module
 */
import { countersignXml, fromXml, parseXmlSafe, RECORD_XML_NAMESPACE, signXml, toXml } from '../../index.js';
import { checkAndValidation, type CliSignRequest, type CliSignResult } from './common.js';

/** XML-only options. */
export interface CliXmlOptions {
  /** Slot in the signature container, e.g. `GVCN`, `HieuTruong`. */
  slot?: string;
  countersign?: string;
  recordId?: string;
}

const RECORD_ROOTS = new Set(['transcript', 'gradebook']);

function wrapBareRecord(xml: Uint8Array, id: string): Uint8Array {
  const root = parseXmlSafe(xml).documentElement;
  if (!root || root.namespaceURI !== RECORD_XML_NAMESPACE || !RECORD_ROOTS.has(root.localName ?? '')) return xml;
  return new TextEncoder().encode(toXml(fromXml(xml), { envelope: { id } }));
}

/**
 * Signs (or countersigns) an XML document for the CLI.
 *
 * @example
 * ```ts
 * const out = await signXmlFile(xmlBytes, request, { slot: 'GVCN' });
 * ```
 */
export async function signXmlFile(xml: Uint8Array, request: CliSignRequest, options: CliXmlOptions): Promise<CliSignResult> {
  const common = {
    signer: request.signer,
    level: request.level,
    ...(request.timestampAuthority ? { timestampAuthority: request.timestampAuthority } : {}),
    ...(request.role ? { role: request.role } : {}),
    ...checkAndValidation(request),
  };
  if (options.countersign) {
    const result = await countersignXml(xml, options.countersign, common);
    return { bytes: toBytes(result.xml), warnings: result.warnings, summary: `XAdES countersignature ${result.signatureId} over ${options.countersign}` };
  }
  const input = wrapBareRecord(xml, options.recordId ?? 'data');
  const result = await signXml(input, {
    ...common,
    ...(options.slot ? { placement: { slot: options.slot } } : {}),
    ...(options.recordId ? { recordId: options.recordId } : {}),
  });
  return { bytes: toBytes(result.xml), warnings: result.warnings, summary: `XAdES ${request.level} signature ${result.signatureId}` };
}

function toBytes(xml: string | Uint8Array): Uint8Array {
  return typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
}
