/**
 * Describes a SubjectPublicKeyInfo: algorithm, size and curve (what algorithm policies check).
 * @module
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { childrenOf, expectTag, readOid, readSingle } from './der-reader.js';

/** A public key in user terms. */
export interface PublicKeyInfo {
  /** `RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448`, or the algorithm OID when unknown. */
  algorithm: string;
  /** Key size in bits (RSA modulus, EC field size), when known. */
  size?: number;
  /** Named curve (`P-256`, `P-384`, `P-521`, or the OpenSSL name). */
  curve?: string;
}

const CURVES: Readonly<Record<string, { name: string; size: number }>> = {
  prime256v1: { name: 'P-256', size: 256 }, secp384r1: { name: 'P-384', size: 384 }, secp521r1: { name: 'P-521', size: 521 },
  secp256k1: { name: 'secp256k1', size: 256 }, brainpoolP256r1: { name: 'brainpoolP256r1', size: 256 },
  brainpoolP384r1: { name: 'brainpoolP384r1', size: 384 }, brainpoolP512r1: { name: 'brainpoolP512r1', size: 512 },
};

/**
 * Imports a DER SubjectPublicKeyInfo as a node KeyObject, or `undefined` when node cannot read it.
 *
 * @example
 * ```ts
 * const key = importSpki(cert.spki);
 * ```
 */
export function importSpki(spki: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/**
 * Describes a DER SubjectPublicKeyInfo (`imported`: the same key already imported, to save the work).
 *
 * @example
 * ```ts
 * describePublicKey(cert.spki); // { algorithm: 'RSA', size: 2048 }
 * ```
 */
export function describePublicKey(spki: Uint8Array, imported?: KeyObject): PublicKeyInfo {
  const key = imported ?? importSpki(spki);
  const type = key?.asymmetricKeyType;
  const details = key?.asymmetricKeyDetails;
  if (type === 'rsa' || type === 'rsa-pss') {
    const info: PublicKeyInfo = { algorithm: type === 'rsa' ? 'RSA' : 'RSA-PSS' };
    if (details?.modulusLength !== undefined) info.size = details.modulusLength;
    return info;
  }
  if (type === 'ec') {
    const curve = details?.namedCurve ? CURVES[details.namedCurve] : undefined;
    const info: PublicKeyInfo = { algorithm: 'EC' };
    if (curve) { info.curve = curve.name; info.size = curve.size; } else if (details?.namedCurve) info.curve = details.namedCurve;
    return info;
  }
  if (type === 'ed25519') return { algorithm: 'Ed25519', size: 256 };
  if (type === 'ed448') return { algorithm: 'Ed448', size: 456 };
  try {
    const [alg] = childrenOf(spki, expectTag(readSingle(spki), 0x30, 'SubjectPublicKeyInfo'));
    const [oid] = childrenOf(spki, expectTag(alg, 0x30, 'AlgorithmIdentifier'));
    return { algorithm: readOid(spki, oid, 'algorithm') };
  } catch {
    return { algorithm: 'unknown' };
  }
}
