/**
 * Rendered PDFs judged by independent tools: poppler (pdftoppm, pdffonts, pdftotext, pdfsig), qpdf, and the
 * PAdES signer signing into the empty fields (then extractRecord on the incrementally updated file).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRecordJson, extractRecord, renderGradebookPdf, renderTranscriptPdf, srgbIccProfile } from '../../src/encode/index.js';
import { signPdf } from '../../src/formats/pades/sign/index.js';
import type { Gradebook, Transcript } from '../../src/model/types.js';
import { pdfsig } from '../formats/pades/sign/inspect.js';
import { testSigner } from '../formats/pades/sign/test-signers.js';

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8')) as T;
const work = mkdtempSync(join(tmpdir(), 'edusign-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const thpt = load<Transcript>('transcript-thpt.json');
const gradebook = load<Gradebook>('gradebook-10a1.json');
const files: Record<string, string> = {};

beforeAll(async () => {
  files.thpt = join(work, 'thpt.pdf');
  writeFileSync(files.thpt, await renderTranscriptPdf(thpt));
  files.gradebook = join(work, 'gradebook.pdf');
  writeFileSync(files.gradebook, await renderGradebookPdf(gradebook));
  files.primary = join(work, 'primary.pdf');
  writeFileSync(files.primary, await renderTranscriptPdf(load<Transcript>('transcript-primary.json')));
});

describe.each(['thpt', 'gradebook', 'primary'])('%s PDF and independent tools', (key) => {
  it('qpdf --check is clean', () => {
    const out = run('qpdf', ['--check', files[key]!]);
    expect(out).toContain('No syntax or stream encoding errors found');
  });

  it('pdffonts: every font embedded and subset', () => {
    const rows = run('pdffonts', [files[key]!]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      // name type... encoding emb sub uni objnum gen: emb/sub/uni are the 5th-3rd from the end.
      expect(cols.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('pdftoppm renders every page without error', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [files[key]!]))?.[1]);
    const prefix = join(work, `${key}-page`);
    execFileSync('pdftoppm', ['-r', '20', '-gray', files[key]!, prefix], { stdio: ['ignore', 'ignore', 'pipe'] });
    expect(readdirSync(work).filter((f) => f.startsWith(`${key}-page`))).toHaveLength(pages);
  });
});

describe('text and PDF/A-3 essentials', () => {
  it('pdftotext has the student name with diacritics and every subject average', () => {
    const text = run('pdftotext', ['-layout', files.thpt!, '-']).normalize('NFC');
    expect(text).toContain(thpt.student.fullName);
    expect(text).toContain('HỌC BẠ');
    expect(text).toContain('Nhận xét'.toUpperCase().normalize('NFC'));
    for (const year of thpt.years) {
      if (year.regime !== 'TT22_2021') continue;
      for (const s of year.subjects) {
        const marks = [s.hk1, s.hk2, s.year].map((m) => (m === 'D' ? 'Đ' : m === 'CD' ? 'CĐ' : m));
        const row = text.split('\n').find((l) => l.includes(s.subject.nameVi.split(' ')[0]!) && marks.every((m) => m !== undefined && l.includes(m)));
        expect(row, `${year.schoolYear} ${s.subject.nameVi} ${marks.join(' ')}`).toBeDefined();
      }
    }
    const gb = run('pdftotext', ['-layout', files.gradebook!, '-']).normalize('NFC');
    for (const s of gradebook.students) expect(gb).toContain(s.fullName);
  });

  it('declares PDF/A-3b: XMP with pdfaid, sRGB output intent with an ICC profile, associated files, /ID', () => {
    const pdf = readFileSync(files.thpt!).toString('latin1');
    expect(pdf).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(pdf).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(pdf).toMatch(/\/Type \/Metadata\s*\/Subtype \/XML|\/Subtype \/XML\s*\/Type \/Metadata/);
    expect(pdf).toMatch(/\/S \/GTS_PDFA1/);
    expect(pdf).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(pdf).toMatch(/\/AF \d+ 0 R|\/AF \[/);
    expect(pdf).toMatch(/\/Subtype \/application#2Fjson/);
    expect(pdf).toMatch(/\/Subtype \/application#2Fxml/);
    expect(pdf).toMatch(/\/ModDate \(D:\d{14}Z\)/);
    expect(pdf).toMatch(/\/ID \[/);
    expect(pdf).not.toMatch(/\/NeedAppearances true/);
    // qpdf's own view of the attachments.
    const attachments = run('qpdf', ['--list-attachments', files.thpt!]);
    expect(attachments).toContain('record.json');
    expect(attachments).toContain('record.xml');
  });

  it('the sRGB ICC profile is structurally valid (size, acsp, v2.1 display RGB/XYZ, tag table inside the file)', () => {
    const icc = srgbIccProfile();
    const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
    const sig = (o: number): string => String.fromCharCode(...icc.subarray(o, o + 4));
    expect(view.getUint32(0)).toBe(icc.length);
    expect(sig(36)).toBe('acsp');
    expect(view.getUint32(8)).toBe(0x02100000);
    expect([sig(12), sig(16), sig(20)]).toEqual(['mntr', 'RGB ', 'XYZ ']);
    const count = view.getUint32(128);
    const tags = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      const o = 132 + 12 * i;
      const off = view.getUint32(o + 4); const size = view.getUint32(o + 8);
      expect(off % 4).toBe(0);
      expect(off + size).toBeLessThanOrEqual(icc.length);
      tags.set(sig(o), sig(off));
    }
    expect(Object.fromEntries(tags)).toMatchObject({ desc: 'desc', cprt: 'text', wtpt: 'XYZ ', rXYZ: 'XYZ ', gXYZ: 'XYZ ', bXYZ: 'XYZ ', rTRC: 'curv', gTRC: 'curv', bTRC: 'curv' });
  });
});

describe('signing into the rendered fields', () => {
  it('the PAdES signer signs GV_BO_MON, GVCN and HIEU_TRUONG fields by name; pdfsig validates; extractRecord still works', async () => {
    const year = thpt.years.at(-1)!;
    let pdf: Uint8Array = readFileSync(files.thpt!);
    const slug = year.regime === 'TT22_2021' ? year.subjects[0]!.subject.slug : 'x';
    pdf = (await signPdf(pdf, { signer: testSigner('teacher'), field: `GV_BO_MON.${year.schoolYear}.${slug}`, certify: 2, appearance: { rect: [0, 0, 0, 0], role: 'Giáo viên bộ môn' } })).pdf;
    pdf = (await signPdf(pdf, { signer: testSigner('homeroom'), field: `GVCN.${year.schoolYear}`, appearance: { rect: [0, 0, 0, 0], role: 'Giáo viên chủ nhiệm' } })).pdf;
    pdf = (await signPdf(pdf, { signer: testSigner('principal'), field: `HIEU_TRUONG.${year.schoolYear}`, appearance: { rect: [0, 0, 0, 0], role: 'Hiệu trưởng' } })).pdf;
    const all = pdfsig(pdf);
    expect(all.length).toBeGreaterThan(3); // pdfsig also lists the fields still empty
    const sigs = all.filter((s) => s.signer !== '');
    expect(sigs).toHaveLength(3);
    expect(sigs.map((s) => s.valid)).toEqual([true, true, true]);
    expect(sigs.map((s) => s.field)).toEqual([`GV_BO_MON.${year.schoolYear}.${slug}`, `GVCN.${year.schoolYear}`, `HIEU_TRUONG.${year.schoolYear}`]);
    const { json, xml } = await extractRecord(pdf);
    expect(json).toBe(canonicalRecordJson(thpt));
    expect(xml).toContain('<transcript');
    writeFileSync(join(work, 'signed.pdf'), pdf);
    expect(run('qpdf', ['--check', join(work, 'signed.pdf')])).toContain('No syntax or stream encoding errors found');
  });
});
