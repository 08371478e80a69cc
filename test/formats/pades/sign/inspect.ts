/**
 * Test-side inspection of signed PDFs with independent tools (pdfsig, qpdf, openssl cms) and our reader.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { children, readTlv } from '../../../../src/formats/cms/build/der.js';
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
export interface PdfsigSignature { field: string; signer: string; type: string; valid: boolean; trusted: boolean; totalDocument: boolean; text: string }

/** An NSS database (certutil, from libnss3-tools) trusting the two test roots. */
function nssTrustingTestRoots(dir: string): string {
  const db = `sql:${join(dir, 'nss')}`;
  execFileSync('mkdir', ['-p', join(dir, 'nss')]);
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  for (const root of ['root-neac', 'root-vgca']) {
    execFileSync('certutil', ['-A', '-d', db, '-n', root, '-t', 'CT,C,C', '-i', join(PKI, `${root}.cert.pem`)]);
  }
  return db;
}

/** Parse `pdfsig -no-ocsp` output with an NSS database trusting the test roots (pdfsig always exits 0). */
export function pdfsig(pdf: Uint8Array): PdfsigSignature[] {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('pdfsig', ['-nssdir', nssTrustingTestRoots(dir), '-no-ocsp', file], { encoding: 'utf8' });
    const text = `${out.stdout}${out.stderr}`;
    return text.split(/^Signature #\d+:$/m).slice(1).map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1] ?? '',
      signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1] ?? '',
      type: /Signature Type: (.*)/.exec(block)?.[1] ?? '',
      valid: /Signature Validation: Signature is Valid\./.test(block),
      trusted: /Certificate Validation: Certificate is Trusted\./.test(block),
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

/** The SignerInfo signature value and the signature timestamp token (if any) of a CMS SignedData. */
export function signerInfoParts(cms: Uint8Array): { signatureValue: Uint8Array; timestampToken?: Uint8Array } {
  const ci = readTlv(cms, 0);
  const sd = children(cms, children(cms, ci)[1]!)[0]!;
  const parts = children(cms, sd);
  const signerInfos = parts[parts.length - 1]!;
  const si = children(cms, signerInfos)[0]!;
  const fields = children(cms, si);
  const sig = fields.find((f) => f.tag === 0x04)!;
  const unsigned = fields.find((f) => f.tag === 0xa1);
  let timestampToken: Uint8Array | undefined;
  if (unsigned) {
    for (const attr of children(cms, unsigned)) {
      const [, values] = children(cms, attr);
      const v = children(cms, values!)[0]!;
      timestampToken = cms.subarray(v.start, v.end);
    }
  }
  return { signatureValue: cms.subarray(sig.contentStart, sig.end), timestampToken };
}

/** `openssl ts -verify` of a token over `data` (or a precomputed SHA-256 `digest`); returns 'ok' or the error. */
export function opensslTsVerify(token: Uint8Array, input: { data?: Uint8Array; digest?: Uint8Array }): string {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'tok.der'), token);
    writeFileSync(join(dir, 'chain.pem'), readFileSync(join(PKI, 'intermediates.pem')));
    const args = ['ts', '-verify', '-in', join(dir, 'tok.der'), '-token_in', '-CAfile', join(PKI, 'roots.pem'), '-untrusted', join(dir, 'chain.pem')];
    if (input.data) { writeFileSync(join(dir, 'data.bin'), input.data); args.push('-data', join(dir, 'data.bin')); }
    else args.push('-digest', Buffer.from(input.digest!).toString('hex'));
    const out = spawnSync('openssl', args, { encoding: 'utf8' });
    return out.status === 0 && /Verification: OK/.test(out.stdout) ? 'ok' : `fail: ${out.stdout}${out.stderr}`;
  });
}

/** `openssl ocsp -respin … -resp_text`: the certificate statuses of an OCSP response. */
export function ocspStatuses(response: Uint8Array): string[] {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'r.der'), response);
    const out = spawnSync('openssl', ['ocsp', '-respin', join(dir, 'r.der'), '-noverify', '-resp_text'], { encoding: 'utf8' });
    return [...out.stdout.matchAll(/Cert Status: (\w+)/g)].map((m) => m[1]!);
  });
}
