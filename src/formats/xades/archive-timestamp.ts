/**
 * B-LTA: the XAdES ArchiveTimeStamp (xadesv141, ETSI EN 319 132-1 §5.5.2): a timestamp over the signed data,
 * SignedInfo, SignatureValue, KeyInfo, every unsigned signature property before it, and other ds:Objects.
 * @module
 */
import { createHash } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import type { HashAlgorithm } from '../../crypto/types.js';
import type { Finding } from '../../pki/indication.js';
import type { TimestampAuthority } from '../../pki/types.js';
import { nodeHashName } from '../../crypto/digest.js';
import type { C14nAlgorithm } from './algorithms.js';
import { C14N_URI, NS } from './constants.js';
import { findSignatureById, signatureParts, type SignatureParts } from './locate.js';
import { finding } from './findings.js';
import { embeddedValues } from './embedded-values.js';
import { verifyTimestampToken } from '../../pki/index.js';
import type { XmlSignOptionsBase } from './options.js';
import { levelValidationOptions } from './validation-options.js';
import { resolveReference } from './references.js';
import { requestToken } from './signature-timestamp.js';
import { appendUnsignedProperties } from './unsigned-properties.js';
import { canonicalize } from './xml/c14n.js';
import { buildIdIndex, type IdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import { childElements, isAncestorOrSelf } from './xml/query.js';
import type { XDocument, XElement } from './xml/types.js';

/**
 * The ArchiveTimeStamp input of a signature, as ordered chunks (hash them in order). `before` is the
 * ArchiveTimeStamp being checked (only unsigned properties before it count), or undefined when making a new
 * one. Throws `XML_SIGNATURE_MALFORMED` when a reference cannot be dereferenced.
 *
 * @example
 * ```ts
 * const chunks = archiveTimestampChunks(doc, ids, parts, { method: 'exc', withComments: false });
 * ```
 */
export function archiveTimestampChunks(doc: XDocument, ids: IdIndex, parts: SignatureParts, c14n: C14nAlgorithm,
  before?: XElement, detached?: Readonly<Record<string, Uint8Array>>): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  const add = (d: string | Uint8Array): void => { chunks.push(typeof d === 'string' ? enc.encode(d) : d); };
  if (!parts.signedInfo || !parts.signatureValue) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'no SignedInfo or SignatureValue' });
  for (const ref of childElements(parts.signedInfo)) {
    if (ref.local !== 'Reference' || ref.ns !== NS.ds) continue;
    const r = resolveReference(ref, { doc, ids, signature: parts.signature, ...(detached ? { detached } : {}) });
    if (!r.ok) throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: r.message, detailVi: r.messageVi });
    add(r.data);
  }
  add(canonicalize(parts.signedInfo, c14n));
  add(canonicalize(parts.signatureValue, c14n));
  if (parts.keyInfo) add(canonicalize(parts.keyInfo, c14n));
  if (parts.unsignedSignatureProperties) {
    for (const p of childElements(parts.unsignedSignatureProperties)) {
      if (p === before) break;
      add(canonicalize(p, c14n));
    }
  }
  for (const o of parts.objects) {
    if (parts.qualifyingProperties && isAncestorOrSelf(o, parts.qualifyingProperties)) continue;
    add(canonicalize(o, c14n));
  }
  return chunks;
}

/**
 * Add an ArchiveTimeStamp to signature `signatureId` of `text`; returns the new text.
 *
 * @example
 * ```ts
 * const { text: lta } = await addArchiveTimestamp(ltText, 'sig-1', tsa, 'SHA-256', {});
 * ```
 */
