/**
 * `extractRecord`: the record files embedded in a PDF (ours, or any PDF with `record.json` / `record.xml`
 * associated or embedded files), also after incremental updates (signatures): pdf-lib's parser reads every
 * object in file order, so the newest revision of each object wins.
 * @module
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { EdusignError } from '../../errors.js';
import { RECORD_FILE_NAMES } from './options.js';

/** Result of {@link extractRecord}: the embedded files' texts, when present. */
export interface ExtractedRecord {
  /** `record.json` (canonical JSON of the record), UTF-8 text. */
  json?: string;
  /** `record.xml`, UTF-8 text. */
  xml?: string;
}

const MAX_FILE_SPECS = 1000;

function text(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

function fileSpecs(doc: PDFDocument): PDFDict[] {
  const out: PDFDict[] = [];
  const seen = new Set<PDFObject>();
  const push = (o: PDFObject | undefined): void => {
    const d = o === undefined ? undefined : doc.context.lookup(o);
    if (d instanceof PDFDict && !seen.has(d) && out.length < MAX_FILE_SPECS) { seen.add(d); out.push(d); }
  };
  const af = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  for (let i = 0; i < (af?.size() ?? 0); i++) push(af!.get(i));
  // /Names /EmbeddedFiles name tree (bounded walk).
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const stack: PDFObject[] = [];
  const ef = names?.get(PDFName.of('EmbeddedFiles'));
  if (ef) stack.push(ef);
  let steps = 0;
  while (stack.length > 0 && steps++ < MAX_FILE_SPECS) {
    const node = doc.context.lookup(stack.pop()!);
    if (!(node instanceof PDFDict)) continue;
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) stack.push(kids!.get(i));
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 1; i < (pairs?.size() ?? 0); i += 2) push(pairs!.get(i));
  }
  return out;
}

function fileBytes(doc: PDFDocument, spec: PDFDict): Uint8Array | undefined {
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const ref = ef?.get(PDFName.of('UF')) ?? ef?.get(PDFName.of('F'));
  const stream = ref === undefined ? undefined : doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return undefined;
  return decodePDFRawStream(stream).decode();
}

/**
 * Reads the embedded `record.json` and `record.xml` of a PDF rendered by this SDK (signed or not).
 * Throws `PDF_MALFORMED` for bytes that are not a readable PDF and `PDF_ENCRYPTED` for encrypted ones.
 *
 * @example
 * ```ts
 * const { json, xml } = await extractRecord(await readFile('hoc-ba-signed.pdf'));
 * const record = JSON.parse(json!);
 * ```
 */
export async function extractRecord(pdf: Uint8Array): Promise<ExtractedRecord> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (cause) {
    throw new EdusignError('PDF_MALFORMED', { detail: 'cannot parse the PDF', detailVi: 'không đọc được PDF', cause });
  }
  if (doc.isEncrypted) throw new EdusignError('PDF_ENCRYPTED');
  const result: ExtractedRecord = {};
  for (const spec of fileSpecs(doc)) {
    const name = text(spec.get(PDFName.of('UF'))) ?? text(spec.get(PDFName.of('F')));
    const key = name === RECORD_FILE_NAMES.json ? 'json' : name === RECORD_FILE_NAMES.xml ? 'xml' : undefined;
    if (key === undefined || result[key] !== undefined) continue;
    let bytes: Uint8Array | undefined;
    try {
      bytes = fileBytes(doc, spec);
    } catch (cause) {
      throw new EdusignError('PDF_MALFORMED', { detail: `cannot decode the embedded ${name}`, detailVi: `không giải mã được tệp đính kèm ${name}`, cause });
    }
    if (bytes) result[key] = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }
  return result;
}
