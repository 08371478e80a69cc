/**
 * Coded, bilingual findings of path building and validation, each with the ETSI conclusion it leads to
 * (`effect`), or none when it is only informational.
 * @module
 */
import type { Finding, Indication, SubIndication } from '../indication.js';

/** The ETSI conclusion a problem leads to. */
export interface Effect {
  indication: Indication;
  subIndication: SubIndication;
}

/** A finding plus the conclusion it forces (undefined: informational only). */
export interface PathProblem {
  finding: Finding;
  effect?: Effect;
}

const CHAIN: Effect = { indication: 'INDETERMINATE', subIndication: 'CHAIN_CONSTRAINTS_FAILURE' };
const CRYPTO: Effect = { indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' };
const GENERAL: Effect = { indication: 'INDETERMINATE', subIndication: 'CERTIFICATE_CHAIN_GENERAL_FAILURE' };
const NO_CHAIN: Effect = { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' };

/** Every path finding: English, Vietnamese, effect. */
export const PATH_FINDINGS = {
  CERT_SIGNATURE_INVALID: { en: 'Certificate signature does not verify with the issuer key', vi: 'Chữ ký trên chứng thư số không khớp khóa của CA cấp', effect: GENERAL },
  CERT_SIGNATURE_ALGORITHM_UNSUPPORTED: { en: 'Unsupported certificate signature algorithm', vi: 'Thuật toán ký chứng thư số không được hỗ trợ', effect: CRYPTO },
  NAME_CHAINING_FAILED: { en: 'Issuer name does not match the issuing certificate', vi: 'Tên CA cấp không khớp chứng thư của CA', effect: CHAIN },
  CERT_EXPIRED_AT_TIME: { en: 'Certificate had expired at the validation time', vi: 'Chứng thư số đã hết hạn tại thời điểm kiểm tra', effect: { indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' } },
  CERT_NOT_YET_VALID_AT_TIME: { en: 'Certificate was not yet valid at the validation time', vi: 'Chứng thư số chưa có hiệu lực tại thời điểm kiểm tra', effect: { indication: 'TOTAL_FAILED', subIndication: 'NOT_YET_VALID' } },
  NOT_A_CA: { en: 'Issuing certificate is not a CA (basicConstraints cA missing)', vi: 'Chứng thư cấp phát không phải CA (thiếu basicConstraints cA)', effect: CHAIN },
  CA_KEY_CERT_SIGN_MISSING: { en: 'CA certificate keyUsage lacks keyCertSign', vi: 'keyUsage của CA thiếu keyCertSign', effect: CHAIN },
  PATH_LENGTH_EXCEEDED: { en: 'Path length constraint (pathLen) exceeded', vi: 'Vượt quá giới hạn độ dài chuỗi (pathLen)', effect: CHAIN },
  UNKNOWN_CRITICAL_EXTENSION: { en: 'Unknown critical extension', vi: 'Phần mở rộng bắt buộc (critical) không xác định', effect: CHAIN },
  NAME_CONSTRAINTS_UNSUPPORTED: { en: 'A name form constrained by nameConstraints cannot be processed, so the path is refused', vi: 'Không xử lý được dạng tên bị ràng buộc bởi nameConstraints nên từ chối chuỗi', effect: CHAIN },
  NAME_CONSTRAINTS_VIOLATED: { en: 'Name outside the CA name constraints', vi: 'Tên nằm ngoài phạm vi ràng buộc tên (nameConstraints) của CA', effect: CHAIN },
  CERTIFICATE_POLICY_FAILED: { en: 'Certificate policy processing failed (RFC 5280 §6.1)', vi: 'Kiểm tra chính sách chứng thư (certificate policy) không đạt', effect: CHAIN },
  KEY_USAGE_NOT_FOR_SIGNING: { en: 'keyUsage has neither digitalSignature nor nonRepudiation', vi: 'keyUsage không có digitalSignature hay nonRepudiation', effect: CHAIN },
  KEY_USAGE_ABSENT: { en: 'Certificate has no keyUsage extension (all usages allowed)', vi: 'Chứng thư không có keyUsage (cho phép mọi mục đích)' },
  EKU_NOT_FOR_PURPOSE: { en: 'extendedKeyUsage does not allow this purpose', vi: 'extendedKeyUsage không cho phép mục đích này', effect: CHAIN },
  TSA_EKU_NOT_CRITICAL_OR_NOT_SOLE: { en: 'TSA certificate EKU must be critical and only id-kp-timeStamping (RFC 3161)', vi: 'EKU của TSA phải critical và chỉ có id-kp-timeStamping (RFC 3161)', effect: CHAIN },
  WEAK_HASH_MD5: { en: 'MD5 signature is never accepted', vi: 'Không chấp nhận chữ ký dùng MD5', effect: CRYPTO },
  WEAK_HASH_SHA1: { en: 'SHA-1 signature is not accepted at this time', vi: 'Không chấp nhận chữ ký SHA-1 tại thời điểm này', effect: CRYPTO },
  WEAK_KEY: { en: 'Public key is too small for this time', vi: 'Khóa công khai quá ngắn tại thời điểm này', effect: CRYPTO },
  KEY_UNSUPPORTED: { en: 'Public key algorithm not supported', vi: 'Thuật toán khóa công khai không được hỗ trợ', effect: CRYPTO },
  ISSUER_NOT_FOUND: { en: 'No issuer certificate found', vi: 'Không tìm thấy chứng thư của CA cấp', effect: NO_CHAIN },
  NO_TRUST_ANCHOR: { en: 'No path to a trust anchor', vi: 'Không có chuỗi tới chứng thư gốc tin cậy', effect: NO_CHAIN },
  HELPER_CERTIFICATE_MALFORMED: { en: 'A supplied helper certificate is malformed and was ignored', vi: 'Bỏ qua một chứng thư hỗ trợ không hợp lệ' },
  AIA_FETCH_FAILED: { en: 'Could not download the issuer certificate (AIA)', vi: 'Không tải được chứng thư CA cấp (AIA)' },
  AIA_OFFLINE: { en: 'Offline: issuer certificate not downloaded (AIA)', vi: 'Ngoại tuyến: không tải chứng thư CA cấp (AIA)' },
  AIA_NO_FETCHER: { en: 'No fetcher configured: issuer certificate not downloaded (AIA)', vi: 'Chưa cấu hình bộ tải: không tải chứng thư CA cấp (AIA)' },
  AIA_LIMIT_REACHED: { en: 'AIA download limit reached', vi: 'Đã đạt giới hạn số lần tải AIA' },
  PATH_SEARCH_LIMIT_REACHED: { en: 'Path search limit reached', vi: 'Đã đạt giới hạn tìm kiếm chuỗi chứng thư' },
} as const satisfies Record<string, { en: string; vi: string; effect?: Effect }>;

/** A path finding code. */
export type PathFindingCode = keyof typeof PATH_FINDINGS;

/**
 * Makes a problem; `detail` (often the certificate subject) is appended to both languages.
 *
 * @example
 * ```ts
 * problem('PATH_LENGTH_EXCEEDED', 'CN=CA Giáo dục thử nghiệm, …');
 * ```
 */
export function problem(code: PathFindingCode, detail?: string, detailVi = detail): PathProblem {
  const def: { en: string; vi: string; effect?: Effect } = PATH_FINDINGS[code];
  const finding: Finding = {
    code,
    message: detail ? `${def.en}: ${detail}` : def.en,
    messageVi: detailVi ? `${def.vi}: ${detailVi}` : def.vi,
  };
  return def.effect ? { finding, effect: def.effect } : { finding };
}

/** Ranking of conclusions: lower is more severe (chosen when several problems exist). */
const SEVERITY: readonly SubIndication[] = [
  'NOT_YET_VALID', 'CERTIFICATE_CHAIN_GENERAL_FAILURE', 'CHAIN_CONSTRAINTS_FAILURE', 'CRYPTO_CONSTRAINTS_FAILURE',
  'OUT_OF_BOUNDS_NO_POE', 'NO_CERTIFICATE_CHAIN_FOUND',
];

/**
 * The most severe effect among `problems`, or undefined when none has an effect (the path passed).
 *
 * @example
 * ```ts
 * worstEffect([problem('CERT_EXPIRED_AT_TIME')]); // { indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' }
 * ```
 */
export function worstEffect(problems: readonly PathProblem[]): Effect | undefined {
  let worst: Effect | undefined;
  for (const p of problems) {
    if (!p.effect) continue;
    if (!worst || SEVERITY.indexOf(p.effect.subIndication) < SEVERITY.indexOf(worst.subIndication)) worst = p.effect;
  }
  return worst;
}
