/**
 * Validation conclusions in ETSI EN 319 102-1 terms (clause 5.1.3 "Validation status indications").
 * @module
 */

/** Main status indication (ETSI EN 319 102-1, Table 4). */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

/** Sub-indications (ETSI EN 319 102-1, Table 5). */
export type SubIndication =
  // TOTAL_FAILED
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'NOT_YET_VALID'
  // INDETERMINATE
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'EXPIRED'
  | 'POLICY_PROCESSING_ERROR'
  | 'SIGNATURE_POLICY_NOT_AVAILABLE'
  | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'OUT_OF_BOUNDS_NOT_REVOKED'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'NO_POE'
  | 'TRY_LATER'
  | 'SIGNED_DATA_NOT_FOUND';

/** A coded, bilingual remark attached to a result (never silence). */
export interface Finding {
  /** Stable code, e.g. `REVOCATION_SOFT_FAIL`, `NOT_JADES_BASELINE`. */
  code: string;
  /** English text. */
  message: string;
  /** Vietnamese text. */
  messageVi: string;
  /** Where it applies, e.g. a JSON Pointer into a school record. */
  path?: string;
  /** `error` findings decide a verdict; `warning` and `info` only inform. Default: as the context says. */
  severity?: 'error' | 'warning' | 'info';
}

/** A conclusion of one validation building block. */
export interface Conclusion {
  indication: Indication;
  subIndication?: SubIndication;
  /** Why, in words (bilingual findings). */
  findings: Finding[];
}

/** An indication with its sub-indication. */
export interface Verdict {
  indication: Indication;
  subIndication?: SubIndication;
}

const INDICATION_RANK: Readonly<Record<Indication, number>> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/**
 * The worse of two verdicts: TOTAL_FAILED beats INDETERMINATE beats TOTAL_PASSED; of equals, the first wins.
 *
 * @example
 * ```ts
 * worse({ indication: 'TOTAL_PASSED' }, { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }); // the second
 * ```
 */
export function worse<T extends Verdict>(a: T, b: T): T {
  return INDICATION_RANK[b.indication] > INDICATION_RANK[a.indication] ? b : a;
}

/**
 * The verdict of several (a document from its signatures): the worst one, TOTAL_PASSED when there is none.
 *
 * @example
 * ```ts
 * combine(report.signatures); // { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' } if any failed that way
 * ```
 */
export function combine(verdicts: readonly Verdict[]): Verdict {
  let result: Verdict = { indication: 'TOTAL_PASSED' };
  for (const v of verdicts) result = worse(result, v);
  return result.subIndication ? { indication: result.indication, subIndication: result.subIndication } : { indication: result.indication };
}
