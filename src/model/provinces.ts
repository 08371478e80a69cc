/**
 * Province codes of the 12-digit personal ID (the first three digits: where the birth was registered),
 * TT07/2016/TT-BCA annex [V], and a display-only map to the 34 provinces after the 2025 merger.
 * The codes are historical and stay valid for life: never remap a code, only display the new name.
 * @module
 */

/** A birth-registration province code of the personal ID. */
export interface ProvinceCode {
  code: string;
  name: string;
  /** Province (of the 34) that absorbed it on 1/7/2025 (Resolution 202/2025/QH15) [M], display only. */
  mergedInto2025: string;
}

const p = (code: string, name: string, mergedInto2025: string = name): ProvinceCode => ({ code, name, mergedInto2025 });

/** The 63 codes (TT07/2016/TT-BCA). */
export const PROVINCE_CODES: readonly ProvinceCode[] = [
  p('001', 'Hà Nội'), p('002', 'Hà Giang', 'Tuyên Quang'), p('004', 'Cao Bằng'), p('006', 'Bắc Kạn', 'Thái Nguyên'),
  p('008', 'Tuyên Quang'), p('010', 'Lào Cai'), p('011', 'Điện Biên'), p('012', 'Lai Châu'), p('014', 'Sơn La'),
  p('015', 'Yên Bái', 'Lào Cai'), p('017', 'Hòa Bình', 'Phú Thọ'), p('019', 'Thái Nguyên'), p('020', 'Lạng Sơn'),
  p('022', 'Quảng Ninh'), p('024', 'Bắc Giang', 'Bắc Ninh'), p('025', 'Phú Thọ'), p('026', 'Vĩnh Phúc', 'Phú Thọ'),
  p('027', 'Bắc Ninh'), p('030', 'Hải Dương', 'Hải Phòng'), p('031', 'Hải Phòng'), p('033', 'Hưng Yên'),
  p('034', 'Thái Bình', 'Hưng Yên'), p('035', 'Hà Nam', 'Ninh Bình'), p('036', 'Nam Định', 'Ninh Bình'), p('037', 'Ninh Bình'),
  p('038', 'Thanh Hóa'), p('040', 'Nghệ An'), p('042', 'Hà Tĩnh'), p('044', 'Quảng Bình', 'Quảng Trị'), p('045', 'Quảng Trị'),
  p('046', 'Thừa Thiên Huế', 'Huế'), p('048', 'Đà Nẵng'), p('049', 'Quảng Nam', 'Đà Nẵng'), p('051', 'Quảng Ngãi'),
  p('052', 'Bình Định', 'Gia Lai'), p('054', 'Phú Yên', 'Đắk Lắk'), p('056', 'Khánh Hòa'), p('058', 'Ninh Thuận', 'Khánh Hòa'),
  p('060', 'Bình Thuận', 'Lâm Đồng'), p('062', 'Kon Tum', 'Quảng Ngãi'), p('064', 'Gia Lai'), p('066', 'Đắk Lắk'),
  p('067', 'Đắk Nông', 'Lâm Đồng'), p('068', 'Lâm Đồng'), p('070', 'Bình Phước', 'Đồng Nai'), p('072', 'Tây Ninh'),
  p('074', 'Bình Dương', 'Hồ Chí Minh'), p('075', 'Đồng Nai'), p('077', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'),
  p('079', 'Hồ Chí Minh'), p('080', 'Long An', 'Tây Ninh'), p('082', 'Tiền Giang', 'Đồng Tháp'), p('083', 'Bến Tre', 'Vĩnh Long'),
  p('084', 'Trà Vinh', 'Vĩnh Long'), p('086', 'Vĩnh Long'), p('087', 'Đồng Tháp'), p('089', 'An Giang'),
  p('091', 'Kiên Giang', 'An Giang'), p('092', 'Cần Thơ'), p('093', 'Hậu Giang', 'Cần Thơ'), p('094', 'Sóc Trăng', 'Cần Thơ'),
  p('095', 'Bạc Liêu', 'Cà Mau'), p('096', 'Cà Mau'),
];

/**
 * Looks up a province code.
 *
 * @example
 * ```ts
 * provinceByCode('079')?.name; // 'Hồ Chí Minh'
 * provinceByCode('074')?.mergedInto2025; // 'Hồ Chí Minh'
 * ```
 */
export function provinceByCode(code: string, table: readonly ProvinceCode[] = PROVINCE_CODES): ProvinceCode | undefined {
  return table.find((p) => p.code === code);
}
