/**
 * JAdES (ETSI TS 119 182-1) signing and verification of JSON: JWS General/Flattened/Compact serializations,
 * several signers over one payload, B-B → B-LTA, detached payloads (`sigD`, RFC 7797 `b64: false`).
 * Layout after panva/jose: one operation per file. See docs/jades.md.
 * @module
 */
export { signJws, type JwsSignerEntry } from './general/sign.js';
export { signFlattenedJws } from './flattened/sign.js';
export { signCompactJws } from './compact/sign.js';
export { prepareJwsSignature } from './prepare.js';
export { completeJwsSignature } from './complete.js';
export { signJwsBatch } from './batch.js';
export { extendJws, type JwsExtendOptions } from './levels/extend.js';
export { verifyJws } from './verify/verify-jws.js';
export { importJwsSigningKeys } from './verify/signing-key-memo.js';
export { parseJws, type JwsDocument, type JwsSignatureObject } from './lib/jws-document.js';
export type {
  JwsSerialization, JwsCommitment, JwsDetachedOptions, JwsSignOptionsBase, JwsSignOptions, JwsPrepareOptions,
  JwsSignResult, JwsSignatureState, JwsPrepared, JwsSigner, JwsVerifyOptions, JwsSignatureReport, JwsVerificationReport,
  JwsSigningKey, JwsSigningKeys,
} from './options.js';
