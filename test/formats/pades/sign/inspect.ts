/**
 * Test-side inspection of signed PDFs with independent tools (pdfsig, qpdf, openssl cms) and our reader.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPdf } from '../../../../src/formats/pades/pdf/index.js';
import { embeddedSignatures } from '../../../../src/formats/pades/sign/embedded-signatures.js';
import { PKI } from './test-signers.js';

/** Run `fn` with a temp dir that is removed afterwards. */
export function withTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-pades-'));
  try { return fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

/** One signature as pdfsig (poppler 22.12) reports it. */
export interface PdfsigSignature { field: string; signer: string; type: string; valid: boolean; totalDocument: boolean; text: string }

/** Parse `pdfsig -no-ocsp` output (pdfsig always exits 0). */
export function pdfsig(pdf: Uint8Array): PdfsigSignature[] {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' });
    const text = `${out.stdout}${out.stderr}`;
    return text.split(/^Signature #\d+:$/m).slice(1).map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1] ?? '',
      signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1] ?? '',
      type: /Signature Type: (.*)/.exec(block)?.[1] ?? '',
      valid: /Signature Validation: Signature is Valid\./.test(block),
      totalDocument: /Total document signed/.test(block),
      text: block,
    }));
  });
}

/** `qpdf --check` output lines that are not the usual success chatter (empty = clean). */
export function qpdfProblems(pdf: Uint8Array): string[] {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    const lines = `${out.stdout}${out.stderr}`.split('\n').filter((l) => l.trim() !== '');
    const ok = /^(checking |PDF Version|File is not (encrypted|linearized)|No syntax or stream encoding errors|errors that qpdf cannot detect)/;
    const problems = lines.filter((l) => !ok.test(l));
    if (out.status !== 0 && problems.length === 0) problems.push(`qpdf exit ${out.status}`);
    return problems;
  });
}

/** Verify every CAdES signature of `pdf` with `openssl cms -verify` over its byte range; returns openssl's verdicts. */
export function opensslVerifyAll(pdf: Uint8Array): string[] {
  const doc = openPdf(pdf);
  const results: string[] = [];
  const sigs = embeddedSignatures(doc);
  sigs.forEach((sig) => {
    if (sig.subFilter !== 'ETSI.CAdES.detached') return;
    const br = sig.byteRange;
    withTemp((dir) => {
      const content = Buffer.concat([Buffer.from(pdf.subarray(br[0]!, br[0]! + br[1]!)), Buffer.from(pdf.subarray(br[2]!, br[2]! + br[3]!))]);
      writeFileSync(join(dir, 'sig.der'), sig.contents);
      writeFileSync(join(dir, 'content.bin'), content);
      const out = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'), '-content', join(dir, 'content.bin'),
        '-CAfile', join(PKI, 'roots.pem'), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
      results.push(out.status === 0 ? 'ok' : `fail: ${out.stderr.trim()}`);
    });
  });
  return results;
}

/** `pdftotext` of page 1. */
export function pdftotext(pdf: Uint8Array): string {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  });
}