export async function addArchiveTimestamp(text: string, signatureId: string, tsa: TimestampAuthority, hash: HashAlgorithm,
  options: XmlSignOptionsBase): Promise<{ text: string; warnings: Finding[] }> {
  const doc = parseXml(text, { ...options.limits, maxBytes: Number.MAX_SAFE_INTEGER });
  const ids = buildIdIndex(doc);
  const parts = signatureParts(findSignatureById(ids, signatureId));
  const n = parts.unsignedSignatureProperties ? childElements(parts.unsignedSignatureProperties).filter((c) => c.local === 'ArchiveTimeStamp').length : 0;
  const chunks = archiveTimestampChunks(doc, ids, parts, { method: 'exc', withComments: false });
  const h = createHash(nodeHashName(hash));
  for (const c of chunks) h.update(c);
  const token = await requestToken(tsa, new Uint8Array(h.digest()), hash);
  const xml = `<xades141:ArchiveTimeStamp Id="${signatureId}-ats${n}"><ds:CanonicalizationMethod Algorithm="${C14N_URI.exc}"/><xades:EncapsulatedTimeStamp>${
    Buffer.from(token).toString('base64')}</xades:EncapsulatedTimeStamp></xades141:ArchiveTimeStamp>`;
  const warnings: Finding[] = [];
  const properties = [xml];
  const { trustStore, ...net } = levelValidationOptions(options);
  if (!trustStore) {
    warnings.push(finding('XADES_LTA_NO_TSA_VALIDATION_DATA', 'No trust store: validation data of the archive timestamp\'s TSA was not added',
      'Không có kho tin cậy: chưa thêm dữ liệu kiểm tra cho TSA của dấu thời gian lưu trữ'));
  } else {
    const v = await verifyTimestampToken(token, {
      ...net, data: Buffer.concat(chunks), trustStore,
    });
    if (v.indication !== 'TOTAL_PASSED') {
      warnings.push(finding('XADES_LTA_TIMESTAMP_NOT_VALID', `The archive timestamp did not validate (${v.subIndication ?? v.indication})`,
        `Dấu thời gian lưu trữ không hợp lệ (${v.subIndication ?? v.indication})`));
    }
    const present = embeddedValues(parts);
    const fresh = (list: readonly Uint8Array[], have: readonly Uint8Array[]): Uint8Array[] => uniqueBytes(list).filter((d) => !have.some((x) => Buffer.compare(x, d) === 0));
    const certs = fresh(v.tsa?.validationData.certificates ?? [], present.certificates);
    const crls = fresh(v.tsa?.validationData.crls ?? [], present.crls);
    const ocsps = fresh(v.tsa?.validationData.ocspResponses ?? [], present.ocspResponses);
    if (certs.length + crls.length + ocsps.length > 0) properties.push(timeStampValidationDataXml(certs, crls, ocsps));
  }
  return { text: appendUnsignedProperties(text, parts, properties), warnings };
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function uniqueBytes(list: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const d of list) if (!out.some((x) => Buffer.compare(x, d) === 0)) out.push(d);
  return out;
}

/**
 * The `xadesv141:TimeStampValidationData` element (EN 319 132-1 §5.5.3) with certificates and revocation data.
 *
 * @example
 * ```ts
 * timeStampValidationDataXml([tsaCa], [crl], []);
 * ```
 */
export function timeStampValidationDataXml(certs: readonly Uint8Array[], crls: readonly Uint8Array[], ocsps: readonly Uint8Array[]): string {
  const c = certs.length === 0 ? '' : `<xades:CertificateValues>${certs.map((d) => `<xades:EncapsulatedX509Certificate>${b64(d)}</xades:EncapsulatedX509Certificate>`).join('')}</xades:CertificateValues>`;
  const crlXml = crls.map((d) => `<xades:EncapsulatedCRLValue>${b64(d)}</xades:EncapsulatedCRLValue>`).join('');
  const ocspXml = ocsps.map((d) => `<xades:EncapsulatedOCSPValue>${b64(d)}</xades:EncapsulatedOCSPValue>`).join('');
  const r = crlXml || ocspXml ? `<xades:RevocationValues>${crlXml ? `<xades:CRLValues>${crlXml}</xades:CRLValues>` : ''}${ocspXml ? `<xades:OCSPValues>${ocspXml}</xades:OCSPValues>` : ''}</xades:RevocationValues>` : '';
  return `<xades141:TimeStampValidationData>${c}${r}</xades141:TimeStampValidationData>`;
}
