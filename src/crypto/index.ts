/**
 * crypto layer: the Signer interface (types.ts) and its key sources, algorithm names, encodings and
 * signature-value checks. Internal helpers (DER writer, curve arithmetic, EMSA-PSS) are not re-exported.
 * @module
 */
// ---- algorithms, digests, encodings ----
export {
  OIDS as SIGNATURE_OIDS, digestAlgorithmOid, hashFromOid, digestAlgorithmIdentifierDer, rsaPssParamsDer,
  parseRsaPssParams, signatureAlgorithmIdentifier, signatureAlgorithmFromIdentifier, jwsAlgorithmName,
  signatureAlgorithmFromJws, xmldsigDigestMethod, hashFromXmldsigDigestMethod, xmldsigSignatureMethod,
  signatureAlgorithmFromXmldsig, sameSignatureAlgorithm, type AlgorithmIdentifier,
} from './algorithms.js';
export { digest, hashLength, nodeHashName, assertDigestLengths } from './digest.js';
export { encodeDigestInfo } from './digest-info.js';
export { ecdsaP1363ToDer, ecdsaDerToP1363, ecdsaCoordinateSize } from './ecdsa-encoding.js';
export { describeKey, defaultSignatureAlgorithm, assertAlgorithmFitsKey, type KeyDescription,
  type DefaultAlgorithmOptions } from './key-algorithm.js';
// ---- signing and checking signature values ----
export { signMessageWithKey, signDigestWithKey } from './key-sign.js';
export { ecdsaSignDigest, ecdsaVerifyDigest } from './ecdsa-prehash.js';
export { verifyDigestSignature, verifyMessageSignature, assertSignatureValues, toPublicKey,
  type PublicKeyInput } from './verify-signature.js';
export { keyMatchesCertificate } from './key-match.js';
export type { CertificateInput } from './certificate-input.js';
// ---- key sources ----
export { keyObjectSigner, type KeyObjectSignerOptions, type SignerAlgorithmOptions } from './key-object-signer.js';
export { loadPemSigner, parsePrivateKey, type PemSignerOptions } from './pem.js';
export { loadPkcs12Signer, readPkcs12, type Pkcs12SignerOptions, type Pkcs12Contents } from './pkcs12.js';
export { openPkcs11Signer, type Pkcs11Signer, type Pkcs11SignerOptions } from './pkcs11.js';
export { cryptoKeySigner, algorithmOfCryptoKey, type CryptoKeySignerOptions } from './webcrypto.js';
// ---- two-phase / external signing, batches ----
export { createExternalSigningRequest, parseExternalSigningRequest, completeExternalSigning, externalSigner,
  type ExternalSigningRequest, type CreateExternalRequestOptions, type ExternalSignerOptions } from './external.js';
export { normaliseSignatureValue, decodeBase64Strict } from './signature-value.js';
export { sealTwoPhaseState, openTwoPhaseState } from './two-phase-seal.js';
export { signMany } from './batch.js';
// ---- remote hash-signing services ----
export { remoteSigner, type RemoteSignerOptions, type RemoteSigningService, type RemoteSigningResult,
  type RemoteSigningSubmission } from './remote/remote-signer.js';
export { createRemoteCallbackHub, type RemoteCallbackHub } from './remote/callback-hub.js';
export { submitRemoteSigning, collectRemoteSigning, type RemoteSigningTicket, type RemoteCollection } from './remote/remote-two-phase.js';
export { openCscSigner, cscCredentialInfo, cscSigningService, cscSignAlgo, type CscV2Options, type CscCredentialInfo,
  type OpenCscSignerOptions } from './remote/csc-v2.js';
export type { FetchLike as SigningServiceFetch } from './remote/http-json.js';
