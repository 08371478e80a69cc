/**
 * Visual regression of the rendered PDFs: pages rasterised by poppler (pdftoppm -r 50 -gray) compared with the
 * committed PNG baselines, with a tolerance (font rasterisation differs slightly between machines).
 * Refresh the baselines after an intended layout change: `UPDATE_VISUAL=1 npx vitest run test/visual`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderGradebookPdf, renderTranscriptPdf } from '../../src/encode/index.js';
import type { Gradebook, Transcript } from '../../src/model/types.js';
import { compareGray, decodeGrayPng, decodePgm } from './png-gray.js';

const here = new URL('.', import.meta.url).pathname;
const load = <T>(name: string): T => JSON.parse(readFileSync(join(here, '../../fixtures/records', name), 'utf8')) as T;
const work = mkdtempSync(join(tmpdir(), 'edusign-visual-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rasterise(pdf: Uint8Array, page: number, name: string, png: boolean): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const prefix = join(work, `${name}-p${page}`);
  execFileSync('pdftoppm', ['-r', '50', '-gray', ...(png ? ['-png'] : []), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.${png ? 'png' : 'pgm'}`;
}

const cases: { name: string; page: number; render: () => Promise<Uint8Array> }[] = [
  { name: 'thpt-cover', page: 1, render: () => renderTranscriptPdf(load<Transcript>('transcript-thpt.json')) },
  { name: 'thpt-identity', page: 2, render: () => renderTranscriptPdf(load<Transcript>('transcript-thpt.json')) },
  { name: 'thpt-year-subjects', page: 3, render: () => renderTranscriptPdf(load<Transcript>('transcript-thpt.json')) },
  { name: 'thpt-year-results', page: 4, render: () => renderTranscriptPdf(load<Transcript>('transcript-thpt.json')) },
  { name: 'gradebook-subject', page: 3, render: () => renderGradebookPdf(load<Gradebook>('gradebook-10a1.json')) },
];

describe('rendered pages match the PNG baselines', () => {
  it.each(cases)('$name (page $page)', async ({ name, page, render }) => {
    const pdf = await render();
    const baseline = join(here, `${name}.png`);
    if (process.env.UPDATE_VISUAL === '1' || !existsSync(baseline)) {
      copyFileSync(rasterise(pdf, page, name, true), baseline);
      if (process.env.UPDATE_VISUAL !== '1') throw new Error(`baseline ${name}.png was missing and has been written: review and commit it`);
    }
    const expected = decodeGrayPng(readFileSync(baseline));
    const actual = decodePgm(readFileSync(rasterise(pdf, page, name, false)));
    const { differing, meanDiff } = compareGray(actual, expected);
    expect(differing, `${name}: share of pixels off by > 64 grey levels`).toBeLessThan(0.01);
    expect(meanDiff, `${name}: mean grey difference`).toBeLessThan(3);
  });

  it('the comparison notices a real change (a different student)', async () => {
    const t = load<Transcript>('transcript-thpt.json');
    const changed = await renderTranscriptPdf({ ...t, student: { ...t.student, fullName: 'Nguyễn Văn Khác Hẳn Tên Dài' } });
    const expected = decodeGrayPng(readFileSync(join(here, 'thpt-identity.png')));
    const actual = decodePgm(readFileSync(rasterise(changed, 2, 'changed', false)));
    expect(compareGray(actual, expected).differing).toBeGreaterThan(0.001);
  });
});
