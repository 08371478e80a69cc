import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { openPdf, PdfDict, PdfRef, PdfStream, asName, asInt, asArray, decodeTextString, PdfString } from '../../../../src/formats/pades/pdf/index.js';
import { isEdusignError } from '../../../../src/errors.js';
import { classicPdf, hybridPdf, trailingGarbagePdf, updatedPdf, xrefStreamPdf } from '../../../helpers/pdf-samples.js';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

function expectCode(fn: () => unknown, code: string): void {
  try { fn(); } catch (e) {
    expect(isEdusignError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

function pageText(doc: ReturnType<typeof openPdf>, revision?: number): string {
  const pages = doc.resolve(doc.catalog.get('Pages'), revision) as PdfDict;
  const page = doc.resolve(asArray(pages.get('Kids'))![0], revision) as PdfDict;
  const content = doc.resolve(page.get('Contents'), revision) as PdfStream;
  return Buffer.from(doc.decode(content)).toString('latin1');
}

describe('openPdf', () => {
  it('reads a classic xref table', () => {
    const doc = openPdf(classicPdf('Hello'));
    expect(doc.revisions).toHaveLength(1);
    expect(doc.revisions[0]!.xrefKind).toBe('table');
    expect(asName(doc.catalog.get('Type'))).toBe('Catalog');
    expect(pageText(doc)).toContain('(Hello)');
    expect(doc.nextObjectNumber).toBe(6);
    expect(doc.end).toBe(doc.bytes.length);
  });

  it('reads xref streams and object streams', () => {
    const doc = openPdf(xrefStreamPdf('Streams'));
    expect(doc.revisions[0]!.xrefKind).toBe('stream');
    expect(doc.lookup(1)).toEqual({ kind: 'compressed', streamNum: 6, index: 0 });
    expect(pageText(doc)).toContain('(Streams)');
    expect(asName((doc.getObject(new PdfRef(5, 0)) as PdfDict).get('BaseFont'))).toBe('Helvetica');
  });

  it('reads hybrid files through /XRefStm', () => {
    const doc = openPdf(hybridPdf('Hyb'));
    expect(doc.revisions[0]!.xrefKind).toBe('hybrid');
    expect(asName(doc.catalog.get('Type'))).toBe('Catalog');
    expect(pageText(doc)).toContain('(Hyb)');
  });

  it('follows /Prev and keeps each revision separately readable', () => {
    const doc = openPdf(updatedPdf());
    expect(doc.revisions).toHaveLength(2);
    expect(pageText(doc, 0)).toContain('Version 1');
    expect(pageText(doc)).toContain('Version 2');
    const info = doc.resolve(doc.trailer.get('Info')) as PdfDict;
    expect(decodeTextString(info.get('Title') as PdfString)).toBe('Cap nhat');
    expect(doc.getObject(new PdfRef(6, 0), 0)).toBeNull();
    const r0 = doc.revisions[0]!;
    expect(r0.end).toBeLessThan(doc.bytes.length);
    expect(Buffer.from(doc.bytes.subarray(r0.eofEnd! - 5, r0.eofEnd!)).toString()).toBe('%%EOF');
    expect(doc.revisions[1]!.prev).toBe(r0.xrefOffset);
  });

  it('locates the real end before trailing garbage', () => {
    const bytes = trailingGarbagePdf();
    const doc = openPdf(bytes);
    expect(doc.end).toBeLessThan(bytes.length);
    expect(Buffer.from(bytes.subarray(doc.end - 6, doc.end)).toString()).toBe('%%EOF\n');
  });

  it('decodes a Flate xref stream with PNG predictor', () => {
    // build: catalog 1, pages 2 (no kids), xref stream 3 compressed with Predictor 12
    const head = latin1('%PDF-1.5\n');
    const o1 = head.length; const b1 = latin1('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
    const o2 = o1 + b1.length; const b2 = latin1('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n');
    const o3 = o2 + b2.length;
    const rows = [[0, 0, 255], [1, o1, 0], [1, o2, 0], [1, o3, 0]];
    const width = 4; const raw: number[] = []; let prevRow = [0, 0, 0, 0];
    for (const [t, off, g] of rows) {
      const row = [t!, (off! >> 8) & 0xff, off! & 0xff, g!];
      raw.push(2, ...row.map((v, i) => (v - prevRow[i]! + 256) & 0xff)); prevRow = row;
    }
    void width;
    const data = deflateSync(Buffer.from(raw));
    const b3 = Buffer.concat([latin1(`3 0 obj\n<< /Type /XRef /Size 4 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream\nendobj\n')]);
    const pdf = Buffer.concat([head, b1, b2, b3, latin1(`startxref\n${o3}\n%%EOF\n`)]);
    const doc = openPdf(pdf);
    expect(asInt((doc.resolve(doc.catalog.get('Pages')) as PdfDict).get('Count'))).toBe(0);
  });
});

describe('lazy cross-reference entries', () => {
  it('decodes standard table entries on lookup and still iterates them all', () => {
    const doc = openPdf(classicPdf('Lazy'));
    const entries = doc.revisions[0]!.entries;
    expect(entries.get(3)).toMatchObject({ kind: 'offset', gen: 0 });
    expect([...entries.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(entries.size).toBe(6);
  });

  it('parses non-standard (single-LF, 19-byte) entries eagerly', () => {
    const s = Buffer.from(classicPdf('LF')).toString('latin1');
    const xref = s.lastIndexOf('\nxref\n') + 1;
    const fixed = s.slice(0, xref) + s.slice(xref).replace(/ n\r\n/g, ' n \n').replace(/ f\r\n/g, ' f \n');
    // same byte length (" \n" is a legal 2-byte EOL): still the fast path; now make it 19 bytes
    const short = s.slice(0, xref) + s.slice(xref).replace(/ n\r\n/g, ' n\n').replace(/ f\r\n/g, ' f\n');
    const startxref = /startxref\n(\d+)/.exec(short)![1];
    expect(Number(startxref)).toBe(xref);
    for (const variant of [fixed, short]) {
      const doc = openPdf(Buffer.from(variant, 'latin1'));
      expect(asName(doc.catalog.get('Type'))).toBe('Catalog');
      expect(doc.revisions[0]!.entries.size).toBe(6);
    }
  });

  it('reports a corrupt entry inside a fixed-layout subsection when it is looked up', () => {
    const s = Buffer.from(classicPdf('Bad')).toString('latin1');
    const xref = s.lastIndexOf('\nxref\n') + 1;
    const inUse = [...s.slice(xref).matchAll(/\d{10} \d{5} n\r\n/g)];
    const at = xref + inUse[1]!.index!; // object 2 (objects 1..5 in one subsection)
    const doc = openPdf(Buffer.from(`${s.slice(0, at)}x${s.slice(at + 1)}`, 'latin1'));
    expect(doc.getObject(new PdfRef(1, 0))).not.toBeNull();
    expectCode(() => doc.getObject(new PdfRef(2, 0)), 'PDF_MALFORMED');
  });
});

describe('openPdf on hostile input', () => {
  const base = Buffer.from(classicPdf());

  it('refuses a /Prev cycle', () => {
    expectCode(() => openPdf(classicPdf('x', { trailerExtra: (xref) => `/Prev ${xref} ` })), 'PDF_MALFORMED');
  });

  it('refuses deep nesting in bounded time', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const t0 = Date.now();
    const doc = openPdf(classicPdf('x', { overrides: { 5: `<< /Type /Font /Deep ${deep} >>` } }));
    expectCode(() => doc.getObject(new PdfRef(5, 0)), 'PDF_MALFORMED');
    expectCode(() => openPdf(classicPdf('x', { overrides: { 1: `<< /Type /Catalog /Pages 2 0 R /Deep ${deep} >>` } })), 'PDF_MALFORMED');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('refuses encrypted files', () => {
    expectCode(() => openPdf(classicPdf('x', { trailerExtra: () => '/Encrypt << /Filter /Standard >> ' })), 'PDF_ENCRYPTED');
  });

  it('refuses truncated files and garbage', () => {
    expectCode(() => openPdf(base.subarray(0, base.length - 200)), 'PDF_MALFORMED');
    expectCode(() => openPdf(base.subarray(0, 100)), 'PDF_MALFORMED');
    expectCode(() => openPdf(latin1('not a pdf at all')), 'PDF_MALFORMED');
    expectCode(() => openPdf(new Uint8Array(0)), 'PDF_MALFORMED');
  });

  it('refuses xref offsets that point at the wrong object', () => {
    const s = base.toString('latin1');
    const o1 = s.indexOf('1 0 obj'); const o2 = s.indexOf('2 0 obj');
    const patched = s.replace(`${String(o1).padStart(10, '0')} 00000 n`, `${String(o2).padStart(10, '0')} 00000 n`);
    expectCode(() => openPdf(latin1(patched)), 'PDF_MALFORMED');
  });

  it('survives a /Length lie by finding endstream, and flags it', () => {
    const doc = openPdf(classicPdf('x', { overrides: { 4: '<< /Length 3 >>\nstream\nBT /F1 24 Tf (lie) Tj ET\nendstream' } }));
    const pages = doc.resolve(doc.catalog.get('Pages')) as PdfDict;
    const page = doc.resolve(asArray(pages.get('Kids'))![0]) as PdfDict;
    const content = doc.resolve(page.get('Contents')) as PdfStream;
    expect(content.lengthMismatch).toBe(true);
    expect(Buffer.from(content.data).toString()).toContain('Tj ET');
  });

  it('refuses a self-referencing /Length without hanging', () => {
    const doc = openPdf(classicPdf('x', { overrides: { 4: '<< /Length 4 0 R >>\nstream\nBT ET\nendstream' } }));
    const pages = doc.resolve(doc.catalog.get('Pages')) as PdfDict;
    const page = doc.resolve(asArray(pages.get('Kids'))![0]) as PdfDict;
    const content = doc.resolve(page.get('Contents')) as PdfStream;
    expect(content.lengthMismatch).toBe(true);
    expect(Buffer.from(content.data).toString()).toBe('BT ET');
  });

  it('bounds huge xref subsection counts', () => {
    const s = base.toString('latin1').replace('0 1\n0000000000 65535 f', '0 99999999999\n0000000000 65535 f');
    expectCode(() => openPdf(latin1(s), { maxXrefEntries: 1000 }), 'PDF_MALFORMED');
  });

  it('bounds flate bombs', () => {
    const bomb = deflateSync(Buffer.alloc(10_000_000));
    const head = latin1('%PDF-1.5\n');
    const b1 = Buffer.concat([latin1(`1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`), bomb, latin1('\nendstream\nendobj\n')]);
    const pdf = Buffer.concat([head, b1, latin1(`startxref\n${head.length}\n%%EOF\n`)]);
    try { openPdf(pdf, { maxDecodedStreamBytes: 1_000_000 }); expect.fail('should throw'); } catch (e) {
      expect(isEdusignError(e)).toBe(true);
      expect(['INPUT_TOO_LARGE', 'PDF_MALFORMED']).toContain((e as { code: string }).code);
    }
  });

  it('fuzz: random byte flips give a typed error or a document, never a crash', () => {
    for (let i = 0; i < 300; i++) {
      const copy = Buffer.from(base);
      for (let k = 0; k < 3; k++) copy[(i * 7919 + k * 104729) % copy.length] = (i * 31 + k * 17) & 0xff;
      try {
        const doc = openPdf(copy);
        for (let n = 1; n < 6; n++) { try { doc.getObject(new PdfRef(n, 0)); } catch (e) { expect(isEdusignError(e)).toBe(true); } }
      } catch (e) {
        expect(isEdusignError(e)).toBe(true);
      }
    }
  });
});
