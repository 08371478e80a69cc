import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { isEdusignError } from '../../../../src/errors.js';
import { defaultFontPath } from '../../../../src/formats/pades/sign/appearance.js';
import { createPdfAppearanceCache, signPdf, signPdfBatch, type PdfAppearanceCache } from '../../../../src/formats/pades/sign/index.js';
import { classicPdf } from '../../../helpers/pdf-samples.js';
import { testSigner } from './test-signers.js';

const signingTime = new Date('2026-11-29T08:00:00Z');
const appearance = (image?: Uint8Array) => ({ page: 1, rect: [300, 60, 240, 80] as [number, number, number, number], role: 'Giáo viên chủ nhiệm', image });

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(isEdusignError(e) ? e.code : e).toBe(code);
}

describe('appearanceCache (parsed font and seal reused across visible signatures)', () => {
  it('gives byte-identical signed PDFs with and without the cache, and keeps one font and one image', async () => {
    const seal = await QRCode.toBuffer('https://edusign.test/hoc-ba/1', { type: 'png', width: 64 });
    const signer = testSigner('homeroom');
    const pdf = classicPdf();
    const plain = await signPdf(pdf, { signer, signingTime, appearance: appearance(seal) });
    const cache = createPdfAppearanceCache();
    const first = await signPdf(pdf, { signer, signingTime, appearance: appearance(seal), appearanceCache: cache });
    const second = await signPdf(pdf, { signer, signingTime, appearance: appearance(new Uint8Array(seal)), appearanceCache: cache });
    expect(Buffer.from(first.pdf).equals(Buffer.from(plain.pdf))).toBe(true);
    expect(Buffer.from(second.pdf).equals(Buffer.from(plain.pdf))).toBe(true);
    expect(cache.fonts.size).toBe(1);
    expect(cache.images.size).toBe(1);
    const parsed = await [...cache.fonts.values()][0];
    await signPdf(pdf, { signer: testSigner('principal'), signingTime, appearance: { rect: [50, 50, 200, 60], role: 'Hiệu trưởng' }, appearanceCache: cache });
    expect(await [...cache.fonts.values()][0]).toBe(parsed);
    expect(cache.fonts.size).toBe(1);
  });

  it('keys a caller font by content: two copies of the same bytes share one parsed font', async () => {
    const cache = createPdfAppearanceCache();
    const signer = testSigner('teacher');
    const font = readFileSync(defaultFontPath());
    const a = await signPdf(classicPdf(), { signer, signingTime, appearance: { ...appearance(), font: new Uint8Array(font) }, appearanceCache: cache });
    const b = await signPdf(classicPdf(), { signer, signingTime, appearance: { ...appearance(), font: new Uint8Array(font) }, appearanceCache: cache });
    expect(cache.fonts.size).toBe(1);
    await signPdf(classicPdf(), { signer, signingTime, appearance: appearance(), appearanceCache: cache }); // the bundled font: its own entry
    expect(cache.fonts.size).toBe(2);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('does not keep a font that cannot be parsed, and refuses a foreign cache object', async () => {
    const cache = createPdfAppearanceCache();
    const bad = { rect: [10, 10, 100, 40] as [number, number, number, number], font: new Uint8Array(64).fill(7) };
    await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: bad, appearanceCache: cache }), 'INVALID_ARGUMENT');
    expect(cache.fonts.size).toBe(0);
    await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: appearance(new Uint8Array([1, 2, 3, 4])), appearanceCache: cache }), 'INVALID_ARGUMENT');
    expect(cache.images.size).toBe(0);
    for (const junk of ['', 0]) {
      const font = { rect: [10, 10, 100, 40] as [number, number, number, number], font: junk as unknown as Uint8Array };
      await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: font, appearanceCache: cache }), 'INVALID_ARGUMENT');
    }
    for (const junk of [42, 'DejaVuSans.ttf', { length: 3 }]) {
      const font = { rect: [10, 10, 100, 40] as [number, number, number, number], font: junk as unknown as Uint8Array };
      await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: font, appearanceCache: cache }), 'INVALID_ARGUMENT');
      await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: appearance(junk as unknown as Uint8Array), appearanceCache: cache }), 'INVALID_ARGUMENT');
    }
    expect(cache.images.size).toBe(0);
    expect([...cache.fonts.keys()]).toEqual(['bundled']); // only the good font of the image cases
    const foreign = { kind: 'other' } as unknown as PdfAppearanceCache;
    await expectCode(signPdf(classicPdf(), { signer: testSigner('teacher'), signingTime, appearance: appearance(), appearanceCache: foreign }), 'INVALID_ARGUMENT');
  });

  it('bounds the cache: maxFonts 0 keeps nothing and still signs the same bytes', async () => {
    const signer = testSigner('teacher');
    const cache = createPdfAppearanceCache({ maxFonts: 0, maxImages: 0 });
    const a = await signPdf(classicPdf(), { signer, signingTime, appearance: appearance(), appearanceCache: cache });
    const b = await signPdf(classicPdf(), { signer, signingTime, appearance: appearance() });
    expect(cache.fonts.size).toBe(0);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('can be shared by concurrent signatures (same bytes as one at a time)', async () => {
    const cache = createPdfAppearanceCache();
    const signers = ['teacher', 'homeroom', 'principal'].map((n) => testSigner(n));
    const roles = ['Giáo viên bộ môn', 'Giáo viên chủ nhiệm', 'Hiệu trưởng'];
    const one = (i: number, c?: PdfAppearanceCache) =>
      signPdf(classicPdf(), { signer: signers[i]!, signingTime, appearance: { rect: [300, 60, 240, 80], role: roles[i] }, appearanceCache: c });
    const together = await Promise.all([0, 1, 2].map((i) => one(i, cache)));
    for (let i = 0; i < 3; i++) expect(Buffer.from(together[i]!.pdf).equals(Buffer.from((await one(i)).pdf))).toBe(true);
    expect(cache.fonts.size).toBe(1);
  });

  it('signPdfBatch uses one cache for its documents (same output as one signPdf per document)', async () => {
    const signer = testSigner('teacher');
    const cache = createPdfAppearanceCache();
    const results = await signPdfBatch([classicPdf(), classicPdf()], signer, { signingTime, appearance: appearance(), appearanceCache: cache });
    const single = await signPdf(classicPdf(), { signer, signingTime, appearance: appearance() });
    expect(cache.fonts.size).toBe(1);
    for (const r of results) expect(Buffer.from(r.pdf).equals(Buffer.from(single.pdf))).toBe(true);
  });
});
