/**
 * Format checks of one signature's headers (RFC 7515 §4.1.11 `crit`, §7.2.1 disjoint headers, RFC 7797 `b64`,
 * the `alg` values accepted), each a finding with a verdict. Pure.
 * @module
 */
import { signatureAlgorithmFromJws } from '../../../crypto/algorithms.js';
import type { SignatureAlgorithm } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import { finding } from '../lib/findings.js';
import { NEVER_CRITICAL, UNDERSTOOD_CRITICAL } from '../lib/header-names.js';
import type { JsonObject } from '../lib/jws-document.js';
import type { Verdict } from '../../../pki/indication.js';

/** A problem found in a header, with what it means for the signature. */
export interface HeaderProblem {
  verdict: Verdict;
  finding: Finding;
}

const FORMAT: Verdict = { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' };

/**
 * Check `crit`, header disjointness and `b64`. Returns the problems (empty when fine).
 *
 * @example
 * ```ts
 * checkHeaders({ alg: 'RS256', crit: ['exp'] }, undefined); // [{ …JADES_CRIT_UNKNOWN… }]
 * ```
 */
export function checkHeaders(header: JsonObject, unprotected: JsonObject | undefined): HeaderProblem[] {
  const out: HeaderProblem[] = [];
  const bad = (code: string, en: string, vi: string): void => { out.push({ verdict: FORMAT, finding: finding(code, en, vi, 'error') }); };
  if (unprotected) {
    const both = Object.keys(unprotected).filter((k) => k in header);
    if (both.length > 0) bad('JADES_HEADER_NOT_DISJOINT', `Header parameter ${both[0]} is both protected and unprotected`, `Tham số ${both[0]} có ở cả tiêu đề bảo vệ và không bảo vệ`);
    for (const k of ['crit', 'alg', 'b64', 'sigD', 'sigT', 'x5c', 'x5t#S256']) {
      if (k in unprotected) bad('JADES_UNPROTECTED_PARAMETER', `${k} must be in the protected header`, `${k} phải nằm trong tiêu đề được bảo vệ`);
    }
  }
  if ('crit' in header) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) {
      bad('JADES_CRIT_MALFORMED', '"crit" must be a non-empty array of names', '"crit" phải là mảng tên khác rỗng');
    } else {
      const names = crit as string[];
      if (new Set(names).size !== names.length) bad('JADES_CRIT_MALFORMED', '"crit" lists a name twice', '"crit" liệt kê một tên hai lần');
      for (const n of names) {
        if (NEVER_CRITICAL.has(n)) bad('JADES_CRIT_MALFORMED', `"crit" must not list ${n}`, `"crit" không được liệt kê ${n}`);
        else if (!UNDERSTOOD_CRITICAL.has(n)) bad('JADES_CRIT_UNKNOWN', `Unknown critical header parameter ${n}`, `Tham số tiêu đề bắt buộc không được hỗ trợ: ${n}`);
        else if (!(n in header)) bad('JADES_CRIT_MALFORMED', `"crit" lists ${n}, which is absent`, `"crit" liệt kê ${n} nhưng tham số này không có`);
      }
    }
  }
  if ('b64' in header) {
    if (typeof header.b64 !== 'boolean') bad('JADES_B64_MALFORMED', '"b64" must be a boolean', '"b64" phải là giá trị boolean');
    const crit = Array.isArray(header.crit) ? header.crit : [];
    if (!crit.includes('b64')) bad('JADES_B64_NOT_CRITICAL', '"b64" must be listed in "crit" (RFC 7797 §6)', '"b64" phải có trong "crit" (RFC 7797 §6)');
  }
  return out;
}

/** Result of {@link algorithmOf}. */
export type AlgorithmCheck = { ok: true; algorithm: SignatureAlgorithm; alg: string } | ({ ok: false; alg?: string } & HeaderProblem);

/**
 * The signature algorithm of `alg`: `none` is a format failure, HMAC and unknown names are refused.
 *
 * @example
 * ```ts
 * algorithmOf({ alg: 'none' }); // { ok: false, … JADES_ALG_NONE }
 * ```
 */
export function algorithmOf(header: JsonObject): AlgorithmCheck {
  const alg = header.alg;
  if (typeof alg !== 'string') {
    return { ok: false, verdict: FORMAT, finding: finding('JADES_ALG_MISSING', 'The protected header has no "alg"', 'Tiêu đề được bảo vệ không có "alg"', 'error') };
  }
  if (alg.toLowerCase() === 'none') {
    return { ok: false, alg, verdict: FORMAT, finding: finding('JADES_ALG_NONE', '"alg": "none" — an unsecured JWS is not a signature', '"alg": "none" — JWS không bảo vệ không phải chữ ký', 'error') };
  }
  try {
    return { ok: true, algorithm: signatureAlgorithmFromJws(alg), alg };
  } catch {
    return { ok: false, alg, verdict: { indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' },
      finding: finding('JADES_ALG_UNSUPPORTED', `Signature algorithm not accepted: ${alg} (RS/PS 256-512, ES256, ES384)`, `Thuật toán ký không được chấp nhận: ${alg}`, 'error') };
  }
}
