/**
 * Document-level checks: after the cryptography, read the signed school record and check it (the Circulars'
 * rules recomputed by the model, and the signers the record names against the certificates that signed).
 * @module
 */
import type { SignatureReport } from '../formats/report.js';
import type { Finding } from '../pki/indication.js';
import type { Gradebook, ModelFinding, Transcript } from '../model/types.js';
import { validateGradebook, validateTranscript } from '../model/validate/index.js';
import { matchSigners } from './match-signers.js';
import { recordSigners } from './record-signers.js';

/** Result of {@link checkRecord}. */
export interface RecordCheck {
  /** The kind of record found in the signed content. */
  kind: 'transcript' | 'gradebook' | 'unknown';
  /** Record problems (rules of the Circulars, recomputed results, missing or mismatched signers). */
  issues: Finding[];
  /** Role of each signature, by signature id, when it matched a signer the record names. */
  roles: Map<string, string>;
}

function fromModel(finding: ModelFinding, severity: 'error' | 'warning'): Finding {
  const both = finding.declared !== undefined || finding.computed !== undefined
    ? ` (declared ${finding.declared ?? '—'}, computed ${finding.computed ?? '—'})`
    : '';
  const bothVi = finding.declared !== undefined || finding.computed !== undefined
    ? ` (ghi ${finding.declared ?? '—'}, tính lại ${finding.computed ?? '—'})`
    : '';
  return { code: finding.code, severity, path: finding.path, message: finding.message + both, messageVi: finding.messageVi + bothVi };
}

/**
 * Checks a signed record: validation by the model's rules (never corrected, only reported) and the binding of
 * signatures to the signers the record names.
 *
 * @example
 * ```ts
 * const { issues, roles } = checkRecord(JSON.parse(payloadText), report.signatures);
 * ```
 */
export function checkRecord(value: unknown, signatures: readonly SignatureReport[]): RecordCheck {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind !== 'transcript' && kind !== 'gradebook') {
    return {
      kind: 'unknown',
      roles: new Map(),
      issues: [{ code: 'NOT_A_SCHOOL_RECORD', severity: 'info', message: 'The signed content is not an edusign-vn school record', messageVi: 'Nội dung được ký không phải hồ sơ trường học edusign-vn' }],
    };
  }
  const result = kind === 'transcript' ? validateTranscript(value) : validateGradebook(value);
  const issues = [...result.errors.map((f) => fromModel(f, 'error')), ...result.warnings.map((f) => fromModel(f, 'warning'))];
  if (!result.ok) return { kind, issues, roles: new Map() };
  const { roles, findings } = matchSigners(signatures, recordSigners(value as Transcript | Gradebook));
  return { kind, issues: [...issues, ...findings], roles };
}
