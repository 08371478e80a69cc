/**
 * The CMS part of timestamp token verification: one SignerInfo, its certificate, messageDigest over the
 * TSTInfo, the signature value, and the ESS signing-certificate binding (ESSCertID / ESSCertIDv2). Internal.
 * @module
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Finding, Indication, SubIndication } from '../indication.js';
import { integerHex, parseCertificateDer, toArrayBuffer, toHex } from '../revocation/cert-facts.js';
import { finding } from '../revocation/finding.js';
import { NODE_HASH_BY_OID } from './hash-oids.js';
import type { DecodedTimestampToken } from './parse-token.js';

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const OID_SKI = '2.5.29.14';

/** Outcome of the CMS checks. */
export interface TokenSignatureCheck {
  /** The signer (TSA) certificate, when found. */
  signerDer?: Uint8Array;
  /** Set when a check failed. */
  failure?: { indication: Indication; subIndication: SubIndication; finding: Finding };
}

const fail = (indication: Indication, subIndication: SubIndication, f: Finding): TokenSignatureCheck => ({ failure: { indication, subIndication, finding: f } });

/**
 * Verify the CMS signature of a decoded token; `extraCertificates` help find the TSA certificate when the
 * token does not carry it (certReq false).
 * @example
 * ```ts
 * const { signerDer, failure } = await verifyTokenSignature(decodeTimestampToken(der), []);
 * ```
 */
export async function verifyTokenSignature(token: DecodedTimestampToken, extraCertificates: readonly Uint8Array[]): Promise<TokenSignatureCheck> {
  const signers = token.signedData.signerInfos;
  const signer = signers[0];
  if (signers.length !== 1 || !signer) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', finding('TSA_SIGNER_COUNT', 'A timestamp token must have exactly one signer', 'Dấu thời gian phải có đúng một người ký'));
  }
  const candidates = [...token.info.certificates, ...extraCertificates];
  const signerDer = candidates.find((der) => matchesSid(parseCertificateDer(der), signer.sid));
  if (!signerDer) {
    return fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', finding('TSA_CERTIFICATE_NOT_FOUND', 'The TSA certificate is not in the token and was not supplied', 'Không tìm thấy chứng thư số của TSA'));
  }
  const attrs = signer.signedAttrs?.attributes ?? [];
  const attr = (oid: string): pkijs.Attribute | undefined => attrs.find((a) => a.type === oid);
  const contentType = attr(OID_CONTENT_TYPE)?.values[0];
  if (!signer.signedAttrs || !(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID_TST_INFO) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', finding('TSA_SIGNED_ATTRIBUTES', 'The token lacks signed attributes or a TSTInfo content type', 'Dấu thời gian thiếu thuộc tính ký hoặc content-type TSTInfo'));
  }
  const digestName = NODE_HASH_BY_OID[signer.digestAlgorithm.algorithmId];
  const messageDigest = attr(OID_MESSAGE_DIGEST)?.values[0];
  if (!digestName || !(messageDigest instanceof asn1js.OctetString)) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', finding('TSA_MESSAGE_DIGEST', 'Unsupported digest or missing messageDigest', 'Thuật toán băm không hỗ trợ hoặc thiếu messageDigest'));
  }
  if (createHash(digestName).update(token.tstInfoDer).digest('hex') !== toHex(messageDigest.valueBlock.valueHexView)) {
    return fail('TOTAL_FAILED', 'HASH_FAILURE', finding('TSA_TSTINFO_ALTERED', 'The TSTInfo does not match the signed messageDigest (altered token)', 'TSTInfo không khớp messageDigest đã ký (dấu thời gian bị sửa)'));
  }
  const cert = parseCertificateDer(signerDer);
  if (!(await signatureValid(signer, cert, digestName))) {
    return fail('TOTAL_FAILED', 'SIG_CRYPTO_FAILURE', finding('TSA_SIGNATURE_INVALID', 'The timestamp token signature does not verify', 'Chữ ký của dấu thời gian không hợp lệ'));
  }
  const binding = essBindingProblem(attr(OID_SIGNING_CERTIFICATE_V2), attr(OID_SIGNING_CERTIFICATE), signerDer);
  if (binding) return { signerDer, failure: { indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND', finding: binding } };
  return { signerDer };
}

function matchesSid(cert: pkijs.Certificate, sid: unknown): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return cert.issuer.isEqual(sid.issuer) && integerHex(cert.serialNumber) === integerHex(sid.serialNumber);
  }
  const holder = sid as { valueBlock?: { value?: unknown[]; valueHexView?: Uint8Array } };
  const inner = holder.valueBlock?.value?.[0];
  const keyId = inner instanceof asn1js.OctetString ? inner.valueBlock.valueHexView : holder.valueBlock?.valueHexView;
  const ski = cert.extensions?.find((e) => e.extnID === OID_SKI)?.parsedValue as asn1js.OctetString | undefined;
  return !!keyId && !!ski && toHex(keyId) === toHex(ski.valueBlock.valueHexView);
}

async function signatureValid(signer: pkijs.SignerInfo, cert: pkijs.Certificate, digestName: string): Promise<boolean> {
  const engine = pkijs.getEngine().crypto;
  if (!engine || !signer.signedAttrs) return false;
  const sha = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[digestName];
  try {
    const data = toArrayBuffer(new Uint8Array(signer.signedAttrs.encodedValue));
    return signer.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION
      ? await engine.verifyWithPublicKey(data, signer.signature, cert.subjectPublicKeyInfo, signer.signatureAlgorithm, sha)
      : await engine.verifyWithPublicKey(data, signer.signature, cert.subjectPublicKeyInfo, signer.signatureAlgorithm);
  } catch {
    return false;
  }
}

/** RFC 5035 / RFC 2634: the first ESSCertID(v2) must be the hash of the signer certificate. */
function essBindingProblem(v2: pkijs.Attribute | undefined, v1: pkijs.Attribute | undefined, signerDer: Uint8Array): Finding | undefined {
  const missing = finding('TSA_ESS_CERT_ID_MISSING', 'The token does not bind its signing certificate (no ESSCertID/ESSCertIDv2)', 'Dấu thời gian không gắn chứng thư số ký (thiếu ESSCertID/ESSCertIDv2)');
  const mismatch = finding('TSA_ESS_CERT_ID_MISMATCH', 'The ESS signing-certificate hash does not match the TSA certificate', 'Giá trị băm ESS không khớp chứng thư số của TSA');
  const attribute = v2 ?? v1;
  const signingCertificate = attribute?.values[0];
  if (!(signingCertificate instanceof asn1js.Sequence)) return missing;
  const certs = signingCertificate.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return missing;
  let algorithm = 'sha1';
  let hashIndex = 0;
  if (v2) {
    algorithm = 'sha256';
    const head = first.valueBlock.value[0];
    if (head instanceof asn1js.Sequence) {
      const oid = head.valueBlock.value[0];
      algorithm = oid instanceof asn1js.ObjectIdentifier ? (NODE_HASH_BY_OID[oid.valueBlock.toString()] ?? '') : '';
      hashIndex = 1;
    }
  }
  const hash = first.valueBlock.value[hashIndex];
  if (!algorithm || !(hash instanceof asn1js.OctetString)) return missing;
  return createHash(algorithm).update(signerDer).digest('hex') === toHex(hash.valueBlock.valueHexView) ? undefined : mismatch;
}
