/**
 * A second independent judge: xadesjs (XAdES-BES over xmldsigjs, on @xmldom/xmldom) verifies our signatures, and
 * our verifier accepts xadesjs signatures (inclusive C14N 1.0 SignedInfo inside a default-namespace record).
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import * as xadesjs from 'xadesjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countersignXml, signXml, verifyXml } from '../../src/formats/xades/index.js';
import { der, fixtureSigner, key, sampleRecord } from '../formats/xades/helpers.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const verifyOpts = { trustStore: { anchors: [der('root-neac')], intermediates: [der('ca-edu')] }, offline: true, revocation: { skip: true } } as const;

beforeAll(() => {
  xadesjs.Application.setEngine('NodeJS', webcrypto as unknown as Crypto);
  xadesjs.setNodeDependencies({ XMLSerializer, DOMParser, DOMImplementation, xpath });
});

async function xadesjsVerifyAll(xml: string): Promise<boolean[]> {
  const doc = xadesjs.Parse(xml);
  const sigs = Array.from(doc.getElementsByTagNameNS(DS, 'Signature'));
  const results: boolean[] = [];
  for (const el of sigs) {
    const sx = new xadesjs.SignedXml(doc);
    sx.LoadXml(el);
    results.push(await sx.Verify());
  }
  return results;
}

describe('xadesjs interop', () => {
  it('xadesjs verifies our parallel signatures (exclusive C14N and C14N 1.0)', async () => {
    const a = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' } });
    const b = await signXml(a.xml, { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' }, canonicalization: 'c14n' });
    expect(await xadesjsVerifyAll(b.xml)).toEqual([true, true]);
  });

  it('xadesjs still verifies the countersigned signature after the countersignature is added', async () => {
    const a = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
    const c = await countersignXml(a.xml, 'sig-gvcn', { signer: fixtureSigner('principal') });
    // The nested countersignature itself cannot be judged by xadesjs 2.6.8: it does not resolve a reference to a
    // ds:SignatureValue Id ("Cannot get object by reference"); xmlsec1 accepts it (xades-xmlsec.test.ts).
    const doc = xadesjs.Parse(c.xml);
    const outer = Array.from(doc.getElementsByTagNameNS(DS, 'Signature')).find((e) => e.getAttribute('Id') === 'sig-gvcn')!;
    const sx = new xadesjs.SignedXml(doc);
    sx.LoadXml(outer);
    expect(await sx.Verify()).toBe(true);
    expect((await verifyXml(c.xml, verifyOpts)).indication).toBe('TOTAL_PASSED');
  });

  it('our verifier accepts a xadesjs XAdES-BES signature, and rejects it after a change', async () => {
    const pkcs8 = key('homeroom').export({ type: 'pkcs8', format: 'der' });
    const priv = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    const doc = xadesjs.Parse(sampleRecord());
    const certB64 = Buffer.from(der('homeroom')).toString('base64');
    const signed = await new xadesjs.SignedXml().Sign({ name: 'RSASSA-PKCS1-v1_5' } as Algorithm, priv, doc as unknown as Parameters<xadesjs.SignedXml['Sign']>[2], {
      x509: [certB64], references: [{ hash: 'SHA-256', uri: '#data', transforms: ['exc-c14n'] }],
      signingCertificate: certB64, signingTime: { value: new Date() },
    } as unknown as Parameters<xadesjs.SignedXml['Sign']>[3]);
    doc.getElementsByTagName('DSCKS')[0]!.appendChild(signed.GetXml() as unknown as Node);
    const xml = new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer["serializeToString"]>[0]);
    expect(xml).toContain('REC-xml-c14n-20010315'); // inclusive SignedInfo inside xmlns="urn:edusign:hocba:1"
    const r = await verifyXml(xml, verifyOpts);
    expect([r.indication, r.signatures[0]!.level]).toEqual(['TOTAL_PASSED', 'B-B']);
    expect(r.signatures[0]!.signer.commonName).toBe('Trần Văn Minh');
    const bad = await verifyXml(xml.replace('<DiemTB>8.5</DiemTB>', '<DiemTB>5.8</DiemTB>'), verifyOpts);
    expect(bad.signatures[0]!.subIndication).toBe('HASH_FAILURE');
  });
});
