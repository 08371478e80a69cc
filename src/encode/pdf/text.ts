/**
 * Display text of record values on the printed page (Vietnamese).
 * @module
 */
import { PASS_FAIL_LABELS } from '../../model/labels.js';
import { TITLE_RULES } from '../../model/rules/titles.js';
import type { PassFail, School, SchoolLevel, Sex } from '../../model/types.js';

/**
 * A mark or Đ/CĐ as printed; empty for an absent value.
 *
 * @example
 * ```ts
 * markText('8.5') // '8.5'
 * markText('CD')  // 'CĐ'
 * ```
 */
export function markText(value: string | undefined): string {
  if (value === undefined) return '';
  if (value === 'D' || value === 'CD') return PASS_FAIL_LABELS[value as PassFail].vi;
  return value;
}

/**
 * `YYYY-MM-DD` as `DD/MM/YYYY`.
 *
 * @example
 * ```ts
 * dateText('2007-03-14') // '14/03/2007'
 * ```
 */
export function dateText(date: string | undefined): string {
  const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (date ?? '');
}

/**
 * Sex as printed.
 *
 * @example
 * ```ts
 * sexText('NU') // 'Nữ'
 * ```
 */
export function sexText(sex: Sex | undefined): string {
  return sex === 'NAM' ? 'Nam' : sex === 'NU' ? 'Nữ' : '';
}

/**
 * The school level in capitals, as on a cover.
 *
 * @example
 * ```ts
 * levelTitle('THPT') // 'TRUNG HỌC PHỔ THÔNG'
 * ```
 */
export function levelTitle(level: SchoolLevel): string {
  return level === 'TH' ? 'TIỂU HỌC' : level === 'THCS' ? 'TRUNG HỌC CƠ SỞ' : 'TRUNG HỌC PHỔ THÔNG';
}

/**
 * Title ids as their Vietnamese names (unknown ids printed verbatim).
 *
 * @example
 * ```ts
 * titlesText(['HS_XUAT_SAC']) // 'Học sinh Xuất sắc'
 * ```
 */
export function titlesText(ids: readonly string[] | undefined): string {
  return (ids ?? []).map((id) => TITLE_RULES.find((t) => t.id === id)?.nameVi ?? id).join('; ');
}

/**
 * The school's address line (commune, district, province).
 *
 * @example
 * ```ts
 * schoolPlace(school) // 'Phường Lạch Tray, Quận Ngô Quyền, Thành phố Hải Phòng'
 * ```
 */
export function schoolPlace(school: School): string {
  const a = school.addressAsOf;
  return [a.commune, a.district, a.province].filter((p) => p !== undefined && p !== '').join(', ');
}

/**
 * The short place name for "…, ngày … tháng … năm …" (province without its "Tỉnh"/"Thành phố" prefix).
 *
 * @example
 * ```ts
 * placeName(school) // 'Hải Phòng'
 * ```
 */
export function placeName(school: School): string {
  return school.addressAsOf.province.replace(/^(Tỉnh|Thành phố|TP\.?)\s+/u, '');
}
