/**
 * Display labels (Vietnamese and English) of the model's enumerations, for reports and rendering.
 * @module
 */
import type { LegacyConduct, LegacyStanding, Level4, Outcome, PassFail, PrimaryOverall, PrimarySubjectLevel, PrimaryTraitLevel, Regime, SignerRole } from './types.js';

/** A bilingual label. */
export interface BilingualLabel { vi: string; en: string }

/** TT22 four-level scale. */
export const LEVEL4_LABELS: Readonly<Record<Level4, BilingualLabel>> = {
  TOT: { vi: 'Tốt', en: 'Good' }, KHA: { vi: 'Khá', en: 'Fairly good' }, DAT: { vi: 'Đạt', en: 'Pass' }, CHUA_DAT: { vi: 'Chưa đạt', en: 'Not passed' },
};
/** Comment-subject results. */
export const PASS_FAIL_LABELS: Readonly<Record<PassFail, BilingualLabel>> = { D: { vi: 'Đ', en: 'Pass' }, CD: { vi: 'CĐ', en: 'Not passed' } };
/** End-of-year outcomes. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, BilingualLabel>> = {
  LEN_LOP: { vi: 'Được lên lớp', en: 'Promoted' },
  O_LAI_LOP: { vi: 'Ở lại lớp', en: 'Retained' },
  REN_LUYEN_HE: { vi: 'Rèn luyện trong kì nghỉ hè', en: 'Summer conduct training' },
  KIEM_TRA_LAI: { vi: 'Kiểm tra, đánh giá lại', en: 'Re-assessment' },
  HOAN_THANH_CT: { vi: 'Hoàn thành chương trình', en: 'Programme completed' },
  CHUA_HOAN_THANH_CT: { vi: 'Chưa hoàn thành chương trình', en: 'Programme not completed' },
};
/** TT27 year overall. */
export const PRIMARY_OVERALL_LABELS: Readonly<Record<PrimaryOverall, BilingualLabel>> = {
  HTXS: { vi: 'Hoàn thành xuất sắc', en: 'Completed with excellence' },
  HTT: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  HT: { vi: 'Hoàn thành', en: 'Completed' },
  CHT: { vi: 'Chưa hoàn thành', en: 'Not completed' },
};
/** Primary subject levels. */
export const PRIMARY_SUBJECT_LEVEL_LABELS: Readonly<Record<PrimarySubjectLevel, BilingualLabel>> = {
  T: { vi: 'Hoàn thành tốt', en: 'Completed well' }, H: { vi: 'Hoàn thành', en: 'Completed' }, C: { vi: 'Chưa hoàn thành', en: 'Not completed' },
};
/** Primary quality/competency levels. */
export const PRIMARY_TRAIT_LEVEL_LABELS: Readonly<Record<PrimaryTraitLevel, BilingualLabel>> = {
  T: { vi: 'Tốt', en: 'Good' }, D: { vi: 'Đạt', en: 'Pass' }, C: { vi: 'Cần cố gắng', en: 'Needs effort' },
};
/** TT58 hạnh kiểm. */
export const LEGACY_CONDUCT_LABELS: Readonly<Record<LegacyConduct, BilingualLabel>> = {
  T: { vi: 'Tốt', en: 'Good' }, K: { vi: 'Khá', en: 'Fairly good' }, TB: { vi: 'Trung bình', en: 'Average' }, Y: { vi: 'Yếu', en: 'Weak' },
};
/** TT58 học lực. */
export const LEGACY_STANDING_LABELS: Readonly<Record<LegacyStanding, BilingualLabel>> = {
  G: { vi: 'Giỏi', en: 'Very good' }, K: { vi: 'Khá', en: 'Fairly good' }, TB: { vi: 'Trung bình', en: 'Average' },
  Y: { vi: 'Yếu', en: 'Weak' }, KEM: { vi: 'Kém', en: 'Poor' },
};
/** Signer roles. */
export const SIGNER_ROLE_LABELS: Readonly<Record<SignerRole, BilingualLabel>> = {
  GV_BO_MON: { vi: 'Giáo viên bộ môn', en: 'Subject teacher' },
  GVCN: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' },
  HIEU_TRUONG: { vi: 'Hiệu trưởng', en: 'Principal' },
  PHO_HIEU_TRUONG_UQ: { vi: 'Phó Hiệu trưởng (ủy quyền)', en: 'Deputy principal (authorised)' },
  DON_VI_CON_DAU: { vi: 'Đơn vị (con dấu)', en: 'School seal' },
  SO_GDDT: { vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training' },
};
/** Regimes. */
export const REGIME_LABELS: Readonly<Record<Regime, BilingualLabel>> = {
  TT22_2021: { vi: 'Thông tư 22/2021/TT-BGDĐT', en: 'Circular 22/2021/TT-BGDĐT' },
  TT27_2020: { vi: 'Thông tư 27/2020/TT-BGDĐT', en: 'Circular 27/2020/TT-BGDĐT' },
  TT58_2011: { vi: 'Thông tư 58/2011/TT-BGDĐT', en: 'Circular 58/2011/TT-BGDĐT' },
  TT30_2014: { vi: 'Thông tư 30/2014/TT-BGDĐT', en: 'Circular 30/2014/TT-BGDĐT' },
};
