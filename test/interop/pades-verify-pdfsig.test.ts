/**
 * Interop of the PAdES verifier with poppler's pdfsig (22.12, NSS):
 * - pdfsig as the signer (`-add-signature`, adbe.pkcs7.detached, an implementation we did not write): our
 *   verifier accepts its signatures and rejects them tampered;
 * - pdfsig as a second opinion on a 4-signature B-LTA PDF made by our signer, and on a tampered copy.
 * pdfsig always exits 0: its text is parsed. It is run with `-no-ocsp` (it would go online through the AIA URL).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPkcs12Signer } from '../../src/crypto/pkcs12.js';
import { extendPdf, signPdf } from '../../src/formats/pades/sign/index.js';
import { verifyPdf } from '../../src/formats/pades/verify/index.js';
import { createFetcher } from '../../src/pki/net/fetcher.js';
import { createTrustStore } from '../../src/pki/trust/trust-store.js';
import { httpTimestampAuthority } from '../../src/pki/tsa/http-authority.js';
import type { Fetcher, TimestampAuthority } from '../../src/pki/types.js';
import { FIXTURES_PKI, startPkiServices, type PkiServices } from '../helpers/pki-services.js';
import { stream, TestPdf } from '../formats/pades/verify/helpers/test-pdf.js';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURES_PKI, name));
const trustStore = createTrustStore({ anchors: [fixture('root-neac.cert.der'), fixture('root-vgca.cert.der')] });

let dir: string;
let nss: string;
let services: PkiServices;
let fetcher: Fetcher;
let tsa: TimestampAuthority;

/** One signature as pdfsig reports it. */
interface PdfsigVerdict { field: string; signer: string; type: string; signature: string; certificate: string; total: boolean }

