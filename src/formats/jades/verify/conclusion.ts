/**
 * Combining ETSI EN 319 102-1 conclusions: the worst one wins (TOTAL_FAILED > INDETERMINATE > TOTAL_PASSED).
 * @module
 */
import type { Indication, SubIndication } from '../../../pki/indication.js';

/** An indication with its optional sub-indication. */
export interface Verdict {
  indication: Indication;
  subIndication?: SubIndication;
}

const RANK: Record<Indication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/**
 * The worse of two verdicts (the first one wins a tie).
 *
 * @example
 * ```ts
 * worse({ indication: 'TOTAL_PASSED' }, { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }); // the second
 * ```
 */
export function worse(a: Verdict, b: Verdict): Verdict {
  return RANK[b.indication] > RANK[a.indication] ? b : a;
}
