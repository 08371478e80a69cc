/**
 * PKCS#11 mechanisms for each {@link SignatureAlgorithm}: the hash-and-sign form (`CKM_SHA256_RSA_PKCS`…) used by
 * `sign()`, and the raw form (`CKM_RSA_PKCS` over a DigestInfo, `CKM_RSA_PKCS_PSS`, `CKM_ECDSA`) used for
 * pre-computed digests.
 * @module
 */
import type { Mechanism } from 'pkcs11js';
import { encodeDigestInfo } from '../digest-info.js';
import type { HashAlgorithm, SignatureAlgorithm } from '../types.js';
import type { Pkcs11Module } from './module.js';

function pick(m: Pkcs11Module, hash: HashAlgorithm, s256: number, s384: number, s512: number): number {
  return hash === 'SHA-256' ? s256 : hash === 'SHA-384' ? s384 : s512;
}

function pssParams(m: Pkcs11Module, algorithm: Extract<SignatureAlgorithm, { name: 'RSA-PSS' }>) {
  return {
    type: m.CK_PARAMS_RSA_PSS,
    hashAlg: pick(m, algorithm.hash, m.CKM_SHA256, m.CKM_SHA384, m.CKM_SHA512),
    mgf: pick(m, algorithm.hash, m.CKG_MGF1_SHA256, m.CKG_MGF1_SHA384, m.CKG_MGF1_SHA512),
    saltLen: algorithm.saltLength,
  };
}

/**
 * The mechanism that hashes and signs a whole message.
 *
 * @example
 * ```ts
 * p11.C_SignInit(session, messageMechanism(pkcs11js, algorithm), key);
 * ```
 */
export function messageMechanism(m: Pkcs11Module, algorithm: SignatureAlgorithm): Mechanism {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return { mechanism: pick(m, algorithm.hash, m.CKM_SHA256_RSA_PKCS, m.CKM_SHA384_RSA_PKCS, m.CKM_SHA512_RSA_PKCS) };
    case 'RSA-PSS':
      return { mechanism: pick(m, algorithm.hash, m.CKM_SHA256_RSA_PKCS_PSS, m.CKM_SHA384_RSA_PKCS_PSS,
        m.CKM_SHA512_RSA_PKCS_PSS), parameter: pssParams(m, algorithm) };
    case 'ECDSA':
      return { mechanism: pick(m, algorithm.hash, m.CKM_ECDSA_SHA256, m.CKM_ECDSA_SHA384, m.CKM_ECDSA_SHA512) };
  }
}

/**
 * The mechanism and input that sign a pre-computed digest.
 *
 * @example
 * ```ts
 * const { mechanism, input } = digestMechanism(pkcs11js, algorithm, digestValue);
 * ```
 */
export function digestMechanism(m: Pkcs11Module, algorithm: SignatureAlgorithm, digestValue: Uint8Array): { mechanism: Mechanism; input: Buffer } {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return { mechanism: { mechanism: m.CKM_RSA_PKCS }, input: Buffer.from(encodeDigestInfo(algorithm.hash, digestValue)) };
    case 'RSA-PSS':
      return { mechanism: { mechanism: m.CKM_RSA_PKCS_PSS, parameter: pssParams(m, algorithm) }, input: Buffer.from(digestValue) };
    case 'ECDSA':
      return { mechanism: { mechanism: m.CKM_ECDSA }, input: Buffer.from(digestValue) };
  }
}
