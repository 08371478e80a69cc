/**
 * The records of the data model (encode's toXml with an envelope) signed by several roles, and read back from
 * what the verifier says was signed — never from the original document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromXml, toXml } from '../../../src/encode/index.js';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { der, fixtureSigner } from './helpers.js';

const RECORDS = join(import.meta.dirname, '../../../fixtures/records');

describe('signing data-model records', () => {
  it('GVCN and principal sign a transcript in turn; the verifier hands back the record, which fromXml reads', async () => {
    const transcript = JSON.parse(readFileSync(join(RECORDS, 'transcript-thcs.json'), 'utf8')) as Parameters<typeof toXml>[0];
    const xml = toXml(transcript, { envelope: { id: 'data' } });
    const a = await signXml(xml, { signer: fixtureSigner('homeroom'), role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' } });
    const b = await signXml(a.xml, { signer: fixtureSigner('principal'), role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' } });
    expect(b.warnings.map((w) => w.code)).not.toContain('XADES_CONTENT_NOT_NFC');
    const report = await verifyXml(b.xml, {
      trustStore: { anchors: [der('root-neac')], intermediates: [der('ca-edu')] }, offline: true, revocation: { skip: true },
      expectedSignedElement: { localName: 'transcript', namespace: 'urn:edusign-vn:record:1', id: 'data' },
    });
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures.map((s) => s.claimedRoles[0])).toEqual(['Giáo viên chủ nhiệm', 'Hiệu trưởng']);
    const [first, second] = report.signatures.map((s) => s.signedElements[0]!.content as string);
    expect(first).toBe(second);
    expect(fromXml(first!)).toEqual(fromXml(xml));
    // the signed envelope also still reads as the record (encode skips the DSCKS container)
    expect(fromXml(b.xml)).toEqual(fromXml(xml));
  });
});
