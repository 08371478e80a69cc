/**
 * Plain-language explanations (Vietnamese and English) of ETSI EN 319 102-1 indications and sub-indications.
 * @module
 */
import type { Indication, SubIndication } from '../pki/indication.js';
import { SIGNER_ROLE_LABELS } from '../model/labels.js';

/** A bilingual label. */
export interface Bilingual {
  /** Vietnamese. */
  vi: string;
  /** English. */
  en: string;
}

/** Verdict words for each main indication. */
export const INDICATION_LABELS: Readonly<Record<Indication, Bilingual>> = {
  TOTAL_PASSED: { vi: 'HỢP LỆ', en: 'VALID' },
  TOTAL_FAILED: { vi: 'KHÔNG HỢP LỆ', en: 'INVALID' },
  INDETERMINATE: { vi: 'CHƯA XÁC ĐỊNH ĐƯỢC', en: 'CANNOT TELL' },
};

/** Why, for each sub-indication. */
export const SUB_INDICATION_LABELS: Readonly<Record<SubIndication, Bilingual>> = {
  FORMAT_FAILURE: { vi: 'Chữ ký hoặc tệp sai định dạng', en: 'The signature or file is malformed' },
  HASH_FAILURE: { vi: 'Nội dung đã bị thay đổi sau khi ký', en: 'The signed content was changed after signing' },
  SIG_CRYPTO_FAILURE: { vi: 'Giá trị chữ ký không khớp với khóa công khai', en: 'The signature value does not match the public key' },
  REVOKED: { vi: 'Chứng thư số của người ký đã bị thu hồi', en: "The signer's certificate was revoked" },
  NOT_YET_VALID: { vi: 'Ký trước khi chứng thư số có hiệu lực', en: 'Signed before the certificate became valid' },
  SIG_CONSTRAINTS_FAILURE: { vi: 'Chữ ký không đáp ứng ràng buộc của chính sách', en: 'The signature does not meet the policy constraints' },
  CHAIN_CONSTRAINTS_FAILURE: { vi: 'Chuỗi chứng thư không đáp ứng ràng buộc', en: 'The certificate chain does not meet the constraints' },
  CERTIFICATE_CHAIN_GENERAL_FAILURE: { vi: 'Lỗi chung khi kiểm tra chuỗi chứng thư', en: 'General failure validating the certificate chain' },
  CRYPTO_CONSTRAINTS_FAILURE: { vi: 'Thuật toán hoặc độ dài khóa không còn an toàn', en: 'An algorithm or key size is no longer acceptable' },
  EXPIRED: { vi: 'Chứng thư số đã hết hạn khi ký', en: 'The certificate had expired at signing time' },
  POLICY_PROCESSING_ERROR: { vi: 'Không xử lý được chính sách chữ ký', en: 'The signature policy could not be processed' },
  SIGNATURE_POLICY_NOT_AVAILABLE: { vi: 'Không có chính sách chữ ký', en: 'The signature policy is not available' },
  TIMESTAMP_ORDER_FAILURE: { vi: 'Thứ tự các dấu thời gian không hợp lý', en: 'The timestamps are out of order' },
  NO_SIGNING_CERTIFICATE_FOUND: { vi: 'Không xác định được chứng thư số của người ký', en: "The signer's certificate could not be identified" },
  NO_CERTIFICATE_CHAIN_FOUND: { vi: 'Không chuỗi được tới CA tin cậy', en: 'No chain to a trusted CA was found' },
  REVOKED_NO_POE: { vi: 'Chứng thư đã bị thu hồi và không có bằng chứng chữ ký tồn tại trước đó', en: 'Revoked, with no proof the signature existed before' },
  REVOKED_CA_NO_POE: { vi: 'Chứng thư CA đã bị thu hồi, không có bằng chứng thời điểm', en: 'A CA certificate was revoked, with no proof of existence' },
  OUT_OF_BOUNDS_NO_POE: { vi: 'Ngoài thời hạn hiệu lực, không có bằng chứng thời điểm ký', en: 'Outside the validity period, with no proof of signing time' },
  OUT_OF_BOUNDS_NOT_REVOKED: { vi: 'Ngoài thời hạn hiệu lực (chưa bị thu hồi)', en: 'Outside the validity period (not revoked)' },
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: { vi: 'Thuật toán yếu, không có bằng chứng thời điểm', en: 'Weak algorithm, with no proof of existence' },
  NO_POE: { vi: 'Không có bằng chứng thời điểm tồn tại', en: 'No proof of existence' },
  TRY_LATER: { vi: 'Chưa có thông tin thu hồi; hãy thử lại sau', en: 'Revocation information is not available yet; try later' },
  SIGNED_DATA_NOT_FOUND: { vi: 'Không tìm thấy dữ liệu được ký', en: 'The signed data was not found' },
};

/** Vietnamese and English names of the signer roles of a school record (the model's labels). */
export const ROLE_LABELS: Readonly<Record<string, Bilingual>> = SIGNER_ROLE_LABELS;
