/**
 * RFC 3161 client over HTTP (RFC 3161 §3.4): POST a TimeStampReq, check the TimeStampResp.
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../crypto/types.js';
import { EdusignError } from '../../errors.js';
import { toArrayBuffer, toHex } from '../revocation/cert-facts.js';
import type { Fetcher, TimestampAuthority } from '../types.js';
import { HASH_OIDS } from './hash-oids.js';
import { decodeTimestampToken } from './parse-token.js';
import { buildTimestampRequest } from './request.js';
import { verifyTokenSignature } from './verify-token-signature.js';

/** Options of {@link httpTimestampAuthority}. */
export interface HttpTimestampAuthorityOptions {
  /** The SDK fetcher (timeouts, size limits, offline mode). */
  fetcher: Fetcher;
  /** TSA policy OID to request; the token must carry it. */
  policy?: string;
  /** Ask for the TSA certificate in the token (default true; B-LT needs it). */
  certReq?: boolean;
  /** Per-request timeout, overriding the fetcher's. */
  timeoutMs?: number;
}

const PKI_STATUS: Readonly<Record<number, string>> = { 2: 'rejection', 3: 'waiting', 4: 'revocationWarning', 5: 'revocationNotification' };

function failed(detail: string, detailVi: string, context: Record<string, unknown> = {}): EdusignError {
  return new EdusignError('TIMESTAMP_FAILED', { detail, detailVi, context });
}

/**
 * A {@link TimestampAuthority} that asks an RFC 3161 TSA over HTTP. Each reply is checked before it is
 * returned: PKI status granted, nonce echoed, message imprint and policy as requested, the TSA certificate
 * present when asked for, and a valid CMS signature. The path of the TSA certificate is not validated here
 * (use `verifyTimestampToken` with a trust store). Throws `TIMESTAMP_FAILED` or a `NETWORK_*` error.
 * @example
 * ```ts
 * const tsa = httpTimestampAuthority('http://tsa.edusign.test/', { fetcher: createFetcher() });
 * const token = await tsa.timestamp(sha256OfSignatureValue, 'SHA-256');
 * ```
 */
export function httpTimestampAuthority(url: string, options: HttpTimestampAuthorityOptions): TimestampAuthority {
  return {
    async timestamp(digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
      const certReq = options.certReq ?? true;
      const request = buildTimestampRequest(digest, hash, { policy: options.policy, certReq });
      const reply = await options.fetcher.fetch(url, {
        method: 'POST', body: request.der, contentType: 'application/timestamp-query', accept: 'application/timestamp-reply',
        timeoutMs: options.timeoutMs,
      });
      const token = tokenOf(reply, url);
      const decoded = decodeTimestampToken(token);
      const { info } = decoded;
      if (info.imprintAlgorithmOid !== HASH_OIDS[hash] || toHex(info.messageImprint) !== toHex(digest)) {
        throw failed('the token is over another message imprint', 'dấu thời gian không đúng giá trị băm đã gửi', { url });
      }
      if (request.nonceHex !== undefined && info.nonce !== request.nonceHex) {
        throw failed('the token nonce differs from the request nonce', 'nonce của dấu thời gian khác với yêu cầu', { url });
      }
      if (options.policy && info.policy !== options.policy) {
        throw failed(`the TSA used policy ${info.policy}, not ${options.policy}`, `TSA dùng chính sách ${info.policy}, không phải ${options.policy}`, { url });
      }
      if (certReq && info.certificates.length === 0) {
        throw failed('the TSA certificate was requested but not included', 'đã yêu cầu nhưng TSA không gửi kèm chứng thư số', { url });
      }
      const { failure } = await verifyTokenSignature(decoded, []);
      // Without certReq the token may lack the TSA certificate: its signature is then checked by the verifier.
      const acceptable = !failure || (!certReq && failure.finding.code === 'TSA_CERTIFICATE_NOT_FOUND');
      if (!acceptable) throw failed(failure.finding.message, failure.finding.messageVi, { url });
      return token;
    },
  };
}

/** Check the PKIStatus of a TimeStampResp and return the token's exact bytes. */
function tokenOf(reply: Uint8Array, url: string): Uint8Array {
  let response: pkijs.TimeStampResp;
  let sequence: asn1js.Sequence;
  try {
    const decoded = asn1js.fromBER(toArrayBuffer(reply));
    if (decoded.offset === -1 || decoded.offset !== reply.byteLength || !(decoded.result instanceof asn1js.Sequence)) {
      throw new Error('not a single DER structure (truncated?)');
    }
    sequence = decoded.result;
    response = new pkijs.TimeStampResp({ schema: sequence });
  } catch (cause) {
    throw new EdusignError('TIMESTAMP_MALFORMED', { detail: `TimeStampResp from ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, cause, context: { url } });
  }
  const status = response.status.status as number;
  if (status !== 0 && status !== 1) {
    const text = (response.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    const name = PKI_STATUS[status] ?? `status ${status}`;
    throw failed(`the TSA answered ${name}${text ? `: ${text}` : ''}`, `TSA trả lời ${name}${text ? `: ${text}` : ''}`, { url, status });
  }
  const token = sequence.valueBlock.value[1];
  if (!token) throw failed('granted without a token', 'chấp nhận nhưng không có dấu thời gian', { url });
  return new Uint8Array(token.valueBeforeDecodeView);
}
