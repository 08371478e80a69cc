/**
 * Check the signature value of a SignerInfo with node:crypto (RSA PKCS#1 v1.5, RSA-PSS, ECDSA with a DER
 * signature as CMS carries it).
 * @module
 */
import { X509Certificate, constants, verify } from 'node:crypto';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { DIGEST_OIDS, SIGNATURE_OIDS, nodeHashName } from './algorithms.js';
import { berChildren, berOid, isTag, TAG, type BerNode } from './ber.js';

/** A signature AlgorithmIdentifier as parsed: OID and parameters (elements of `bytes`). */
export interface SignatureAlgorithmId {
  oid: string;
  params?: BerNode;
}

/** Outcome of a signature value check. */
export interface SignatureValueCheck {
  result: 'valid' | 'invalid' | 'unsupported';
  /** e.g. `RSASSA-PKCS1-v1_5`, `RSA-PSS`, `ECDSA`. */
  algorithm?: string;
  hash?: HashAlgorithm | 'SHA-1';
  /** Why the check could not be made. */
  reason?: string;
}

function pssParams(bytes: Uint8Array, alg: SignatureAlgorithmId): { hash: HashAlgorithm | 'SHA-1'; saltLength: number } | undefined {
  try {
    let hash: HashAlgorithm | 'SHA-1' = 'SHA-1';
    let saltLength = 20;
    if (!isTag(alg.params, TAG.SEQUENCE)) return undefined;
    for (const field of berChildren(bytes, alg.params)) {
      if (field.cls !== 2) continue;
      const [inner] = berChildren(bytes, field);
      if (field.tagNumber === 0 && isTag(inner, TAG.SEQUENCE)) {
        const h = DIGEST_OIDS[berOid(bytes, berChildren(bytes, inner)[0]) ?? ''];
        if (!h) return undefined;
        hash = h;
      } else if (field.tagNumber === 2 && isTag(inner, TAG.INTEGER)) {
        saltLength = 0;
        for (let i = inner.contentStart; i < inner.contentEnd; i++) saltLength = saltLength * 256 + bytes[i]!;
      }
    }
    return { hash, saltLength };
  } catch {
    return undefined;
  }
}

/**
 * Verify `signature` over `data` with the certificate's public key and the algorithms a SignerInfo names.
 *
 * @example
 * ```ts
 * const check = verifySignatureValue(parsed.bytes, signerInfo.signatureAlgorithm, 'SHA-256', certDer, toBeSigned, signature);
 * if (check.result === 'valid') console.log('ok');
 * ```
 */
export function verifySignatureValue(
  bytes: Uint8Array,
  signatureAlgorithm: SignatureAlgorithmId,
  digestAlgorithm: HashAlgorithm | 'SHA-1',
  certificateDer: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): SignatureValueCheck {
  const kind = SIGNATURE_OIDS[signatureAlgorithm.oid];
  if (!kind) return { result: 'unsupported', reason: `signature algorithm ${signatureAlgorithm.oid}` };
  let publicKey;
  try {
    publicKey = new X509Certificate(certificateDer).publicKey;
  } catch {
    return { result: 'unsupported', reason: 'the signer certificate public key cannot be read' };
  }
  const keyType = publicKey.asymmetricKeyType;
  try {
    if (kind.kind === 'rsa-pss') {
      const params = pssParams(bytes, signatureAlgorithm);
      if (!params) return { result: 'unsupported', reason: 'RSA-PSS parameters' };
      const ok = verify(nodeHashName(params.hash), data,
        { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
      return { result: ok ? 'valid' : 'invalid', algorithm: 'RSA-PSS', hash: params.hash };
    }
    const hash = kind.hash ?? digestAlgorithm;
    if (kind.kind === 'rsa') {
      if (keyType !== 'rsa') return { result: 'invalid', algorithm: 'RSASSA-PKCS1-v1_5', hash, reason: 'key is not RSA' };
      const ok = verify(nodeHashName(hash), data, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
      return { result: ok ? 'valid' : 'invalid', algorithm: 'RSASSA-PKCS1-v1_5', hash };
    }
    if (keyType !== 'ec') return { result: 'invalid', algorithm: 'ECDSA', hash, reason: 'key is not EC' };
    const ok = verify(nodeHashName(hash), data, { key: publicKey, dsaEncoding: 'der' }, signature);
    return { result: ok ? 'valid' : 'invalid', algorithm: 'ECDSA', hash };
  } catch {
    // node throws on structurally impossible signatures (wrong length, bad DER): that is an invalid signature.
    return { result: 'invalid', algorithm: kind.kind };
  }
}
