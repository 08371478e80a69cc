import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { isEdusignError } from '../../src/errors.js';
import { openPdf } from '../../src/formats/pades/pdf/index.js';
import { signPdf } from '../../src/formats/pades/sign/index.js';
import { classicPdf } from '../helpers/pdf-samples.js';
import { opensslVerifyAll, pdfsig, qpdfProblems, withTemp } from '../formats/pades/sign/inspect.js';
import { testSigner } from '../formats/pades/sign/test-signers.js';

async function pdfLibDocument(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 3; i++) doc.addPage([595, 842]).drawText(`Trang ${i + 1}`, { x: 72, y: 760, size: 18, font });
  return doc.save({ useObjectStreams });
}

function qpdf(input: Uint8Array, args: string[]): Uint8Array {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'in.pdf'), input);
    execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
  });
}

const inputs: Record<string, () => Promise<Uint8Array>> = {
  'pdf-lib (xref stream + object streams)': () => pdfLibDocument(true),
  'pdf-lib (classic xref)': () => pdfLibDocument(false),
  'qpdf --linearize': async () => qpdf(classicPdf('Linearized'), ['--linearize']),
  'qpdf --object-streams=generate (Flate + predictor)': async () => qpdf(classicPdf('ObjStm'), ['--object-streams=generate']),
};

describe('signing PDFs written by other tools', () => {
  for (const [label, make] of Object.entries(inputs)) {
    it(`signs ${label} twice; both signatures valid`, async () => {
      const input = await make();
      let pdf = (await signPdf(input, { signer: testSigner('teacher') })).pdf;
      pdf = (await signPdf(pdf, { signer: testSigner('principal'), appearance: { page: 1, rect: [300, 60, 220, 60], role: 'Hiệu trưởng' } })).pdf;
      expect(Buffer.compare(Buffer.from(pdf.subarray(0, input.length)), Buffer.from(input))).toBe(0);
      const sigs = pdfsig(pdf);
      expect(sigs.map((s) => s.valid && s.trusted)).toEqual([true, true]);
      expect(sigs[1]!.totalDocument).toBe(true);
      expect(qpdfProblems(pdf)).toEqual([]);
      expect(opensslVerifyAll(pdf)).toEqual(['ok', 'ok']);
    });
  }
});

describe('signing hostile or damaged PDFs', () => {
  it('either signs correctly or throws a typed error, never writes a corrupt file', async () => {
    const base = Buffer.from(classicPdf('Fuzz'));
    const signer = testSigner('teacher');
    let signed = 0;
    for (let i = 0; i < 60; i++) {
      const copy = Buffer.from(base);
      for (let k = 0; k < 2; k++) copy[(i * 7919 + k * 104729 + 13) % copy.length] = (i * 37 + k * 11) & 0xff;
      try {
        const { pdf } = await signPdf(copy, { signer, check: { skip: true } });
        signed++;
        const doc = openPdf(pdf);
        expect(doc.revisions.length).toBeGreaterThanOrEqual(2);
        expect(Buffer.compare(Buffer.from(pdf.subarray(0, copy.length)), copy.subarray(0, copy.length))).toBe(0);
      } catch (e) {
        expect(isEdusignError(e), String(e)).toBe(true);
      }
    }
    expect(signed).toBeGreaterThan(0);
  });
});
