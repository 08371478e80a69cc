/**
 * Everything about an RFC 3161 token that does not depend on the data, the trust store or the time:
 * decoding, the CMS signature, the ESS binding and the TSA certificate's extendedKeyUsage. A pure function of
 * the token bytes and the extra certificates, kept as plain JSON so that it can be memoised in the caller's
 * cache (`tst:<sha256 of token>:<sha256 of the extra certificates>`). Internal.
 * @module
 */
import { createHash } from 'node:crypto';
import type { HashAlgorithm } from '../../crypto/types.js';
import { isEdusignError } from '../../errors.js';
import type { Finding, Indication, SubIndication } from '../indication.js';
import { memoised } from '../net/memo.js';
import { extendedKeyUsage, OID, parseCertificateDer } from '../revocation/cert-facts.js';
import { finding } from '../revocation/finding.js';
import type { PkiCacheLike } from '../types.js';
import { decodeTimestampToken, type DecodedTimestampToken, type TimestampTokenInfo } from './parse-token.js';
import { verifyTokenSignature } from './verify-token-signature.js';

/** JSON form of {@link TimestampTokenInfo} (dates as epoch ms, bytes as base64). */
export interface InfoJson {
  genTime: number;
  serialNumber: string;
  policy: string;
  accuracy?: { seconds: number; millis: number; micros: number };
  ordering: boolean;
  nonce?: string;
  imprintAlgorithmOid: string;
  hashAlgorithm?: HashAlgorithm;
  messageImprint: string;
  tsaName?: string;
  certificates: string[];
}

/** What the token itself proves, before the data, the TSA's path and revocation are looked at. */
export interface TokenFacts {
  /** The token could not be decoded (FORMAT_FAILURE). */
  malformed?: Finding;
  info?: InfoJson;
  /** The CMS check failed (signer count, attributes, digest, signature, ESS binding). */
  failure?: { indication: Indication; subIndication: SubIndication; finding: Finding };
  /** DER of the TSA certificate (base64), when found. */
  signer?: string;
  /** The TSA certificate lacks a sole critical id-kp-timeStamping EKU. */
  ekuInvalid?: boolean;
  /** Validity period of the TSA certificate (epoch ms), to check that genTime falls inside it. */
  signerValidity?: { notBefore: number; notAfter: number };
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * The {@link TimestampTokenInfo} of facts, back in its usual form.
 * @example
 * ```ts
 * const info = infoOf(facts.info); // genTime as a Date, imprint and certificates as bytes
 * ```
 */
export function infoOf(json: InfoJson): TimestampTokenInfo {
  const { genTime, messageImprint, certificates, ...rest } = json;
  return {
    ...rest,
    genTime: new Date(genTime),
    messageImprint: new Uint8Array(Buffer.from(messageImprint, 'base64')),
    certificates: certificates.map((c) => new Uint8Array(Buffer.from(c, 'base64'))),
  };
}

async function computeFacts(tokenDer: Uint8Array, extraCertificates: readonly Uint8Array[]): Promise<TokenFacts> {
  let token: DecodedTimestampToken;
  try {
    token = decodeTimestampToken(tokenDer);
  } catch (error) {
    const detail = isEdusignError(error) ? error.message : String(error);
    return { malformed: finding('TIMESTAMP_MALFORMED', detail, isEdusignError(error) ? error.messageVi : detail) };
  }
  const { genTime, messageImprint, certificates, ...rest } = token.info;
  const info: InfoJson = { ...rest, genTime: genTime.getTime(), messageImprint: b64(messageImprint), certificates: certificates.map(b64) };
  const cms = await verifyTokenSignature(token, [...extraCertificates]);
  const facts: TokenFacts = { info, ...(cms.signerDer ? { signer: b64(cms.signerDer) } : {}) };
  if (cms.failure) return { ...facts, failure: cms.failure };
  if (!cms.signerDer) return facts;
  const signer = parseCertificateDer(cms.signerDer);
  const eku = extendedKeyUsage(signer);
  const ekuInvalid = !eku || !eku.critical || eku.purposes.length !== 1 || eku.purposes[0] !== OID.kpTimeStamping;
  const signerValidity = { notBefore: signer.notBefore.value.getTime(), notAfter: signer.notAfter.value.getTime() };
  return ekuInvalid ? { ...facts, signerValidity, ekuInvalid } : { ...facts, signerValidity };
}

/**
 * The {@link TokenFacts} of a token, memoised in `cache` when given (keyed by SHA-256 of the token and of
 * each extra certificate, so a different token or certificate set is a different entry).
 * @example
 * ```ts
 * const facts = await tokenFacts(tokenDer, [], cache);
 * if (facts.malformed) console.log(facts.malformed.code);
 * ```
 */
export async function tokenFacts(tokenDer: Uint8Array, extraCertificates: readonly Uint8Array[], cache?: PkiCacheLike): Promise<TokenFacts> {
  const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
  const extras = sha(Buffer.from(extraCertificates.map(sha).join(',')));
  return memoised(cache, `tst:${sha(tokenDer)}:${extras}`, () => computeFacts(tokenDer, extraCertificates));
}
