/**
 * Verification of one ds:Signature, in the order of the ETSI EN 319 102-1 building blocks: format checking,
 * references (strict dereferencing, digests, what exactly is signed), identification of the signing certificate,
 * cryptographic verification, timestamps, then certificate validation through the PKI layer.
 * @module
 */
import { createHash } from 'node:crypto';
import { verifyTimestampTokenCrypto } from '../cms/verify/index.js';
import { verifyTimestampToken } from '../../pki/index.js';
import type { Finding, Indication, SubIndication } from '../../pki/indication.js';
import type { ValidationData } from '../../pki/types.js';
import type { TimestampReport } from '../report.js';
import { nodeHashName } from '../../crypto/digest.js';
import { isAcceptedSignatureMethod, parseC14nUri } from './algorithms.js';
import { archiveTimestampChunks } from './archive-timestamp.js';
import { certInfo, type CertInfo } from './cert.js';
import { NS, REFERENCE_TYPE } from './constants.js';
import { worse, type Verdict } from '../../pki/indication.js';
import { finding } from './findings.js';
import { detectLevel } from './level.js';
import { signatureParts, type SignatureParts } from './locate.js';
import { resolveReference } from './references.js';
import { signatureTimestampInput } from './signature-timestamp.js';
import { verifySignatureValue } from './signature-value.js';
import { identifySigningCertificate } from './signing-certificate.js';
import { keyInfoCertificates } from './validation-data.js';
import { embeddedValues } from './embedded-values.js';
import { checkSignaturePolicy } from './policy.js';
import { validateSignatureCertificates } from './validate-certificates.js';
import type { SignedElement, XmlSignatureReport, XmlVerifyOptions } from './verify-options.js';
import { canonicalize } from './xml/c14n.js';
import type { IdIndex } from './xml/ids.js';
import { attr, childElements, elementPath, firstChild, isAncestorOrSelf, textOf } from './xml/query.js';
import type { XDocument, XElement } from './xml/types.js';

/** What every signature of a document shares. */
export interface VerifyContext {
  doc: XDocument;
  ids: IdIndex;
  options: XmlVerifyOptions;
  at: Date;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeB64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!B64.test(clean) || clean.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function enclosingSignature(el: XElement): XElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (p.local === 'Signature' && p.ns === NS.ds) return p;
  return undefined;
}

function claimedRoles(parts: SignatureParts): string[] {
  const ssp = parts.signedProperties && firstChild(parts.signedProperties, NS.xades, 'SignedSignatureProperties');
  const role = ssp && (firstChild(ssp, NS.xades, 'SignerRoleV2') ?? firstChild(ssp, NS.xades, 'SignerRole'));
  const claimed = role && firstChild(role, NS.xades, 'ClaimedRoles');
  return claimed ? childElements(claimed).filter((c) => c.local === 'ClaimedRole').map(textOf) : [];
}

