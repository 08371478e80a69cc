/**
 * Hostile file structure: /Prev cycles, reference loops, deep nesting, /Length lies, truncation, a 100 MB file.
 * Each gets a typed error (PDF_MALFORMED / INPUT_TOO_LARGE) or a FORMAT_FAILURE report, in bounded time and
 * memory — never a crash, a hang, or a valid verdict on bytes nobody signed.
 */
import { describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { stream, TestPdf } from '../../formats/pades/verify/helpers/test-pdf.js';
import { useSigners, verdictOf, verify } from './helpers.js';

const { sign } = useSigners();
const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const r = await verify(bytes);
    return r.signatures.map((s) => `${s.indication}/${s.subIndication ?? ''}`).join(',') || r.subIndication || r.indication;
  } catch (e) {
    if (isEdusignError(e)) return e.code;
    throw e;
  }
}

function signedBytes(): Uint8Array {
  const pdf = TestPdf.create();
  pdf.sign({ field: 'GVCN', cms: sign() });
  return pdf.bytes;
}

describe('hostile structure', () => {
  it('a /Prev cycle (an update whose /Prev points at itself)', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 9: stream('q Q') });
    const text = Buffer.from(pdf.bytes).toString('latin1');
    const last = text.lastIndexOf('startxref');
    const self = /startxref\s+(\d+)/.exec(text.slice(last))![1]!;
    const prevAt = text.lastIndexOf('/Prev ');
    const prevOld = /\/Prev (\d+)/.exec(text.slice(prevAt))![1]!;
    const replaced = self.padStart(prevOld.length, '0').length === prevOld.length ? self.padStart(prevOld.length, '0') : self;
    pdf.bytes.set(latin1(replaced), prevAt + 6);
    expect(await outcome(pdf.bytes)).toBe('PDF_MALFORMED');
  });

  it('a /Prev that points into the middle of an object', async () => {
    const bytes = signedBytes();
    const text = Buffer.from(bytes).toString('latin1');
    const prevAt = text.lastIndexOf('/Prev ') + 6;
    bytes.set(latin1('00000100'.slice(0, /\d+/.exec(text.slice(prevAt))![0].length)), prevAt);
    expect(await outcome(bytes)).toBe('PDF_MALFORMED');
  });

  it('a reference loop (a stream /Length that refers to itself) and a page tree that contains itself', async () => {
    const pdf = TestPdf.create({ extraObjects: { 4: '<< /Length 4 0 R >>\nstream\nBT ET\nendstream', 2: '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>' } });
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 2: '<< /Type /Pages /Kids [2 0 R] /Count 1 >>' });
    const started = Date.now();
    const result = await outcome(pdf.bytes);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toBe('TOTAL_FAILED/FORMAT_FAILURE');
  });

  it('deep nesting in the catalog, and in an object an update writes', async () => {
    const deep = `<< /Type /Catalog /Pages 2 0 R /X ${'['.repeat(100_000)}${']'.repeat(100_000)} >>`;
    expect(await outcome(TestPdf.create({ extraObjects: { 1: deep } }).bytes)).toBe('PDF_MALFORMED');
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    pdf.update({ 5: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /X ${'['.repeat(100_000)}${']'.repeat(100_000)} >>` });
    expect(await outcome(pdf.bytes)).toBe('TOTAL_FAILED/FORMAT_FAILURE');
  });

  it('/Length lies: too long, too short, negative, absurd — the signature still verifies and nothing hangs', async () => {
    for (const length of ['999999999', '2', '-5', '1e300']) {
      const pdf = TestPdf.create({ extraObjects: { 4: `<< /Length ${length} >>\nstream\nBT /F1 18 Tf 72 770 Td (Toan 9.5) Tj ET\nendstream` } });
      pdf.sign({ field: 'GVCN', cms: sign() });
      expect(verdictOf(await verify(pdf.bytes))).toEqual(['TOTAL_PASSED', undefined]);
    }
  });

  it('/Length lie hiding an unlisted object inside a stream of an update', async () => {
    const pdf = TestPdf.create();
    pdf.sign({ field: 'GVCN', cms: sign() });
    const n = pdf.alloc();
    // a short /Length: a tolerant reader may end the stream early and see "4 0 obj" as an object
    pdf.update({ [n]: `<< /Length 3 >>\nstream\nq Q\nendstream\nendobj\n4 0 obj\n${stream('BT (Toan 10) Tj ET')}\nendobj\n${n + 1} 0 obj\n<< /Length 3 >>\nstream\nq Q\nendstream` });
    const result = await outcome(pdf.bytes);
    expect(result.startsWith('TOTAL_FAILED') || result === 'PDF_MALFORMED').toBe(true);
  });

  it('every truncation of a signed file gives a typed error or a failed/indeterminate verdict, never TOTAL_PASSED', async () => {
    const bytes = signedBytes();
    const cuts = [10, 200, 800, Math.floor(bytes.length / 2), bytes.length - 200, bytes.length - 30, bytes.length - 7, bytes.length - 1];
    for (const cut of cuts) {
      const result = await outcome(bytes.slice(0, cut));
      expect(result, `cut at ${cut}`).not.toBe('TOTAL_PASSED/');
      expect(['PDF_MALFORMED', 'TOTAL_FAILED/FORMAT_FAILURE', 'SIGNED_DATA_NOT_FOUND'], `cut at ${cut}`).toContain(result);
    }
  });

  it('100 MB: junk without a cross-reference is refused fast; a signed 100 MB file verifies in bounded time and memory', async () => {
    const junk = new Uint8Array(100 * 1024 * 1024);
    junk.set(latin1('%PDF-1.7\n'));
    let started = Date.now();
    expect(await outcome(junk)).toBe('PDF_MALFORMED');
    expect(Date.now() - started).toBeLessThan(5000);

    const big = '0'.repeat(100 * 1024 * 1024);
    const pdf = TestPdf.create({ extraObjects: { 9: stream(big) } });
    pdf.sign({ field: 'GVCN', cms: sign() });
    const bytes = pdf.bytes;
    global.gc?.();
    const heapBefore = process.memoryUsage().arrayBuffers;
    started = Date.now();
    const r = await verify(bytes);
    const elapsed = Date.now() - started;
    expect(verdictOf(r)).toEqual(['TOTAL_PASSED', undefined]);
    expect(elapsed).toBeLessThan(10_000);
    // no copy of the file is made while verifying (views only)
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(bytes.length);
  });

  it('300 signatures in 300 updates: every one analysed against every later update, in bounded time', async () => {
    const pdf = TestPdf.create();
    for (let i = 0; i < 300; i++) pdf.sign({ field: `S${i}`, cms: () => new Uint8Array(0), placeholder: 64 });
    const started = Date.now();
    const r = await verify(pdf.bytes);
    expect(Date.now() - started).toBeLessThan(15_000); // about 2.5 s on a shared 2-core machine
    expect(r.signatures).toHaveLength(300);
    expect(r.signatures.every((s) => s.subIndication === 'FORMAT_FAILURE')).toBe(true);
    expect(r.signatures[0]!.modificationsAfter.filter((m) => !m.allowed)).toEqual([]);
  });
});
