/**
 * Embedded validation data: CertificateValues/RevocationValues and xadesv141:TimeStampValidationData are read
 * back for verification.
 */
import { describe, expect, it } from 'vitest';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { timeStampValidationDataXml } from '../../../src/formats/xades/archive-timestamp.js';
import { embeddedValues } from '../../../src/formats/xades/embedded-values.js';
import { findSignatureById, signatureParts } from '../../../src/formats/xades/locate.js';
import { appendUnsignedProperties } from '../../../src/formats/xades/unsigned-properties.js';
import { buildIdIndex } from '../../../src/formats/xades/xml/ids.js';
import { parseXml } from '../../../src/formats/xades/xml/parse.js';
import { der, fixtureSigner, sampleRecord } from './helpers.js';

describe('embedded validation data', () => {
  it('reads certificates and revocation data from TimeStampValidationData; the signature still verifies', async () => {
    const { xml, signatureId } = await signXml(sampleRecord(), { signer: fixtureSigner('principal') });
    const parts = () => signatureParts(findSignatureById(buildIdIndex(parseXml(text)), signatureId));
    let text = xml;
    const fakeCrl = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    text = appendUnsignedProperties(text, parts(), [timeStampValidationDataXml([der('root-neac')], [fakeCrl], [])]);
    expect(text).toContain('<xades:UnsignedProperties xmlns:xades141="http://uri.etsi.org/01903/v1.4.1#"><xades:UnsignedSignatureProperties><xades141:TimeStampValidationData>');
    const values = embeddedValues(parts());
    expect(values.certificates).toEqual([der('root-neac')]);
    expect(values.crls).toEqual([fakeCrl]);
    const r = await verifyXml(text, { trustStore: { anchors: [der('root-neac')], intermediates: [der('ca-edu')] }, offline: true, revocation: { skip: true } });
    expect(r.indication).toBe('TOTAL_PASSED');
  });
});
