/**
 * Check a signature value against the signer certificate before embedding it: a wrong key on a token or
 * a remote service that signed something else gives a typed error, never a broken signed PDF.
 * @module
 */
import { constants, verify } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import type { SignatureAlgorithm } from '../../../crypto/types.js';
import { nodeHashName } from '../../cms/build/algorithms.js';
import { certificatePublicKey } from './certificate-facts.js';

/**
 * Throw KEY_CERT_MISMATCH unless `signatureValue` verifies over `toBeSigned` with the certificate's key.
 *
 * @example
 * ```ts
 * assertSignatureMatches(signer.certificate, signer.algorithm, signedAttributes, value);
 * ```
 */
export function assertSignatureMatches(certificate: Uint8Array, algorithm: SignatureAlgorithm, toBeSigned: Uint8Array, signatureValue: Uint8Array): void {
  let ok = false;
  try {
    const key = certificatePublicKey(certificate);
    const hash = nodeHashName(algorithm.hash);
    if (algorithm.name === 'ECDSA') ok = verify(hash, toBeSigned, { key, dsaEncoding: 'ieee-p1363' }, signatureValue);
    else if (algorithm.name === 'RSA-PSS') {
      ok = verify(hash, toBeSigned, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength }, signatureValue);
    } else ok = verify(hash, toBeSigned, key, signatureValue);
  } catch (cause) {
    throw new EdusignError('KEY_CERT_MISMATCH', { detail: 'the signature value could not be checked against the certificate', cause });
  }
  if (!ok) {
    throw new EdusignError('KEY_CERT_MISMATCH', {
      detail: 'the signature value does not verify with the signer certificate',
      detailVi: 'giá trị chữ ký không khớp với chứng thư số của người ký',
    });
  }
}
