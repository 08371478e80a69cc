import { describe, expect, it } from 'vitest';
import { berOid, berTime, readBer } from '../../../../src/formats/cms/verify/ber.js';
import { isEdusignError } from '../../../../src/errors.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, textString } from '../../../../src/formats/pades/pdf/objects.js';
import { combine } from '../../../../src/pki/indication.js';
import { detectLevel } from '../../../../src/formats/pades/verify/detect-level.js';
import { changedKeys, pdfEqual } from '../../../../src/formats/pades/verify/diff/equal.js';
import { levelRank, permittedLevel } from '../../../../src/formats/pades/verify/diff/verdict.js';
import { parsePdfDate } from '../../../../src/formats/pades/verify/pdf-date.js';

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

describe('PDF dates', () => {
  it('parses offsets, Z, partial dates, and refuses junk', () => {
    expect(parsePdfDate(textString("D:20261129150000+07'00'"))?.toISOString()).toBe('2026-11-29T08:00:00.000Z');
    expect(parsePdfDate(textString('D:20261129150000Z'))?.toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(parsePdfDate(textString("D:20261129150000-05'30"))?.toISOString()).toBe('2026-11-29T20:30:00.000Z');
    expect(parsePdfDate(textString('D:2026'))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate(textString('hôm nay'))).toBeUndefined();
    expect(parsePdfDate(new PdfName('D:2026'))).toBeUndefined();
  });
});

describe('levels', () => {
  const base = { baseline: true, signedRevision: 1, hasSignatureTimestamp: false, documentTimestampRevisions: [], dssRevisions: [], dssCoversSigner: false };
  it('B-B → B-T → B-LT → B-LTA by what follows the signature', () => {
    expect(detectLevel(base)).toBe('B-B');
    expect(detectLevel({ ...base, hasSignatureTimestamp: true })).toBe('B-T');
    expect(detectLevel({ ...base, documentTimestampRevisions: [2] })).toBe('B-T');
    expect(detectLevel({ ...base, documentTimestampRevisions: [0] })).toBe('B-B'); // a timestamp before the signature proves nothing
    expect(detectLevel({ ...base, hasSignatureTimestamp: true, dssRevisions: [2], dssCoversSigner: true })).toBe('B-LT');
    expect(detectLevel({ ...base, hasSignatureTimestamp: true, dssRevisions: [2], dssCoversSigner: false })).toBe('B-T');
    expect(detectLevel({ ...base, hasSignatureTimestamp: true, dssRevisions: [0], dssCoversSigner: true })).toBe('B-T');
    expect(detectLevel({ ...base, hasSignatureTimestamp: true, dssRevisions: [2], dssCoversSigner: true, documentTimestampRevisions: [3] })).toBe('B-LTA');
    expect(detectLevel({ ...base, baseline: false, hasSignatureTimestamp: true })).toBeUndefined();
  });
});

describe('conclusions and modification levels', () => {
  it('TOTAL_FAILED beats INDETERMINATE beats TOTAL_PASSED; the first of equals wins', () => {
    expect(combine([])).toEqual({ indication: 'TOTAL_PASSED' });
    expect(combine([{ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' }, { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }]))
      .toEqual({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(combine([{ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' }, { indication: 'INDETERMINATE', subIndication: 'NO_POE' }]))
      .toEqual({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
  });
  it('DocMDP P maps to the most intrusive permitted level', () => {
    expect([1, 2, 3].map((p) => permittedLevel(p as 1 | 2 | 3))).toEqual(['lta', 'form-filling', 'annotations']);
    expect(levelRank('lta')).toBeLessThan(levelRank('signing'));
    expect(levelRank('annotations')).toBeLessThan(levelRank('forbidden'));
  });
});

describe('object equality', () => {
  it('compares by value, streams by bytes, references without following them', () => {
    const a = new PdfDict([['Type', new PdfName('Page')], ['Contents', new PdfRef(4, 0)], ['Box', [0, 0, 595, 842]]]);
    const b = new PdfDict([['Box', [0, 0, 595, 842]], ['Contents', new PdfRef(4, 0)], ['Type', new PdfName('Page')]]);
    expect(pdfEqual(a, b)).toBe(true);
    expect(pdfEqual(a, b.with('Contents', new PdfRef(9, 0)))).toBe(false);
    expect(changedKeys(a, b.with('Contents', new PdfRef(9, 0)).with('Annots', []))).toEqual(['Contents', 'Annots']);
    const s1 = new PdfStream(new PdfDict([['Length', 3]]), Uint8Array.of(1, 2, 3));
    expect(pdfEqual(s1, new PdfStream(new PdfDict([['Length', 3]]), Uint8Array.of(1, 2, 3)))).toBe(true);
    expect(pdfEqual(s1, new PdfStream(new PdfDict([['Length', 3]]), Uint8Array.of(1, 2, 4)))).toBe(false);
    expect(pdfEqual(new PdfString(Uint8Array.of(65)), new PdfString(Uint8Array.of(65), true))).toBe(true);
    expect(pdfEqual(null, undefined)).toBe(false);
  });
});

describe('BER reader', () => {
  it('reads OIDs and times, and refuses overlong, truncated and too deep input', () => {
    expect(berOid(hex('06092a864886f70d010702'), readBer(hex('06092a864886f70d010702'), 0))).toBe('1.2.840.113549.1.7.2');
    const gt = hex(Buffer.from('20260901123456.5Z').toString('hex').replace(/^/, '1811'));
    expect(berTime(gt, readBer(gt, 0))?.toISOString()).toBe('2026-09-01T12:34:56.500Z');
    const utc = hex(`170d${Buffer.from('491231235959Z').toString('hex')}`);
    expect(berTime(utc, readBer(utc, 0))?.toISOString()).toBe('2049-12-31T23:59:59.000Z');
    for (const bad of ['3005020101', '3085ffffffffff', '30800201', '']) {
      let error: unknown;
      try { readBer(hex(bad), 0); } catch (e) { error = e; }
      expect(isEdusignError(error) && error.code).toBe('SIGNATURE_MALFORMED');
    }
    const deep = hex('3080'.repeat(200) + '0000'.repeat(200));
    expect(() => readBer(deep, 0)).toThrow(/nested too deeply/);
  });
});
