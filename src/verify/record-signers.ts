/**
 * Who a school record says must sign it (SignerRef entries), with where they stand in the record.
 * @module
 */
import type { Gradebook, SignerRef, Transcript } from '../model/types.js';

/** A signer named by the record, with the JSON Pointer of its SignerRef. */
export interface NamedSigner {
  ref: SignerRef;
  path: string;
}

/**
 * The signers the record names for its latest school year (transcript) or for the class (gradebook):
 * every subject teacher, the GVCN (homeroom teacher), the principal and, when present, the school seal.
 * Duplicates (one teacher for two subjects) are listed once.
 *
 * @example
 * ```ts
 * recordSigners(transcript).map((s) => `${s.ref.role} ${s.ref.name}`);
 * ```
 */
export function recordSigners(record: Transcript | Gradebook): NamedSigner[] {
  const out: NamedSigner[] = [];
  const seen = new Set<string>();
  const add = (ref: SignerRef | undefined, path: string) => {
    if (!ref) return;
    const key = `${ref.role}|${ref.personalId ?? ''}|${ref.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ref, path });
  };
  if (record.kind === 'gradebook') {
    add(record.homeroom, '/homeroom');
    return out;
  }
  const index = record.years.length - 1;
  const year = record.years[index];
  if (!year) return out;
  const base = `/years/${index}`;
  year.subjects.forEach((row, i) => add(row.teacher, `${base}/subjects/${i}/teacher`));
  add(year.homeroom, `${base}/homeroom`);
  add(year.principal, `${base}/principal`);
  add(year.seal, `${base}/seal`);
  return out;
}
