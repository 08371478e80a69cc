/** Hand-written valid records for the validation tests (JSON-shaped, deep-cloned per use). */

export const school = (level: string) => ({
  id: 'sch-1', name: level === 'TH' ? 'Trường Tiểu học Kim Liên' : level === 'THCS' ? 'Trường THCS Giảng Võ' : 'Trường THPT Chu Văn An',
  level, ownership: 'CONG_LAP', codes: [{ system: 'moet-school', value: '01001234' }],
  addressAsOf: { province: 'Hà Nội', district: 'Ba Đình', effectiveFrom: '2020-01-01' }, departmentName: 'Sở Giáo dục và Đào tạo Hà Nội',
});
const teacher = (name: string) => ({ role: 'GV_BO_MON', name });
const homeroom = { role: 'GVCN', name: 'Trần Thị Bình', personalId: '001185001111' };
const principal = { role: 'HIEU_TRUONG', name: 'Lê Văn Cường' };

const row = (slug: string, nameVi: string, assessment: 'SCORE' | 'COMMENT', periodsPerYear: number, hk1: string, hk2: string, year: string) => ({
  subject: { slug, nameVi, assessment, periodsPerYear }, hk1, hk2, year, teacher: teacher(`GV ${nameVi}`),
});

/** A THPT grade-10 year under TT22 (2024-2025): all scored subjects 8.0 / 8.5 → ĐTBmcn 8.3, Tốt. */
export function thptYear(): Record<string, unknown> {
  const S = (slug: string, name: string, periods: number) => row(slug, name, 'SCORE', periods, '8.0', '8.5', '8.3');
  const C = (slug: string, name: string, periods: number) => row(slug, name, 'COMMENT', periods, 'D', 'D', 'D');
  return {
    regime: 'TT22_2021', schoolYear: '2024-2025', grade: 10, className: '10A1', school: school('THPT'),
    subjects: [
      S('literature', 'Ngữ văn', 105), S('mathematics', 'Toán', 105), S('foreign-language-1', 'Tiếng Anh', 105),
      S('history', 'Lịch sử', 52), C('physical-education', 'Giáo dục thể chất', 70), S('defence-security', 'Giáo dục quốc phòng và an ninh', 35),
      C('experiential-career', 'Hoạt động trải nghiệm, hướng nghiệp', 105), C('local-education', 'Nội dung giáo dục của địa phương', 35),
      S('physics', 'Vật lí', 70), S('chemistry', 'Hóa học', 70), S('biology', 'Sinh học', 70), S('informatics', 'Tin học', 70),
    ],
    topicClusters: ['mathematics', 'physics', 'chemistry'],
    conduct: { hk1: 'TOT', hk2: 'TOT', year: 'TOT' },
    learning: { hk1: 'TOT', hk2: 'TOT', year: 'TOT' },
    absences: { excused: 2, unexcused: 0 }, outcome: 'LEN_LOP', titles: ['HS_GIOI'],
    homeroomComment: 'Chăm ngoan, học tốt.', homeroom, principal,
  };
}

export const student = () => ({
  id: 'hs-0001', moetStudentId: '0112345678', personalId: { type: 'DDCN', value: '001209012345' },
  fullName: 'Nguyễn Văn An', sex: 'NAM', dateOfBirth: '2009-05-14', placeOfBirth: 'Hà Nội', ethnicity: 'Kinh',
  guardians: [{ relation: 'ME', name: 'Phạm Thị Dung', occupation: 'Giáo viên' }],
});

export function thptTranscript(): Record<string, unknown> {
  return {
    kind: 'transcript', schemaVersion: 1, id: 'hb-thpt-0001', level: 'THPT', student: student(),
    enrollmentHistory: [{ schoolYear: '2024-2025', className: '10A1', school: school('THPT'), enrolledOn: '2024-08-01' }],
    years: [thptYear()], version: 1,
  };
}

