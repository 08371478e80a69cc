/** Test helper: reads files of the committed test PKI (fixtures/pki). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file of fixtures/pki. */
export function pkiPath(file: string): string {
  return fileURLToPath(new URL(`../../../fixtures/pki/${file}`, import.meta.url));
}

/** DER bytes of `<name>.cert.der`. */
export function certDer(name: string): Uint8Array {
  return Uint8Array.from(readFileSync(pkiPath(`${name}.cert.der`)));
}

/** Raw bytes of any fixture file. */
export function pkiFile(file: string): Uint8Array {
  return Uint8Array.from(readFileSync(pkiPath(file)));
}
