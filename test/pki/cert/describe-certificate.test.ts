import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeName } from '../../../fixtures/pki/lib/certificate.js';
import { describeCertificate } from '../../../src/pki/cert/describe-certificate.js';
import { decodeCertificate } from '../../../src/pki/cert/decode-certificate.js';
import { subjectIdentifiers } from '../../../src/pki/cert/identifiers.js';
import { decodeName, namesMatch } from '../../../src/pki/cert/name.js';
import { verifyCertificateSignature } from '../../../src/pki/cert/signature-algorithm.js';
import { certDer } from './fixture.js';
import { oid, printable, seq, set, tlv, utf8 } from '../../../fixtures/pki/lib/der.js';

describe('describeCertificate', () => {
  it('describes a teacher certificate in user terms', () => {
    const d = describeCertificate(certDer('teacher'));
    expect(d.commonName).toBe('Nguyễn Thị Thu Hà');
    expect(d.organization).toBe('Trường THPT Trần Phú');
    expect(d.title).toBe('Giáo viên');
    expect(d.province).toBe('Hải Phòng');
    expect(d.country).toBe('VN');
    expect(d.personalId).toBe('031186001234');
    expect(d.taxCode).toBeUndefined();
    expect(d.issuer.commonName).toBe('CA Giáo dục thử nghiệm');
    expect(d.subject.text).toBe('UID=CCCD:031186001234, CN=Nguyễn Thị Thu Hà, T=Giáo viên, O=Trường THPT Trần Phú, L=Hải Phòng, ST=Hải Phòng, C=VN');
    expect(d.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(d.extendedKeyUsage.map((e) => e.name)).toEqual(['clientAuth', 'emailProtection']);
    expect(d.policies).toEqual(['2.999.1.1']);
    expect(d.publicKey).toEqual({ algorithm: 'RSA', size: 2048 });
    expect(d.signatureAlgorithm.name).toBe('sha256WithRSAEncryption');
    expect(d.urls).toEqual({
      ocsp: ['http://ocsp.edusign.test/ca-edu'], caIssuers: ['http://pki.edusign.test/ca-edu.cer'], crl: ['http://pki.edusign.test/ca-edu.crl'],
    });
    expect(d.isCA).toBe(false);
    expect(d.fingerprints.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads every UID (CCCD and CMND), the school tax code, EC keys, CA flags and OCSP no-check', () => {
    const t2 = describeCertificate(certDer('teacher2'));
    expect(t2.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(['CCCD:031090002345', 'CMND:031234567']);
    expect(t2.personalId).toBe('031090002345');
    const seal = describeCertificate(certDer('school-seal'));
    expect(seal.taxCode).toBe('0200123456');
    expect(seal.personalId).toBeUndefined();
    expect(describeCertificate(certDer('teacher-ecdsa')).publicKey).toEqual({ algorithm: 'EC', curve: 'P-256', size: 256 });
    const ca = describeCertificate(certDer('ca-edu'));
    expect([ca.isCA, ca.pathLength, ca.selfIssued]).toEqual([true, 0, false]);
    expect(describeCertificate(certDer('root-neac')).selfIssued).toBe(true);
    expect(describeCertificate(certDer('ocsp-ca-edu')).ocspNoCheck).toBe(true);
    expect(describeCertificate(certDer('unknown-critical')).criticalExtensions).toContain('2.999.2.1');
    expect(describeCertificate(certDer('tsa')).extendedKeyUsage).toEqual([{ oid: '1.3.6.1.5.5.7.3.8', name: 'timeStamping' }]);
  });

  it('falls back to CN/OU identifiers only when no UID carries one', () => {
    const name = (attrs: [string, string][]) => ({ attributes: attrs.map(([type, value]) => ({ type, oid: type, value })), text: '', der: new Uint8Array(), matchKey: '' });
    expect(subjectIdentifiers(name([['CN', 'CÔNG TY ABC'], ['OU', 'MST: 0106793535']]))).toEqual([{ kind: 'MST', value: '0106793535', source: 'OU' }]);
    expect(subjectIdentifiers(name([['UID', 'cccd : 001099001234'], ['OU', 'MST:1']]))).toEqual([{ kind: 'CCCD', value: '001099001234', source: 'UID' }]);
    expect(subjectIdentifiers(name([['UID', 'ABC:1']]))).toEqual([]);
  });
});

describe('names and signatures', () => {
  it('decodes any UTF-8 attribute value back to the NFC text that was encoded', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), (cn, o) => {
      const name = decodeName(encodeName([['C', 'VN'], ['O', o], ['CN', cn]]));
      expect(name.attributes.map((a) => a.value)).toEqual(['VN', o.normalize('NFC'), cn.normalize('NFC')]);
      expect(namesMatch(encodeName([['O', o]]), encodeName([['O', ` ${o.toUpperCase()}  `]]))).toBe(true);
      expect(namesMatch(encodeName([['O', o]]), encodeName([['O', `${o}x`]]))).toBe(false);
    }), { numRuns: 200 });
  });

  it('matches names byte-exactly and after case/whitespace folding, not across different names', () => {
    const teacher = decodeCertificate(certDer('teacher'));
    const ca = decodeCertificate(certDer('ca-edu'));
    expect(namesMatch(teacher.issuer.der, ca.subject.der)).toBe(true);
    expect(namesMatch(teacher.subject.der, ca.subject.der)).toBe(false);
    // C=VT, O=abc de (UTF8String) vs C=VT, O=ABC  DE (PrintableString, double space)
    const lower = Buffer.from('301e310b3009060355040613025654310f300d060355040a0c06616263206465', 'hex');
    const upper = Buffer.from('301f310b3009060355040613025654311030 0e060355040a130741424320204445'.replace(/ /g, ''), 'hex');
    expect(namesMatch(lower, upper)).toBe(true);
    expect(decodeName(upper).text).toBe('O=ABC  DE, C=VT');
    // RDN boundaries matter: {C=VT + O=abc} is not C=VT, O=abc; attribute order inside one RDN does not.
    const c = seq(oid('2.5.4.6'), printable('VT'));
    const o = seq(oid('2.5.4.10'), utf8('abc'));
    const multi = seq(set(c, o));
    expect(namesMatch(multi, seq(set(c), set(o)))).toBe(false);
    expect(namesMatch(multi, seq(tlv(0x31, Buffer.concat([o, c]))))).toBe(true);
    expect(decodeName(multi).text).toBe('C=VT+O=abc');
  });

  it('verifies certificate signatures with the issuer key and rejects the wrong key', () => {
    const teacher = decodeCertificate(certDer('teacher'));
    const ca = decodeCertificate(certDer('ca-edu'));
    const root = decodeCertificate(certDer('root-neac'));
    expect(verifyCertificateSignature(teacher, ca.spki)).toBe('valid');
    expect(verifyCertificateSignature(teacher, root.spki)).toBe('invalid');
    expect(verifyCertificateSignature(decodeCertificate(certDer('teacher-ecdsa')), ca.spki)).toBe('valid');
    expect(verifyCertificateSignature(decodeCertificate(certDer('md5-signed')), ca.spki)).toBe('valid');
    const tampered = decodeCertificate(certDer('teacher'));
    const i = tampered.tbs.length - 5;
    tampered.tbs[i] = (tampered.tbs[i] ?? 0) ^ 1;
    expect(verifyCertificateSignature(tampered, ca.spki)).toBe('invalid');
  });
});
