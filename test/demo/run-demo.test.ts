import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../src/demo/run-demo.js';
import { verify } from '../../src/verify/index.js';
import { createTrustStore, parseCertificates } from '../../src/pki/index.js';

// The README's main job, run as a test: every artefact verifies, in our verifier and in poppler's pdfsig.
describe('the demo', () => {
  let dir: string;
  let result: DemoResult;
  const lines: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edusign-demo-test-'));
    result = await runDemo({ outDir: dir, log: (l) => lines.push(l) });
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs the PDF four times up to B-LTA and everything verifies, with the record checked and roles bound', () => {
    for (const report of Object.values(result.reports)) expect(report.indication).toBe('TOTAL_PASSED');
    const pdfSignatures = result.reports.pdf.signatures.filter((s) => s.coverage.kind !== 'document-timestamp');
    expect(pdfSignatures.map((s) => s.signer.role)).toEqual(['GV_BO_MON', 'GVCN', 'HIEU_TRUONG', 'DON_VI_CON_DAU']);
    expect(pdfSignatures.every((s) => s.level === 'B-LTA')).toBe(true);
    expect(result.reports.xml.signatures.map((s) => s.signer.role)).toEqual(['GVCN', 'HIEU_TRUONG', 'DON_VI_CON_DAU']);
    expect(result.reports.json.signatures.map((s) => s.signer.role)).toEqual(['GVCN', 'HIEU_TRUONG']);
    for (const report of Object.values(result.reports)) {
      expect(report.document?.kind).toBe('transcript');
      expect(report.document?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
    expect(lines.join('\n')).toContain('HỢP LỆ / VALID');
  });

  it('verifies the B-LTA PDF offline later, from what it carries (the demo services are gone)', async () => {
    const trustStore = createTrustStore({ anchors: parseCertificates(readFileSync(result.files.rootCertificate)) });
    const report = await verify(new Uint8Array(readFileSync(result.files.pdf)), { trustStore, offline: true });
    const signatures = report.signatures.filter((s) => s.coverage.kind !== 'document-timestamp');
    expect(signatures.every((s) => s.indication === 'TOTAL_PASSED')).toBe(true);
  });

  it('pdfsig (poppler) finds the four signatures valid', async () => {
    const { stdout } = await promisify(execFile)('pdfsig', ['-nocert', '-no-ocsp', result.files.pdf], { encoding: 'utf8' });
    expect(stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(4);
  });
});
