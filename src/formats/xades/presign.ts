/**
 * Builds a signature up to (not including) its SignatureValue: references, SignedProperties, KeyInfo, placed
 * in the document; returns the canonical SignedInfo to be signed. Shared by every signing path.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../../crypto/types.js';
import type { Finding } from '../../pki/indication.js';
import { xmldsigDigestMethod, xmldsigSignatureMethod } from '../../crypto/algorithms.js';
import { nodeHashName } from '../../crypto/digest.js';
import { c14nUri, parseC14nUri } from './algorithms.js';
import { NS, REFERENCE_TYPE, TRANSFORM, XML_MIME } from './constants.js';
import { finding } from './findings.js';
import type { XmlSignOptionsBase } from './options.js';
import { signatureXml, type ReferenceSpec } from './signature-xml.js';
import { signedPropertiesXml } from './signed-properties.js';
import { planInsertion, resolveTarget } from './target.js';
import { canonicalize } from './xml/c14n.js';
import { parseInContext } from './xml/context.js';
import { buildIdIndex } from './xml/ids.js';
import { parseXml } from './xml/parse.js';
import { attr, firstChild, isAncestorOrSelf } from './xml/query.js';
import { findSignatureById, signatureParts } from './locate.js';
import { appendUnsignedProperties } from './unsigned-properties.js';
import type { XElement } from './xml/types.js';

/** Who signs: certificate, chain and algorithm (a Signer, or the inputs of two-phase signing). */
export interface SignerIdentity {
  certificate: Uint8Array;
  chain: readonly Uint8Array[];
  algorithm: SignatureAlgorithm;
}

/** A signature ready for its SignatureValue. */
export interface Presignature {
  /** The output document text with an empty SignatureValue. */
  text: string;
  valueOffset: number;
  valueCloseTag: string;
  signatureId: string;
  signatureMethod: string;
  /** The canonical SignedInfo (UTF-8). */
  toBeSigned: Uint8Array;
  binary: boolean;
  warnings: Finding[];
}

const SP_PLACEHOLDER = '@@EDUSIGN-SIGNED-PROPERTIES-DIGEST@@';
const DATA_PLACEHOLDER = '@@EDUSIGN-DATA-DIGEST@@';
const ID_RE = /^[A-Za-z_][\w.-]*$/;

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function digestB64(data: string | Uint8Array, hash: HashAlgorithm): string {
  return createHash(nodeHashName(hash)).update(data).digest('base64');
}

function roleList(role: string | readonly string[] | undefined): string[] {
  if (role === undefined) return [];
  return (typeof role === 'string' ? [role] : [...role]).filter((r) => r.trim() !== '');
}

function findSignedProperties(sig: XElement): XElement {
  for (const obj of sig.children) {
    if (obj.type !== 'element' || obj.local !== 'Object' || obj.ns !== NS.ds) continue;
    const qp = firstChild(obj, NS.xades, 'QualifyingProperties');
    const sp = qp && firstChild(qp, NS.xades, 'SignedProperties');
    if (sp) return sp;
  }
  throw new Error('SignedProperties missing from the built signature');
}

/**
 * Build a signature without its value. `input` is the document (enveloped), the content to wrap (enveloping),
 * or the external content (detached).
 *
 * @example
 * ```ts
 * const pre = buildPresignature(xml, { certificate, chain: [], algorithm }, { role: 'Hiệu trưởng' });
 * const value = await signer.sign(pre.toBeSigned);
 * ```
 */
