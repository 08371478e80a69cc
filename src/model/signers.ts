/**
 * Who must sign a record, in signing order: the structural answer the verify layer matches signatures against.
 * @module
 */
import type { Gradebook, SignerRef, SignerRole, Transcript } from './types.js';

/** One expected signature. */
export interface SignerRequirement {
  role: SignerRole;
  signer: SignerRef;
  /** JSON Pointer of the SignerRef in the record. */
  path: string;
  /** School year the signature vouches for (transcripts), or the gradebook's year. */
  schoolYear: string;
  /** What the signature covers: a subject row, a year (GVCN/principal/seal), or the gradebook. */
  scope: 'SUBJECT' | 'YEAR' | 'GRADEBOOK';
  /** Subject slug for SUBJECT scope. */
  subjectSlug?: string;
  /** Signing order (DOMAIN.md §3.3 [I]): 1 subject teachers, 2 GVCN, 3 principal, 4 unit seal. */
  order: 1 | 2 | 3 | 4;
  /** Whether the record requires it (the seal is optional in the record). */
  required: boolean;
}

/**
 * The signatures a transcript expects, per year: every subject teacher (GV_BO_MON), the GVCN, the principal (or
 * authorised deputy) and, when named, the unit seal — sorted by year then signing order. The record must be
 * valid (`validateTranscript(...).ok`); this function does not validate.
 *
 * @example
 * ```ts
 * const r = validateTranscript(value);
 * if (r.ok) for (const s of transcriptSigners(value as Transcript)) console.log(s.schoolYear, s.role, s.signer.name);
 * ```
 */
export function transcriptSigners(transcript: Transcript): SignerRequirement[] {
  const out: SignerRequirement[] = [];
  transcript.years.forEach((year, y) => {
    const base = `/years/${y}`;
    year.subjects.forEach((row, i) => {
      out.push({ role: row.teacher.role, signer: row.teacher, path: `${base}/subjects/${i}/teacher`, schoolYear: year.schoolYear,
        scope: 'SUBJECT', subjectSlug: row.subject.slug, order: 1, required: true });
    });
    out.push({ role: year.homeroom.role, signer: year.homeroom, path: `${base}/homeroom`, schoolYear: year.schoolYear, scope: 'YEAR', order: 2, required: true });
    out.push({ role: year.principal.role, signer: year.principal, path: `${base}/principal`, schoolYear: year.schoolYear, scope: 'YEAR', order: 3, required: true });
    if (year.seal) out.push({ role: year.seal.role, signer: year.seal, path: `${base}/seal`, schoolYear: year.schoolYear, scope: 'YEAR', order: 4, required: false });
  });
  return out;
}

/**
 * The signatures a gradebook expects: each distinct teacher who entered marks (by role, name and personal ID),
 * then the GVCN; sorted by signing order.
 *
 * @example
 * ```ts
 * gradebookSigners(gradebook).map((s) => `${s.role} ${s.signer.name}`);
 * ```
 */
export function gradebookSigners(gradebook: Gradebook): SignerRequirement[] {
  const out: SignerRequirement[] = [];
  const seen = new Set<string>();
  gradebook.entries.forEach((e, i) => {
    const k = `${e.enteredBy.role}\u0000${e.enteredBy.name}\u0000${e.enteredBy.personalId ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ role: e.enteredBy.role, signer: e.enteredBy, path: `/entries/${i}/enteredBy`, schoolYear: gradebook.schoolYear, scope: 'GRADEBOOK', order: 1, required: true });
  });
  out.push({ role: gradebook.homeroom.role, signer: gradebook.homeroom, path: '/homeroom', schoolYear: gradebook.schoolYear, scope: 'GRADEBOOK', order: 2, required: true });
  return out.sort((a, b) => a.order - b.order);
}
