/**
 * ECDSA signature value encodings: IEEE P1363 (`r || s`, fixed width; XMLDSig, JWS, WebCrypto, PKCS#11)
 * and DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (CMS, X.509; RFC 5480/3279).
 * @module
 */
import { EdusignError } from '../errors.js';
import { concatBytes, derTlv, derUnsignedInteger, readDer } from './der.js';
import type { NamedCurve } from './types.js';

/**
 * Byte length of one coordinate (`r` or `s`) for a curve.
 *
 * @example
 * ```ts
 * ecdsaCoordinateSize('P-384'); // 48
 * ```
 */
export function ecdsaCoordinateSize(curve: NamedCurve): number {
  return curve === 'P-256' ? 32 : 48;
}

/**
 * Convert a P1363 signature (`r || s`) to DER `ECDSA-Sig-Value`.
 *
 * @example
 * ```ts
 * const der = ecdsaP1363ToDer(p1363Signature); // for CMS SignerInfo.signature
 * ```
 */
export function ecdsaP1363ToDer(signature: Uint8Array): Uint8Array {
  if (signature.length === 0 || signature.length % 2 !== 0) {
    throw new EdusignError('SIGNATURE_MALFORMED', {
      detail: `P1363 ECDSA signature must have an even, non-zero length (got ${signature.length})`,
    });
  }
  const half = signature.length / 2;
  const r = signature.subarray(0, half);
  const s = signature.subarray(half);
  if (r.every((b) => b === 0) || s.every((b) => b === 0)) {
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA r or s is zero' });
  }
  return derTlv(0x30, concatBytes(derUnsignedInteger(r), derUnsignedInteger(s)));
}

function readPositiveInteger(der: Uint8Array, offset: number, limit: number): { value: Uint8Array; end: number } {
  const el = readDer(der, offset, limit);
  if (el.tag !== 0x02) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: expected INTEGER' });
  const body = der.subarray(el.contentStart, el.end);
  if (body.length === 0) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: empty INTEGER' });
  if ((body[0] as number) & 0x80) {
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: negative INTEGER' });
  }
  if (body.length > 1 && body[0] === 0 && !((body[1] as number) & 0x80)) {
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: non-minimal INTEGER' });
  }
  const value = body[0] === 0 ? body.subarray(1) : body;
  if (value.length === 0) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA r or s is zero' });
  return { value, end: el.end };
}

/**
 * Convert a DER `ECDSA-Sig-Value` to P1363 (`r || s`), each half `coordinateSize` bytes
 * (32 for P-256, 48 for P-384; see {@link ecdsaCoordinateSize}). Strict DER; trailing bytes are rejected.
 *
 * @example
 * ```ts
 * const p1363 = ecdsaDerToP1363(cmsSignatureValue, ecdsaCoordinateSize('P-256'));
 * ```
 */
export function ecdsaDerToP1363(der: Uint8Array, coordinateSize: number): Uint8Array {
  if (!Number.isSafeInteger(coordinateSize) || coordinateSize <= 0 || coordinateSize > 66) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `bad ECDSA coordinate size ${coordinateSize}` });
  }
  const seq = readDer(der, 0);
  if (seq.tag !== 0x30 || seq.end !== der.length) {
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: expected one SEQUENCE' });
  }
  const r = readPositiveInteger(der, seq.contentStart, seq.end);
  const s = readPositiveInteger(der, r.end, seq.end);
  if (s.end !== seq.end) throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: extra content' });
  if (r.value.length > coordinateSize || s.value.length > coordinateSize) {
    throw new EdusignError('SIGNATURE_MALFORMED', { detail: 'ECDSA-Sig-Value: integer wider than the curve' });
  }
  const out = new Uint8Array(coordinateSize * 2);
  out.set(r.value, coordinateSize - r.value.length);
  out.set(s.value, 2 * coordinateSize - s.value.length);
  return out;
}
