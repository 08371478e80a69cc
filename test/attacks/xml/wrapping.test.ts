/**
 * Signature wrapping (XSW) variants against a XAdES-signed record. The defences: references by unique ID only
 * (one ID space for Id/ID/id/xml:id), the signed element's position relative to its signature, an optional
 * expected element, and — always — callers read the signed content from the verifier's report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { fixtureSigner, sampleRecord } from '../../formats/xades/helpers.js';
import { elementText, verifyOpts } from './helpers.js';

let signed = '';
let original = '';
let sigId = '';
const FORGED = '<DLHocBa><HocSinh><HoTen>Kẻ Mạo Danh</HoTen></HocSinh><KetQua Mon="Toán"><DiemTB>10</DiemTB></KetQua></DLHocBa>';

beforeAll(async () => {
  const r = await signXml(sampleRecord(), { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' } });
  signed = r.xml;
  sigId = r.signatureId;
  original = elementText(signed, 'DLHocBa');
});

async function expectRejected(xml: string, code: string) {
  const r = await verifyXml(xml, verifyOpts);
  expect(r.indication).not.toBe('TOTAL_PASSED');
  expect(r.signatures.flatMap((s) => s.findings.map((f) => f.code))).toContain(code);
  for (const s of r.signatures) for (const e of s.signedElements) expect(String(e.content)).not.toContain('Kẻ Mạo Danh');
  return r;
}

describe('signature wrapping', () => {
  it('baseline: the untouched record verifies', async () => {
    expect((await verifyXml(signed, verifyOpts)).indication).toBe('TOTAL_PASSED');
  });

  it('XSW-1: original moved into a ds:Object of the signature, forged record in its place', async () => {
    const x = signed.replace(original, FORGED).replace('</ds:KeyInfo>', `</ds:KeyInfo><ds:Object>${original}</ds:Object>`);
    await expectRejected(x, 'XADES_SIGNED_ELEMENT_INSIDE_SIGNATURE');
  });

  it('XSW-2: original moved into the QualifyingProperties (unsigned part) of the signature', async () => {
    const x = signed.replace(original, FORGED).replace('</xades:QualifyingProperties>', `<xades:UnsignedProperties>${original}</xades:UnsignedProperties></xades:QualifyingProperties>`);
    await expectRejected(x, 'XADES_SIGNED_ELEMENT_INSIDE_SIGNATURE');
  });

  it('XSW-3: forged record with the same Id before the original', async () => {
    const x = signed.replace(original, FORGED.replace('<DLHocBa>', '<DLHocBa Id="data">') + original);
    await expectRejected(x, 'XADES_DUPLICATE_ID');
  });

  it('XSW-4: forged record with the same Id after the original', async () => {
    const x = signed.replace(original, original + FORGED.replace('<DLHocBa>', '<DLHocBa Id="data">'));
    await expectRejected(x, 'XADES_DUPLICATE_ID');
  });

  it('XSW-5: the same ID under another spelling (ID=, id=, xml:id=) on the forged record', async () => {
    for (const attr of ['ID', 'id', 'xml:id']) {
      const x = signed.replace(original, FORGED.replace('<DLHocBa>', `<DLHocBa ${attr}="data">`) + original);
      await expectRejected(x, 'XADES_DUPLICATE_ID');
    }
  });

  it('XSW-6: original wrapped in an extension element elsewhere, forged record in its place', async () => {
    const x = signed.replace(original, FORGED).replace('</HocBa>', `<MoRong>${original}</MoRong></HocBa>`);
    await expectRejected(x, 'XADES_SIGNED_ELEMENT_MISPLACED');
  });

  it('XSW-7: original moved into a parallel signature\'s slot (inside another ds:Signature)', async () => {
    const two = await signXml(signed, { signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' } });
    const orig2 = elementText(two.xml, 'DLHocBa');
    const x = two.xml.replace(orig2, FORGED).replace(/(<GVCN><ds:Signature[^]*?<\/ds:KeyInfo>)/, `$1<ds:Object>${orig2}</ds:Object>`);
    await expectRejected(x, 'XADES_SIGNED_ELEMENT_INSIDE_SIGNATURE');
  });

  it('XSW-8: original moved next to the signature (still a sibling subtree): the verifier hands out the original, and a path expectation catches it', async () => {
    const x = signed.replace(original, FORGED).replace('<DSCKS>', `<DSCKS>${original}`);
    const loose = await verifyXml(x, verifyOpts);
    // Structurally acceptable, so the content handed out is the one that was signed — never the forged record.
    expect(loose.signatures[0]!.signedElements[0]!.content).toContain('Nguyễn Văn An');
    expect(loose.signatures[0]!.signedElements[0]!.path).toContain('DSCKS');
    const strict = await verifyXml(x, { ...verifyOpts, expectedSignedElement: { path: '/{urn:edusign:hocba:1}HocBa[1]/{urn:edusign:hocba:1}DLHocBa[1]' } });
    expect(strict.indication).toBe('TOTAL_FAILED');
    expect(strict.signatures[0]!.findings.map((f) => f.code)).toContain('XADES_UNEXPECTED_SIGNED_ELEMENT');
  });

  it('rejects XPointer and non-bare-name references', async () => {
    for (const uri of ["#xpointer(id('data'))", '#xpointer(/)', 'http://127.0.0.1:9/record.xml']) {
      const x = signed.replace('URI="#data"', `URI="${uri}"`);
      const r = await verifyXml(x, verifyOpts);
      expect(r.indication, uri).not.toBe('TOTAL_PASSED');
    }
  });

  it('the signature id is stable', () => {
    expect(signed).toContain(`Id="${sigId}"`);
  });
});
