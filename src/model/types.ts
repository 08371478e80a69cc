/**
 * Public types of the Ministry data model: transcripts (học bạ) and gradebooks (sổ theo dõi và đánh giá học sinh).
 *
 * ## JSON representation (what the JSON Schema and the XSD describe)
 *
 * The types below ARE the JSON shape: a record is plain JSON, nothing is a class, no `Date` objects.
 *
 * - **Marks** ({@link Mark}) are JSON *strings* holding an exact decimal with at most one fractional digit,
 *   in `0`..`10`: pattern `^(10(\.0)?|[0-9](\.[0-9])?)$`, e.g. `"8.5"`, `"7"`, `"10.0"`, `"0"`.
 *   `"7"` and `"7.0"` are the same value (70 tenths); the string is kept verbatim (lossless), comparisons use
 *   the value. Computed averages are written by {@link formatScore} with exactly one decimal (`"8.0"`).
 *   Inside the SDK a mark is an integer number of tenths (`parseScore("8.5") === 85`); no floats anywhere.
 * - **Comment results** ({@link PassFail}) are the strings `"D"` (Đạt) and `"CD"` (Chưa đạt). A field typed
 *   `Mark | PassFail` takes one or the other according to the subject's `assessment` (`SCORE` or `COMMENT`).
 * - **Primary test scores** (TT27/TT30 bài kiểm tra định kì) are JSON integers 1..10 (the law allows no 0 and no decimals).
 * - **Counts** (grade, absences, periods per year, version) are JSON integers.
 * - **Dates** are strings `YYYY-MM-DD`; instants are RFC 3339 strings with an offset (`2025-05-25T08:00:00+07:00`).
 * - **School years** are strings `YYYY-YYYY` with consecutive years (`"2024-2025"`).
 * - **Enumerations** are upper-case ASCII strings (`"TOT"`, `"LEN_LOP"`); Vietnamese names live in label tables.
 * - **Free text** (names, comments) is Unicode NFC; optional members are *absent*, never `null`
 *   (`null` only appears inside `GradebookEntry.regular` for a mark not yet entered).
 * - Each {@link SchoolYearRecord} is a discriminated union on `regime`; members of another regime are rejected.
 * - Unknown members are rejected by validation (error `UNKNOWN_FIELD`), so a signed record has one meaning.
 *
 * @module
 */

// ---------------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------------

/**
 * A mark on the 10-point scale as an exact decimal string (`"8.5"`). See the module note.
 * Parse with `parseScore`, write with `formatScore`.
 */
export type Mark = string;

/** Integer tenths of a point (`85` = 8.5). Used inside the SDK only, never in JSON. */
export type Tenths = number;

/** Result of a comment-only subject: Đ (Đạt, passed) or CĐ (Chưa đạt, not passed). */
export type PassFail = 'D' | 'CD';

/** A date `YYYY-MM-DD`. */
export type IsoDate = string;

/** An instant, RFC 3339 with an offset. */
export type IsoDateTime = string;

/** A school year `YYYY-YYYY`, e.g. `"2024-2025"` (năm học). */
export type SchoolYear = string;

/** Sex as recorded in civil status: NAM (male), NU (female). */
export type Sex = 'NAM' | 'NU';

/** School level: TH (tiểu học, primary), THCS (lower secondary), THPT (upper secondary). */
export type SchoolLevel = 'TH' | 'THCS' | 'THPT';

// ---------------------------------------------------------------------------------------------------
// Regimes
// ---------------------------------------------------------------------------------------------------

/**
 * Assessment regime of one school year, fixed by (school year, grade) through the roadmaps:
 * - `TT22_2021`: Circular 22/2021/TT-BGDĐT (THCS/THPT, CT GDPT 2018).
 * - `TT27_2020`: Circular 27/2020/TT-BGDĐT (primary, CT GDPT 2018).
 * - `TT58_2011`: Circular 58/2011/TT-BGDĐT (THCS/THPT before TT22), optionally as amended by TT26/2020.
 * - `TT30_2014`: Circular 30/2014/TT-BGDĐT as amended by TT22/2016 (primary before TT27).
 */
export type Regime = 'TT22_2021' | 'TT27_2020' | 'TT58_2011' | 'TT30_2014';

/** Four-level scale of TT22 (rèn luyện, học tập): Tốt, Khá, Đạt, Chưa đạt. */
export type Level4 = 'TOT' | 'KHA' | 'DAT' | 'CHUA_DAT';

