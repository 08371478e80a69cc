/**
 * The per-call collector of findings (no module state): severity, JSON Pointers, the finding cap.
 * @module
 */
import type { ModelFinding } from '../types.js';
import { MODEL_FINDING_MESSAGES, type ModelFindingCode } from './messages.js';

/** Size limits applied while reading; exceeding them is reported, never walked. */
export interface ValidationLimits {
  /** Longest free text (names, comments), in UTF-16 units. */
  maxText: number;
  /** Longest identifier-like string. */
  maxId: number;
  /** Most findings of each severity listed. */
  maxFindings: number;
  /** Arrays longer than this make the whole input unusable (an EdusignError), not a finding. */
  absurdArrayLength: number;
}

/** Default limits. */
export const DEFAULT_LIMITS: ValidationLimits = { maxText: 10_000, maxId: 256, maxFindings: 1000, absurdArrayLength: 1_000_000 };

/** Details of a finding. */
export interface FindingDetail {
  detail?: string;
  detailVi?: string;
  declared?: string;
  computed?: string;
}

/** The collector passed through the validators. */
export interface ValidationContext {
  errors: ModelFinding[];
  warnings: ModelFinding[];
  limits: ValidationLimits;
}

/**
 * A new, empty context.
 *
 * @example
 * ```ts
 * const ctx = createContext();
 * ```
 */
export function createContext(limits: ValidationLimits = DEFAULT_LIMITS): ValidationContext {
  return { errors: [], warnings: [], limits };
}

/**
 * Appends a JSON Pointer (RFC 6901) segment.
 *
 * @example
 * ```ts
 * pointer('/years/0', 'a/b'); // '/years/0/a~1b'
 * ```
 */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function build(code: ModelFindingCode, path: string, d: FindingDetail): ModelFinding {
  const base = MODEL_FINDING_MESSAGES[code];
  let en: string = base.en;
  let vi: string = base.vi;
  if (d.detail !== undefined) { en += `: ${d.detail}`; vi += `: ${d.detailVi ?? d.detail}`; }
  if (d.declared !== undefined || d.computed !== undefined) {
    en += ` (declared ${d.declared ?? '—'}, computed ${d.computed ?? '—'})`;
    vi += ` (ghi ${d.declared ?? '—'}, tính lại ${d.computed ?? '—'})`;
  }
  const f: ModelFinding = { code, path, message: en, messageVi: vi };
  if (d.declared !== undefined) f.declared = d.declared;
  if (d.computed !== undefined) f.computed = d.computed;
  return f;
}

function push(list: ModelFinding[], max: number, f: ModelFinding): void {
  if (list.length < max) list.push(f);
  else if (list.length === max) list.push(build('TOO_MANY_FINDINGS', '', {}));
}

/**
 * Records an error.
 *
 * @example
 * ```ts
 * error(ctx, 'MISSING_FIELD', '/student/fullName');
 * ```
 */
export function error(ctx: ValidationContext, code: ModelFindingCode, path: string, detail: FindingDetail = {}): void {
  push(ctx.errors, ctx.limits.maxFindings, build(code, path, detail));
}

/**
 * Records a warning.
 *
 * @example
 * ```ts
 * warn(ctx, 'TEXT_NOT_NFC', '/student/fullName');
 * ```
 */
export function warn(ctx: ValidationContext, code: ModelFindingCode, path: string, detail: FindingDetail = {}): void {
  push(ctx.warnings, ctx.limits.maxFindings, build(code, path, detail));
}
