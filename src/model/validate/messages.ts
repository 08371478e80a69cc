/**
 * Stable codes of validation findings, with their English and Vietnamese texts.
 * @module
 */

/** Finding codes and base messages. Codes are stable; messages may be refined. */
export const MODEL_FINDING_MESSAGES = {
  // structure
  WRONG_TYPE: { en: 'Wrong type', vi: 'Sai kiểu dữ liệu' },
  MISSING_FIELD: { en: 'Required member is missing', vi: 'Thiếu trường bắt buộc' },
  UNKNOWN_FIELD: { en: 'Unknown member', vi: 'Trường không được định nghĩa' },
  FIELD_OF_OTHER_REGIME: { en: 'Member belongs to another assessment regime', vi: 'Trường thuộc chế độ đánh giá khác' },
  FIELD_NOT_APPLICABLE: { en: 'Member does not apply here', vi: 'Trường không áp dụng trong trường hợp này' },
  INVALID_VALUE: { en: 'Invalid value', vi: 'Giá trị không hợp lệ' },
  STRING_TOO_LONG: { en: 'Text is too long', vi: 'Chuỗi quá dài' },
  STRING_EMPTY: { en: 'Text is empty', vi: 'Chuỗi rỗng' },
  ARRAY_TOO_LONG: { en: 'Too many items', vi: 'Quá nhiều phần tử' },
  KEY_TOO_LONG: { en: 'A member name is too long', vi: 'Tên trường quá dài' },
  TEXT_INVALID_UNICODE: { en: 'Text contains unpaired surrogates (not valid Unicode)', vi: 'Chuỗi chứa ký tự Unicode không hợp lệ' },
  TEXT_CONTROL_CHARACTER: { en: 'Text contains control characters', vi: 'Chuỗi chứa ký tự điều khiển' },
  TEXT_NOT_NFC: { en: 'Text is not in Unicode NFC form (it will be normalised before signing)', vi: 'Chuỗi chưa chuẩn hóa Unicode NFC (sẽ được chuẩn hóa trước khi ký)' },
  INVALID_DATE: { en: 'Invalid date (expected YYYY-MM-DD)', vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)' },
  INVALID_DATETIME: { en: 'Invalid date-time (expected RFC 3339 with offset)', vi: 'Thời điểm không hợp lệ (RFC 3339 có múi giờ)' },
  INVALID_SCHOOL_YEAR: { en: 'Invalid school year (expected YYYY-YYYY, consecutive years)', vi: 'Năm học không hợp lệ (định dạng YYYY-YYYY, hai năm liên tiếp)' },
  INVALID_MARK: { en: 'Invalid mark (expected a decimal string 0–10 with at most one decimal)', vi: 'Điểm không hợp lệ (chuỗi số thập phân 0–10, tối đa một chữ số thập phân)' },
  MARK_KIND_MISMATCH: { en: 'Result does not match the subject’s assessment kind (score or Đ/CĐ)', vi: 'Kết quả không khớp hình thức đánh giá của môn học (điểm số hoặc Đ/CĐ)' },
  INVALID_TEST_SCORE: { en: 'Invalid periodic test score (integer 1–10)', vi: 'Điểm kiểm tra định kì không hợp lệ (số nguyên 1–10)' },
  TOO_MANY_FINDINGS: { en: 'Too many findings; the rest were not listed', vi: 'Quá nhiều lỗi; phần còn lại không được liệt kê' },
  DUPLICATE: { en: 'Duplicate item', vi: 'Phần tử bị trùng' },
  // record
  KIND_MISMATCH: { en: 'Wrong record kind', vi: 'Sai loại hồ sơ' },
  SCHEMA_VERSION_UNSUPPORTED: { en: 'Unsupported schema version', vi: 'Phiên bản lược đồ không được hỗ trợ' },
  REGIME_MISMATCH: { en: 'Assessment regime does not match the roadmap for this school year and grade', vi: 'Chế độ đánh giá không đúng lộ trình áp dụng cho năm học và khối lớp này' },
  REGIME_UNKNOWN_FOR_YEAR: { en: 'No modelled assessment regime for this school year and grade', vi: 'Chưa có chế độ đánh giá cho năm học và khối lớp này' },
  REGIME_NOT_SUPPORTED: { en: 'This record kind is not supported for this regime', vi: 'Loại hồ sơ này không hỗ trợ chế độ đánh giá này' },
  AMENDMENT_MISMATCH: { en: 'TT26/2020 amendment marker does not match the school year', vi: 'Đánh dấu sửa đổi theo TT26/2020 không khớp năm học' },
  GRADE_OUT_OF_LEVEL: { en: 'Grade does not belong to the transcript’s school level', vi: 'Khối lớp không thuộc cấp học của học bạ' },
  YEARS_NOT_CHRONOLOGICAL: { en: 'School years are not in chronological order', vi: 'Các năm học không theo thứ tự thời gian' },
  GRADE_SEQUENCE: { en: 'Grade does not follow from the previous year’s outcome', vi: 'Khối lớp không phù hợp với kết quả năm học trước' },
  SCHOOL_LEVEL_MISMATCH: { en: 'The school’s level differs from the transcript’s level', vi: 'Cấp học của trường khác cấp học của học bạ' },
  AGE_UNUSUAL: { en: 'Unusual age for the grade (check the date of birth, school year and grade)', vi: 'Tuổi không phù hợp với khối lớp (kiểm tra ngày sinh, năm học, khối lớp)' },
  // identity
  PERSONAL_ID_FORMAT: { en: 'Malformed personal ID', vi: 'Số định danh/CMND không đúng định dạng' },
  PERSONAL_ID_PROVINCE_UNKNOWN: { en: 'Unknown province code in the personal ID (birth registered abroad?)', vi: 'Mã tỉnh trong số định danh không có trong danh mục (đăng ký khai sinh ở nước ngoài?)' },
  PERSONAL_ID_BIRTH_YEAR_MISMATCH: { en: 'Personal ID century/year digits do not match the date of birth', vi: 'Mã thế kỷ/năm sinh trong số định danh không khớp ngày sinh' },
  PERSONAL_ID_SEX_MISMATCH: { en: 'Personal ID sex digit does not match the recorded sex', vi: 'Mã giới tính trong số định danh không khớp giới tính' },
  // subjects
  SUBJECT_UNKNOWN: { en: 'Subject is not in the CT GDPT 2018 catalogue for this grade', vi: 'Môn học không có trong danh mục CT GDPT 2018 của khối lớp này' },
  SUBJECT_ASSESSMENT_MISMATCH: { en: 'Assessment kind differs from the catalogue (TT22 Art.5)', vi: 'Hình thức đánh giá khác danh mục (Điều 5 TT22)' },
  SUBJECT_GROUP_MISMATCH: { en: 'Subject group differs from the catalogue', vi: 'Nhóm môn học khác danh mục' },
  SUBJECT_PERIODS_DIFFER: { en: 'Periods per year differ from the programme (the school plan may differ)', vi: 'Số tiết/năm khác chương trình (kế hoạch giáo dục của trường có thể khác)' },
  SUBJECT_MISSING: { en: 'Compulsory subject is missing', vi: 'Thiếu môn học bắt buộc' },
  ELECTIVE_COUNT: { en: 'A THPT student takes exactly 4 electives', vi: 'Học sinh THPT học đúng 4 môn lựa chọn' },
  TOPIC_CLUSTER_COUNT: { en: 'A THPT student takes exactly 3 clusters of learning topics', vi: 'Học sinh THPT học đúng 3 cụm chuyên đề học tập' },
  TOPIC_CLUSTER_DUPLICATE: { en: 'Cluster of learning topics listed twice', vi: 'Cụm chuyên đề bị trùng' },
  TOPIC_CLUSTER_NOT_TAKEN: { en: 'Cluster of learning topics of a subject the student does not take', vi: 'Cụm chuyên đề của môn học sinh không học' },
  TOPIC_CLUSTER_NOT_OFFERED: { en: 'This subject has no cluster of learning topics', vi: 'Môn học này không có cụm chuyên đề học tập' },
  // marks and averages
  RESULT_MISSING: { en: 'Result is missing', vi: 'Thiếu kết quả' },
  AVERAGE_MISMATCH: { en: 'Declared average differs from the recomputed one', vi: 'Điểm trung bình ghi trong hồ sơ khác giá trị tính lại' },
  COMMENT_RESULT_MISMATCH: { en: 'Declared Đ/CĐ result differs from the assessments', vi: 'Kết quả Đ/CĐ ghi trong hồ sơ khác kết quả đánh giá' },
  AVERAGE_WITH_MISSING_MARKS: { en: 'An average is declared while marks are missing', vi: 'Có điểm trung bình trong khi còn thiếu điểm đánh giá' },
  AVERAGE_NOT_ENTERED: { en: 'All marks are entered but the average is not', vi: 'Đã đủ điểm nhưng chưa có điểm trung bình' },
  REGULAR_COUNT_SHORT: { en: 'Fewer regular assessments (ĐĐGtx) than required (TT22 Art.6)', vi: 'Thiếu số lần đánh giá thường xuyên (ĐĐGtx) theo quy định (Điều 6 TT22)' },
  REGULAR_COUNT_EXTRA: { en: 'More regular assessments (ĐĐGtx) than required (TT22 Art.6)', vi: 'Nhiều hơn số lần đánh giá thường xuyên (ĐĐGtx) quy định (Điều 6 TT22)' },
  MAKEUP_INVALID: { en: 'Make-up assessment does not refer to an assessment', vi: 'Kiểm tra bù không tương ứng với lần đánh giá nào' },
  REASSESS_NOT_ELIGIBLE: { en: 'Re-assessment only for CĐ subjects or ĐTBmcn below 5.0 (TT22 Art.14)', vi: 'Chỉ kiểm tra lại môn CĐ hoặc có ĐTBmcn dưới 5,0 (Điều 14 TT22)' },
  // levels and outcome
  LEARNING_LEVEL_MISMATCH: { en: 'Declared học tập level differs from the recomputed one (TT22 Art.9)', vi: 'Mức kết quả học tập ghi trong hồ sơ khác mức tính lại (Điều 9 TT22)' },
  LEARNING_ADJUSTED_FLAG: { en: 'The Art.9.3 adjustment flag does not match the recomputation', vi: 'Đánh dấu điều chỉnh theo khoản 3 Điều 9 không khớp kết quả tính lại' },
  CONDUCT_LEVEL_MISMATCH: { en: 'Declared year rèn luyện level differs from the semesters (TT22 Art.8)', vi: 'Mức rèn luyện cả năm khác mức tính từ hai học kì (Điều 8 TT22)' },
  STANDING_MISMATCH: { en: 'Declared học lực differs from the recomputed one (TT58 Art.13)', vi: 'Học lực ghi trong hồ sơ khác học lực tính lại (Điều 13 TT58)' },
  AFTER_STEP_NOT_APPLICABLE: { en: 'A result after summer training or re-assessment without the need for it', vi: 'Có kết quả sau rèn luyện hè/kiểm tra lại khi không thuộc diện' },
  OUTCOME_MISMATCH: { en: 'Declared outcome differs from the rules (promotion, summer training, re-assessment, 45 absences)', vi: 'Kết quả lên lớp ghi trong hồ sơ khác quy định (lên lớp, rèn luyện hè, kiểm tra lại, nghỉ quá 45 buổi)' },
  OVERALL_MISMATCH: { en: 'Declared overall result differs from the recomputed one (TT27 Art.9)', vi: 'Kết quả đánh giá cuối năm khác kết quả tính lại (Điều 9 TT27)' },
  TEST_SCORE_MISSING: { en: 'End-of-year periodic test score is missing', vi: 'Thiếu điểm bài kiểm tra định kì cuối năm' },
  TEST_SCORE_UNEXPECTED: { en: 'A test score for a subject without periodic tests', vi: 'Có điểm kiểm tra cho môn không kiểm tra định kì' },
  TRAIT_MISSING: { en: 'A quality or competency is missing', vi: 'Thiếu đánh giá phẩm chất hoặc năng lực' },
  TRAIT_UNKNOWN: { en: 'Unknown quality or competency', vi: 'Phẩm chất/năng lực không có trong danh mục' },
  TITLE_UNKNOWN: { en: 'Unknown title for this regime and school year', vi: 'Danh hiệu không có cho chế độ đánh giá và năm học này' },
  TITLE_NOT_ELIGIBLE: { en: 'Title awarded without meeting its conditions', vi: 'Danh hiệu không đủ điều kiện' },
  TITLE_SUPERSEDED: { en: 'Two titles where only the higher one is awarded', vi: 'Hai danh hiệu trong khi chỉ được khen danh hiệu cao hơn' },
  TITLE_MISSING: { en: 'The student meets the conditions of a title that is not recorded', vi: 'Học sinh đủ điều kiện danh hiệu nhưng hồ sơ không ghi' },
  CORRECTION_FIELD_UNKNOWN: { en: 'A correction names a member that is not a value of this year', vi: 'Sửa chữa chỉ tới trường không có trong năm học này' },
  CORRECTION_MISMATCH: { en: 'The record does not hold the corrected value', vi: 'Giá trị trong hồ sơ khác giá trị đã sửa' },
  ENROLLMENT_MISSING: { en: 'The school year is not in the enrolment history (Quá trình học tập)', vi: 'Năm học không có trong quá trình học tập' },
  // signers
  SIGNER_ROLE_WRONG: { en: 'Signer has the wrong role for this place', vi: 'Người ký không đúng vai trò' },
  SIGNER_AUTHORISATION_MISSING: { en: 'An authorised deputy needs the authorisation decision', vi: 'Phó hiệu trưởng ký thay cần có quyết định ủy quyền' },
  // gradebook
  UNKNOWN_STUDENT: { en: 'Student is not in the class list', vi: 'Học sinh không có trong danh sách lớp' },
  UNKNOWN_SUBJECT: { en: 'Subject is not in the gradebook’s subject list', vi: 'Môn học không có trong danh sách môn của sổ' },
  CHANGED_AFTER_LOCK: { en: 'Marks were changed after the semester or year was locked', vi: 'Điểm bị sửa sau khi đã khóa sổ' },
  YEAR_RESULT_MISSING: { en: 'Both semesters are complete but the year result is not entered', vi: 'Đã đủ hai học kì nhưng chưa có kết quả cả năm' },
  ENTRY_MISSING: { en: 'No marks for a student, subject and semester', vi: 'Chưa có điểm của học sinh cho môn và học kì này' },
} as const satisfies Record<string, { en: string; vi: string }>;

/** A stable finding code. */
export type ModelFindingCode = keyof typeof MODEL_FINDING_MESSAGES;

/** Why an outcome was computed, in words (for OUTCOME_MISMATCH details). */
export const OUTCOME_REASON_TEXT = {
  ABSENCES: { en: 'more than 45 sessions of absence', vi: 'nghỉ học quá 45 buổi' },
  CONDUCT: { en: 'year conduct (rèn luyện / hạnh kiểm) below the pass level', vi: 'kết quả rèn luyện / hạnh kiểm cả năm chưa đạt yêu cầu' },
  LEARNING: { en: 'year learning result (học tập / học lực) below the pass level', vi: 'kết quả học tập / học lực cả năm chưa đạt yêu cầu' },
  PASSED: { en: 'all promotion conditions are met', vi: 'đủ điều kiện lên lớp' },
} as const;