function pdfsig(pdf: Uint8Array): { verdicts: PdfsigVerdict[]; text: string } {
  const file = join(dir, `check-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const out = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, '-no-ocsp', file], { encoding: 'utf8' });
  const text = `${out.stdout}${out.stderr}`;
  const verdicts = text.split(/^Signature #\d+:$/m).slice(1).map((block) => ({
    field: /Signature Field Name: (.*)/.exec(block)?.[1] ?? '',
    signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1] ?? '',
    type: /Signature Type: (.*)/.exec(block)?.[1] ?? '',
    signature: /Signature Validation: (.*)/.exec(block)?.[1] ?? '',
    certificate: /Certificate Validation: (.*)/.exec(block)?.[1] ?? '',
    total: /Total document signed/.test(block),
  }));
  return { verdicts, text };
}

function pdfsigSign(pdf: Uint8Array, nick: string, field: string): Uint8Array {
  const input = join(dir, `in-${field}.pdf`);
  const output = join(dir, `out-${field}.pdf`);
  writeFileSync(input, pdf);
  execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, '-add-signature', '-nick', nick, '-new-signature-field-name', field, '-reason', 'Xac nhan', input, output], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(output));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edusign-pdfsig-'));
  nss = join(dir, 'nss');
  mkdirSync(nss);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  for (const root of ['root-neac', 'root-vgca']) {
    execFileSync('certutil', ['-A', '-n', root, '-t', 'CT,C,C', '-i', join(FIXTURES_PKI, `${root}.cert.pem`), '-d', `sql:${nss}`]);
  }
  for (const who of ['homeroom', 'principal']) {
    execFileSync('pk12util', ['-i', join(FIXTURES_PKI, `${who}.p12`), '-d', `sql:${nss}`, '-W', '123456', '-K', ''], { stdio: 'pipe' });
  }
  services = await startPkiServices({ ocspCas: ['ca-edu', 'ca-vgca-sub', 'root-neac', 'root-vgca'] });
  fetcher = createFetcher({ resolve: services.resolve, timeoutMs: 5000 });
  tsa = httpTimestampAuthority(services.tsaUrl, { fetcher });
});
afterAll(async () => {
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('signatures made by pdfsig -add-signature (NSS), verified by verifyPdf', () => {
  it('accepts two pdfsig signatures, rejects a changed byte and a replaced page content', async () => {
    const base = TestPdf.create().bytes;
    const once = pdfsigSign(base, 'homeroom', 'GVCN');
    const twice = pdfsigSign(once, 'principal', 'HieuTruong');
    expect(pdfsig(twice).verdicts.map((v) => v.signature)).toEqual(['Signature is Valid.', 'Signature is Valid.']);

    const report = await verifyPdf(twice, { trustStore, fetcher });
    expect(report.signatures.map((s) => [s.id, s.signer.commonName, s.indication])).toEqual([
      ['GVCN', 'Trần Văn Minh', 'TOTAL_PASSED'], ['HieuTruong', 'Phạm Quốc Hùng', 'TOTAL_PASSED']]);
    expect(report.signatures[0]!.modificationsAfter.every((m) => m.allowed)).toBe(true);

    const tampered = twice.slice();
    const at = Buffer.from(tampered).indexOf('Toan 9.5') + 5;
    tampered[at] = '1'.charCodeAt(0);
    const bad = await verifyPdf(tampered, { trustStore, fetcher });
    expect(bad.signatures.map((s) => [s.indication, s.subIndication])).toEqual([['TOTAL_FAILED', 'HASH_FAILURE'], ['TOTAL_FAILED', 'HASH_FAILURE']]);
    expect(pdfsig(tampered).verdicts.map((v) => v.signature)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);

    // a page's content replaced in an appended update: pdfsig still says "valid" (not total document signed); we fail it
    const appended = new TestPdfFrom(twice);
    appended.update({ 4: stream('BT /F1 18 Tf 72 770 Td (Hoc ba - Nguyen Van A - Toan 10) Tj ET') });
    const isa = await verifyPdf(appended.bytes, { trustStore, fetcher });
    expect(isa.signatures.map((s) => [s.indication, s.subIndication])).toEqual([['TOTAL_FAILED', 'FORMAT_FAILURE'], ['TOTAL_FAILED', 'FORMAT_FAILURE']]);
    const poppler = pdfsig(appended.bytes).verdicts;
    expect(poppler.map((v) => [v.signature, v.total])).toEqual([['Signature is Valid.', false], ['Signature is Valid.', false]]);
  });
});

describe('our 4-signature B-LTA PDF, judged by pdfsig and by verifyPdf', () => {
  it('pdfsig and verifyPdf agree: every signature valid and trusted; a tampered copy fails in both', async () => {
    let pdf = TestPdf.create().bytes;
    const names = ['teacher', 'teacher2', 'homeroom', 'principal'];
    for (const name of names) {
      const signer = await loadPkcs12Signer(fixture(`${name}.p12`), '123456');
      pdf = (await signPdf(pdf, { signer, fieldName: `Sig_${name}`, level: 'B-T', timestampAuthority: tsa, check: { skip: true } })).pdf;
    }
    pdf = (await extendPdf(pdf, 'B-LTA', { timestampAuthority: tsa, validation: { trustStore, fetcher } })).pdf;

    const poppler = pdfsig(pdf);
    const signatures = poppler.verdicts.filter((v) => v.type === 'ETSI.CAdES.detached');
    expect(signatures.map((v) => v.signer)).toEqual(['Nguyễn Thị Thu Hà', 'Lê Văn Nam', 'Trần Văn Minh', 'Phạm Quốc Hùng']);
    expect(signatures.every((v) => v.signature === 'Signature is Valid.' && v.certificate === 'Certificate is Trusted.')).toBe(true);

    const report = await verifyPdf(pdf, { trustStore, offline: true });
    const sigs = report.signatures.filter((s) => s.coverage.kind !== 'document-timestamp');
    expect(sigs.map((s) => [s.id, s.level, s.indication])).toEqual(names.map((n) => [`Sig_${n}`, 'B-LTA', 'TOTAL_PASSED']));
    // each carries its own signature timestamp (B-T by the signer), which is its proof of existence
    for (const s of sigs) {
      const own = s.timestamps.find((t) => t.kind === 'signature');
      expect(own).toMatchObject({ indication: 'TOTAL_PASSED' });
      expect(s.bestSignatureTime.getTime()).toBe(own!.genTime!.getTime());
    }
    expect(report.indication).toBe('TOTAL_PASSED');

    const tampered = pdf.slice();
    const at = Buffer.from(tampered).indexOf('Toan 9.5') + 5;
    tampered[at] = '1'.charCodeAt(0);
    const popplerTampered = pdfsig(tampered);
    expect(popplerTampered.verdicts.filter((v) => v.type === 'ETSI.CAdES.detached').every((v) => v.signature === 'Digest Mismatch.')).toBe(true);
    const bad = await verifyPdf(tampered, { trustStore, offline: true });
    // EDUSIGN_PDFSIG_OUT=<dir>: keep the files and both verdicts (for the closing note)
    const out = process.env.EDUSIGN_PDFSIG_OUT;
    if (out) {
      mkdirSync(out, { recursive: true });
      const summary = (r: typeof report) => ({ indication: r.indication, signatures: r.signatures.map((s) => ({ id: s.id, signer: s.signer.commonName, level: s.level, indication: s.indication, subIndication: s.subIndication, bestSignatureTime: s.bestSignatureTime })) });
      writeFileSync(join(out, 'hoc-ba-4sig-b-lta.pdf'), pdf);
      writeFileSync(join(out, 'hoc-ba-4sig-b-lta.tampered.pdf'), tampered);
      writeFileSync(join(out, 'pdfsig.txt'), poppler.text);
      writeFileSync(join(out, 'pdfsig.tampered.txt'), popplerTampered.text);
      writeFileSync(join(out, 'verify.json'), JSON.stringify(summary(report), null, 2));
      writeFileSync(join(out, 'verify.tampered.json'), JSON.stringify(summary(bad), null, 2));
    }
    expect(bad.indication).toBe('TOTAL_FAILED');
    expect(bad.signatures.every((s) => s.indication === 'TOTAL_FAILED')).toBe(true);
  });
});

/** Append updates to bytes made elsewhere (pdfsig), with the test writer. */
class TestPdfFrom {
  private readonly pdf: TestPdf;
  constructor(bytes: Uint8Array) {
    this.pdf = TestPdf.create();
    this.pdf.bytes = bytes.slice();
    this.pdf.size = 1000;
  }
  get bytes(): Uint8Array { return this.pdf.bytes; }
  update(changes: Record<number, string | null>): void { this.pdf.update(changes); }
}
