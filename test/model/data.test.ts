import { describe, expect, it } from 'vitest';
import { compulsorySubjects, offeringOf, PROVINCE_CODES, SUBJECT_CATALOGUE, THPT_ELECTIVE_COUNT, TITLE_RULES, ROADMAP } from '../../src/model/index.js';

/** The TT07/2016/TT-BCA list as written in DOMAIN.md §4 (independent copy of the data). */
const DOMAIN_LIST = `001 Hà Nội · 002 Hà Giang · 004 Cao Bằng · 006 Bắc Kạn · 008 Tuyên Quang · 010 Lào Cai · 011 Điện Biên · 012 Lai Châu · 014 Sơn La · 015 Yên Bái · 017 Hòa Bình · 019 Thái Nguyên · 020 Lạng Sơn · 022 Quảng Ninh · 024 Bắc Giang · 025 Phú Thọ · 026 Vĩnh Phúc · 027 Bắc Ninh · 030 Hải Dương · 031 Hải Phòng · 033 Hưng Yên · 034 Thái Bình · 035 Hà Nam · 036 Nam Định · 037 Ninh Bình · 038 Thanh Hóa · 040 Nghệ An · 042 Hà Tĩnh · 044 Quảng Bình · 045 Quảng Trị · 046 Thừa Thiên Huế · 048 Đà Nẵng · 049 Quảng Nam · 051 Quảng Ngãi · 052 Bình Định · 054 Phú Yên · 056 Khánh Hòa · 058 Ninh Thuận · 060 Bình Thuận · 062 Kon Tum · 064 Gia Lai · 066 Đắk Lắk · 067 Đắk Nông · 068 Lâm Đồng · 070 Bình Phước · 072 Tây Ninh · 074 Bình Dương · 075 Đồng Nai · 077 BR-VT · 079 TP HCM · 080 Long An · 082 Tiền Giang · 083 Bến Tre · 084 Trà Vinh · 086 Vĩnh Long · 087 Đồng Tháp · 089 An Giang · 091 Kiên Giang · 092 Cần Thơ · 093 Hậu Giang · 094 Sóc Trăng · 095 Bạc Liêu · 096 Cà Mau`;

describe('province codes', () => {
  it('match the TT07/2016 list code by code', () => {
    const expected = DOMAIN_LIST.split(' · ').map((e) => [e.slice(0, 3), e.slice(4)] as const);
    expect(PROVINCE_CODES.map((p) => p.code)).toEqual(expected.map(([c]) => c));
    const rename: Record<string, string> = { 'BR-VT': 'Bà Rịa - Vũng Tàu', 'TP HCM': 'Hồ Chí Minh' };
    expect(PROVINCE_CODES.map((p) => p.name)).toEqual(expected.map(([, n]) => rename[n] ?? n));
  });
  it('map to 34 provinces, each of which is one of the old names or Huế', () => {
    const names = new Set(PROVINCE_CODES.map((p) => p.name));
    for (const p of PROVINCE_CODES) expect(names.has(p.mergedInto2025) || p.mergedInto2025 === 'Huế', p.code).toBe(true);
    // the 11 provinces not merged keep their own name
    for (const n of ['Hà Nội', 'Cao Bằng', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh']) {
      expect(PROVINCE_CODES.find((p) => p.name === n)?.mergedInto2025).toBe(n);
    }
  });
  it('names are NFC', () => {
    for (const p of PROVINCE_CODES) expect(p.name.normalize('NFC')).toBe(p.name);
  });
});

describe('subject catalogue', () => {
  it('slugs are unique and well-formed; offerings stay within their level', () => {
    const slugs = SUBJECT_CATALOGUE.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const range = { TH: [1, 5], THCS: [6, 9], THPT: [10, 12] } as const;
    for (const s of SUBJECT_CATALOGUE) {
      expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.nameVi.normalize('NFC')).toBe(s.nameVi);
      for (const o of s.offerings) {
        expect(o.grades[0] >= range[o.level][0] && o.grades[1] <= range[o.level][1], `${s.slug} ${o.level}`).toBe(true);
      }
    }
  });
  it('THPT has 9 electives (4 chosen), all 70 periods', () => {
    const electives = SUBJECT_CATALOGUE.filter((s) => offeringOf(s.slug, 11)?.group === 'LUA_CHON');
    expect(electives.map((s) => s.slug).sort()).toEqual(['biology', 'chemistry', 'economics-law', 'fine-arts', 'geography', 'informatics', 'music', 'physics', 'technology']);
    expect(electives.every((s) => offeringOf(s.slug, 11)!.periodsPerYear === 70)).toBe(true);
    expect(THPT_ELECTIVE_COUNT).toBe(4);
  });
  it('comment-only subjects per TT22 Art.5', () => {
    for (const grade of [6, 10]) {
      const comment = SUBJECT_CATALOGUE.filter((s) => offeringOf(s.slug, grade)?.assessment === 'COMMENT').map((s) => s.slug).sort();
      expect(comment, String(grade)).toEqual(grade === 6
        ? ['arts', 'experiential-career', 'fine-arts', 'local-education', 'music', 'physical-education']
        : ['experiential-career', 'fine-arts', 'local-education', 'music', 'physical-education']);
    }
  });
  it('compulsory subjects per level (DOMAIN.md §2)', () => {
    expect(compulsorySubjects(6).sort()).toEqual(['arts', 'civic-education', 'experiential-career', 'foreign-language-1', 'history-geography',
      'informatics', 'literature', 'local-education', 'mathematics', 'natural-sciences', 'physical-education', 'technology']);
    expect(compulsorySubjects(4).sort()).toEqual(['ethics', 'experiential-activities', 'fine-arts', 'foreign-language-1', 'history-geography',
      'informatics-technology', 'mathematics', 'music', 'physical-education', 'science', 'vietnamese']);
  });
});

describe('tables', () => {
  it('title ids are unique and supersede only existing titles of the same regime', () => {
    const ids = TITLE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of TITLE_RULES) for (const s of r.supersedes ?? []) expect(TITLE_RULES.find((x) => x.id === s)?.regime).toBe(r.regime);
  });
  it('every grade has one regime step per year at most', () => {
    const keys = ROADMAP.map((s) => `${s.grade}/${s.fromYear}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
