/**
 * Raise an existing XAdES signature to a higher baseline level, each level an operation on the output of the
 * one before: B-T = B-B + SignatureTimeStamp, B-LT = B-T + validation data, B-LTA = B-LT + ArchiveTimeStamp.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Finding } from '../../pki/indication.js';
import type { BaselineLevel } from '../report.js';
import { NS } from './constants.js';
import { addArchiveTimestamp } from './archive-timestamp.js';
import { addValidationData } from './validation-data.js';
import { findSignatureById, signatureParts } from './locate.js';
import type { XmlSignOptionsBase, XmlSignResult } from './options.js';
import { signatureTimestampXml } from './signature-timestamp.js';
import { appendUnsignedProperties } from './unsigned-properties.js';
import { buildIdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import { childElements } from './xml/query.js';

const ORDER: readonly BaselineLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

function hasProperty(parts: ReturnType<typeof signatureParts>, ns: string, local: string): boolean {
  return parts.unsignedSignatureProperties ? childElements(parts.unsignedSignatureProperties).some((c) => c.local === local && c.ns === ns) : false;
}

/**
 * Raise signature `signatureId` of `xml` to `level` (in place: the rest of the document is untouched).
 * Steps already present are kept (a B-T signature is not timestamped twice).
 *
 * @example
 * ```ts
 * const { xml: lta } = await extendXml(signed, 'sig-1', 'B-LTA', { timestampAuthority: tsa, validation: { trustStore, fetcher } });
 * ```
 */
export async function extendXml<T extends string | Uint8Array>(xml: T, signatureId: string, level: BaselineLevel, options: XmlSignOptionsBase = {}): Promise<XmlSignResult<T>> {
  const target = ORDER.indexOf(level);
  if (target < 0) throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${String(level)}` });
  const warnings: Finding[] = [];
  let text = parseXml(xml, options.limits).text;
  const hash = options.timestampHash ?? 'SHA-256';
  const reparse = () => signatureParts(findSignatureById(buildIdIndex(parseXml(text, { ...options.limits, maxBytes: Number.MAX_SAFE_INTEGER })), signatureId));
  let parts = reparse();
  if (!parts.signedProperties) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'not a XAdES signature', detailVi: 'không phải chữ ký XAdES' });
  if (target >= 1 && !hasProperty(parts, NS.xades, 'SignatureTimeStamp')) {
    if (!options.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a TSA (options.timestampAuthority)`, detailVi: `mức ${level} cần dịch vụ cấp dấu thời gian (options.timestampAuthority)` });
    text = appendUnsignedProperties(text, parts, [await signatureTimestampXml(parts, options.timestampAuthority, hash, `${signatureId}-ts`)]);
    parts = reparse();
  }
  if (target >= 2 && !hasProperty(parts, NS.xades, 'CertificateValues')) {
    const added = await addValidationData(text, signatureId, options);
    text = added.text;
    warnings.push(...added.warnings);
    parts = reparse();
  }
  if (target >= 3) {
    if (!options.timestampAuthority) throw new EdusignError('INVALID_ARGUMENT', { detail: 'level B-LTA needs a TSA (options.timestampAuthority)', detailVi: 'mức B-LTA cần dịch vụ cấp dấu thời gian (options.timestampAuthority)' });
    const added = await addArchiveTimestamp(text, signatureId, options.timestampAuthority, hash, options);
    text = added.text;
    warnings.push(...added.warnings);
  }
  const out = (typeof xml === 'string' ? text : new TextEncoder().encode(text)) as T;
  return { xml: out, signatureId, warnings };
}
