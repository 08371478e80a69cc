/**
 * Short-Weierstrass arithmetic (a = -3) over the NIST P-256 and P-384 prime fields, with BigInt and Jacobian
 * coordinates. Used only where node:crypto has no API: ECDSA over a pre-computed digest.
 * Not constant-time (BigInt arithmetic never is): see docs/signers.md for what that means.
 * @module
 */
import type { NamedCurve } from './types.js';

/** Domain parameters of a curve (SEC 2 / FIPS 186-4). */
export interface CurveParams {
  readonly name: NamedCurve;
  readonly p: bigint;
  readonly n: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  /** Byte length of a field element / scalar. */
  readonly size: number;
}

const P256: CurveParams = {
  name: 'P-256',
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  size: 32,
};

const P384: CurveParams = {
  name: 'P-384',
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
  gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  size: 48,
};

/**
 * Domain parameters for a curve.
 *
 * @example
 * ```ts
 * curveParams('P-256').n; // the group order
 * ```
 */
export function curveParams(curve: NamedCurve): CurveParams {
  return curve === 'P-256' ? P256 : P384;
}

/** An affine point; `null` is the point at infinity. */
export type AffinePoint = { readonly x: bigint; readonly y: bigint } | null;
type Jacobian = readonly [bigint, bigint, bigint];

/**
 * `a mod m`, always non-negative.
 *
 * @example
 * ```ts
 * mod(-1n, 7n); // 6n
 * ```
 */
export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/**
 * Modular inverse (extended Euclid); `m` must be prime and `a` non-zero mod `m`.
 *
 * @example
 * ```ts
 * modInverse(3n, 7n); // 5n
 * ```
 */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('not invertible');
  return mod(oldS, m);
}

function double(c: CurveParams, [x, y, z]: Jacobian): Jacobian {
  const { p } = c;
  if (y === 0n || z === 0n) return [1n, 1n, 0n];
  const zz = (z * z) % p;
  const m = mod(3n * (x - zz) * (x + zz), p);
  const yy = (y * y) % p;
  const s = (4n * x * yy) % p;
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  const z3 = (2n * y * z) % p;
  return [x3, y3, z3];
}

function add(c: CurveParams, a: Jacobian, b: Jacobian): Jacobian {
  const { p } = c;
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const z1z1 = (a[2] * a[2]) % p;
  const z2z2 = (b[2] * b[2]) % p;
  const u1 = (a[0] * z2z2) % p;
  const u2 = (b[0] * z1z1) % p;
  const s1 = (a[1] * b[2] * z2z2) % p;
  const s2 = (b[1] * a[2] * z1z1) % p;
  if (u1 === u2) return s1 === s2 ? double(c, a) : [1n, 1n, 0n];
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = (h * h) % p;
  const hhh = (hh * h) % p;
  const v = (u1 * hh) % p;
  const x3 = mod(r * r - hhh - 2n * v, p);
  const y3 = mod(r * (v - x3) - s1 * hhh, p);
  const z3 = (a[2] * b[2] * h) % p;
  return [x3, y3, z3];
}

function toAffine(c: CurveParams, [x, y, z]: Jacobian): AffinePoint {
  if (z === 0n) return null;
  const zi = modInverse(z, c.p);
  const zi2 = (zi * zi) % c.p;
  return { x: (x * zi2) % c.p, y: (y * zi2 * zi) % c.p };
}

/**
 * Whether an affine point lies on the curve (y² = x³ − 3x + b).
 *
 * @example
 * ```ts
 * isOnCurve(curveParams('P-256'), { x, y });
 * ```
 */
export function isOnCurve(c: CurveParams, point: AffinePoint): boolean {
  if (!point) return false;
  const { x, y } = point;
  if (x < 0n || x >= c.p || y < 0n || y >= c.p) return false;
  return mod(y * y - (x * x * x - 3n * x + c.b), c.p) === 0n;
}

/**
 * `k1·P1 + k2·P2` (Shamir's trick); pass `k2 = 0n` for a single multiplication. `P1`/`P2` default to the generator.
 *
 * @example
 * ```ts
 * const q = multiplyAdd(curveParams('P-256'), d); // public key of scalar d
 * ```
 */
export function multiplyAdd(
  c: CurveParams,
  k1: bigint,
  p1: AffinePoint = { x: c.gx, y: c.gy },
  k2 = 0n,
  p2: AffinePoint = null,
): AffinePoint {
  const j = (pt: AffinePoint): Jacobian => (pt ? [pt.x, pt.y, 1n] : [1n, 1n, 0n]);
  const a = j(p1);
  const b = j(p2);
  const ab = add(c, a, b);
  let acc: Jacobian = [1n, 1n, 0n];
  const bits = Math.max(k1.toString(2).length, k2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(c, acc);
    const b1 = (k1 >> BigInt(i)) & 1n;
    const b2 = (k2 >> BigInt(i)) & 1n;
    if (b1 && b2) acc = add(c, acc, ab);
    else if (b1) acc = add(c, acc, a);
    else if (b2) acc = add(c, acc, b);
  }
  return toAffine(c, acc);
}

/**
 * Big-endian bytes to BigInt.
 *
 * @example
 * ```ts
 * bytesToBigInt(Uint8Array.of(1, 0)); // 256n
 * ```
 */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/**
 * BigInt to fixed-width big-endian bytes.
 *
 * @example
 * ```ts
 * bigIntToBytes(256n, 2); // [1, 0]
 * ```
 */
export function bigIntToBytes(value: bigint, size: number): Uint8Array {
  const hex = value.toString(16).padStart(size * 2, '0');
  if (hex.length > size * 2) throw new RangeError('value too large');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
