/**
 * The one error family of edusign-vn. Every error the SDK throws on purpose is an {@link EdusignError}
 * with a stable {@link ErrorCode}; messages come in Vietnamese and English.
 *
 * An invalid *signature* is never an error: verification returns a report. Errors are for unusable
 * input (malformed files, wrong passwords, bad options) and for refusals (signing with a revoked certificate).
 *
 * The list of codes is documented in `docs/errors.md`; codes are stable across versions.
 * @module
 */

/** Error codes and their default messages. Add a code here (in its layer's section) before using it. */
export const ERROR_CODES = {
  // ---- generic input -------------------------------------------------------------------------------
  INVALID_ARGUMENT: { vi: 'Tham số không hợp lệ', en: 'Invalid argument' },
  INPUT_TOO_LARGE: { vi: 'Dữ liệu đầu vào quá lớn', en: 'Input is too large' },
  INPUT_TOO_DEEP: { vi: 'Dữ liệu lồng nhau quá sâu', en: 'Input is nested too deeply' },
  UNSUPPORTED_FORMAT: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported format' },
  IO_ERROR: { vi: 'Lỗi đọc/ghi tệp', en: 'File read/write error' },
  // ---- JSON / XML encodings ------------------------------------------------------------------------
  JSON_MALFORMED: { vi: 'JSON không hợp lệ', en: 'Malformed JSON' },
  JSON_DUPLICATE_KEY: { vi: 'JSON có khóa trùng lặp', en: 'JSON object has a duplicate member name' },
  JSON_NOT_CANONICALIZABLE: { vi: 'Giá trị không thể chuẩn hóa JSON (RFC 8785)', en: 'Value cannot be canonicalised (RFC 8785)' },
  XML_MALFORMED: { vi: 'XML không hợp lệ', en: 'Malformed XML' },
  XML_DTD_FORBIDDEN: { vi: 'XML chứa DTD hoặc thực thể ngoài (bị cấm)', en: 'XML contains a DTD or external entity (forbidden)' },
  XML_UNEXPECTED_STRUCTURE: { vi: 'Cấu trúc XML không đúng', en: 'Unexpected XML structure' },
  RECORD_INVALID: { vi: 'Hồ sơ không hợp lệ', en: 'Record is invalid' },
  // ---- crypto: keys and signers --------------------------------------------------------------------
  KEY_MALFORMED: { vi: 'Khóa hoặc tệp khóa không hợp lệ', en: 'Malformed key or key file' },
  KEY_WRONG_PASSWORD: { vi: 'Sai mật khẩu tệp khóa', en: 'Wrong key file password' },
  KEY_CERT_MISMATCH: { vi: 'Khóa không khớp với chứng thư số', en: 'Key does not match the certificate' },
  UNSUPPORTED_ALGORITHM: { vi: 'Thuật toán không được hỗ trợ', en: 'Unsupported algorithm' },
  SIGNER_FAILED: { vi: 'Thiết bị/dịch vụ ký báo lỗi', en: 'The signing device or service failed' },
  PKCS11_ERROR: { vi: 'Lỗi token PKCS#11', en: 'PKCS#11 token error' },
  PKCS11_WRONG_PIN: { vi: 'Sai mã PIN token', en: 'Wrong token PIN' },
  PKCS11_KEY_NOT_FOUND: { vi: 'Không tìm thấy khóa trên token', en: 'Key not found on the token' },
  REMOTE_SIGNING_REJECTED: { vi: 'Người ký từ chối hoặc dịch vụ ký từ xa từ chối', en: 'Remote signing was rejected' },
  REMOTE_SIGNING_TIMEOUT: { vi: 'Hết thời gian chờ xác nhận ký từ xa', en: 'Timed out waiting for remote signing confirmation' },
  TWO_PHASE_STATE_INVALID: { vi: 'Trạng thái ký hai bước không hợp lệ', en: 'Invalid two-phase signing state' },
  // ---- pki -----------------------------------------------------------------------------------------
  CERT_MALFORMED: { vi: 'Chứng thư số không hợp lệ', en: 'Malformed certificate' },
  CRL_MALFORMED: { vi: 'CRL không hợp lệ', en: 'Malformed CRL' },
  OCSP_MALFORMED: { vi: 'Phản hồi OCSP không hợp lệ', en: 'Malformed OCSP response' },
  TIMESTAMP_MALFORMED: { vi: 'Dấu thời gian không hợp lệ', en: 'Malformed timestamp token' },
  TIMESTAMP_FAILED: { vi: 'Không lấy được dấu thời gian', en: 'Could not obtain a timestamp' },
  NETWORK_ERROR: { vi: 'Lỗi mạng', en: 'Network error' },
  NETWORK_TIMEOUT: { vi: 'Hết thời gian chờ mạng', en: 'Network timeout' },
  NETWORK_OFFLINE: { vi: 'Chế độ ngoại tuyến: không truy cập mạng', en: 'Offline mode: network access is disabled' },
  RESPONSE_TOO_LARGE: { vi: 'Phản hồi mạng quá lớn', en: 'Network response is too large' },
  NETWORK_SCHEME_NOT_ALLOWED: { vi: 'Địa chỉ mạng không được phép (chỉ http/https, không chuyển hướng sang giao thức khác)', en: 'URL not allowed (http/https only, no redirect to another scheme)' },
  CERT_NOT_USABLE_FOR_SIGNING: { vi: 'Chứng thư số không dùng được để ký', en: 'Certificate cannot be used for signing' },
  CERT_REVOKED: { vi: 'Chứng thư số đã bị thu hồi', en: 'Certificate is revoked' },
  CERT_EXPIRED: { vi: 'Chứng thư số đã hết hạn', en: 'Certificate has expired' },
  CERT_NOT_YET_VALID: { vi: 'Chứng thư số chưa có hiệu lực', en: 'Certificate is not yet valid' },
  CERT_UNTRUSTED: { vi: 'Chứng thư số không chuỗi được tới CA tin cậy', en: 'Certificate does not chain to a trusted CA' },
  REVOCATION_UNKNOWN: { vi: 'Không xác định được trạng thái thu hồi', en: 'Revocation status could not be determined' },
  TRUST_ANCHOR_PIN_MISMATCH: { vi: 'Chứng thư gốc không khớp dấu vân tay SHA-256 đã ghim', en: 'Trust anchor does not match the pinned SHA-256 fingerprint' },
  TRUST_ANCHOR_PIN_UNUSED: { vi: 'Dấu vân tay đã ghim không khớp chứng thư gốc nào', en: 'A pinned fingerprint matches no trust anchor' },
  // ---- formats -------------------------------------------------------------------------------------
  PDF_MALFORMED: { vi: 'PDF không hợp lệ', en: 'Malformed PDF' },
  PDF_ENCRYPTED: { vi: 'PDF được mã hóa (không hỗ trợ)', en: 'PDF is encrypted (not supported)' },
  PDF_CANNOT_APPEND: { vi: 'Không thể thêm cập nhật gia tăng vào PDF này', en: 'Cannot append an incremental update to this PDF' },
  PDF_PLACEHOLDER_TOO_SMALL: { vi: 'Vùng chứa chữ ký quá nhỏ', en: 'Signature placeholder is too small' },
  PDF_SIGNING_FORBIDDEN: { vi: 'Tài liệu không cho phép ký thêm (DocMDP)', en: 'Document forbids further signatures (DocMDP)' },
  PDF_FIELD_NOT_FOUND: { vi: 'Không tìm thấy trường chữ ký', en: 'Signature field not found' },
  PDF_FIELD_ALREADY_SIGNED: { vi: 'Trường chữ ký đã được ký', en: 'Signature field is already signed' },
  SIGNATURE_NOT_FOUND: { vi: 'Không tìm thấy chữ ký', en: 'Signature not found' },
  SIGNATURE_MALFORMED: { vi: 'Chữ ký không đúng định dạng', en: 'Malformed signature' },
  JWS_MALFORMED: { vi: 'JWS không hợp lệ', en: 'Malformed JWS' },
  XML_SIGNATURE_MALFORMED: { vi: 'Chữ ký XML không hợp lệ', en: 'Malformed XML signature' },
  // ---- cli / server --------------------------------------------------------------------------------
  CLI_USAGE: { vi: 'Sai cú pháp lệnh', en: 'Command usage error' },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Options for {@link EdusignError}. */
export interface EdusignErrorOptions {
  /** English detail appended to the default message. */
  detail?: string;
  /** Vietnamese detail appended to the default message (defaults to the English detail). */
  detailVi?: string;
  /** Machine-readable context (offsets, URLs, field names). */
  context?: Readonly<Record<string, unknown>>;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The error every edusign-vn function throws on purpose.
 *
 * @example
 * ```ts
 * try { await loadPkcs12Signer(bytes, 'wrong'); }
 * catch (e) { if (isEdusignError(e) && e.code === 'KEY_WRONG_PASSWORD') console.log(e.messageVi); }
 * ```
 */
export class EdusignError extends Error {
  /** Stable code, see {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** The message in Vietnamese. */
  readonly messageVi: string;
  /** Machine-readable context. */
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, options: EdusignErrorOptions = {}) {
    const base = ERROR_CODES[code];
    const en = options.detail ? `${base.en}: ${options.detail}` : base.en;
    super(en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EdusignError';
    this.code = code;
    const detailVi = options.detailVi ?? options.detail;
    this.messageVi = detailVi ? `${base.vi}: ${detailVi}` : base.vi;
    this.context = options.context ?? {};
  }

  /** A JSON-friendly view (for CLI `--json` and server responses). */
  toJSON(): { code: ErrorCode; message: string; messageVi: string; context: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, messageVi: this.messageVi, context: this.context };
  }
}

/**
 * Type guard for {@link EdusignError}; works across duplicated copies of the package.
 *
 * @example
 * ```ts
 * if (isEdusignError(err)) process.exitCode = err.code === 'CLI_USAGE' ? 64 : 1;
 * ```
 */
export function isEdusignError(value: unknown): value is EdusignError {
  return value instanceof EdusignError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'EdusignError' &&
      typeof (value as { code?: unknown }).code === 'string');
}
