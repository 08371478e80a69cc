/**
 * Who a school record says must sign it (the model's signer requirements), narrowed to what one signed
 * document carries: the latest school year of a transcript, the class of a gradebook.
 * @module
 */
import { gradebookSigners, transcriptSigners, type SignerRequirement } from '../model/signers.js';
import type { Gradebook, SignerRef, Transcript } from '../model/types.js';

/** A signer named by the record, with the JSON Pointer of its SignerRef and its place in the signing order. */
export interface NamedSigner {
  /** The signer as the record names them. */
  ref: SignerRef;
  /** JSON Pointer of the SignerRef in the record. */
  path: string;
  /** 1 subject teachers, 2 GVCN (homeroom teacher), 3 principal, 4 seal. */
  order: number;
  /** Whether the record needs this signature (false for optional signers). */
  required: boolean;
}

/**
 * The signers the record names for its latest school year (transcript) or for the class (gradebook), each person
 * once (one teacher of two subjects signs once).
 *
 * @example
 * ```ts
 * recordSigners(transcript).map((s) => `${s.ref.role} ${s.ref.name}`);
 * ```
 */
export function recordSigners(record: Transcript | Gradebook): NamedSigner[] {
  let requirements: SignerRequirement[];
  if (record.kind === 'gradebook') requirements = gradebookSigners(record);
  else {
    const latest = record.years[record.years.length - 1]?.schoolYear;
    requirements = transcriptSigners(record).filter((r) => r.schoolYear === latest);
  }
  const seen = new Set<string>();
  const out: NamedSigner[] = [];
  for (const r of requirements) {
    const key = `${r.signer.role}\u0000${r.signer.personalId ?? ''}\u0000${r.signer.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ref: r.signer, path: r.path, order: r.order, required: r.required });
  }
  return out;
}