/** A THCS grade-6 year under TT22 (2021-2022), mixed marks, Khá. */
export function thcsYear(): Record<string, unknown> {
  return {
    regime: 'TT22_2021', schoolYear: '2021-2022', grade: 6, className: '6A2', school: school('THCS'),
    subjects: [
      row('literature', 'Ngữ văn', 'SCORE', 140, '6.5', '7.0', '6.8'),      // (65+140)/3 = 68.3
      row('mathematics', 'Toán', 'SCORE', 140, '7.4', '6.9', '7.1'),        // (74+138)/3 = 70.7
      row('foreign-language-1', 'Tiếng Anh', 'SCORE', 105, '8.0', '8.2', '8.1'), // 244/3 = 81.3
      row('civic-education', 'Giáo dục công dân', 'SCORE', 35, '8.5', '9.0', '8.8'), // 265/3 = 88.3
      row('history-geography', 'Lịch sử và Địa lí', 'SCORE', 105, '6.0', '7.0', '6.7'), // 200/3 = 66.7
      row('natural-sciences', 'Khoa học tự nhiên', 'SCORE', 140, '5.5', '6.4', '6.1'), // 183/3 = 61
      row('technology', 'Công nghệ', 'SCORE', 35, '7.0', '7.5', '7.3'),     // 220/3 = 73.3
      row('informatics', 'Tin học', 'SCORE', 35, '9.0', '9.5', '9.3'),      // 280/3 = 93.3
      row('physical-education', 'Giáo dục thể chất', 'COMMENT', 70, 'D', 'D', 'D'),
      row('arts', 'Nghệ thuật', 'COMMENT', 70, 'CD', 'D', 'D'),
      row('experiential-career', 'Hoạt động trải nghiệm, hướng nghiệp', 'COMMENT', 105, 'D', 'D', 'D'),
      row('local-education', 'Nội dung giáo dục của địa phương', 'COMMENT', 35, 'D', 'D', 'D'),
    ],
    // HKI: one CĐ, six scored ≥5.0, none <3.5 → Đạt by Art.9.2; but Khá except for that one subject → one
    // step only, so no Art.9.3 adjustment. HKII and year: all Đ, all ≥5.0, ≥6 at ≥6.5 → Khá.
    conduct: { hk1: 'KHA', hk2: 'TOT', year: 'TOT' },
    learning: { hk1: 'DAT', hk2: 'KHA', year: 'KHA' },
    absences: { excused: 20, unexcused: 25 }, outcome: 'LEN_LOP',
    homeroomComment: 'Tiến bộ.', homeroom, principal,
  };
}

/** A primary grade-1 year under TT27 (2020-2021), HTT. */
export function primaryYear(): Record<string, unknown> {
  const P = (slug: string, nameVi: string, periods: number, level: string, testScore?: number) => ({
    subject: { slug, nameVi, assessment: 'COMMENT', periodsPerYear: periods }, level, ...(testScore === undefined ? {} : { testScore }),
    teacher: { role: 'GVCN', name: 'Trần Thị Bình' },
  });
  return {
    regime: 'TT27_2020', schoolYear: '2020-2021', grade: 1, className: '1A', school: school('TH'),
    subjects: [
      P('vietnamese', 'Tiếng Việt', 420, 'T', 9), P('mathematics', 'Toán', 105, 'T', 8), P('ethics', 'Đạo đức', 35, 'T'),
      P('nature-society', 'Tự nhiên và Xã hội', 70, 'T'), P('physical-education', 'Giáo dục thể chất', 70, 'T'),
      P('music', 'Âm nhạc', 35, 'T'), P('fine-arts', 'Mĩ thuật', 35, 'T'), P('experiential-activities', 'Hoạt động trải nghiệm', 105, 'T'),
    ],
    qualities: { 'yeu-nuoc': 'T', 'nhan-ai': 'T', 'cham-chi': 'T', 'trung-thuc': 'T', 'trach-nhiem': 'T' },
    competencies: { 'tu-chu-tu-hoc': 'T', 'giao-tiep-hop-tac': 'T', 'gqvd-sang-tao': 'T', 'ngon-ngu': 'T', 'tinh-toan': 'T' },
    overall: 'HTT', outcome: 'LEN_LOP', titles: ['HS_TIEU_BIEU'], absences: { excused: 0, unexcused: 0 },
    homeroomComment: 'Ngoan, chăm học.', homeroom, principal,
  };
}

/** A legacy TT58 grade-10 year (2019-2020): ĐTB 7.2, Khá. */
export function legacyYear(): Record<string, unknown> {
  const S = (slug: string, name: string, hk1: string, hk2: string, year: string) => row(slug, name, 'SCORE', 70, hk1, hk2, year);
  return {
    regime: 'TT58_2011', schoolYear: '2019-2020', grade: 10, className: '10A3', school: school('THPT'),
    subjects: [
      S('mathematics', 'Toán', '7.0', '7.3', '7.2'),   // 216/3 = 72
      S('literature', 'Ngữ văn', '6.6', '6.9', '6.8'), // 204/3 = 68
      S('physics', 'Vật lí', '7.5', '8.0', '7.8'),     // 235/3 = 78.3
      S('chemistry', 'Hóa học', '6.5', '7.0', '6.8'),  // 205/3 = 68.3
      row('physical-education', 'Thể dục', 'COMMENT', 70, 'D', 'D', 'D'),
    ],
    // ĐTBhk1 = (70+66+75+65)/4 = 69; ĐTBhk2 = (73+69+80+70)/4 = 73; ĐTBcn = (72+68+78+68)/4 = 71.5 → 72
    conduct: { hk1: 'T', hk2: 'T', year: 'T' },
    standing: { hk1: 'K', hk2: 'K', year: 'K', averageHk1: '6.9', averageHk2: '7.3', averageYear: '7.2' },
    absences: { excused: 1, unexcused: 0 }, outcome: 'LEN_LOP', titles: ['HS_TIEN_TIEN'],
    homeroomComment: 'Khá.', homeroom, principal,
  };
}

