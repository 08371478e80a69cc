import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPkcs12Signer } from '../../src/crypto/index.js';
import { renderTranscriptPdf } from '../../src/encode/pdf/index.js';
import { signPdf } from '../../src/formats/pades/index.js';
import type { Transcript } from '../../src/model/types.js';
import { createTrustStore, parseCertificates } from '../../src/pki/index.js';
import { verify } from '../../src/verify/index.js';

const fixtures = join(import.meta.dirname, '../../fixtures');

/** An incremental update that overwrites object `num` with an uncompressed embedded JSON file. */
function appendEmbeddedFile(pdf: Uint8Array, num: number, json: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text.slice(text.lastIndexOf('trailer')))![1];
  const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
  const body = Buffer.from(json, 'utf8');
  const obj = Buffer.concat([
    Buffer.from(`${num} 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${body.length} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
  const offset = pdf.length;
  const xref = pdf.length + obj.length;
  const tail = `xref\n0 1\n0000000000 65535 f\r\n${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([pdf, obj, Buffer.from(tail, 'latin1')]));
}

// The record is read from what the signers signed: a record swapped in a later incremental update is never the
// one checked, and the signature it follows fails the modification analysis.
describe('a record swapped after signing', () => {
  it('fails the signature and is not read as the signed record', async () => {
    const record = JSON.parse(readFileSync(join(fixtures, 'records/transcript-thpt.json'), 'utf8')) as Transcript;
    const signer = await loadPkcs12Signer(readFileSync(join(fixtures, 'pki/teacher.p12')), '123456');
    const rendered = await renderTranscriptPdf(record);
    const { pdf } = await signPdf(rendered, { signer, check: { skip: true } });
    const num = Number(/(\d+) 0 obj\s*<<\s*\/Type \/EmbeddedFile\s*\/Subtype \/application#2Fjson/.exec(Buffer.from(rendered).toString('latin1'))![1]);

    const forged = structuredClone(record);
    forged.student.fullName = 'Người Khác Hẳn';
    const swapped = appendEmbeddedFile(pdf, num, JSON.stringify(forged));

    const trustStore = createTrustStore({
      anchors: parseCertificates(readFileSync(join(fixtures, 'pki/root-neac.cert.pem'))),
      intermediates: parseCertificates(readFileSync(join(fixtures, 'pki/ca-edu.cert.pem'))),
    });
    const honest = await verify(pdf, { trustStore, offline: true, revocation: { skip: true } });
    expect(honest.signatures[0]?.indication).toBe('TOTAL_PASSED');
    expect(honest.document?.kind).toBe('transcript');

    const report = await verify(swapped, { trustStore, offline: true, revocation: { skip: true } });
    expect(report.indication).toBe('TOTAL_FAILED');
    expect(report.signatures[0]?.modificationsAfter.some((m) => !m.allowed)).toBe(true);
    expect(report.document).toBeUndefined();
  });
});
