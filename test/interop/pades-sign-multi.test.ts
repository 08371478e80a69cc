import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signPdf } from '../../src/formats/pades/sign/index.js';
import { openPdf } from '../../src/formats/pades/pdf/index.js';
import { classicPdf, emptySignatureFieldPdf, xrefStreamPdf } from '../helpers/pdf-samples.js';
import { opensslVerifyAll, pdfsig, pdftotext, qpdfProblems, withTemp } from '../formats/pades/sign/inspect.js';
import { testSigner } from '../formats/pades/sign/test-signers.js';

describe('multi-signature PDFs checked by pdfsig, qpdf and openssl cms', () => {
  it('chains 4 signatures (GV bộ môn → GV bộ môn → GVCN → Hiệu trưởng); every one stays valid', async () => {
    let pdf = xrefStreamPdf('Hoc ba');
    for (const name of ['teacher', 'teacher2', 'homeroom', 'principal']) {
      pdf = (await signPdf(pdf, { signer: testSigner(name), reason: `Ký (${name})` })).pdf;
    }
    expect(openPdf(pdf).revisions).toHaveLength(5);
    const sigs = pdfsig(pdf);
    expect(sigs.map((s) => s.signer)).toEqual(['Nguyễn Thị Thu Hà', 'Lê Văn Nam', 'Trần Văn Minh', 'Phạm Quốc Hùng']);
    expect(sigs.every((s) => s.valid && s.trusted)).toBe(true);
    expect(sigs.map((s) => s.totalDocument)).toEqual([false, false, false, true]);
    expect(qpdfProblems(pdf)).toEqual([]);
    expect(opensslVerifyAll(pdf)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('certification (P=2) by the first signer, then approvals', async () => {
    let pdf = (await signPdf(classicPdf(), { signer: testSigner('principal'), certify: 2, reason: 'Chứng nhận' })).pdf;
    pdf = (await signPdf(pdf, { signer: testSigner('teacher') })).pdf;
    pdf = (await signPdf(pdf, { signer: testSigner('homeroom') })).pdf;
    const sigs = pdfsig(pdf);
    expect(sigs).toHaveLength(3);
    expect(sigs.every((s) => s.valid && s.trusted)).toBe(true);
    expect(qpdfProblems(pdf)).toEqual([]);
    expect(opensslVerifyAll(pdf)).toEqual(['ok', 'ok', 'ok']);
  });

  it('draws a JPEG seal (made by pdftoppm -jpeg)', async () => {
    const jpeg = withTemp((dir) => {
      writeFileSync(join(dir, 'seal.pdf'), classicPdf('SEAL'));
      execFileSync('pdftoppm', ['-jpeg', '-r', '20', '-singlefile', join(dir, 'seal.pdf'), join(dir, 'seal')]);
      return new Uint8Array(readFileSync(join(dir, 'seal.jpg')));
    });
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('principal'), appearance: { page: 1, rect: [300, 60, 240, 80], role: 'Con dấu nhà trường', image: jpeg } });
    const doc = openPdf(pdf);
    const images = [...Buffer.from(pdf).toString('latin1').matchAll(/\/Filter\s*\/DCTDecode/g)];
    expect(images.length).toBe(1);
    expect(doc.revisions).toHaveLength(2);
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true });
    expect(pdftotext(pdf).normalize('NFC')).toContain('Con dấu nhà trường');
  });

  it('draws a visible Vietnamese appearance with an embedded subset font and a PNG seal', async () => {
    const seal = await QRCode.toBuffer('https://edusign.test/hoc-ba/123', { type: 'png', width: 96 });
    const { pdf } = await signPdf(emptySignatureFieldPdf('HieuTruong'), {
      signer: testSigner('principal'), field: 'HieuTruong',
      appearance: { rect: [0, 0, 0, 0], role: 'Hiệu trưởng', image: seal },
    });
    let visible = (await signPdf(pdf, {
      signer: testSigner('homeroom'),
      appearance: { page: 1, rect: [60, 60, 220, 60], role: 'Giáo viên chủ nhiệm' },
    })).pdf;
    visible = (await signPdf(visible, { signer: testSigner('teacher-ecdsa'), appearance: { page: 1, rect: [60, 140, 220, 60], lines: ['Đỗ Thị Lan', 'Giáo viên bộ môn Ngữ văn'] } })).pdf;
    const text = pdftotext(visible).normalize('NFC');
    expect(text).toContain('Ký bởi: Phạm Quốc Hùng');
    expect(text).toContain('Hiệu trưởng');
    expect(text).toContain('Ký bởi: Trần Văn Minh');
    expect(text).toContain('Giáo viên chủ nhiệm');
    expect(text).toContain('Giáo viên bộ môn Ngữ văn');
    expect(text).toMatch(/Ngày ký: \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(GMT\+7\)/);
    const sigs = pdfsig(visible);
    expect(sigs.map((s) => s.valid && s.trusted)).toEqual([true, true, true]);
    expect(qpdfProblems(visible)).toEqual([]);
    withTemp((dir) => {
      const file = join(dir, 'v.pdf');
      writeFileSync(file, visible);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      // subset (ABCDEF+ prefix), embedded, Unicode mapping
      expect(fonts).toMatch(/[A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      execFileSync('pdftoppm', ['-r', '36', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    });
  });
});
