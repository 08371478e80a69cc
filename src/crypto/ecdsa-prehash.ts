/**
 * ECDSA over a pre-computed digest (FIPS 186-4 §6.4), for P-256 and P-384. node:crypto 20 cannot do this: its
 * `sign()` always hashes the input (`crypto.sign(null, digest, ecKey)` signs SHA-256(digest)), and WebCrypto has no
 * pre-hashed mode. Nonces are deterministic (RFC 6979), so the output is too; the arithmetic is blinded with
 * random values but, being BigInt, is not constant-time (see docs/signers.md). Output is P1363 (`r || s`).
 * @module
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt, curveParams, isOnCurve, modInverse, mod, multiplyAdd,
  type AffinePoint } from './ec-curve.js';
import { describeKey } from './key-algorithm.js';
import { bits2int, rfc6979Nonces } from './rfc6979.js';
import type { HashAlgorithm, NamedCurve } from './types.js';

function randomScalar(n: bigint): bigint {
  for (;;) {
    const candidate = mod(bytesToBigInt(new Uint8Array(randomBytes(Math.ceil(n.toString(2).length / 8) + 8))), n);
    if (candidate !== 0n) return candidate;
  }
}

function jwkNumber(value: unknown): bigint {
  if (typeof value !== 'string') throw new EdusignError('KEY_MALFORMED', { detail: 'EC key without coordinates' });
  return bytesToBigInt(new Uint8Array(Buffer.from(value, 'base64url')));
}

function curveOf(key: KeyObject): NamedCurve {
  const d = describeKey(key);
  if (d.type !== 'EC') throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail: `ECDSA needs an EC key, got ${d.type}` });
  return d.namedCurve;
}

/**
 * Sign a digest with an EC private key; returns P1363 `r || s`.
 *
 * @example
 * ```ts
 * const sig = ecdsaSignDigest(privateKey, digest('SHA-256', data), 'SHA-256');
 * ```
 */
export function ecdsaSignDigest(privateKey: KeyObject, digestValue: Uint8Array, hash: HashAlgorithm): Uint8Array {
  if (privateKey.type !== 'private') throw new EdusignError('INVALID_ARGUMENT', { detail: 'need a private key' });
  const c = curveParams(curveOf(privateKey));
  const d = jwkNumber(privateKey.export({ format: 'jwk' }).d);
  if (d <= 0n || d >= c.n) throw new EdusignError('KEY_MALFORMED', { detail: 'EC private scalar out of range' });
  const qBits = c.n.toString(2).length;
  const e = bits2int(digestValue, qBits);
  for (const k of rfc6979Nonces(c.n, d, digestValue, hash)) {
    // Blinding (BigInt is not constant-time; this only makes timing depend less on k and d):
    // the point is computed for k + m·n (same point, since n·G = ∞) and s = (k·b)⁻¹ · (b·e + b·r·d) for random b.
    const point = multiplyAdd(c, k + c.n * randomScalar(c.n));
    if (!point) continue;
    const r = mod(point.x, c.n);
    if (r === 0n) continue;
    const b = randomScalar(c.n);
    const s = mod(modInverse(mod(k * b, c.n), c.n) * mod(b * e + mod(b * r, c.n) * d, c.n), c.n);
    if (s === 0n) continue;
    const out = new Uint8Array(c.size * 2);
    out.set(bigIntToBytes(r, c.size), 0);
    out.set(bigIntToBytes(s, c.size), c.size);
    return out;
  }
  throw new EdusignError('SIGNER_FAILED', { detail: 'ECDSA nonce generation failed' });
}

/**
 * Verify a P1363 ECDSA signature over a digest with an EC public (or private) key. Never throws for a bad
 * signature: returns false.
 *
 * @example
 * ```ts
 * ecdsaVerifyDigest(x509.publicKey, digestValue, signature); // true / false
 * ```
 */
export function ecdsaVerifyDigest(publicKey: KeyObject, digestValue: Uint8Array, signature: Uint8Array): boolean {
  const c = curveParams(curveOf(publicKey));
  if (signature.length !== c.size * 2) return false;
  const jwk = publicKey.export({ format: 'jwk' });
  const q: AffinePoint = { x: jwkNumber(jwk.x), y: jwkNumber(jwk.y) };
  if (!isOnCurve(c, q)) return false;
  const r = bytesToBigInt(signature.subarray(0, c.size));
  const s = bytesToBigInt(signature.subarray(c.size));
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false;
  const e = bits2int(digestValue, c.n.toString(2).length);
  const w = modInverse(s, c.n);
  const point = multiplyAdd(c, mod(e * w, c.n), { x: c.gx, y: c.gy }, mod(r * w, c.n), q);
  return point !== null && mod(point.x, c.n) === r;
}
