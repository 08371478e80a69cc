/**
 * Test helpers that use the openssl CLI as an independent implementation: keys, self-signed certificates and
 * detached CMS/CAdES signatures made by a tool we did not write.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate made with openssl, as PEM files in `dir` and DER bytes. */
export interface OpensslIdentity {
  keyPath: string;
  certPath: string;
  certDer: Uint8Array;
  /** PEM file of further certificates to embed (`-certfile`). */
  chainPath?: string;
}

const FIXTURES_PKI = join(import.meta.dirname, '../../../../../fixtures/pki');

/** An identity of the test PKI in fixtures/pki (key, certificate, and its CA to embed). */
export function fixtureIdentity(name: string, chain: string[] = ['ca-edu']): OpensslIdentity & { fixtures: string } {
  const out: OpensslIdentity & { fixtures: string } = {
    keyPath: join(FIXTURES_PKI, `${name}.key.pem`), certPath: join(FIXTURES_PKI, `${name}.cert.pem`),
    certDer: new Uint8Array(readFileSync(join(FIXTURES_PKI, `${name}.cert.der`))), fixtures: FIXTURES_PKI,
  };
  if (chain.length > 0) {
    const chainPath = join(mkdtempSync(join(tmpdir(), 'edusign-chain-')), 'chain.pem');
    writeFileSync(chainPath, chain.map((c) => readFileSync(join(FIXTURES_PKI, `${c}.cert.pem`), 'latin1')).join(''));
    out.chainPath = chainPath;
  }
  return out;
}

/** DER of a fixture certificate. */
export function fixtureCert(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_PKI, `${name}.cert.der`)));
}

/** A scratch directory removed by `dispose()`. */
export function scratch(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-pv-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function openssl(args: string[], input?: Uint8Array): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * Make a key (`ec` P-256 or `rsa` 2048) and a self-signed signing certificate.
 * `serial` and `days` let a test make a second certificate for the same key with the same issuer/serial.
 */
export function makeIdentity(dir: string, name: string, options: { kind?: 'ec' | 'rsa'; keyPath?: string; serial?: string; days?: number } = {}): OpensslIdentity {
  const keyPath = options.keyPath ?? join(dir, `${name}.key`);
  if (!options.keyPath) {
    const algo = options.kind === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    openssl(['genpkey', '-quiet', ...algo, '-out', keyPath]);
  }
  const certPath = join(dir, `${name}-${options.days ?? 30}.crt`);
  openssl(['req', '-new', '-x509', '-key', keyPath, '-out', certPath, '-days', String(options.days ?? 30), '-subj',
    `/C=VN/O=Truong THPT Thu Nghiem/CN=${name}`, '-set_serial', options.serial ?? '0x1234',
    '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation', '-addext', 'subjectKeyIdentifier=hash']);
  const certDer = new Uint8Array(openssl(['x509', '-in', certPath, '-outform', 'DER']));
  return { keyPath, certPath, certDer };
}

/** Detached CMS signature of `data` made by `openssl cms -sign` (DER). */
export function opensslCmsSign(dir: string, id: OpensslIdentity, data: Uint8Array,
  options: { attrs?: 'cades' | 'plain' | 'none'; noCerts?: boolean; pss?: boolean; md?: string } = {}): Uint8Array {
  const dataPath = join(dir, 'content.bin');
  writeFileSync(dataPath, data);
  const outPath = join(dir, 'sig.der');
  const args = ['cms', '-sign', '-binary', '-in', dataPath, '-signer', id.certPath, '-inkey', id.keyPath,
    '-outform', 'DER', '-out', outPath, '-md', options.md ?? 'sha256'];
  const attrs = options.attrs ?? 'cades';
  if (attrs === 'cades') args.push('-cades'); // adds signingCertificateV2
  if (attrs === 'none') args.push('-noattr');
  if (options.noCerts) args.push('-nocerts');
  else if (id.chainPath) args.push('-certfile', id.chainPath);
  if (options.pss) args.push('-keyopt', 'rsa_padding_mode:pss');
  openssl(args);
  return new Uint8Array(readFileSync(outPath));
}