/** TT27/TT30 subject level: T (Hoàn thành tốt), H (Hoàn thành), C (Chưa hoàn thành). */
export type PrimarySubjectLevel = 'T' | 'H' | 'C';

/** TT27/TT30 quality/competency level: T (Tốt), D (Đạt), C (Cần cố gắng). */
export type PrimaryTraitLevel = 'T' | 'D' | 'C';

/** TT27 year overall: Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Chưa hoàn thành chương trình lớp học. */
export type PrimaryOverall = 'HTXS' | 'HTT' | 'HT' | 'CHT';

/** TT58 hạnh kiểm (conduct): Tốt, Khá, Trung bình, Yếu. */
export type LegacyConduct = 'T' | 'K' | 'TB' | 'Y';

/** TT58 học lực (academic standing): Giỏi, Khá, Trung bình, Yếu, Kém. */
export type LegacyStanding = 'G' | 'K' | 'TB' | 'Y' | 'KEM';

/**
 * End-of-year status (TT22 Arts 12–14; TT58 Arts 15–16):
 * LEN_LOP (promoted), O_LAI_LOP (retained), REN_LUYEN_HE (summer conduct training pending),
 * KIEM_TRA_LAI (re-assessment pending), HOAN_THANH_CT / CHUA_HOAN_THANH_CT (final grade: programme
 * completed / not completed).
 */
export type Outcome = 'LEN_LOP' | 'O_LAI_LOP' | 'REN_LUYEN_HE' | 'KIEM_TRA_LAI' | 'HOAN_THANH_CT' | 'CHUA_HOAN_THANH_CT';

// ---------------------------------------------------------------------------------------------------
// People, schools, signers
// ---------------------------------------------------------------------------------------------------

/**
 * Kinds of personal identifier: DDCN (12-digit số định danh cá nhân / CCCD), CMND9 and CMND12 (old identity
 * cards), PASSPORT (hộ chiếu).
 */
export type PersonalIdType = 'DDCN' | 'CMND9' | 'CMND12' | 'PASSPORT';

/** A personal identifier. */
export interface PersonalId {
  type: PersonalIdType;
  /** Digits for DDCN/CMND, the passport number otherwise. */
  value: string;
}

/** A code in a named code system (no MOET code list is published, so the system is explicit). */
export interface Code {
  /** e.g. `moet-school`, `moet-student`, `admissions-province`, `vendor:vnedu`. */
  system: string;
  value: string;
}

/** A parent or guardian (cha, mẹ, người giám hộ). */
export interface Guardian {
  /** CHA (father), ME (mother), GIAM_HO (guardian). */
  relation: 'CHA' | 'ME' | 'GIAM_HO';
  name: string;
  occupation?: string;
}

/** A student (học sinh). */
export interface Student {
  /** The record system's own identifier (opaque). */
  id: string;
  /** MOET student identifier (mã định danh học sinh, TT42/2021 Art.10): opaque, immutable. */
  moetStudentId?: string;
  /** Lifelong learning-record number (mã số hồ sơ học tập suốt đời), if issued. */
  lifelongRecordNo?: string;
  personalId?: PersonalId;
  fullName: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  placeOfBirth?: string;
  /** Dân tộc. */
  ethnicity?: string;
  /** Đối tượng chính sách. */
  policyGroup?: string;
  /** Nơi ở hiện nay. */
  residence?: string;
  guardians?: Guardian[];
  /** Số sổ đăng bộ (school registry number). */
  registryNo?: string;
}

/** The school's address as of a date (names of provinces changed with the 2025 merger). */
export interface AddressAsOf {
  province: string;
  district?: string;
  commune?: string;
  /** Date from which these names applied. */
  effectiveFrom: IsoDate;
}

/** A school (trường). Names are recorded as of the record's date. */
export interface School {
  id: string;
  name: string;
  /** LIEN_CAP = multi-level school, GDTX = continuing-education centre. */
  level: SchoolLevel | 'LIEN_CAP' | 'GDTX';
  /** CONG_LAP (public; its seal certificate comes from VGCA) or NGOAI_CONG_LAP (private). */
  ownership: 'CONG_LAP' | 'NGOAI_CONG_LAP';
  codes: Code[];
  addressAsOf: AddressAsOf;
  /** Supervising department (Sở/Phòng GDĐT) as named at the time. */
  departmentName: string;
}

