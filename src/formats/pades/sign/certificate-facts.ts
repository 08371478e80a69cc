/**
 * Fast reads of a DER certificate's validity period and SubjectPublicKeyInfo (node's X509Certificate
 * costs ~0.3 ms per parse, which is the whole time budget of a small-file signature).
 * @module
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import { children, readTlv, type DerNode } from '../../cms/build/der.js';

function tbsFields(der: Uint8Array): { fields: DerNode[]; offset: number } {
  try {
    const tbs = children(der, readTlv(der, 0))[0]!;
    const fields = children(der, tbs);
    return { fields, offset: fields[0]?.tag === 0xa0 ? 1 : 0 };
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'signer certificate', cause });
  }
}

function parseTime(der: Uint8Array, node: DerNode): Date {
  const s = Buffer.from(der.subarray(node.contentStart, node.end)).toString('latin1');
  const m = node.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new EdusignError('CERT_MALFORMED', { detail: `bad time ${s}` });
  let year = Number(m[1]);
  if (node.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/**
 * notBefore / notAfter of a DER certificate.
 *
 * @example
 * ```ts
 * const { notAfter } = certificateValidity(signer.certificate);
 * ```
 */
export function certificateValidity(der: Uint8Array): { notBefore: Date; notAfter: Date } {
  const { fields, offset } = tbsFields(der);
  const validity = fields[offset + 3];
  const [nb, na] = validity ? children(der, validity) : [];
  if (!nb || !na) throw new EdusignError('CERT_MALFORMED', { detail: 'no validity period' });
  return { notBefore: parseTime(der, nb), notAfter: parseTime(der, na) };
}

const RSA_OIDS = new Set(['2a864886f70d010101', '2a864886f70d01010a']);
const EC_OID = '2a8648ce3d0201';
const CURVES: Record<string, { crv: string; size: number }> = {
  '2a8648ce3d030107': { crv: 'P-256', size: 32 }, '2b81040022': { crv: 'P-384', size: 48 }, '2b81040023': { crv: 'P-521', size: 66 },
};

const b64u = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
function unsigned(der: Uint8Array, n: DerNode): Uint8Array {
  let s = n.contentStart;
  while (s < n.end - 1 && der[s] === 0) s++;
  return der.subarray(s, n.end);
}

/** RSA and EC keys as JWK: importing a JWK is ~100x faster than OpenSSL 3's DER decoders. */
function spkiToJwk(der: Uint8Array, spki: DerNode): JsonWebKey | undefined {
  const [alg, bits] = children(der, spki);
  if (!alg || !bits || bits.tag !== 0x03 || der[bits.contentStart] !== 0) return undefined;
  const [oid, params] = children(der, alg);
  if (!oid) return undefined;
  const hex = (n: DerNode): string => Buffer.from(der.subarray(n.contentStart, n.end)).toString('hex');
  const key = { tag: 0x30, start: bits.contentStart + 1, contentStart: 0, end: bits.end };
  if (RSA_OIDS.has(hex(oid))) {
    const seq = readTlv(der, key.start);
    const [n, e] = children(der, seq);
    if (!n || !e) return undefined;
    return { kty: 'RSA', n: b64u(unsigned(der, n)), e: b64u(unsigned(der, e)) };
  }
  if (hex(oid) === EC_OID && params) {
    const curve = CURVES[hex(params)];
    const point = der.subarray(key.start, key.end);
    if (!curve || point[0] !== 4 || point.length !== 1 + 2 * curve.size) return undefined;
    return { kty: 'EC', crv: curve.crv, x: b64u(point.subarray(1, 1 + curve.size)), y: b64u(point.subarray(1 + curve.size)) };
  }
  return undefined;
}

/**
 * The certificate's public key as a node:crypto KeyObject.
 *
 * @example
 * ```ts
 * verify('sha256', data, certificatePublicKey(cert), signature)
 * ```
 */
export function certificatePublicKey(der: Uint8Array): KeyObject {
  const { fields, offset } = tbsFields(der);
  const spki = fields[offset + 5];
  if (!spki) throw new EdusignError('CERT_MALFORMED', { detail: 'no subjectPublicKeyInfo' });
  try {
    const jwk = spkiToJwk(der, spki);
    if (jwk) return createPublicKey({ key: jwk, format: 'jwk' });
    return createPublicKey({ key: Buffer.from(der.subarray(spki.start, spki.end)), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { detail: 'unreadable public key', cause });
  }
}

/**
 * Whether keyUsage allows signing documents (digitalSignature or nonRepudiation); `undefined` when the
 * certificate has no keyUsage extension (any use allowed).
 *
 * @example
 * ```ts
 * if (certificateAllowsSigning(cert) === false) throw new EdusignError('CERT_NOT_USABLE_FOR_SIGNING');
 * ```
 */
export function certificateAllowsSigning(der: Uint8Array): boolean | undefined {
  const { fields } = tbsFields(der);
  const ext = fields.find((f) => f.tag === 0xa3);
  if (!ext) return undefined;
  const [list] = children(der, ext);
  for (const e of list ? children(der, list) : []) {
    const parts = children(der, e);
    const oid = parts[0];
    if (!oid || Buffer.from(der.subarray(oid.contentStart, oid.end)).toString('hex') !== '551d0f') continue;
    const value = parts[parts.length - 1]!;
    const bits = readTlv(der, value.contentStart);
    const first = der[bits.contentStart + 1] ?? 0;
    return (first & 0xc0) !== 0;
  }
  return undefined;
}
