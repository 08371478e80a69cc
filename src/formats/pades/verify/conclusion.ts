/**
 * Combining building-block conclusions (ETSI EN 319 102-1 §5.1.3): TOTAL_FAILED beats INDETERMINATE beats
 * TOTAL_PASSED, and among equals the earlier block (format, crypto, then the rest) wins.
 * @module
 */
import type { Indication, SubIndication } from '../../../pki/indication.js';

/** An indication with its optional sub-indication. */
export interface Verdict {
  indication: Indication;
  subIndication?: SubIndication;
}

const RANK: Readonly<Record<Indication, number>> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/**
 * The decisive verdict of several, in order of the building blocks.
 *
 * @example
 * ```ts
 * combine([{ indication: 'TOTAL_PASSED' }, { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' }])
 * // { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' }
 * ```
 */
export function combine(verdicts: readonly Verdict[]): Verdict {
  let best: Verdict = { indication: 'TOTAL_PASSED' };
  for (const v of verdicts) if (RANK[v.indication] > RANK[best.indication]) best = v;
  return best.subIndication ? { indication: best.indication, subIndication: best.subIndication } : { indication: best.indication };
}
