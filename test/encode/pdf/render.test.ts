import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { extractRecord, renderGradebookPdf, renderTranscriptPdf, recordSha256, canonicalRecordJson, toXml } from '../../../src/encode/index.js';
import { openPdf } from '../../../src/formats/pades/pdf/index.js';
import { listFields } from '../../../src/formats/pades/sign/form.js';
import type { Gradebook, Transcript } from '../../../src/model/types.js';

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../fixtures/records/${name}`, import.meta.url), 'utf8')) as T;
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('renderTranscriptPdf (THPT)', () => {
  const t = load<Transcript>('transcript-thpt.json');
  let pdf: Uint8Array;
  beforeAll(async () => { pdf = await renderTranscriptPdf(t); });

  it('is deterministic: same record and options, same bytes', async () => {
    const again = await renderTranscriptPdf(t);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
  });

  it('changes with the options (dates) and the record', async () => {
    const other = await renderTranscriptPdf(t, { creationDate: '2025-06-01T08:00:00+07:00' });
    expect(Buffer.compare(Buffer.from(other), Buffer.from(pdf))).not.toBe(0);
    expect(latin1(other)).toContain('/CreationDate (D:20250601010000Z)');
  });

  it('has a fixed /ID, no object streams, a proper subset tag', () => {
    const s = latin1(pdf);
    expect(s).toMatch(/\/ID \[ <([0-9A-F]{32})> <\1> \]/i);
    expect(s).not.toContain('/ObjStm');
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  });

  it('creates one empty signature field per signer slot, by full name, readable by the PAdES signer', () => {
    const fields = listFields(openPdf(pdf)).filter((f) => f.type === 'Sig');
    const names = fields.map((f) => f.fullName);
    for (const year of t.years) {
      expect(names).toContain(`GVCN.${year.schoolYear}`);
      expect(names).toContain(`HIEU_TRUONG.${year.schoolYear}`);
      expect(names).toContain(`DON_VI_CON_DAU.${year.schoolYear}`);
      for (const s of year.subjects) expect(names).toContain(`GV_BO_MON.${year.schoolYear}.${s.subject.slug}`);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const f of fields) expect(f.value).toBeUndefined();
  });

  it('embeds the canonical JSON and the XML; extractRecord reads them back', async () => {
    const { json, xml } = await extractRecord(pdf);
    expect(json).toBe(canonicalRecordJson(t));
    expect(xml).toBe(toXml(t));
    expect(latin1(pdf)).toMatch(/\/AFRelationship \/Source/);
  });

  it('puts the verification URL with the record hash in the footer', async () => {
    const custom = await renderTranscriptPdf(t, { verifyUrlPattern: 'https://hocba.example.vn/x/{kind}/{id}?h={sha256}' });
    expect(custom.length).toBeGreaterThan(1000);
    expect(recordSha256(t)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a bad URL pattern and a non-transcript with typed errors', async () => {
    await expect(renderTranscriptPdf(t, { verifyUrlPattern: 'https://x/{nope}' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(renderTranscriptPdf(t, { verifyUrlPattern: 'javascript:alert({id})' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(renderTranscriptPdf({ kind: 'gradebook' } as unknown as Transcript)).rejects.toMatchObject({ code: 'RECORD_INVALID' });
    await expect(renderTranscriptPdf(t, { creationDate: 'not a date' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('other transcripts and the gradebook', () => {
  it('renders primary and legacy TT58 transcripts', async () => {
    for (const name of ['transcript-primary.json', 'transcript-legacy-tt58.json', 'transcript-thcs.json']) {
      const t = load<Transcript>(name);
      const pdf = await renderTranscriptPdf(t);
      expect(openPdf(pdf).catalog).toBeDefined();
      expect((await extractRecord(pdf)).json).toBe(canonicalRecordJson(t));
    }
  });

  it('renders a 45-student, 12-subject gradebook with one page per subject, fields per teacher', async () => {
    const g = load<Gradebook>('gradebook-10a1.json');
    const extra = Array.from({ length: 5 }, (_, i) => ({ ...g.students[i]!, id: `${g.students[i]!.id}-x`, fullName: `${g.students[i]!.fullName} Bổ Sung` }));
    const big: Gradebook = {
      ...g,
      students: [...g.students, ...extra],
      entries: [...g.entries, ...extra.flatMap((s, i) => g.entries.filter((e) => e.studentId === g.students[i]!.id).map((e) => ({ ...e, studentId: s.id })))],
    };
    expect(big.students).toHaveLength(45);
    const pdf = await renderGradebookPdf(big);
    const doc = openPdf(pdf);
    const names = listFields(doc).map((f) => f.fullName);
    for (const s of g.subjects) expect(names).toContain(`GV_BO_MON.${g.schoolYear}.${s.slug}`);
    expect(names).toEqual(expect.arrayContaining([`GVCN.${g.schoolYear}`, `HIEU_TRUONG.${g.schoolYear}`, `DON_VI_CON_DAU.${g.schoolYear}`]));
    // The pages: class list (2) + 12 subjects (one page each) + summary (<= 2).
    const pageCount = (latin1(pdf).match(/\/Type \/Page\b/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(15);
    expect(pageCount).toBeLessThanOrEqual(17);
    expect((await extractRecord(pdf)).json).toBe(canonicalRecordJson(big));
  });

  it('extractRecord refuses garbage with PDF_MALFORMED and finds nothing in a PDF without a record', async () => {
    await expect(extractRecord(new TextEncoder().encode('not a pdf'))).rejects.toMatchObject({ code: 'PDF_MALFORMED' });
    const { PDFDocument } = await import('pdf-lib');
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await extractRecord(await plain.save())).toEqual({});
  });
});