export function buildPresignature(input: string | Uint8Array, who: SignerIdentity, options: XmlSignOptionsBase, countersignOf?: string): Presignature {
  const warnings: Finding[] = [];
  const mode = countersignOf !== undefined ? 'countersignature' : options.mode ?? 'enveloped';
  const hash = options.digestAlgorithm ?? who.algorithm.hash;
  const c14n = c14nUri(options.canonicalization);
  const c14nAlg = parseC14nUri(c14n) ?? { method: 'exc' as const, withComments: false };
  const signatureMethod = xmldsigSignatureMethod(who.algorithm);
  const signatureId = options.signatureId ?? `sig-${randomBytes(6).toString('hex')}`;
  if (!ID_RE.test(signatureId)) throw new EdusignError('INVALID_ARGUMENT', { detail: `signatureId "${signatureId}" is not an XML ID` });
  const ids = { sig: signatureId, ref: `${signatureId}-ref0`, sp: `${signatureId}-sp`, value: `${signatureId}-value`, object: `${signatureId}-object` };
  const signingTime = options.signingTime ?? new Date();
  if (Number.isNaN(signingTime.getTime())) throw new EdusignError('INVALID_ARGUMENT', { detail: 'signingTime is not a valid date' });
  const certificates = [who.certificate, ...(options.includeChain === false ? [] : who.chain)].map(b64);

  let dataRef: ReferenceSpec;
  let mimeType = options.mimeType ?? XML_MIME;
  let objects: string[] = [];
  let context: XElement | null = null;
  let apply: (sig: string) => { text: string; offset: number } = (sig) => ({ text: sig, offset: 0 });
  let dataFromFragment = false;
  let locate: (sig: string) => XElement = (sig) => parseInContext(sig, context);

  const binary = typeof input !== 'string';
  if (options.nfc === 'normalize' && mode !== 'detached') input = parseXml(input, options.limits).text.normalize('NFC');
  if (mode === 'enveloped') {
    const doc = parseXml(input, options.limits);
    const target = resolveTarget(doc, options.recordId);
    for (const id of Object.values(ids)) {
      if (target.ids.has(id)) throw new EdusignError('INVALID_ARGUMENT', { detail: `Id "${id}" already exists in the document` });
    }
    const plan = planInsertion(doc, target, options.placement, warnings);
    const broken = signaturesBrokenBy(plan.context, doc.signatureElements, target.ids);
    if (broken.length > 0) {
      throw new EdusignError('XML_UNEXPECTED_STRUCTURE', {
        detail: `adding a signature there would invalidate signature(s) ${broken.join(', ')} (they cover that place); countersign instead, or sign a record element with an Id`,
        detailVi: `thêm chữ ký vào đó sẽ làm hỏng chữ ký ${broken.join(', ')} (chúng phủ vị trí đó); hãy ký xác nhận (countersign) hoặc ký phần tử hồ sơ có Id`,
      });
    }
    const covered = target.element === null ? doc.signatureElements : doc.signatureElements.filter((sig) => isAncestorOrSelf(target.element as XElement, sig));
    if (covered.length > 0) {
      warnings.push(finding('XADES_SIGNATURE_COVERS_SIGNATURES', 'The signed element contains signatures already made: this signature covers them (it is not a parallel signature)',
        'Phần tử được ký chứa các chữ ký đã có: chữ ký này phủ cả chúng (không phải chữ ký song song)'));
    }
    const content = target.element === null
      ? canonicalize(doc, { method: c14nAlg.method, withComments: false })
      : canonicalize(target.element, { method: c14nAlg.method, withComments: false });
    if (content !== content.normalize('NFC')) {
      warnings.push(finding('XADES_CONTENT_NOT_NFC', 'The signed content is not in Unicode NFC: visually equal text elsewhere may not match it (option nfc: "normalize")',
        'Nội dung được ký không ở dạng Unicode NFC: văn bản trông giống nhau ở nơi khác có thể không khớp (tùy chọn nfc: "normalize")'));
    }
    const transforms = plan.insideSigned ? [TRANSFORM.envelopedSignature, c14n] : [c14n];
    dataRef = { id: ids.ref, uri: target.uri, transforms, digestMethod: xmldsigDigestMethod(hash), digestValue: digestB64(content, hash) };
    context = plan.context;
    apply = plan.apply;
  } else if (mode === 'countersignature') {
    const doc = parseXml(input, options.limits);
    const index = buildIdIndex(doc);
    for (const id of Object.values(ids)) {
      if (index.has(id)) throw new EdusignError('INVALID_ARGUMENT', { detail: `Id "${id}" already exists in the document` });
    }
    const parts = signatureParts(findSignatureById(index, countersignOf as string));
    const valueEl = parts.signatureValue;
    const valueId = valueEl && attr(valueEl, 'Id');
    if (!valueEl || valueId === undefined || (index.get(valueId) ?? []).length !== 1) {
      throw new EdusignError('XML_SIGNATURE_MALFORMED', { detail: 'the countersigned SignatureValue has no unique Id', detailVi: 'SignatureValue được ký xác nhận không có Id duy nhất' });
    }
    mimeType = options.mimeType ?? XML_MIME;
    dataRef = { id: ids.ref, uri: `#${valueId}`, type: REFERENCE_TYPE.countersignedSignature, transforms: [c14n], digestMethod: xmldsigDigestMethod(hash),
      digestValue: digestB64(canonicalize(valueEl, c14nAlg), hash) };
    apply = (sig) => {
      const text = appendUnsignedProperties(doc.text, parts, [`<xades:CounterSignature>${sig}</xades:CounterSignature>`]);
      return { text, offset: text.indexOf(sig) };
    };
    locate = (sig) => findSignatureById(buildIdIndex(parseXml(apply(sig).text, { ...options.limits, maxBytes: Number.MAX_SAFE_INTEGER })), signatureId);
  } else if (mode === 'detached') {
    const d = options.detached;
    if (!d || typeof d.uri !== 'string' || d.uri === '' || d.uri.startsWith('#')) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'detached signing needs detached.uri (an external URI)', detailVi: 'ký tách rời cần detached.uri (URI bên ngoài)' });
    }
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    mimeType = d.mimeType ?? options.mimeType ?? 'application/octet-stream';
    dataRef = { id: ids.ref, uri: d.uri, transforms: [], digestMethod: xmldsigDigestMethod(hash), digestValue: digestB64(bytes, hash) };
  } else if (mode === 'enveloping') {
    const doc = parseXml(input, options.limits);
    if (buildIdIndex(doc).has(ids.object)) throw new EdusignError('INVALID_ARGUMENT', { detail: `Id "${ids.object}" already exists` });
    objects = [`<ds:Object Id="${ids.object}">${doc.text.slice(doc.root.start, doc.root.end)}</ds:Object>`];
    dataRef = { id: ids.ref, uri: `#${ids.object}`, transforms: [c14n], digestMethod: xmldsigDigestMethod(hash), digestValue: DATA_PLACEHOLDER };
    dataFromFragment = true;
  } else {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `mode ${String(mode)}` });
  }

  const qualifyingProperties = signedPropertiesXml({
    signatureId, signedPropertiesId: ids.sp, signingTime, certificate: who.certificate, hash,
    roles: roleList(options.role), ...(options.policy ? { policy: options.policy } : {}),
    dataObjects: [{ referenceId: ids.ref, mimeType }],
  });
  const spRef: ReferenceSpec = { uri: `#${ids.sp}`, type: REFERENCE_TYPE.signedProperties, transforms: [c14n], digestMethod: xmldsigDigestMethod(hash), digestValue: SP_PLACEHOLDER };
  let sigText = signatureXml({ id: signatureId, c14nMethod: c14n, signatureMethod, references: [dataRef, spRef], valueId: ids.value, certificates, qualifyingProperties, objects });

  const sigEl = locate(sigText);
  const spDigest = digestB64(canonicalize(findSignedProperties(sigEl), c14nAlg), hash);
  let dataDigest = '';
  if (dataFromFragment) {
    const obj = sigEl.children.find((c): c is XElement => c.type === 'element' && c.local === 'Object' && c.attrs.some((a) => a.local === 'Id'));
    if (!obj) throw new Error('enveloping object missing');
    dataDigest = digestB64(canonicalize(obj, c14nAlg), hash);
  }
  const signedInfo = firstChild(sigEl, NS.ds, 'SignedInfo');
  if (!signedInfo) throw new Error('SignedInfo missing');
  let canonicalSignedInfo = canonicalize(signedInfo, c14nAlg).replace(SP_PLACEHOLDER, spDigest);
  sigText = sigText.replace(SP_PLACEHOLDER, spDigest);
  if (dataFromFragment) {
    canonicalSignedInfo = canonicalSignedInfo.replace(DATA_PLACEHOLDER, dataDigest);
    sigText = sigText.replace(DATA_PLACEHOLDER, dataDigest);
  }
  const placed = apply(sigText);
  const valueCloseTag = '</ds:SignatureValue>';
  const valueOffset = placed.offset + sigText.indexOf(valueCloseTag);
  if (placed.offset < 0 || !placed.text.startsWith(valueCloseTag, valueOffset)) throw new Error('signature placement failed');
  return {
    text: placed.text, valueOffset, valueCloseTag, signatureId, signatureMethod,
    toBeSigned: new TextEncoder().encode(canonicalSignedInfo), binary, warnings,
  };
}

/** Ids of existing signatures whose same-document references cover `context` (a new signature there breaks them). */
function signaturesBrokenBy(context: XElement, signatures: readonly XElement[], ids: ReturnType<typeof buildIdIndex>): string[] {
  const out: string[] = [];
  for (const sig of signatures) {
    const si = firstChild(sig, NS.ds, 'SignedInfo');
    if (!si) continue;
    for (const ref of si.children) {
      if (ref.type !== 'element' || ref.local !== 'Reference' || ref.ns !== NS.ds) continue;
      const uri = attr(ref, 'URI');
      const el = uri === '' ? null : uri?.startsWith('#') ? ids.get(uri.slice(1))?.[0] : undefined;
      if (el === null || (el !== undefined && isAncestorOrSelf(el, context))) {
        out.push(attr(sig, 'Id') ?? '(unnamed)');
        break;
      }
    }
  }
  return out;
}
