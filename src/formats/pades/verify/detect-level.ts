/**
 * PAdES baseline level of a signature (ETSI EN 319 142-1 §6): B-B, B-T (signature timestamp or a document
 * timestamp after it), B-LT (a DSS with validation data added after it), B-LTA (a document timestamp after that
 * DSS).
 * @module
 */
import type { BaselineLevel } from '../../report.js';

/** Facts the level depends on. */
export interface LevelFacts {
  /** CAdES detached with a bound signing certificate (`ETSI.CAdES.detached`). */
  baseline: boolean;
  signedRevision: number;
  /** A valid signature timestamp in the CMS. */
  hasSignatureTimestamp: boolean;
  /** Revisions of valid document timestamps. */
  documentTimestampRevisions: readonly number[];
  /** Revisions in which the catalog has a DSS. */
  dssRevisions: readonly number[];
  /** The DSS (or CMS) carries revocation data and the signer's certificate. */
  dssCoversSigner: boolean;
}

/**
 * Detect the level; `undefined` when the signature is not a PAdES baseline signature.
 *
 * @example
 * ```ts
 * detectLevel({ baseline: true, signedRevision: 1, hasSignatureTimestamp: true, documentTimestampRevisions: [3],
 *   dssRevisions: [2, 3], dssCoversSigner: true }); // 'B-LTA'
 * ```
 */
export function detectLevel(f: LevelFacts): BaselineLevel | undefined {
  if (!f.baseline) return undefined;
  const tsAfter = f.documentTimestampRevisions.filter((r) => r > f.signedRevision);
  const timestamped = f.hasSignatureTimestamp || tsAfter.length > 0;
  if (!timestamped) return 'B-B';
  const dssRevision = f.dssRevisions.find((r) => r > f.signedRevision);
  if (dssRevision === undefined || !f.dssCoversSigner) return 'B-T';
  return tsAfter.some((r) => r >= dssRevision) ? 'B-LTA' : 'B-LT';
}
