/**
 * No false alarms: PDFs of every structure (classic xref, xref streams + object streams, hybrid, earlier updates,
 * trailing garbage, an empty signature field) signed several times by the SDK signer, with certification,
 * locks, visible appearances and LTV extension, must verify with every later change judged allowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPkcs12Signer } from '../../../../src/crypto/pkcs12.js';
import { addValidationData, signPdf } from '../../../../src/formats/pades/sign/index.js';
import { verifyPdf } from '../../../../src/formats/pades/verify/index.js';
import type { Signer } from '../../../../src/crypto/types.js';
import { classicPdf, emptySignatureFieldPdf, hybridPdf, trailingGarbagePdf, updatedPdf, xrefStreamPdf } from '../../../helpers/pdf-samples.js';
import { FIXTURES_PKI } from '../../../helpers/pki-services.js';
import { TestPdf } from './helpers/test-pdf.js';
import { trustAll } from '../../../attacks/pdf/helpers.js';

const signers = new Map<string, Promise<Signer>>();
const signer = (name: string): Promise<Signer> => {
  if (!signers.has(name)) signers.set(name, loadPkcs12Signer(readFileSync(join(FIXTURES_PKI, `${name}.p12`)), '123456'));
  return signers.get(name)!;
};
const options = { trustStore: { anchors: [], intermediates: [] }, validateCertificate: trustAll };
const noCheck = { skip: true } as const;

describe('PDFs signed by the SDK signer verify without false alarms', () => {
  const samples: [string, () => Uint8Array][] = [
    ['classic xref', () => classicPdf()], ['xref stream + object streams', () => xrefStreamPdf()], ['hybrid', () => hybridPdf()],
    ['earlier updates', () => updatedPdf()], ['trailing garbage', () => trailingGarbagePdf()],
  ];
  for (const [name, make] of samples) {
    it(`${name}: certification P=2, then two approvals (one visible, one locking)`, async () => {
      let pdf = (await signPdf(make(), { signer: await signer('principal'), certify: 2, fieldName: 'ChungNhan', check: noCheck })).pdf;
      pdf = (await signPdf(pdf, { signer: await signer('teacher'), fieldName: 'GVBM', appearance: { rect: [60, 60, 200, 50], role: 'Giáo viên bộ môn' }, check: noCheck })).pdf;
      pdf = (await signPdf(pdf, { signer: await signer('homeroom'), fieldName: 'GVCN', lock: { action: 'All' }, check: noCheck })).pdf;
      const report = await verifyPdf(pdf, options);
      const detail = report.signatures.map((s) => ({ id: s.id, indication: s.indication, sub: s.subIndication, bad: s.modificationsAfter.filter((m) => !m.allowed), findings: s.findings.map((f) => f.code) }));
      expect(detail.map((d) => [d.id, d.indication, d.bad])).toEqual([['ChungNhan', 'TOTAL_PASSED', []], ['GVBM', 'TOTAL_PASSED', []], ['GVCN', 'TOTAL_PASSED', []]]);
      expect(report.signatures.map((s) => s.level)).toEqual(['B-B', 'B-B', 'B-B']);
    });
  }

  it('signing into an existing empty signature field', async () => {
    const pdf = (await signPdf(emptySignatureFieldPdf('HieuTruong'), { signer: await signer('principal'), field: 'HieuTruong', check: noCheck })).pdf;
    const again = (await signPdf(pdf, { signer: await signer('school-seal'), fieldName: 'ConDau', check: noCheck })).pdf;
    const report = await verifyPdf(again, options);
    expect(report.signatures.map((s) => [s.id, s.indication])).toEqual([['HieuTruong', 'TOTAL_PASSED'], ['ConDau', 'TOTAL_PASSED']]);
  });

  it('DocMDP P=1: a DSS may still be added (LTA update), another signature may not', async () => {
    const certified = (await signPdf(classicPdf(), { signer: await signer('principal'), certify: 1, fieldName: 'ChungNhan', check: noCheck })).pdf;
    const withDss = (await addValidationData(certified, { certificates: [new Uint8Array(readFileSync(join(FIXTURES_PKI, 'ca-edu.cert.der')))] })).pdf;
    const ok = await verifyPdf(withDss, options);
    expect(ok.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
    expect(ok.signatures[0]!.modificationsAfter.length).toBeGreaterThan(0);
    expect(ok.signatures[0]!.modificationsAfter.every((m) => m.allowed)).toBe(true);

    // the SDK refuses to sign after P=1, so the forbidden approval is made with the hand-written writer
    const pdf = TestPdf.create();
    pdf.sign({ field: 'ChungNhan', docMdp: 1, cms: () => certified.subarray(0, 0) });
    pdf.addDss({ certificates: [new Uint8Array(readFileSync(join(FIXTURES_PKI, 'ca-edu.cert.der')))] });
    pdf.sign({ field: 'GVCN', cms: () => new Uint8Array(0) });
    const r = await verifyPdf(pdf.bytes, options);
    const mods = r.signatures[0]!.modificationsAfter;
    expect(mods.filter((m) => m.description.includes('DSS')).every((m) => m.allowed)).toBe(true);
    expect(mods.filter((m) => !m.allowed).map((m) => m.description).join()).toMatch(/new signature field "GVCN"/);
  });
});
