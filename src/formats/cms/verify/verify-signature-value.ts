/**
 * Check the signature value of a SignerInfo with node:crypto (RSA PKCS#1 v1.5, RSA-PSS, ECDSA with a DER
 * signature as CMS carries it).
 * @module
 */
import { X509Certificate, constants, verify } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { DIGEST_OIDS, SIGNATURE_OIDS, nodeHashName } from './algorithms.js';

/** Outcome of a signature value check. */
export interface SignatureValueCheck {
  result: 'valid' | 'invalid' | 'unsupported';
  /** e.g. `RSASSA-PKCS1-v1_5`, `RSA-PSS`, `ECDSA`. */
  algorithm?: string;
  hash?: HashAlgorithm | 'SHA-1';
  /** Why the check could not be made. */
  reason?: string;
}

function pssParams(alg: pkijs.AlgorithmIdentifier): { hash: HashAlgorithm | 'SHA-1'; saltLength: number } | undefined {
  try {
    const params = new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams });
    const hash = DIGEST_OIDS[params.hashAlgorithm.algorithmId];
    return hash ? { hash, saltLength: params.saltLength } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verify `signature` over `data` with the certificate's public key and the algorithms a SignerInfo names.
 *
 * @example
 * ```ts
 * const check = verifySignatureValue(signerInfo.signatureAlgorithm, 'SHA-256', certDer, toBeSigned, signature);
 * if (check.result === 'valid') console.log('ok');
 * ```
 */
export function verifySignatureValue(
  signatureAlgorithm: pkijs.AlgorithmIdentifier,
  digestAlgorithm: HashAlgorithm | 'SHA-1',
  certificateDer: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): SignatureValueCheck {
  const kind = SIGNATURE_OIDS[signatureAlgorithm.algorithmId];
  if (!kind) return { result: 'unsupported', reason: `signature algorithm ${signatureAlgorithm.algorithmId}` };
  let publicKey;
  try {
    publicKey = new X509Certificate(certificateDer).publicKey;
  } catch {
    return { result: 'unsupported', reason: 'the signer certificate public key cannot be read' };
  }
  const keyType = publicKey.asymmetricKeyType;
  try {
    if (kind.kind === 'rsa-pss') {
      const params = pssParams(signatureAlgorithm);
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
