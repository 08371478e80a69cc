/**
 * RFC 3161 TimeStampReq building.
 * @module
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../crypto/types.js';
import { EdusignError } from '../../errors.js';
import { HASH_OIDS } from './hash-oids.js';

/** Options of {@link buildTimestampRequest}. */
export interface TimestampRequestOptions {
  /** Requested TSA policy OID. */
  policy?: string;
  /** Ask the TSA to include its certificate (default true). */
  certReq?: boolean;
  /** Nonce bytes (default 8 random bytes); `false` for none. */
  nonce?: Uint8Array | false;
}

/** A built request. */
export interface TimestampRequest {
  der: Uint8Array;
  /** The nonce as an unsigned big-endian hex string, if sent. */
  nonceHex?: string;
}

const DIGEST_LENGTH: Readonly<Record<HashAlgorithm, number>> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * Build a DER TimeStampReq over `digest` (already hashed with `hash`).
 * @example
 * ```ts
 * const { der, nonceHex } = buildTimestampRequest(sha256(signatureValue), 'SHA-256', { policy: '2.999.1.2' });
 * ```
 */
export function buildTimestampRequest(digest: Uint8Array, hash: HashAlgorithm, options: TimestampRequestOptions = {}): TimestampRequest {
  const oid = HASH_OIDS[hash];
  if (!oid || digest.byteLength !== DIGEST_LENGTH[hash]) {
    throw new EdusignError('INVALID_ARGUMENT', {
      detail: `digest of ${digest.byteLength} bytes does not match ${hash}`,
      detailVi: `giá trị băm ${digest.byteLength} byte không khớp với ${hash}`,
    });
  }
  let nonce: Uint8Array | undefined;
  if (options.nonce !== false) {
    // DER INTEGER: minimal encoding (no redundant leading zero octets; RFC 3161 servers such as `openssl ts`
    // refuse "illegal padding"), and a 0x00 prefix when the top bit is set so the value stays positive.
    let value = new Uint8Array(options.nonce ?? randomBytes(8));
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    value = value.subarray(start);
    nonce = value.length > 0 && (value[0] ?? 0) & 0x80 ? new Uint8Array([0, ...value]) : new Uint8Array(value);
  }
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    certReq: options.certReq ?? true,
  });
  if (options.policy) request.reqPolicy = options.policy;
  if (nonce) request.nonce = new asn1js.Integer({ valueHex: nonce });
  const nonceHex = nonce ? Buffer.from(nonce).toString('hex').replace(/^(00)+(?=.)/, '') : undefined;
  return { der: new Uint8Array(request.toSchema().toBER()), nonceHex };
}
