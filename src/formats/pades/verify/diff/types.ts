/**
 * Types of the modification analysis: what changed between two revisions, what each object is for, and the
 * small rules that judge a change (pyHanko's diff_analysis idea: many small rules, one policy).
 * @module
 */
import type { PdfDocument } from '../../pdf/document.js';
import type { PdfObject } from '../../pdf/objects.js';

/**
 * How much a change modifies the document, in DocMDP order: `none` (no visible effect), `lta` (DSS, document
 * timestamps: allowed under every P), `signing` and `form-filling` (P >= 2), `annotations` (P = 3), `forbidden`.
 */
export type ModificationLevel = 'none' | 'lta' | 'signing' | 'form-filling' | 'annotations' | 'forbidden';

/** One object written by an incremental update. */
export interface ObjectChange {
  /** The revision that wrote it. */
  revision: number;
  num: number;
  gen: number;
  kind: 'added' | 'modified' | 'deleted';
  /** The object as of the previous revision (`undefined` when it did not exist). */
  before: PdfObject | undefined;
  /** The object as of `revision` (`undefined` when deleted). */
  after: PdfObject | undefined;
}

/** What a field is. */
export interface FieldRole {
  name: string;
  /** Field type (inherited): `Sig`, `Tx`, `Btn`, `Ch`. */
  type: string | undefined;
  /** `true` when a signature field already has a value. */
  signed: boolean;
}

/** The role of each object in one revision, found by a bounded walk from the catalog. */
export interface RoleMap {
  rootNum: number | undefined;
  /** The document information dictionary (trailer /Info) and the XMP metadata stream (catalog /Metadata). */
  infoNum: number | undefined;
  metadataNum: number | undefined;
  acroFormNum: number | undefined;
  /** Field dictionaries (terminal fields and their parents) by object number. */
  fields: Map<number, FieldRole>;
  /** Widget annotations by object number, with the field they belong to. */
  widgets: Map<number, FieldRole>;
  /** Page objects (leaves) and page-tree nodes. */
  pages: Set<number>;
  pageNodes: Set<number>;
  /** Non-widget annotations. */
  annotations: Set<number>;
  /** Indirect /Annots arrays, with the page that owns them. */
  annotsArrays: Map<number, number>;
  /** Appearance streams (and their sub-objects) of widgets. */
  appearances: Map<number, FieldRole>;
  /** Signature dictionaries (values of signature fields). */
  signatureDicts: Set<number>;
  /** The DSS dictionary and everything under it. */
  dss: Set<number>;
  /** Object numbers referenced anywhere in the walked structure. */
  referenced: Set<number>;
}

/** Everything a rule may look at. */
export interface RuleContext {
  doc: PdfDocument;
  /** Roles before the change (revision - 1) and after it (revision). */
  before: RoleMap;
  after: RoleMap;
  /** Fields locked by FieldMDP for the signature being judged. */
  isLocked(fieldName: string): boolean;
  /** The object `ref` as of the previous / current revision. */
  resolveBefore(value: PdfObject | undefined): PdfObject | undefined;
  resolveAfter(value: PdfObject | undefined): PdfObject | undefined;
  /** Object numbers referenced from the previous revision (computed on first use). */
  referencedBefore(): Set<number>;
  /** Objects the previous revision's pages are drawn from (content streams, resources), see `contentObjects`. */
  contentObjectsBefore(): Set<number>;
  /** Objects the previous revision's document is made of (catalog without /Metadata, no /Info). */
  documentObjectsBefore(): Set<number>;
}

/** A rule's judgement of one change. */
export interface RuleVerdict {
  level: ModificationLevel;
  /** English description (shown in `modificationsAfter`). */
  description: string;
  /** Vietnamese description. */
  descriptionVi: string;
}

/** One rule: returns a verdict when it knows this kind of change, `undefined` to let the next rule decide. */
export interface DiffRule {
  name: string;
  judge(change: ObjectChange, ctx: RuleContext): RuleVerdict | undefined;
}

