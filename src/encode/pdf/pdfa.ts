/**
 * PDF/A-3b essentials written into a pdf-lib document: XMP metadata (pdfaid part 3, conformance B, with the
 * same title/author/dates/producer as /Info), an sRGB output intent with an embedded ICC profile, /Lang and a
 * fixed trailer /ID. Fonts are embedded by the renderer; associated files by `associated-files.ts`.
 * @module
 */
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { srgbIccProfile } from './srgb-icc.js';

/** Document metadata shared by /Info and XMP. */
export interface PdfaMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  producer: string;
  creationDate: Date;
  modificationDate: Date;
  /** BCP 47 language of the text, e.g. `vi-VN`. */
  lang: string;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** XMP date: UTC, seconds precision, as /Info's `D:YYYYMMDDHHmmSSZ` written by pdf-lib. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The XMP packet (UTF-8 text) of a PDF/A-3b document.
 *
 * @example
 * ```ts
 * const xmp = xmpPacket({ title: 'Học bạ', author: 'Trường THPT …', subject: '', keywords: [], producer: 'edusign-vn',
 *   creationDate: new Date(), modificationDate: new Date(), lang: 'vi-VN' });
 * ```
 */
export function xmpPacket(meta: PdfaMetadata): string {
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '   <pdfaid:part>3</pdfaid:part>',
    '   <pdfaid:conformance>B</pdfaid:conformance>',
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <xmp:CreateDate>${xmpDate(meta.creationDate)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(meta.modificationDate)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(meta.modificationDate)}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${escapeXml(meta.producer)}</xmp:CreatorTool>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `   <pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
  ];
  // Padding lets later tools update the packet in place (XMP spec §7.3.2).
  const padding = Array.from({ length: 8 }, () => ' '.repeat(99)).join('\n');
  return `${lines.join('\n')}\n${padding}\n<?xpacket end="w"?>`;
}

/**
 * Writes /Info, the XMP /Metadata stream, the sRGB /OutputIntents, /Lang and the trailer /ID (`idHex`: 32 hex
 * digits, used for both halves).
 *
 * @example
 * ```ts
 * applyPdfa(doc, meta, createHash('md5').update(canonicalJson).digest('hex'));
 * ```
 */
export function applyPdfa(doc: PDFDocument, meta: PdfaMetadata, idHex: string): void {
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.producer);
  doc.setCreationDate(meta.creationDate);
  doc.setModificationDate(meta.modificationDate);
  const { context, catalog } = doc;
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));
  const icc = context.flateStream(srgbIccProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(icc),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  context.trailerInfo.ID = context.obj([PDFHexString.of(idHex), PDFHexString.of(idHex)]);
}
