/**
 * Read the TSTInfo (RFC 3161 §2.4.2) of a TimeStampToken: what time it asserts and which digest it covers.
 * @module
 */
import type { HashAlgorithm } from '../../../crypto/types.js';
import { EdusignError } from '../../../errors.js';
import { DIGEST_OIDS, OID } from './algorithms.js';
import { berChildren, berOctets, berOid, berTime, isTag, readBer, TAG } from './ber.js';
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

function bad(detail: string, cause?: unknown): EdusignError {
  return new EdusignError('TIMESTAMP_MALFORMED', { detail, cause });
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
    throw bad('not a CMS SignedData', cause);
  }
  const tst = parsed.eContent;
  if (parsed.eContentType !== OID.tstInfo || !tst) throw bad('the token does not encapsulate a TSTInfo');
  try {
    const root = readBer(tst, 0, tst.length, 'TIMESTAMP_MALFORMED');
    const [, policyNode, imprintNode, serialNode, genTimeNode] = berChildren(tst, root, 'TIMESTAMP_MALFORMED');
    const policy = berOid(tst, policyNode);
    const [algNode, hashNode] = isTag(imprintNode, TAG.SEQUENCE) ? berChildren(tst, imprintNode, 'TIMESTAMP_MALFORMED') : [];
    const imprintAlgorithmOid = isTag(algNode, TAG.SEQUENCE) ? berOid(tst, berChildren(tst, algNode, 'TIMESTAMP_MALFORMED')[0]) : undefined;
    const genTime = berTime(tst, genTimeNode);
    if (!policy || !imprintAlgorithmOid || !isTag(hashNode, TAG.OCTET_STRING) || !isTag(serialNode, TAG.INTEGER) || !genTime) {
      throw bad('TSTInfo does not match RFC 3161');
    }
    const imprintAlgorithm = DIGEST_OIDS[imprintAlgorithmOid];
    return {
      genTime, ...(imprintAlgorithm ? { imprintAlgorithm } : {}), imprintAlgorithmOid,
      imprint: berOctets(tst, hashNode),
      serialNumber: toHex(tst.subarray(serialNode.contentStart, serialNode.contentEnd)),
      policy,
    };
  } catch (cause) {
    if (cause instanceof EdusignError && cause.code === 'TIMESTAMP_MALFORMED') throw cause;
    throw bad('TSTInfo does not match RFC 3161', cause);
  }
}
