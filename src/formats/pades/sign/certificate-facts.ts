/**
 * Fast read of a DER certificate's SubjectPublicKeyInfo (node's X509Certificate
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