/**
 * Roles of the people and entities that sign records:
 * GV_BO_MON (subject teacher), GVCN (giáo viên chủ nhiệm, homeroom teacher), HIEU_TRUONG (principal),
 * PHO_HIEU_TRUONG_UQ (deputy principal signing by authorisation), DON_VI_CON_DAU (the school's unit seal),
 * SO_GDDT (provincial department of education).
 */
export type SignerRole = 'GV_BO_MON' | 'GVCN' | 'HIEU_TRUONG' | 'PHO_HIEU_TRUONG_UQ' | 'DON_VI_CON_DAU' | 'SO_GDDT';

/** Who is expected to sign a part of a record. The model names signers; signatures live in containers. */
export interface SignerRef {
  role: SignerRole;
  /** Person's full name, or the unit's name for DON_VI_CON_DAU / SO_GDDT. */
  name: string;
  /** 12-digit personal ID of a person (matched against the certificate UID `CCCD:`), or the unit's tax code. */
  personalId?: string;
  /** Optional pin: SHA-256 of the expected signing certificate, lowercase hex (64 chars). */
  certFingerprint?: string;
  /** For PHO_HIEU_TRUONG_UQ: the authorisation (quyết định ủy quyền). */
  authorisation?: { decisionNo: string; date: IsoDate };
}

// ---------------------------------------------------------------------------------------------------
// Subjects
// ---------------------------------------------------------------------------------------------------

/** How a subject is assessed (TT22 Art.5): SCORE (nhận xét kết hợp điểm số) or COMMENT (chỉ nhận xét, Đ/CĐ). */
export type AssessmentKind = 'SCORE' | 'COMMENT';

/** Place of a subject in the programme: BAT_BUOC (compulsory), LUA_CHON (THPT elective), TU_CHON (optional). */
export type SubjectGroup = 'BAT_BUOC' | 'LUA_CHON' | 'TU_CHON';

/** A subject as taught in one class and year (môn học / hoạt động giáo dục). */
export interface SubjectDef {
  /** Stable slug from the catalogue (`mathematics`, `literature`, ...), or `x-...` for a local subject. */
  slug: string;
  /** Name as printed (Vietnamese). */
  nameVi: string;
  assessment: AssessmentKind;
  /** Periods per year from the school's education plan (kế hoạch giáo dục); fixes the ĐĐGtx count. */
  periodsPerYear: number;
  group?: SubjectGroup;
  /** THPT: the class takes this subject's cụm chuyên đề học tập (adds one ĐĐGtx per semester). */
  hasTopicCluster?: boolean;
}

/** A correction made on a record (sửa chữa), confirmed by the signer who made it. */
export interface Correction {
  /** JSON Pointer of the corrected member, relative to the year record. */
  field: string;
  old: string;
  new: string;
  by: SignerRef;
  at: IsoDateTime;
  reason?: string;
}

// ---------------------------------------------------------------------------------------------------
// Per-year records, one per regime
// ---------------------------------------------------------------------------------------------------

/** Members common to every school-year record. */
export interface SchoolYearRecordBase {
  schoolYear: SchoolYear;
  /** Grade (khối lớp) 1..12. */
  grade: number;
  /** Class name (tên lớp), e.g. `10A1`. */
  className: string;
  school: School;
  /** Absences in sessions (buổi): có phép (excused) and không phép (unexcused). */
  absences: { excused: number; unexcused: number };
  /** Titles awarded (danh hiệu), ids from the title table (e.g. `HS_XUAT_SAC`). */
  titles?: string[];
  /** Nhận xét của GVCN. */
  homeroomComment: string;
  homeroom: SignerRef;
  /** HIEU_TRUONG, or PHO_HIEU_TRUONG_UQ with an authorisation. */
  principal: SignerRef;
  /** The school's unit seal (for the institution signature), when the school signs as an entity. */
  seal?: SignerRef;
  corrections?: Correction[];
}

/** One subject row of a TT22 or TT58 year (marks, or Đ/CĐ for comment subjects). */
export interface SubjectResult {
  subject: SubjectDef;
  /** ĐTBmhk I (or Đ/CĐ). */
  hk1?: Mark | PassFail;
  /** ĐTBmhk II (or Đ/CĐ). */
  hk2?: Mark | PassFail;
  /** ĐTBmcn (or Đ/CĐ for the year). */
  year?: Mark | PassFail;
  /** Value after re-assessment (kiểm tra lại), if any. */
  reassessed?: Mark | PassFail;
  /** Teacher's remark (nhận xét). */
  teacherComment?: string;
  /** The subject teacher (GV_BO_MON) who signs this row. */
  teacher: SignerRef;
}

