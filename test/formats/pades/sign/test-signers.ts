/**
 * Signers from the test PKI (fixtures/pki) for PAdES signing tests, made with the crypto layer's PEM loader.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPemSigner } from '../../../../src/crypto/pem.js';
import type { Signer } from '../../../../src/crypto/types.js';
import type { SignerAlgorithmOptions } from '../../../../src/crypto/key-object-signer.js';

export const PKI = resolve(import.meta.dirname, '../../../../fixtures/pki');

/** Read a fixture file. */
export function fixture(name: string): Buffer { return readFileSync(join(PKI, name)); }

/** Issuer (CA) of each test signer. */
const ISSUER: Record<string, string> = {
  teacher: 'ca-edu', teacher2: 'ca-edu', homeroom: 'ca-edu', principal: 'ca-edu', 'teacher-ecdsa': 'ca-edu',
  'school-seal': 'ca-vgca-sub', expired: 'ca-edu', revoked: 'ca-edu',
};

/** A Signer for fixture `name` with its intermediate CA as chain (`algorithm` options: hash, rsaScheme). */
export function testSigner(name: string, algorithm: SignerAlgorithmOptions = {}): Signer {
  const ca = ISSUER[name] ?? 'ca-edu';
  return loadPemSigner({ key: fixture(`${name}.key.pem`), certificate: fixture(`${name}.cert.der`), chain: [fixture(`${ca}.cert.der`)], ...algorithm });
}