/** A small gradebook (TT22, 10A1 2024-2025): 2 students × 2 subjects × 2 semesters, with year results. */
export function smallGradebook(): Record<string, unknown> {
  const by = { role: 'GV_BO_MON', name: 'Đỗ Văn Em' };
  const at = '2025-01-10T08:00:00+07:00';
  const e = (studentId: string, subjectSlug: string, semester: number, regular: (string | null)[], midterm: string, final: string, average?: string) => ({
    studentId, subjectSlug, semester, regular, midterm, final, ...(average === undefined ? {} : { average }), enteredBy: by, updatedAt: at,
  });
  return {
    kind: 'gradebook', schemaVersion: 1, id: 'sd-10a1-2024', regime: 'TT22_2021', schoolYear: '2024-2025', grade: 10,
    school: school('THPT'), className: '10A1', homeroom,
    subjects: [
      { slug: 'mathematics', nameVi: 'Toán', assessment: 'SCORE', periodsPerYear: 105, hasTopicCluster: true },
      { slug: 'physical-education', nameVi: 'Giáo dục thể chất', assessment: 'COMMENT', periodsPerYear: 70 },
    ],
    students: [{ id: 'hs-1', fullName: 'Nguyễn Văn An', sex: 'NAM' }, { id: 'hs-2', fullName: 'Lê Thị Hoa', sex: 'NU' }],
    entries: [
      // Toán: 105 periods → 4 ĐĐGtx + 1 chuyên đề = 5; (8+9+7+8+10 + 2·7.5 + 3·8.25?) — marks have one decimal:
      // (80+90+70+80+100 + 2·75 + 3·85)/10 = (420+150+255)/10 = 82.5 → 8.3 (half-up)
      e('hs-1', 'mathematics', 1, ['8', '9', '7', '8', '10'], '7.5', '8.5', '8.3'),
      // (70·5 + 2·60 + 3·65)/10 = (350+120+195)/10 = 66.5 → 6.7
      e('hs-1', 'mathematics', 2, ['7', '7', '7', '7', '7'], '6', '6.5', '6.7'),
      e('hs-2', 'mathematics', 1, ['5', '6', '5.5', '6', '4'], '5', '4.5', '5.0'),  // (265+100+135)/10 = 50
      e('hs-2', 'mathematics', 2, ['3', '4', '4.5', '5', '4'], '4', '3.5', '3.9'),  // (205+80+105)/10 = 39
      e('hs-1', 'physical-education', 1, ['D', 'D', 'D'], 'D', 'D', 'D'),
      e('hs-1', 'physical-education', 2, ['D', 'D', 'D'], 'D', 'D', 'D'),
      e('hs-2', 'physical-education', 1, ['D', 'CD', 'D'], 'D', 'D', 'CD'),
      e('hs-2', 'physical-education', 2, ['D', 'D', 'D'], 'D', 'D', 'D'),
    ],
    yearResults: [
      { studentId: 'hs-1', subjectSlug: 'mathematics', average: '7.2' },  // (83 + 134)/3 = 72.3
      { studentId: 'hs-2', subjectSlug: 'mathematics', average: '4.3', reassessed: '5.5' }, // (50+78)/3 = 42.7 → 4.3
      { studentId: 'hs-1', subjectSlug: 'physical-education', average: 'D' },
      { studentId: 'hs-2', subjectSlug: 'physical-education', average: 'D' },
    ],
    version: 1,
  };
}

/** A legacy primary grade-2 year under TT30/2014 + TT22/2016 (2019-2020), completed. */
export function tt30Year(): Record<string, unknown> {
  const P = (slug: string, nameVi: string, level: string, testScore?: number) => ({
    subject: { slug, nameVi, assessment: 'COMMENT', periodsPerYear: 70 }, level, ...(testScore === undefined ? {} : { testScore }),
    teacher: { role: 'GVCN', name: 'Trần Thị Bình' },
  });
  return {
    regime: 'TT30_2014', schoolYear: '2019-2020', grade: 2, className: '2B', school: school('TH'),
    subjects: [P('vietnamese', 'Tiếng Việt', 'H', 7), P('mathematics', 'Toán', 'T', 9), P('ethics', 'Đạo đức', 'H')],
    qualities: { 'cham-hoc-cham-lam': 'D', 'tu-tin-trach-nhiem': 'T', 'trung-thuc-ki-luat': 'T', 'doan-ket-yeu-thuong': 'T' },
    competencies: { 'tu-phuc-vu-tu-quan': 'D', 'hop-tac': 'T', 'tu-hoc-giai-quyet-van-de': 'D' },
    overall: 'HOAN_THANH', outcome: 'LEN_LOP', absences: { excused: 3, unexcused: 0 },
    homeroomComment: 'Hoàn thành chương trình lớp 2.', homeroom: { role: 'GVCN', name: 'Trần Thị Bình' }, principal: { role: 'HIEU_TRUONG', name: 'Lê Văn Cường' },
  };
}
