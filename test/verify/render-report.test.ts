import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../src/formats/report.js';
import { detectFormat } from '../../src/verify/detect-format.js';
import { renderReportHtml, renderReportText } from '../../src/verify/render-report.js';

const report: VerificationReport = {
  format: 'PAdES',
  indication: 'TOTAL_FAILED',
  subIndication: 'HASH_FAILURE',
  signatures: [
    {
      id: 'Sig1',
      signer: { subject: 'CN=Phạm Quốc Hùng', serialNumber: '12', issuer: 'CN=Demo CA', commonName: 'Phạm Quốc Hùng', role: 'HIEU_TRUONG' },
      bestSignatureTime: new Date('2026-05-30T08:00:00Z'),
      level: 'B-LTA',
      indication: 'TOTAL_FAILED',
      subIndication: 'HASH_FAILURE',
      chain: [],
      revocation: [],
      timestamps: [],
      coverage: { kind: 'revision' },
      modificationsAfter: [{ description: 'page 1 content replaced', allowed: false }],
      findings: [{ code: 'X', message: '<script>alert(1)</script>', messageVi: 'x' }],
    },
  ],
  warnings: [],
};

describe('report rendering', () => {
  it('says the verdict and the reason in Vietnamese and English', () => {
    const text = renderReportText(report);
    expect(text).toContain('KHÔNG HỢP LỆ / INVALID');
    expect(text).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(text).toContain('Hiệu trưởng / Principal');
    expect(text).toContain('KHÔNG được phép / NOT allowed');
  });
  it('escapes everything in HTML', () => {
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('class="edusign-report invalid"');
  });
});

describe('format detection by content', () => {
  it.each([
    ['%PDF-1.7\n', 'PAdES'],
    ['\uFEFF<?xml version="1.0"?><a/>', 'XAdES'],
    ['  {"payload":"x"}', 'JAdES'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln', 'JAdES'],
    ['hello', undefined],
    ['', undefined],
  ])('%j -> %s', (input, expected) => {
    expect(detectFormat(new TextEncoder().encode(input))).toBe(expected);
  });
});

describe('verify() on documents without any signature', () => {
  it('reports INDETERMINATE / SIGNED_DATA_NOT_FOUND for XML and JSON as for PDF, and still throws for broken input', async () => {
    const { verify } = await import('../../src/verify/index.js');
    const xml = await verify(new TextEncoder().encode('<r><d Id="data">x</d></r>'));
    expect([xml.format, xml.indication, xml.subIndication]).toEqual(['XAdES', 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    const json = await verify(new TextEncoder().encode('{"kind":"transcript"}'));
    expect([json.format, json.indication, json.subIndication]).toEqual(['JAdES', 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    await expect(verify(new TextEncoder().encode('{"payload": 1, "signatures": "x"}'))).rejects.toMatchObject({ code: 'JWS_MALFORMED' });
    await expect(verify(new TextEncoder().encode('{"a":1,"a":2}'))).rejects.toMatchObject({ name: 'EdusignError' });
  });
});