function signingTime(parts: SignatureParts): Date | undefined {
  const ssp = parts.signedProperties && firstChild(parts.signedProperties, NS.xades, 'SignedSignatureProperties');
  const st = ssp && firstChild(ssp, NS.xades, 'SigningTime');
  if (!st) return undefined;
  const d = new Date(textOf(st));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Where a data element may be, relative to the signature that signs it. */
function placementProblem(element: XElement, signature: XElement, parts: SignatureParts): Finding | undefined {
  if (parts.objects.includes(element)) return undefined; // enveloping
  if (enclosingSignature(element) !== undefined || (element.local === 'Signature' && element.ns === NS.ds)) {
    return finding('XADES_SIGNED_ELEMENT_INSIDE_SIGNATURE', `The signed element ${elementPath(element)} is inside a signature`,
      `Phần tử được ký ${elementPath(element)} nằm bên trong một chữ ký`);
  }
  if (isAncestorOrSelf(element, signature)) return undefined; // enveloped
  if (element.parent && isAncestorOrSelf(element.parent, signature)) return undefined; // sibling record (DSCKS pattern)
  return finding('XADES_SIGNED_ELEMENT_MISPLACED', `The signed element ${elementPath(element)} is not where the signature expects it (moved?)`,
    `Phần tử được ký ${elementPath(element)} không nằm ở vị trí chữ ký mong đợi (đã bị di chuyển?)`);
}

function expectedProblem(se: SignedElement, options: XmlVerifyOptions): Finding | undefined {
  const exp = options.expectedSignedElement;
  if (!exp) return undefined;
  const ok = (exp.localName === undefined || exp.localName === se.localName) &&
    (exp.namespace === undefined || exp.namespace === (se.namespace ?? '')) &&
    (exp.path === undefined || exp.path === se.path) && (exp.id === undefined || exp.id === se.id);
  return ok ? undefined : finding('XADES_UNEXPECTED_SIGNED_ELEMENT', `The signature covers ${se.path ?? se.uri}, not the expected element`,
    `Chữ ký phủ ${se.path ?? se.uri}, không phải phần tử mong đợi`);
}

/**
 * Verify one ds:Signature element of a parsed document. Never throws for an invalid signature.
 *
 * @example
 * ```ts
 * const report = await verifySignatureElement(sigEl, { doc, ids, options: {}, at: new Date() });
 * ```
 */
export async function verifySignatureElement(sigEl: XElement, ctx: VerifyContext, index: number): Promise<XmlSignatureReport> {
  const parts = signatureParts(sigEl);
  const id = attr(sigEl, 'Id') ?? `signature-${index + 1}`;
  const findings: Finding[] = [];
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  const fail = (v: Verdict, f: Finding): void => { verdict = worse(verdict, v); findings.push(f); };
  const parentSig = sigEl.parent?.local === 'CounterSignature' && sigEl.parent.ns === NS.xades ? enclosingSignature(sigEl) : undefined;
  const parentParts = parentSig ? signatureParts(parentSig) : undefined;
  const countersignatureOf = parentSig ? attr(parentSig, 'Id') ?? '(unnamed)' : undefined;
  const signedElements: SignedElement[] = [];
  const timestamps: TimestampReport[] = [];
  let signer: CertInfo | undefined;

  const { signedInfo, signatureValue } = parts;
  const cm = signedInfo && firstChild(signedInfo, NS.ds, 'CanonicalizationMethod');
  const sm = signedInfo && firstChild(signedInfo, NS.ds, 'SignatureMethod');
  const c14n = cm ? parseC14nUri(attr(cm, 'Algorithm') ?? '') : undefined;
  const methodUri = sm ? attr(sm, 'Algorithm') ?? '' : '';
  const method = sm !== undefined && isAcceptedSignatureMethod(methodUri);
  const value = signatureValue ? decodeB64(textOf(signatureValue)) : undefined;
  if (!signedInfo || !signatureValue || !cm || !sm) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_STRUCTURE', 'SignedInfo, its methods or SignatureValue are missing', 'Thiếu SignedInfo, các thuật toán hoặc SignatureValue'));
  } else if (!c14n) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_C14N_FORBIDDEN', `Canonicalization not allowed: ${attr(cm, 'Algorithm')}`, `Thuật toán chuẩn hóa không được phép: ${attr(cm, 'Algorithm')}`));
  } else if (!method) {
    fail({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' }, finding('XADES_SIGNATURE_METHOD_REFUSED', `Signature method not accepted: ${attr(sm, 'Algorithm')}`, `Thuật toán ký không được chấp nhận: ${attr(sm, 'Algorithm')}`));
  } else if (!value) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_SIGNATURE_VALUE_MALFORMED', 'SignatureValue is not base64', 'SignatureValue không phải base64'));
  }
  if (signedInfo) {
    const stray = childElements(signedInfo).find((c) => c.ns !== NS.ds || !['CanonicalizationMethod', 'SignatureMethod', 'Reference'].includes(c.local));
    if (stray) fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_STRUCTURE', `Unexpected <${stray.qname}> in SignedInfo`, `Phần tử <${stray.qname}> không mong đợi trong SignedInfo`));
  }

  // ---- references -------------------------------------------------------------------------------------
  let spReferences = 0;
  let dataReferences = 0;
  const refs = signedInfo ? childElements(signedInfo).filter((c) => c.local === 'Reference' && c.ns === NS.ds) : [];
  if (signedInfo && refs.length === 0) fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_NO_REFERENCE', 'SignedInfo has no Reference', 'SignedInfo không có tham chiếu'));
  for (const ref of refs) {
    if (attr(ref, 'Type') !== REFERENCE_TYPE.signedProperties) dataReferences++;
    const r = resolveReference(ref, { doc: ctx.doc, ids: ctx.ids, signature: sigEl, ...(ctx.options.detachedContent ? { detached: ctx.options.detachedContent } : {}) });
    if (!r.ok) {
      fail(r.subIndication === 'SIGNED_DATA_NOT_FOUND' ? { indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' } : { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' },
        finding(r.code, r.message, r.messageVi));
      continue;
    }
    if (createHash(nodeHashName(r.hash)).update(r.data).digest('base64') !== r.digestValue.replace(/\s+/g, '')) {
      fail({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }, finding('XADES_HASH_MISMATCH', `The digest of ${r.uri || '(document)'} does not match: the signed content was changed`,
        `Giá trị băm của ${r.uri || '(tài liệu)'} không khớp: nội dung đã ký bị thay đổi`));
    }
    if (r.type === REFERENCE_TYPE.signedProperties) {
      spReferences++;
      if (!parts.signedProperties || r.element !== parts.signedProperties) {
        fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_SIGNED_PROPERTIES_REFERENCE', 'The SignedProperties reference does not point to this signature\'s SignedProperties',
          'Tham chiếu SignedProperties không trỏ tới SignedProperties của chính chữ ký này'));
      }
      continue;
    }
    if (r.type === REFERENCE_TYPE.countersignedSignature) {
      if (!parentParts || r.element === undefined || r.element !== parentParts.signatureValue) {
        fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_COUNTERSIGNED_REFERENCE', 'A countersignature must reference the SignatureValue of the signature it is nested in',
          'Chữ ký xác nhận phải tham chiếu SignatureValue của chữ ký chứa nó'));
      }
      continue;
    }
    const se: SignedElement = { uri: r.uri, content: r.data, ...(r.element ? { id: r.uri.slice(1), path: elementPath(r.element), localName: r.element.local, namespace: r.element.ns } :
      r.uri === '' ? { path: '/' } : {}) };
    signedElements.push(se);
    const problem = r.element ? placementProblem(r.element, sigEl, parts) : undefined;
    if (problem) fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, problem);
    const unexpected = parentSig ? undefined : expectedProblem(se, ctx.options);
    if (unexpected) fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, unexpected);
  }
  if (refs.length > 0 && dataReferences === 0) fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_NO_DATA_REFERENCE', 'The signature signs no data', 'Chữ ký không ký dữ liệu nào'));
  if (parts.signedProperties && spReferences !== 1) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_SIGNED_PROPERTIES_NOT_SIGNED', 'SignedProperties must be referenced exactly once',
      'SignedProperties phải được tham chiếu đúng một lần'));
  }
  if (parts.qualifyingPropertiesCount > 1 || (parts.qualifyingPropertiesCount === 1 && !parts.qualifyingProperties)) {
    fail({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, finding('XADES_QUALIFYING_PROPERTIES', 'A signature must have exactly one QualifyingProperties, targeting it',
      'Chữ ký phải có đúng một QualifyingProperties trỏ tới chính nó'));
  }
  if (!parts.signedProperties) findings.push(finding('XADES_NOT_XADES', 'Plain XMLDSig signature (no XAdES SignedProperties)', 'Chữ ký XMLDSig thuần (không có SignedProperties của XAdES)'));

  // ---- signing certificate -----------------------------------------------------------------------------
  const keyInfoCerts = keyInfoCertificates(parts);
  const embedded = embeddedValues(parts);
  const certValues = embedded.certificates;
  const supplied = ctx.options.validationData;
  const available: ValidationData = supplied ? {
    certificates: [...embedded.certificates, ...(supplied.certificates ?? [])],
    crls: [...embedded.crls, ...(supplied.crls ?? [])],
    ocspResponses: [...embedded.ocspResponses, ...(supplied.ocspResponses ?? [])],
  } : embedded;
  const match = identifySigningCertificate(parts, [...keyInfoCerts, ...certValues]);
  findings.push(...match.findings);
  if (!match.certificate) {
    verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
  } else {
    try {
      signer = certInfo(match.certificate);
    } catch {
      fail({ indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' }, finding('XADES_CERT_MALFORMED', 'The signing certificate cannot be read', 'Không đọc được chứng thư ký'));
    }
  }

  // ---- cryptographic verification ---------------------------------------------------------------------
  if (signer && signedInfo && c14n && method && value) {
    const cmIncl = c14n.method === 'exc' ? childElements(cm as XElement).find((e) => e.local === 'InclusiveNamespaces') : undefined;
    const canonical = canonicalize(signedInfo, { ...c14n, inclusivePrefixes: cmIncl ? (attr(cmIncl, 'PrefixList') ?? '').split(/\s+/).filter(Boolean) : [] });
    if (!verifySignatureValue(signer.publicKey, methodUri, new TextEncoder().encode(canonical), value)) {
      fail({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, finding('XADES_SIGNATURE_VALUE_INVALID', 'The signature value does not verify with the signing certificate',
        'Giá trị chữ ký không khớp với chứng thư ký'));
    }
  }

  // ---- timestamps ---------------------------------------------------------------------------------------
  let bestSignatureTime = ctx.at;
  let proven = false;
  const usp = parts.unsignedSignatureProperties ? childElements(parts.unsignedSignatureProperties) : [];
  for (const p of usp) {
    const kind = p.local === 'SignatureTimeStamp' && p.ns === NS.xades ? 'signature' : p.local === 'ArchiveTimeStamp' && p.ns === NS.xades141 ? 'archive' : undefined;
    if (!kind) continue;
    const enc = firstChild(p, NS.xades, 'EncapsulatedTimeStamp');
    const token = enc ? decodeB64(textOf(enc)) : undefined;
    const tcm = firstChild(p, NS.ds, 'CanonicalizationMethod');
    const tc14n = parseC14nUri(tcm ? attr(tcm, 'Algorithm') ?? '' : 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
    if (!token || !tc14n) {
      timestamps.push({ kind, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
      fail({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' }, finding('XADES_TIMESTAMP_MALFORMED', `Malformed ${p.local}`, `${p.local} không hợp lệ`));
      continue;
    }
    let data: Uint8Array[];
    try {
      data = kind === 'signature'
        ? [new TextEncoder().encode(signatureValue ? canonicalize(signatureValue, tc14n) : signatureTimestampInput(parts))]
        : archiveTimestampChunks(ctx.doc, ctx.ids, parts, tc14n, p, ctx.options.detachedContent);
    } catch {
      timestamps.push({ kind, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
      fail({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' }, finding('XADES_TIMESTAMP_INPUT', `The input of ${p.local} cannot be computed`, `Không tính được dữ liệu đầu vào của ${p.local}`));
      continue;
    }
    const check = await verifyToken(token, data, ctx.options, [...keyInfoCerts, ...certValues], available);
    timestamps.push({ kind, indication: check.indication, ...(check.subIndication ? { subIndication: check.subIndication } : {}),
      ...(check.genTime ? { genTime: check.genTime } : {}), ...(check.tsaSubject ? { tsaSubject: check.tsaSubject } : {}) });
    if (check.indication !== 'TOTAL_PASSED') {
      fail({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' }, finding('XADES_TIMESTAMP_INVALID', `${p.local} does not verify`, `${p.local} không hợp lệ`));
      findings.push(...check.findings);
    } else if (kind === 'signature' && check.genTime) {
      if (check.genTime < bestSignatureTime) bestSignatureTime = check.genTime;
      proven = true;
    }
  }
  const claimed = signingTime(parts);
  if (claimed && timestamps.some((t) => t.kind === 'signature' && t.genTime && t.indication === 'TOTAL_PASSED' && t.genTime.getTime() + 5 * 60_000 < claimed.getTime())) {
    findings.push(finding('XADES_SIGNING_TIME_AFTER_TIMESTAMP', 'The claimed signing time is later than the signature timestamp', 'Thời gian ký khai báo muộn hơn dấu thời gian của chữ ký'));
  }

  // ---- certificate validation (PKI layer) -----------------------------------------------------------------
  const pki = signer ? await validateSignatureCertificates({
    signer: signer.der, extra: [...keyInfoCerts, ...certValues], validationData: available,
    at: bestSignatureTime, atIsProven: proven, options: ctx.options,
  }) : undefined;
  if (pki) {
    verdict = worse(verdict, pki.verdict);
    findings.push(...pki.findings);
  }

  const policy = checkSignaturePolicy(parts, ctx.options.signaturePolicies);
  findings.push(...policy.findings);
  if (policy.verdict) verdict = worse(verdict, policy.verdict);
  const level = detectLevel(parts);
  return {
    id,
    signer: signer ? { subject: signer.subject, serialNumber: signer.serialNumber, issuer: signer.issuer, ...(signer.commonName ? { commonName: signer.commonName } : {}),
      ...(signer.personalId ? { personalId: signer.personalId } : {}),
      ...(claimedRoles(parts)[0] ? { role: claimedRoles(parts)[0] } : {}) } : { subject: '', serialNumber: '', issuer: '' },
    ...(claimed ? { claimedSigningTime: claimed } : {}),
    bestSignatureTime,
    ...(level ? { level } : {}),
    indication: verdict.indication,
    ...(verdict.subIndication ? { subIndication: verdict.subIndication } : {}),
    chain: pki?.chain ?? [],
    revocation: pki?.revocation ?? [],
    timestamps,
    coverage: { kind: countersignatureOf ? 'xml-countersignature' : 'xml-elements', detail: signedElements.map((e) => e.path ?? e.uri).join(' ') || countersignatureOf },
    modificationsAfter: [],
    findings,
    signedElements,
    location: elementPath(sigEl),
    ...(countersignatureOf ? { countersignatureOf } : {}),
    claimedRoles: claimedRoles(parts),
    ...(policy.identifier ? { policy: policy.identifier } : {}),
  };
}

function safeSubject(der: Uint8Array): string | undefined {
  try {
    return certInfo(der).subject;
  } catch {
    return undefined;
  }
}

interface TokenCheck { indication: Indication; subIndication?: SubIndication; genTime?: Date; tsaSubject?: string; findings: Finding[] }

/** A timestamp token over `data`: with a trust store the PKI layer also validates the TSA; without, only its cryptography. */
async function verifyToken(token: Uint8Array, data: Uint8Array[], options: XmlVerifyOptions, extra: Uint8Array[], validationData: Partial<ValidationData>): Promise<TokenCheck> {
  if (!options.trustStore) {
    const c = verifyTimestampTokenCrypto(token, data);
    const tsaSubject = c.signedData?.signerCertificate ? safeSubject(c.signedData.signerCertificate) : undefined;
    return { indication: c.indication, ...(c.subIndication ? { subIndication: c.subIndication } : {}), ...(c.tstInfo ? { genTime: c.tstInfo.genTime } : {}),
      ...(tsaSubject ? { tsaSubject } : {}), findings: c.findings };
  }
  const v = await verifyTimestampToken(token, {
    data: Buffer.concat(data), trustStore: options.trustStore, extraCertificates: extra, validationData,
    ...(options.at ? { at: options.at } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  const tsaSubject = v.tsa?.chain[0]?.subject;
  return { indication: v.indication, ...(v.subIndication ? { subIndication: v.subIndication } : {}), ...(v.genTime ? { genTime: v.genTime } : {}),
    ...(tsaSubject ? { tsaSubject } : {}), findings: v.findings };
}
