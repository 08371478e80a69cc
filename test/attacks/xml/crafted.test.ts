/**
 * Signatures an attacker re-signed with some key: forbidden transforms, unsigned SignedProperties, swapped
 * KeyInfo, an untrusted signer — each is refused or never TOTAL_PASSED.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { der, fixtureSigner, sampleRecord } from '../../formats/xades/helpers.js';
import { resign, verifyOpts } from './helpers.js';

let signed = '';
let sigId = '';
beforeAll(async () => {
  const r = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), signatureId: 'sig-ht' });
  signed = r.xml;
  sigId = r.signatureId;
});

describe('attacker-crafted signatures', () => {
  it('resigning with the right key keeps a valid signature (control for the tests below)', async () => {
    expect((await verifyXml(resign(signed, sigId, 'principal'), verifyOpts)).indication).toBe('TOTAL_PASSED');
  });

  it.each([
    ['XSLT', 'http://www.w3.org/TR/1999/REC-xslt-19991116'],
    ['XPath', 'http://www.w3.org/TR/1999/REC-xpath-19991116'],
    ['XPath Filter 2', 'http://www.w3.org/2002/06/xmldsig-filter2'],
    ['base64', 'http://www.w3.org/2000/09/xmldsig#base64'],
  ])('refuses a validly signed %s transform', async (_n, alg) => {
    const x = resign(signed.replace(/(<ds:Reference Id="sig-ht-ref0" URI="#data"><ds:Transforms>)/, `$1<ds:Transform Algorithm="${alg}"/>`), sigId, 'principal');
    const r = await verifyXml(x, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_TRANSFORM_FORBIDDEN');
  });

  it('refuses a signature whose SignedProperties are no longer referenced', async () => {
    const x = resign(signed.replace(/<ds:Reference Type="http:\/\/uri.etsi.org\/01903#SignedProperties"[^]*?<\/ds:Reference>/, ''), sigId, 'principal');
    const r = await verifyXml(x, verifyOpts);
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_SIGNED_PROPERTIES_NOT_SIGNED');
    expect(r.indication).toBe('TOTAL_FAILED');
  });

  it('KeyInfo swapped for an untrusted key and SignedInfo re-signed with it: no signing certificate (SigningCertificateV2 binds the real one)', async () => {
    const untrusted = Buffer.from(der('loop-leaf')).toString('base64');
    const x = resign(signed.replace(/<ds:KeyInfo>[^]*<\/ds:KeyInfo>/, `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${untrusted}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`), sigId, 'loop-leaf');
    const r = await verifyXml(x, verifyOpts);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.signatures[0]!.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
  });

  it('KeyInfo swapped without re-signing: never passes', async () => {
    const other = Buffer.from(der('homeroom')).toString('base64');
    const x = signed.replace(/<ds:KeyInfo>[^]*<\/ds:KeyInfo>/, `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${other}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`);
    expect((await verifyXml(x, verifyOpts)).indication).not.toBe('TOTAL_PASSED');
  });

  it('a complete signature by an untrusted signer is INDETERMINATE (no chain), never TOTAL_PASSED', async () => {
    const r0 = await signXml(sampleRecord(), { signer: fixtureSigner('loop-leaf', undefined, ['loop-a']) });
    const r = await verifyXml(r0.xml, verifyOpts);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.signatures[0]!.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('refuses SHA-1 and HMAC signature methods', async () => {
    for (const alg of ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1']) {
      const x = signed.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', alg);
      const r = await verifyXml(x, verifyOpts);
      expect(r.indication).not.toBe('TOTAL_PASSED');
      expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_SIGNATURE_METHOD_REFUSED');
    }
  });

  it('method confusion: an RSA PKCS#1 value under an ECDSA or RSA-PSS SignatureMethod with the RSA key never verifies', async () => {
    for (const alg of ['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1']) {
      // resign() writes an RSA PKCS#1 v1.5 SHA-256 value: node:crypto alone would accept it for an RSA key even
      // when asked for ECDSA (dsaEncoding is ignored for RSA keys); the method must fit the key.
      const x = resign(signed.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', alg), sigId, 'principal');
      const r = await verifyXml(x, verifyOpts);
      expect([r.indication, r.signatures[0]!.subIndication]).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
    }
  });
});

describe('unsigned additions', () => {
  it('a second QualifyingProperties (e.g. a forged unsigned timestamp in front of the real one) fails', async () => {
    const fake = '<ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig-ht"><xades:UnsignedProperties/></xades:QualifyingProperties></ds:Object>';
    const x = signed.replace('</ds:KeyInfo>', `</ds:KeyInfo>${fake}`);
    const r = await verifyXml(x, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_QUALIFYING_PROPERTIES');
  });

  it('QualifyingProperties targeting another signature fail', async () => {
    const x = signed.replace('Target="#sig-ht"', 'Target="#other"');
    const r = await verifyXml(x, verifyOpts);
    expect(r.indication).toBe('TOTAL_FAILED');
  });
});
