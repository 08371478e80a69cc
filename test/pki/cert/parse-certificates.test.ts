import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { decodeCertificate } from '../../../src/pki/cert/decode-certificate.js';
import { parseCertificates } from '../../../src/pki/cert/parse-certificates.js';
import { certDer, pkiFile, pkiPath } from './fixture.js';

describe('parseCertificates', () => {
  it('reads DER, PEM, several PEM blocks, base64 without headers and PKCS#7 bundles', () => {
    const teacher = certDer('teacher');
    expect(parseCertificates(teacher)).toEqual([teacher]);
    expect(parseCertificates(pkiFile('teacher.cert.pem'))).toEqual([teacher]);
    expect(parseCertificates(Buffer.from(pkiFile('teacher.cert.pem')).toString('utf8'))).toEqual([teacher]);
    expect(parseCertificates(Buffer.from(teacher).toString('base64'))).toEqual([teacher]);
    const roots = parseCertificates(pkiFile('roots.pem'));
    expect(roots).toEqual([certDer('root-neac'), certDer('root-vgca')]);
    const bundle = parseCertificates(pkiFile('ca-bundle.p7b'));
    expect(bundle.map((d) => decodeCertificate(d).sha256).sort()).toEqual(
      ['root-neac', 'root-vgca', 'ca-edu', 'ca-vgca-sub'].map((n) => decodeCertificate(certDer(n)).sha256).sort(),
    );
  });

  it('reads a PEM PKCS7 bundle made by openssl', () => {
    const pem = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', pkiPath('intermediates.pem')]).toString();
    expect(pem).toContain('BEGIN PKCS7');
    expect(parseCertificates(pem)).toEqual([certDer('ca-edu'), certDer('ca-vgca-sub')]);
  });

  it('agrees with openssl on fingerprints, serial and validity', () => {
    const cert = decodeCertificate(certDer('principal'));
    const out = execFileSync('openssl', ['x509', '-in', pkiPath('principal.cert.pem'), '-noout', '-fingerprint', '-sha256', '-serial', '-enddate']).toString();
    expect(out).toContain(cert.sha256.toUpperCase().match(/../g)?.join(':'));
    expect(out).toContain(`serial=${cert.serialNumber.toUpperCase()}`);
    expect(out).toContain('notAfter=Jan  1 00:00:00 2031 GMT');
  });

  it('rejects empty, garbage, truncated and trailing-byte input with CERT_MALFORMED', () => {
    const teacher = certDer('teacher');
    const bad: (Uint8Array | string)[] = [
      new Uint8Array(0), Uint8Array.of(0x30), Uint8Array.of(0x30, 0x80, 0, 0), teacher.subarray(0, teacher.length - 1),
      Uint8Array.from([...teacher, 0]), '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----', 'not a certificate at all',
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
    ];
    for (const input of bad) {
      let caught: unknown;
      try {
        parseCertificates(input);
      } catch (error) {
        caught = error;
      }
      expect(isEdusignError(caught) && caught.code).toBe('CERT_MALFORMED');
    }
  });

  it('never crashes on corrupted DER (bit flips and truncations): a certificate or CERT_MALFORMED', () => {
    const base = certDer('teacher-ecdsa');
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(base.length), (pos, flip, cut) => {
        const mutated = Uint8Array.from(base);
        mutated[pos] = (mutated[pos] ?? 0) ^ flip;
        for (const input of [mutated, base.subarray(0, cut)]) {
          try {
            parseCertificates(input);
          } catch (error) {
            if (!isEdusignError(error) || error.code !== 'CERT_MALFORMED') throw error;
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
