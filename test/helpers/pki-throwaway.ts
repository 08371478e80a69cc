/**
 * Throwaway certificates made at test time with the openssl CLI and a CA key of the test PKI, for cases the
 * fixtures do not hold (a certificate the OCSP responder has never heard of). EC P-256 keys: cheap.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES_PKI } from './pki-services.js';

const run = promisify(execFile);

/**
 * Issue a certificate from fixture CA `ca` with `serialHex`, carrying the CA's test URLs, that is in no index.
 * @example
 * ```ts
 * const der = await issueUnknownCertificate('ca-edu', '7777');
 * ```
 */
export async function issueUnknownCertificate(ca: string, serialHex: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-throwaway-'));
  try {
    const ext = join(dir, 'ext.cnf');
    writeFileSync(ext, [
      'basicConstraints = CA:FALSE', 'keyUsage = critical, digitalSignature, nonRepudiation',
      `authorityInfoAccess = OCSP;URI:http://ocsp.edusign.test/${ca}, caIssuers;URI:http://pki.edusign.test/${ca}.cer`,
      `crlDistributionPoints = URI:http://pki.edusign.test/${ca}.crl`, '',
    ].join('\n'));
    await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'),
      '-subj', '/C=VN/O=edusign-vn test/CN=Never issued', '-out', join(dir, 'r.csr')]);
    await run('openssl', ['x509', '-req', '-in', join(dir, 'r.csr'), '-CA', join(FIXTURES_PKI, `${ca}.cert.pem`),
      '-CAkey', join(FIXTURES_PKI, `${ca}.key.pem`), '-set_serial', `0x${serialHex}`, '-days', '30', '-sha256',
      '-extfile', ext, '-outform', 'DER', '-out', join(dir, 'c.der')]);
    return new Uint8Array(readFileSync(join(dir, 'c.der')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
