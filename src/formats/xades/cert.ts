/**
 * The certificate facts a signature needs: digest, IssuerSerialV2 (RFC 5035 IssuerSerial DER), names, key.
 * @module
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { EdusignError } from '../../errors.js';
import { decodeCertificate, subjectIdentifiers } from '../../pki/index.js';

interface Tlv { tag: number; start: number; contentStart: number; end: number }

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  let lenByte = der[offset + 1];
  if (tag === undefined || lenByte === undefined) throw new EdusignError('CERT_MALFORMED', { detail: 'truncated DER' });
  let pos = offset + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) throw new EdusignError('CERT_MALFORMED', { detail: 'bad DER length' });
    len = 0;
    for (let k = 0; k < n; k++) {
      lenByte = der[pos++];
      if (lenByte === undefined) throw new EdusignError('CERT_MALFORMED', { detail: 'truncated DER' });
      len = len * 256 + lenByte;
    }
  }
  const end = pos + len;
  if (end > der.length) throw new EdusignError('CERT_MALFORMED', { detail: 'truncated DER' });
  return { tag, start: offset, contentStart: pos, end };
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const head = n < 0x80 ? [tag, n] : n < 0x100 ? [tag, 0x81, n] : n < 0x10000 ? [tag, 0x82, n >> 8, n & 0xff] : [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(head.length + n);
  out.set(head, 0);
  out.set(content, head.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * DER of `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }` (RFC 5035), the content
 * of XAdES `IssuerSerialV2`, taken byte-exact from the certificate.
 *
 * @example
 * ```ts
 * const b64 = Buffer.from(issuerSerialDer(signer.certificate)).toString('base64');
 * ```
 */
export function issuerSerialDer(certDer: Uint8Array): Uint8Array {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.contentStart);
  let p = tbs.contentStart;
  let t = readTlv(certDer, p);
  if (t.tag === 0xa0) { p = t.end; t = readTlv(certDer, p); }
  if (t.tag !== 0x02) throw new EdusignError('CERT_MALFORMED', { detail: 'no serial number' });
  const serial = certDer.subarray(t.start, t.end);
  const alg = readTlv(certDer, t.end);
  const issuer = readTlv(certDer, alg.end);
  if (issuer.tag !== 0x30) throw new EdusignError('CERT_MALFORMED', { detail: 'no issuer name' });
  const generalNames = tlv(0x30, tlv(0xa4, certDer.subarray(issuer.start, issuer.end)));
  return tlv(0x30, concat([generalNames, serial]));
}

/**
 * The SubjectPublicKeyInfo DER of a certificate, taken byte-exact from the TBSCertificate.
 *
 * @example
 * ```ts
 * createPublicKey({ key: Buffer.from(spkiDer(der)), format: 'der', type: 'spki' });
 * ```
 */
export function spkiDer(certDer: Uint8Array): Uint8Array {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.contentStart);
  let t = readTlv(certDer, tbs.contentStart);
  if (t.tag === 0xa0) t = readTlv(certDer, t.end);
  for (let i = 0; i < 5; i++) t = readTlv(certDer, t.end); // serial → signature, issuer, validity, subject, spki
  if (t.tag !== 0x30) throw new EdusignError('CERT_MALFORMED', { detail: 'no SubjectPublicKeyInfo' });
  return certDer.subarray(t.start, t.end);
}

/** What the XAdES layer needs to know about a certificate. */
export interface CertInfo {
  der: Uint8Array;
  subject: string;
  issuer: string;
  /** Serial number, hex. */
  serialNumber: string;
  commonName?: string;
  /** First personal identifier of the subject (CCCD, else CMND, else HC), without prefix. */
  personalId?: string;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
}

/**
 * The public key of a DER certificate (node:crypto, fast); throws `CERT_MALFORMED`.
 *
 * @example
 * ```ts
 * verify('sha256', data, certPublicKey(der), signature);
 * ```
 */
export function certPublicKey(der: Uint8Array): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(spkiDer(der)), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { cause, detail: cause instanceof Error ? cause.message : undefined });
  }
}

/**
 * Parse a DER certificate (names via the PKI layer's decoder); throws `CERT_MALFORMED`.
 *
 * @example
 * ```ts
 * const info = certInfo(signer.certificate); info.commonName; // 'Phạm Quốc Hùng'
 * ```
 */
export function certInfo(der: Uint8Array): CertInfo {
  const d = decodeCertificate(der);
  const ids = subjectIdentifiers(d.subject);
  const personalId = (['CCCD', 'CMND', 'HC'] as const).map((k) => ids.find((i) => i.kind === k)?.value).find((v) => v !== undefined);
  const commonName = d.subject.attributes.filter((a) => a.type === 'CN').pop()?.value;
  return {
    der, subject: d.subject.text, issuer: d.issuer.text, serialNumber: d.serialNumber, notBefore: d.notBefore, notAfter: d.notAfter,
    publicKey: certPublicKey(der),
    ...(commonName === undefined ? {} : { commonName }), ...(personalId === undefined ? {} : { personalId }),
  };
}

/**
 * Digest of a DER certificate with a node hash name.
 *
 * @example
 * ```ts
 * certDigest(der, 'sha256').toString('base64');
 * ```
 */
export function certDigest(der: Uint8Array, nodeHashName: string): Buffer {
  return createHash(nodeHashName).update(der).digest();
}
