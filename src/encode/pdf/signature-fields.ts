/**
 * Empty signature fields (AcroForm `/FT /Sig`, ISO 32000-1 §12.7.4.5) that the PAdES signer later signs
 * into, by full name.
 *
 * ## Naming (shared with the signer and the demo)
 * Full names are `ROLE.YEAR[.SUBJECT]`, built as a field hierarchy because a partial name may not contain a
 * period (ISO 32000-1 §12.7.3.2): a parent `/T (GV_BO_MON)`, its kid `/T (2024-2025)`, and a terminal kid
 * `/T (mathematics)` merged with its widget. Roles are the model's {@link SignerRole}s:
 * - `GV_BO_MON.<year>.<subject slug>`: the subject teacher of one subject row (transcript) or subject table (gradebook);
 * - `GVCN.<year>`: the homeroom teacher (comment / gradebook summary);
 * - `HIEU_TRUONG.<year>`: the principal's approval (also used by a PHO_HIEU_TRUONG_UQ signing by authorisation);
 * - `DON_VI_CON_DAU.<year>`: the school's unit seal.
 * @module
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { SignerRole } from '../../model/types.js';

/** The full name of a signature field, e.g. `GV_BO_MON.2024-2025.mathematics`. */
export interface SignatureFieldName {
  role: SignerRole;
  schoolYear: string;
  /** Subject slug, for GV_BO_MON fields. */
  subject?: string;
}

/** A field placed on a page. */
export interface PlacedSignatureField extends SignatureFieldName {
  /** Full name as the signer takes it. */
  fullName: string;
  /** 0-based page index. */
  pageIndex: number;
  /** `[x, y, width, height]` in page space. */
  rect: [number, number, number, number];
}

/**
 * The full field name for a signer slot.
 *
 * @example
 * ```ts
 * signatureFieldName({ role: 'GV_BO_MON', schoolYear: '2024-2025', subject: 'mathematics' }) // 'GV_BO_MON.2024-2025.mathematics'
 * signatureFieldName({ role: 'GVCN', schoolYear: '2024-2025' }) // 'GVCN.2024-2025'
 * ```
 */
export function signatureFieldName(slot: SignatureFieldName): string {
  const parts = [slot.role, slot.schoolYear, ...(slot.subject === undefined ? [] : [slot.subject])];
  return parts.map((p) => p.replace(/\./g, '_')).join('.');
}

/** Collects fields while pages are drawn, then writes the AcroForm once. */
export class SignatureFieldCollector {
  readonly fields: PlacedSignatureField[] = [];

  /**
   * Remembers a field at `rect` on page `pageIndex`. Names must be unique (a second field with the same name is ignored).
   *
   * @example
   * ```ts
   * collector.add({ role: 'GVCN', schoolYear: '2024-2025' }, 3, [300, 120, 220, 60]);
   * ```
   */
  add(slot: SignatureFieldName, pageIndex: number, rect: [number, number, number, number]): void {
    const fullName = signatureFieldName(slot);
    if (this.fields.some((f) => f.fullName === fullName)) return;
    this.fields.push({ ...slot, fullName, pageIndex, rect });
  }
}

interface Node { dict: PDFDict; ref: PDFRef; kids: Map<string, Node> }

/**
 * Writes the collected fields into the document: the field tree under /AcroForm /Fields, one merged
 * field/widget per terminal name (`/FT /Sig`, `/F 4` print, an empty appearance stream of the widget's size as
 * PDF/A requires), added to its page's /Annots. /SigFlags is left for the signer (no signature yet).
 *
 * @example
 * ```ts
 * writeSignatureFields(doc, collector.fields);
 * ```
 */
export function writeSignatureFields(doc: PDFDocument, fields: PlacedSignatureField[]): void {
  if (fields.length === 0) return;
  const { context } = doc;
  const pages: PDFPage[] = doc.getPages();
  const roots = new Map<string, Node>();
  const rootRefs: PDFRef[] = [];
  const nodeFor = (parts: string[]): Node => {
    let level = roots;
    let parent: Node | undefined;
    let node: Node | undefined;
    for (const part of parts) {
      node = level.get(part);
      if (!node) {
        const dict = context.obj({ T: PDFString.of(part), Kids: [] });
        const ref = context.register(dict);
        if (parent) {
          dict.set(PDFName.of('Parent'), parent.ref);
          parent.dict.lookup(PDFName.of('Kids'), PDFArray).push(ref);
        } else {
          rootRefs.push(ref);
        }
        node = { dict, ref, kids: new Map() };
        level.set(part, node);
      }
      parent = node;
      level = node.kids;
    }
    return node!;
  };
  for (const field of fields) {
    const parts = field.fullName.split('.');
    const leafName = parts.pop()!;
    const parent = parts.length > 0 ? nodeFor(parts) : undefined;
    const page = pages[field.pageIndex];
    if (!page) continue;
    const [x, y, w, h] = field.rect;
    const ap = context.register(context.stream(new Uint8Array(0), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: {} }));
    const widget = context.obj({
      Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(leafName), F: PDFNumber.of(4),
      Rect: [x, y, x + w, y + h], P: page.ref, AP: { N: ap },
    });
    const ref = context.register(widget);
    if (parent) {
      widget.set(PDFName.of('Parent'), parent.ref);
      parent.dict.lookup(PDFName.of('Kids'), PDFArray).push(ref);
    } else {
      rootRefs.push(ref);
    }
    page.node.addAnnot(ref);
  }
  const form = context.obj({ Fields: rootRefs });
  doc.catalog.set(PDFName.of('AcroForm'), context.register(form));
}
