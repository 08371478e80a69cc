/**
 * Deterministic ECDSA nonces (RFC 6979 §3.2): HMAC-DRBG seeded with the private key and the digest, so signing
 * needs no random source and never repeats a nonce for different digests.
 * @module
 */
import { createHmac } from 'node:crypto';
import { bigIntToBytes, bytesToBigInt } from './ec-curve.js';
import { nodeHashName } from './digest.js';
import type { HashAlgorithm } from './types.js';

/**
 * `bits2int` (RFC 6979 §2.3.2): the leftmost `qBits` bits of `bytes` as an integer.
 *
 * @example
 * ```ts
 * bits2int(sha512Digest, 256); // the leftmost 256 bits
 * ```
 */
export function bits2int(bytes: Uint8Array, qBits: number): bigint {
  const value = bytesToBigInt(bytes);
  const blen = bytes.length * 8;
  return blen > qBits ? value >> BigInt(blen - qBits) : value;
}

/**
 * Generate candidate nonces `k` for private scalar `x` and digest `h1` over group order `q`.
 * The caller takes candidates until one gives non-zero `r` and `s`.
 *
 * @example
 * ```ts
 * const k = rfc6979Nonces(n, d, digest, 'SHA-256').next().value;
 * ```
 */
export function* rfc6979Nonces(q: bigint, x: bigint, h1: Uint8Array, hash: HashAlgorithm): Generator<bigint, never> {
  const algo = nodeHashName(hash);
  const qBits = q.toString(2).length;
  const rlen = Math.ceil(qBits / 8);
  const hmac = (key: Uint8Array, ...parts: Uint8Array[]): Uint8Array => {
    const h = createHmac(algo, key);
    for (const p of parts) h.update(p);
    return new Uint8Array(h.digest());
  };
  const xOctets = bigIntToBytes(x, rlen);
  const z = bits2int(h1, qBits);
  const hOctets = bigIntToBytes(z >= q ? z - q : z, rlen);
  const hLen = hmac(new Uint8Array(1)).length;
  let v: Uint8Array = new Uint8Array(hLen).fill(1);
  let k: Uint8Array = new Uint8Array(hLen);
  k = hmac(k, v, Uint8Array.of(0), xOctets, hOctets);
  v = hmac(k, v);
  k = hmac(k, v, Uint8Array.of(1), xOctets, hOctets);
  v = hmac(k, v);
  for (;;) {
    const t: Uint8Array[] = [];
    let tBits = 0;
    while (tBits < qBits) {
      v = hmac(k, v);
      t.push(v);
      tBits += v.length * 8;
    }
    const candidate = bits2int(Buffer.concat(t), qBits);
    if (candidate >= 1n && candidate < q) yield candidate;
    k = hmac(k, v, Uint8Array.of(0));
    v = hmac(k, v);
  }
}
