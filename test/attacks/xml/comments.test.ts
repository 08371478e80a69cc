/**
 * Comment injection: comments are not part of same-document references (XMLDSig + C14N), so injecting one
 * keeps the signature valid — and the content the verifier hands out has no comment to truncate text at.
 */
import { describe, expect, it } from 'vitest';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { fixtureSigner, sampleRecord } from '../../formats/xades/helpers.js';
import { verifyOpts } from './helpers.js';

describe('comment injection', () => {
  it('a comment splitting a signed text node does not change the signed content handed out', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    const before = (await verifyXml(xml, verifyOpts)).signatures[0]!.signedElements[0]!.content;
    const injected = xml.replace('<HoTen>Nguyễn Văn An</HoTen>', '<HoTen>Nguyễn <!-- admin -->Văn An</HoTen>');
    expect(injected).not.toBe(xml);
    const r = await verifyXml(injected, verifyOpts);
    expect(r.indication).toBe('TOTAL_PASSED');
    const after = r.signatures[0]!.signedElements[0]!.content as string;
    expect(after).toBe(before);
    expect(after).toContain('<HoTen>Nguyễn Văn An</HoTen>');
    expect(after).not.toContain('<!--');
  });

  it('a WithComments transform on a same-document reference still excludes comments', async () => {
    const { xml } = await signXml(sampleRecord('<!-- note -->'), { signer: fixtureSigner('principal') });
    const r = await verifyXml(xml, verifyOpts);
    expect(r.signatures[0]!.signedElements[0]!.content).not.toContain('note');
  });

  it('a comment changing the text itself is a change of the signed content', async () => {
    const { xml } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    const r = await verifyXml(xml.replace('<DiemTB>8.5</DiemTB>', '<DiemTB>9<!--8-->.5</DiemTB>'), verifyOpts);
    expect(r.signatures[0]!.subIndication).toBe('HASH_FAILURE');
  });
});
