/**
 * Reads certificates from the forms users and CAs hand around: PEM (one or many, `CERTIFICATE`, `X509
 * CERTIFICATE`, `TRUSTED CERTIFICATE`, `PKCS7`), DER, base64 without headers, and PKCS#7 certs-only bundles
 * (`.p7b`/`.p7c`, DER or PEM) as NEAC publishes its root.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { childrenOf, encodingOf, expectTag, readOid, readSingle, readTlv } from './der-reader.js';
import { decodeCertificate } from './decode-certificate.js';

/** Largest input accepted (a bundle of many certificates is still far below this). */
export const MAX_CERTIFICATE_INPUT_BYTES = 16 * 1024 * 1024;

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function decodeBase64Strict(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'invalid base64', detailVi: 'base64 không hợp lệ' });
  }
  return Uint8Array.from(Buffer.from(clean, 'base64'));
}

/**
 * Extracts the certificates of a CMS/PKCS#7 SignedData ContentInfo (certs-only bundles and signatures).
 *
 * @example
 * ```ts
 * const ders = certificatesFromPkcs7(readFileSync('vnrca256.p7b'));
 * ```
 */
export function certificatesFromPkcs7(der: Uint8Array): Uint8Array[] {
  const [typeTlv, content] = childrenOf(der, expectTag(readSingle(der), 0x30, 'ContentInfo'));
  const type = readOid(der, typeTlv, 'contentType');
  if (type !== SIGNED_DATA) throw new EdusignError('CERT_MALFORMED', { detail: `PKCS#7 content type ${type} is not signedData` });
  const [signedData] = childrenOf(der, expectTag(content, 0xa0, 'content'));
  const fields = childrenOf(der, expectTag(signedData, 0x30, 'SignedData'));
  const certSet = fields.find((f) => f.tag === 0xa0);
  if (!certSet) return [];
  // CertificateChoices: only plain certificates (SEQUENCE); attribute/other certificates are skipped.
  return childrenOf(der, certSet).filter((c) => c.tag === 0x30).map((c) => Uint8Array.from(encodingOf(der, c)));
}

function fromDer(der: Uint8Array): Uint8Array[] {
  const top = readSingle(der);
  const [first] = childrenOf(der, expectTag(top, 0x30, 'Certificate or ContentInfo'));
  if (first?.tag === 0x06) return certificatesFromPkcs7(der);
  return [der];
}

function fromPem(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const [, label = '', body = ''] = match;
    if (/^(X509 |TRUSTED )?CERTIFICATE$/.test(label)) {
      const der = decodeBase64Strict(body);
      // openssl TRUSTED CERTIFICATE: the certificate followed by trust settings; keep the certificate.
      out.push(label === 'TRUSTED CERTIFICATE' ? der.subarray(0, readTlv(der, 0).end) : der);
    } else if (label === 'PKCS7' || label === 'CMS') {
      out.push(...certificatesFromPkcs7(decodeBase64Strict(body)));
    }
  }
  return out;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  return /^[\s\uFEFF]*(-----BEGIN|[A-Za-z0-9+/]{16})/.test(head);
}

/**
 * Parses every certificate in `input` (PEM text or bytes, DER, base64, PKCS#7) and returns their DER,
 * each checked to decode. Throws `CERT_MALFORMED` when nothing usable is found or an item is corrupt.
 *
 * @example
 * ```ts
 * const [leaf, ...chain] = parseCertificates(readFileSync('chain.pem'));
 * ```
 */
export function parseCertificates(input: Uint8Array | string): Uint8Array[] {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_CERTIFICATE_INPUT_BYTES) throw new EdusignError('INPUT_TOO_LARGE', { detail: `${size} bytes` });
  let ders: Uint8Array[];
  if (typeof input === 'string' || looksLikeText(input)) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
    ders = text.includes('-----BEGIN') ? fromPem(text) : fromDer(decodeBase64Strict(text));
  } else {
    ders = fromDer(input);
  }
  if (ders.length === 0) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'no certificate found', detailVi: 'không tìm thấy chứng thư số' });
  }
  return ders.map((der) => decodeCertificate(der).der);
}
