/**
 * Keys and certificates for the crypto tests: the shared test PKI in fixtures/pki (RSA `teacher`, EC P-256
 * `teacher-ecdsa`, password 123456) plus one throwaway EC P-384 self-signed certificate made with openssl.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PKI = join(import.meta.dirname, '../../fixtures/pki');
export const P12_PASSWORD = '123456';

export function fixture(name: string): Buffer {
  return readFileSync(join(PKI, name));
}

export interface TestIdentity {
  keyPem: string;
  privateKey: KeyObject;
  certPem: string;
  certDer: Uint8Array;
  keyPath: string;
  certPath: string;
}

export function pkiIdentity(name: string): TestIdentity {
  const keyPem = fixture(`${name}.key.pem`).toString('utf8');
  return {
    keyPem,
    privateKey: createPrivateKey(keyPem),
    certPem: fixture(`${name}.cert.pem`).toString('utf8'),
    certDer: new Uint8Array(fixture(`${name}.cert.der`)),
    keyPath: join(PKI, `${name}.key.pem`),
    certPath: join(PKI, `${name}.cert.pem`),
  };
}

/** A temp dir with an EC P-384 key and self-signed certificate; call `cleanup()` in afterAll. */
export function makeP384Identity(): TestIdentity & { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-crypto-'));
  const keyPath = join(dir, 'p384.key.pem');
  const certPath = join(dir, 'p384.cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '30', '-subj', '/C=VN/CN=Giáo viên P-384', '-utf8'], { stdio: 'pipe' });
  const keyPem = readFileSync(keyPath, 'utf8');
  const certPem = readFileSync(certPath, 'utf8');
  const certDer = new Uint8Array(Buffer.from(certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  return { dir, keyPem, privateKey: createPrivateKey(keyPem), certPem, certDer, keyPath, certPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Expect a promise or function to throw an EdusignError with this code. */
export async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).message);
  }
  return 'NO_ERROR';
}
