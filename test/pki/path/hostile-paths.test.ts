/**
 * Hostile path-building input: a mesh of same-named CAs (the search must stop), and forged intermediates
 * carrying a real CA's name (tried, refused, bounded; the real one still wins when present).
 */
import { describe, expect, it } from 'vitest';
import { buildCertificate, type CertificateSpec, type NameAttribute } from '../../../fixtures/pki/lib/certificate.js';
import { seededP256Key, type TestKey } from '../../../fixtures/pki/lib/keys.js';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import { decodeCertificate } from '../../../src/pki/cert/decode-certificate.js';
import { certDer } from '../cert/fixture.js';
import { NOW, standardStore } from './helpers.js';

const MESH: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'Mesh CA']];
const CA_EDU: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'CA Giáo dục thử nghiệm']];
const ROOT_NEAC: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'Root CA Thử nghiệm (NEAC-like)']];

function caSpec(serial: number, subject: NameAttribute[]): CertificateSpec {
  return { serial: BigInt(serial), subject, notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z'),
    ca: {}, keyUsage: ['keyCertSign', 'cRLSign'] };
}

describe('bounded path search on hostile input', () => {
  it('a mesh of 12 CAs with one name and different keys ends with NO_CERTIFICATE_CHAIN_FOUND within the step limit', async () => {
    const keys: TestKey[] = Array.from({ length: 12 }, (_, i) => seededP256Key(`mesh-${i}`));
    const mesh = keys.map((key, i) => buildCertificate(caSpec(100 + i, MESH), key, { subject: MESH, key: keys[(i + 1) % keys.length] as TestKey }));
    const leafKey = seededP256Key('mesh-leaf');
    const leaf = buildCertificate({ ...caSpec(1, [['C', 'VN'], ['CN', 'Mesh leaf']]), ca: undefined, keyUsage: ['digitalSignature'] },
      leafKey, { subject: MESH, key: keys[0] as TestKey });
    const started = Date.now();
    const r = await buildAndValidatePath(leaf, { trustStore: standardStore(), at: NOW, extraCertificates: mesh });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(r.findings.map((f) => f.code)).toContain('PATH_SEARCH_LIMIT_REACHED');
  });

  it('forged intermediates named like ca-edu: the real one still wins; without it, at most maxPaths tried', async () => {
    const forged = Array.from({ length: 24 }, (_, i) =>
      buildCertificate(caSpec(500 + i, CA_EDU), seededP256Key(`forged-${i}`), { subject: ROOT_NEAC, key: seededP256Key(`forger-${i}`) }));
    const withReal = await buildAndValidatePath(certDer('teacher'), { trustStore: standardStore(), at: NOW, extraCertificates: forged });
    expect(withReal.indication).toBe('TOTAL_PASSED');
    expect(withReal.chain[1]?.sha256).toBe(decodeCertificate(certDer('ca-edu')).sha256);

    const without = await buildAndValidatePath(certDer('teacher'), {
      trustStore: standardStore(['root-neac'], []), at: NOW, extraCertificates: forged, limits: { maxPaths: 5 },
    });
    expect(without.pathsTried).toBe(5);
    expect([without.indication, without.subIndication]).toEqual(['INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE']);
    expect(without.findings.map((f) => f.code)).toContain('CERT_SIGNATURE_INVALID');
  });
});
