/**
 * Read the TSTInfo (RFC 3161 §2.4.2) of a TimeStampToken: what time it asserts and which digest it covers.
 * @module
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../../crypto/types.js';
import { EdusignError } from '../../../errors.js';
import { DIGEST_OIDS, OID } from './algorithms.js';
import { toHex } from './bytes.js';
import { parseSignedData } from './parse-signed-data.js';

/** The parts of a TSTInfo a verifier needs. */
export interface TstInfoSummary {
  genTime: Date;
  /** Digest algorithm of the message imprint (`SHA-1` recognised to be refused). */
  imprintAlgorithm?: HashAlgorithm | 'SHA-1';
  imprintAlgorithmOid: string;
  /** The digest the token covers. */
  imprint: Uint8Array;
  /** Serial number (hex). */
  serialNumber: string;
  policy: string;
}

/**
 * Parse the TSTInfo of a DER TimeStampToken. Throws `TIMESTAMP_MALFORMED` when it is not one.
 *
 * @example
 * ```ts
 * const info = readTstInfo(tokenDer);
 * console.log(info.genTime.toISOString());
 * ```
 */
export function readTstInfo(token: Uint8Array): TstInfoSummary {
  let parsed;
  try {
    parsed = parseSignedData(token);
  } catch (cause) {
    throw new EdusignError('TIMESTAMP_MALFORMED', { detail: 'not a CMS SignedData', cause });
  }
  if (parsed.eContentType !== OID.tstInfo || !parsed.eContent) {
    throw new EdusignError('TIMESTAMP_MALFORMED', { detail: 'the token does not encapsulate a TSTInfo' });
  }
  let info: pkijs.TSTInfo;
  try {
    const asn = asn1js.fromBER(parsed.eContent.slice());
    info = new pkijs.TSTInfo({ schema: asn.result });
  } catch (cause) {
    throw new EdusignError('TIMESTAMP_MALFORMED', { detail: 'TSTInfo does not match RFC 3161', cause });
  }
  const imprintAlgorithmOid = info.messageImprint.hashAlgorithm.algorithmId;
  const imprintAlgorithm = DIGEST_OIDS[imprintAlgorithmOid];
  return {
    genTime: info.genTime,
    ...(imprintAlgorithm ? { imprintAlgorithm } : {}),
    imprintAlgorithmOid,
    imprint: new Uint8Array(info.messageImprint.hashedMessage.getValue()),
    serialNumber: toHex(new Uint8Array(info.serialNumber.valueBlock.valueHexView)),
    policy: info.policy,
  };
}
