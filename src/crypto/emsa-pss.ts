/**
 * EMSA-PSS encoding and verification (RFC 8017 §9.1) with MGF1, over a pre-computed digest.
 * node:crypto only does PSS over a whole message; signing a digest needs the encoding here plus a raw RSA
 * operation (`privateEncrypt` with `RSA_NO_PADDING`).
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EdusignError } from '../errors.js';
import { concatBytes } from './der.js';
import { hashLength, nodeHashName } from './digest.js';
import type { HashAlgorithm } from './types.js';

function hashOf(hash: HashAlgorithm, ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(nodeHashName(hash));
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/**
 * MGF1 mask generation (RFC 8017 B.2.1).
 *
 * @example
 * ```ts
 * const mask = mgf1('SHA-256', seed, 223);
 * ```
 */
export function mgf1(hash: HashAlgorithm, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let offset = 0, i = 0; offset < length; i++) {
    new DataView(counter.buffer).setUint32(0, i);
    const block = hashOf(hash, seed, counter);
    out.set(block.subarray(0, Math.min(block.length, length - offset)), offset);
    offset += block.length;
  }
  return out;
}

/**
 * EMSA-PSS-ENCODE of a digest for a modulus of `modulusBits` bits; the result is `ceil((modulusBits-1)/8)` bytes.
 * `salt` is for tests only (default: random, `saltLength` bytes).
 *
 * @example
 * ```ts
 * const em = emsaPssEncode('SHA-256', mHash, 32, 2048);
 * ```
 */
export function emsaPssEncode(
  hash: HashAlgorithm,
  mHash: Uint8Array,
  saltLength: number,
  modulusBits: number,
  salt: Uint8Array = new Uint8Array(randomBytes(saltLength)),
): Uint8Array {
  const hLen = hashLength(hash);
  const emBits = modulusBits - 1;
  const emLen = Math.ceil(emBits / 8);
  if (mHash.length !== hLen || salt.length !== saltLength) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'EMSA-PSS: digest or salt has the wrong length' });
  }
  if (emLen < hLen + saltLength + 2) throw new EdusignError('INVALID_ARGUMENT', { detail: 'EMSA-PSS: key too small' });
  const h = hashOf(hash, new Uint8Array(8), mHash, salt);
  const db = new Uint8Array(emLen - hLen - 1);
  db[emLen - saltLength - hLen - 2] = 0x01;
  db.set(salt, emLen - saltLength - hLen - 1);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = (db[i] as number) ^ (mask[i] as number);
  db[0] = (db[0] as number) & (0xff >> (8 * emLen - emBits));
  return concatBytes(db, h, Uint8Array.of(0xbc));
}

/**
 * EMSA-PSS-VERIFY: does `em` (the RSA public operation's output, `ceil((modulusBits-1)/8)` bytes) encode `mHash`?
 * With `saltLength`, the salt must have exactly that length; without, any salt length is accepted.
 *
 * @example
 * ```ts
 * emsaPssVerify('SHA-256', mHash, em, 2048, 32); // true or false
 * ```
 */
export function emsaPssVerify(
  hash: HashAlgorithm,
  mHash: Uint8Array,
  em: Uint8Array,
  modulusBits: number,
  saltLength?: number,
): boolean {
  const hLen = hashLength(hash);
  const emBits = modulusBits - 1;
  const emLen = Math.ceil(emBits / 8);
  if (mHash.length !== hLen || em.length !== emLen || emLen < hLen + 2) return false;
  if (em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >> (8 * emLen - emBits);
  if (((maskedDb[0] as number) & ~topMask & 0xff) !== 0) return false;
  const mask = mgf1(hash, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ (mask[i] as number));
  db[0] = (db[0] as number) & topMask;
  let one = 0;
  while (one < db.length && db[one] === 0) one++;
  if (one >= db.length || db[one] !== 0x01) return false;
  const salt = db.subarray(one + 1);
  if (saltLength !== undefined && salt.length !== saltLength) return false;
  const h2 = hashOf(hash, new Uint8Array(8), mHash, salt);
  return timingSafeEqual(h, h2);
}