/** THCS/THPT year under Circular 22/2021. */
export interface Tt22YearRecord extends SchoolYearRecordBase {
  regime: 'TT22_2021';
  subjects: SubjectResult[];
  /** THPT: the slugs of the 3 subjects whose cụm chuyên đề học tập the student takes. */
  topicClusters?: string[];
  /** Rèn luyện (Art.8): semester levels are judgements; the year level is computed. */
  conduct: { hk1: Level4; hk2: Level4; year: Level4; afterSummer?: Level4 };
  /** Học tập (Art.9): computed from the subjects. `adjusted` says Art.9.3 was applied. */
  learning: { hk1: Level4; hk2: Level4; year: Level4; afterReassess?: Level4; adjusted?: boolean };
  outcome: Outcome;
}

/** One primary subject or activity row (TT27 Art.6–7; TT30). */
export interface PrimarySubjectResult {
  subject: SubjectDef;
  /** End-of-year level. */
  level: PrimarySubjectLevel;
  /** End-of-year periodic test (bài kiểm tra định kì cuối năm), integer 1..10, for tested subjects. */
  testScore?: number;
  /** End-of-HKI level and test, if recorded. */
  hk1?: { level: PrimarySubjectLevel; testScore?: number };
  teacherComment?: string;
  teacher: SignerRef;
}

/** Primary year under Circular 27/2020. */
export interface Tt27YearRecord extends SchoolYearRecordBase {
  regime: 'TT27_2020';
  subjects: PrimarySubjectResult[];
  /** Phẩm chất: yeu-nuoc, nhan-ai, cham-chi, trung-thuc, trach-nhiem. */
  qualities: Record<string, PrimaryTraitLevel>;
  /** Năng lực chung (tu-chu-tu-hoc, giao-tiep-hop-tac, gqvd-sang-tao) and đặc thù (ngon-ngu, tinh-toan, ...). */
  competencies: Record<string, PrimaryTraitLevel>;
  overall: PrimaryOverall;
  /** HOAN_THANH_CT for grade 5 completing primary; LEN_LOP / O_LAI_LOP otherwise. */
  outcome: Outcome;
}

/** Primary year under Circular 30/2014 as amended by TT22/2016 (legacy). */
export interface Tt30YearRecord extends SchoolYearRecordBase {
  regime: 'TT30_2014';
  subjects: PrimarySubjectResult[];
  /** Phẩm chất (chăm học chăm làm, tự tin trách nhiệm, trung thực kỉ luật, đoàn kết yêu thương). */
  qualities: Record<string, PrimaryTraitLevel>;
  /** Năng lực (tự phục vụ tự quản, hợp tác, tự học và giải quyết vấn đề). */
  competencies: Record<string, PrimaryTraitLevel>;
  /** HOAN_THANH (completed the grade programme) or CHUA_HOAN_THANH. */
  overall: 'HOAN_THANH' | 'CHUA_HOAN_THANH';
  outcome: Outcome;
}

/** THCS/THPT year under Circular 58/2011 (legacy), optionally with the TT26/2020 amendments. */
export interface Tt58YearRecord extends SchoolYearRecordBase {
  regime: 'TT58_2011';
  /** `TT26_2020` when the year used the amended marks (ĐĐGtx/gk/ck) and rules. */
  amendedBy?: 'TT26_2020';
  subjects: SubjectResult[];
  /** Hạnh kiểm per semester and year (teacher judgement). */
  conduct: { hk1: LegacyConduct; hk2: LegacyConduct; year: LegacyConduct; afterSummer?: LegacyConduct };
  /** Học lực per semester and year, with the overall averages (ĐTBhk, ĐTBcn over all scored subjects). */
  standing: {
    hk1: LegacyStanding; hk2: LegacyStanding; year: LegacyStanding; afterReassess?: LegacyStanding;
    averageHk1: Mark; averageHk2: Mark; averageYear: Mark;
  };
  outcome: Outcome;
}

/** One school year of a transcript: a discriminated union on `regime`. */
export type SchoolYearRecord = Tt22YearRecord | Tt27YearRecord | Tt58YearRecord | Tt30YearRecord;

