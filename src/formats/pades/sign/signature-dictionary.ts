/**
 * The signature dictionary (ISO 32000-1 §12.8.1, ETSI EN 319 142-1 §5.3) as pre-serialised bytes with
 * fixed-width /ByteRange and /Contents placeholders.
 * @module
 */
import { name, PdfDict, PdfRef, textString, type PdfObject } from '../pdf/objects.js';
import { serializeObject } from '../pdf/serialize.js';
import { BYTE_RANGE_PLACEHOLDER, contentsPlaceholder } from './byterange.js';
import { RawObjectBody } from './incremental-writer.js';
import type { PdfFieldLock } from './options.js';

/**
 * A PDF date string `D:YYYYMMDDHHmmSSZ` (UTC).
 *
 * @example
 * ```ts
 * pdfDate(new Date('2026-05-20T08:00:00Z')) // 'D:20260520080000Z'
 * ```
 */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** What goes into a signature dictionary. */
export interface SignatureDictionaryInput {
  kind: 'signature' | 'document-timestamp';
  /** Bytes reserved for the DER CMS / timestamp token. */
  contentsSize: number;
  signingTime?: Date;
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** DocMDP P of a certification signature. */
  certify?: 1 | 2 | 3;
  /** FieldMDP lock to reference (with the catalog as /Data). */
  lock?: PdfFieldLock;
  catalogRef?: PdfRef;
}

/**
 * The FieldMDP TransformParams / SigFieldLock body of a lock.
 *
 * @example
 * ```ts
 * lockEntries({ action: 'All' })
 * ```
 */
export function lockEntries(lock: PdfFieldLock): [string, PdfObject][] {
  const entries: [string, PdfObject][] = [['Action', name(lock.action)]];
  if (lock.action !== 'All') entries.push(['Fields', lock.fields.map((f) => textString(f))]);
  return entries;
}

/**
 * Serialise a signature (or document timestamp) dictionary with placeholders.
 *
 * @example
 * ```ts
 * const body = signatureDictionary({ kind: 'signature', contentsSize: 8192, signingTime: new Date() });
 * ```
 */
export function signatureDictionary(input: SignatureDictionaryInput): RawObjectBody {
  const d = new PdfDict();
  if (input.kind === 'signature') {
    d.entries.set('Type', name('Sig'));
    d.entries.set('Filter', name('Adobe.PPKLite'));
    d.entries.set('SubFilter', name('ETSI.CAdES.detached'));
  } else {
    d.entries.set('Type', name('DocTimeStamp'));
    d.entries.set('Filter', name('Adobe.PPKLite'));
    d.entries.set('SubFilter', name('ETSI.RFC3161'));
  }
  const tail = new PdfDict();
  if (input.signingTime) tail.entries.set('M', textString(pdfDate(input.signingTime)));
  if (input.name) tail.entries.set('Name', textString(input.name));
  if (input.reason) tail.entries.set('Reason', textString(input.reason));
  if (input.location) tail.entries.set('Location', textString(input.location));
  if (input.contactInfo) tail.entries.set('ContactInfo', textString(input.contactInfo));
  const refs: PdfObject[] = [];
  if (input.certify) {
    refs.push(new PdfDict([['Type', name('SigRef')], ['TransformMethod', name('DocMDP')],
      ['TransformParams', new PdfDict([['Type', name('TransformParams')], ['P', input.certify], ['V', name('1.2')]])]]));
  }
  if (input.lock) {
    const ref = new PdfDict([['Type', name('SigRef')], ['TransformMethod', name('FieldMDP')],
      ['TransformParams', new PdfDict([['Type', name('TransformParams')], ...lockEntries(input.lock), ['V', name('1.2')]])]]);
    if (input.catalogRef) ref.entries.set('Data', input.catalogRef);
    refs.push(ref);
  }
  if (refs.length > 0) tail.entries.set('Reference', refs);
  if (input.kind === 'signature') tail.entries.set('Prop_Build', new PdfDict([['App', new PdfDict([['Name', name('edusign-vn')]])]]));
  const head = serializeObject(d).slice(0, -2);
  const rest = serializeObject(tail).slice(2);
  const text = `${head} ${BYTE_RANGE_PLACEHOLDER} ${contentsPlaceholder(input.contentsSize)}\n${rest}`;
  return new RawObjectBody(Buffer.from(text, 'latin1'));
}
