/**
 * Checks of the 12-digit personal identification number (số định danh cá nhân, CCCD).
 * @module
 */
import { PROVINCE_CODES, provinceByCode, type ProvinceCode } from '../provinces.js';
import type { Sex } from '../types.js';

/** A problem with a personal ID. `PROVINCE_UNKNOWN` is a warning (the birth may be registered abroad). */
export type PersonalIdIssue =
  | { code: 'DDCN_FORMAT' }
  | { code: 'DDCN_PROVINCE_UNKNOWN'; province: string }
  | { code: 'DDCN_BIRTH_YEAR_MISMATCH'; declared: number; computed: number }
  | { code: 'DDCN_SEX_MISMATCH'; declared: Sex; computed: Sex };

/** Decoded parts of a personal ID. */
export interface DecodedPersonalId {
  province: string;
  /** Birth year from the century digit and the two year digits. */
  birthYear: number;
  sex: Sex;
  random: string;
}

/**
 * Decodes `PPP G YY RRRRRR` (NĐ137/2015 Art.13; Luật Căn cước 2023 Art.12): G = century and sex,
 * 0/1 = 1900s male/female, 2/3 = 2000s [V], 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s [M]. There is no check digit.
 *
 * @example
 * ```ts
 * decodePersonalId('079309001234'); // { province: '079', birthYear: 2009, sex: 'NU', random: '001234' }
 * ```
 */
export function decodePersonalId(value: string): DecodedPersonalId | undefined {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return undefined;
  const g = Number(value[3]);
  return {
    province: value.slice(0, 3),
    birthYear: 1900 + 100 * Math.floor(g / 2) + Number(value.slice(4, 6)),
    sex: g % 2 === 0 ? 'NAM' : 'NU',
    random: value.slice(6),
  };
}

/**
 * Checks a 12-digit personal ID against the holder's date of birth (`YYYY-MM-DD`) and sex: 12 digits,
 * province code in the TT07/2016 table, century digit and year = birth year, parity = sex (even = male).
 *
 * @example
 * ```ts
 * checkPersonalId('079209001234', { dateOfBirth: '2009-03-02', sex: 'NU' }); // [{ code: 'DDCN_SEX_MISMATCH', ... }]
 * ```
 */
export function checkPersonalId(value: string, holder: { dateOfBirth?: string; sex?: Sex },
  provinces: readonly ProvinceCode[] = PROVINCE_CODES): PersonalIdIssue[] {
  const decoded = decodePersonalId(value);
  if (!decoded) return [{ code: 'DDCN_FORMAT' }];
  const issues: PersonalIdIssue[] = [];
  if (!provinceByCode(decoded.province, provinces)) issues.push({ code: 'DDCN_PROVINCE_UNKNOWN', province: decoded.province });
  const m = holder.dateOfBirth === undefined ? null : /^(\d{4})-/.exec(holder.dateOfBirth);
  if (m) {
    const year = Number(m[1]);
    if (year !== decoded.birthYear) issues.push({ code: 'DDCN_BIRTH_YEAR_MISMATCH', declared: year, computed: decoded.birthYear });
  }
  if (holder.sex !== undefined && holder.sex !== decoded.sex) issues.push({ code: 'DDCN_SEX_MISMATCH', declared: holder.sex, computed: decoded.sex });
  return issues;
}