// ---------------------------------------------------------------------------------------------------
// Transcript (học bạ)
// ---------------------------------------------------------------------------------------------------

/** One row of "Quá trình học tập" on page 1. */
export interface EnrollmentRow {
  schoolYear: SchoolYear;
  className: string;
  school: School;
  enrolledOn?: IsoDate;
  registryNo?: string;
}

/** A student's transcript (học bạ) for one school level. */
export interface Transcript {
  /** Record type tag, always `"transcript"`. */
  kind: 'transcript';
  /** Schema version of this representation, currently 1. */
  schemaVersion: 1;
  id: string;
  level: SchoolLevel;
  student: Student;
  enrollmentHistory: EnrollmentRow[];
  /** School years in chronological order. */
  years: SchoolYearRecord[];
  /** Content version: a correction after signing makes a new version that must be re-signed. */
  version: number;
}

// ---------------------------------------------------------------------------------------------------
// Gradebook (sổ theo dõi và đánh giá học sinh, theo lớp)
// ---------------------------------------------------------------------------------------------------

/** A student row of the class list. */
export interface GradebookStudent {
  id: string;
  fullName: string;
  sex?: Sex;
  dateOfBirth?: IsoDate;
  moetStudentId?: string;
}

/** A make-up assessment (kiểm tra bù). */
export interface MakeUp {
  /** TX (regular), GK (mid-term), CK (end-term). */
  kind: 'TX' | 'GK' | 'CK';
  /** 0-based index into `regular` for TX. */
  index?: number;
  date: IsoDate;
}

/** Marks of one student in one subject for one semester. */
export interface GradebookEntry {
  studentId: string;
  subjectSlug: string;
  semester: 1 | 2;
  /** ĐĐGtx (regular assessments, weight 1); `null` = not entered yet. */
  regular: (Mark | PassFail | null)[];
  /** ĐĐGgk (mid-term, weight 2). */
  midterm?: Mark | PassFail;
  /** ĐĐGck (end-term, weight 3). */
  final?: Mark | PassFail;
  makeUps?: MakeUp[];
  /** ĐTBmhk (or Đ/CĐ), as declared; recomputed by validation. */
  average?: Mark | PassFail;
  teacherComment?: string;
  enteredBy: SignerRef;
  updatedAt: IsoDateTime;
}

/** Year result of one student in one subject (ĐTBmcn or Đ/CĐ; after re-assessment if any). */
export interface GradebookYearResult {
  studentId: string;
  subjectSlug: string;
  average: Mark | PassFail;
  reassessed?: Mark | PassFail;
}

/** A lock of a semester or the year (khóa sổ) by a signer. */
export interface GradebookLock {
  scope: 'HK1' | 'HK2' | 'YEAR';
  by: SignerRef;
  at: IsoDateTime;
}

/** A class gradebook for one school year (TT22, or TT58 as amended by TT26: same ĐĐG structure). */
export interface Gradebook {
  kind: 'gradebook';
  schemaVersion: 1;
  id: string;
  regime: 'TT22_2021' | 'TT58_2011';
  schoolYear: SchoolYear;
  grade: number;
  school: School;
  className: string;
  homeroom: SignerRef;
  subjects: SubjectDef[];
  students: GradebookStudent[];
  entries: GradebookEntry[];
  yearResults?: GradebookYearResult[];
  locks?: GradebookLock[];
  version: number;
}

// ---------------------------------------------------------------------------------------------------
// Validation results
// ---------------------------------------------------------------------------------------------------

/** One validation remark. Structurally a superset of the PKI `Finding` (code, message, messageVi). */
export interface ModelFinding {
  /** Stable code, e.g. `AVERAGE_MISMATCH`, `REGIME_MISMATCH`, `UNKNOWN_FIELD`. */
  code: string;
  /** JSON Pointer (RFC 6901) to the offending member, `""` for the whole value. */
  path: string;
  /** English text. */
  message: string;
  /** Vietnamese text. */
  messageVi: string;
  /** The value in the record (for mismatches), as JSON-friendly text. */
  declared?: string;
  /** The value recomputed by the rules. */
  computed?: string;
}

/** Result of `validateTranscript` / `validateGradebook`. `ok` is true when there is no error. */
export interface ValidationResult {
  ok: boolean;
  errors: ModelFinding[];
  warnings: ModelFinding[];
}
