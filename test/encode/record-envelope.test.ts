/**
 * The signing envelope <signedRecord> with sequential XAdES signatures (this SDK's signXml) in DSCKS role slots:
 * the signed document still validates against the shipped XSD (xmllint) and reads back to the same record.
 */
import { describe, expect, it } from 'vitest';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toXml } from '../../src/encode/record/to-xml.js';
import { fromXml } from '../../src/encode/record/from-xml.js';
import { signXml } from '../../src/formats/xades/index.js';
import type { Signer } from '../../src/crypto/types.js';
import { isEdusignError } from '../../src/errors.js';
import type { Transcript } from '../../src/model/types.js';

const der = (name: string): Uint8Array => new Uint8Array(readFileSync(`fixtures/pki/${name}.cert.der`));

function fixtureSigner(name: string): Signer {
  const key = createPrivateKey(readFileSync(`fixtures/pki/${name}.key.pem`));
  return {
    certificate: der(name),
    chain: [der('ca-edu')],
    algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    sign: async (data: Uint8Array) => new Uint8Array(nodeSign('sha256', data, key)),
    signDigests: async () => {
      throw new Error('not used: signXml signs the canonical SignedInfo with sign()');
    },
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`;
  }
  return undefined;
}

describe('record signing envelope <signedRecord>', () => {
  const record = JSON.parse(readFileSync('fixtures/records/transcript-thpt.json', 'utf8')) as Transcript;

  it('wraps the record with an Id and reads back to the same record; refuses a bad Id', () => {
    const xml = toXml(record, { envelope: { id: 'data' } });
    expect(xml).toContain('<signedRecord xmlns="urn:edusign-vn:record:1">\n  <transcript Id="data">\n    <kind>transcript</kind>');
    expect(fromXml(xml)).toEqual(record);
    for (const id of ['', '1abc', 'a b', 'x"y', 'a'.repeat(65)]) expect(codeOf(() => toXml(record, { envelope: { id } }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => fromXml(xml.replace('</signedRecord>', '<other/></signedRecord>')))).toBe('XML_UNEXPECTED_STRUCTURE');
    expect(codeOf(() => fromXml('<signedRecord xmlns="urn:edusign-vn:record:1"/>'))).toBe('XML_UNEXPECTED_STRUCTURE');
  });

  it('after GVCN and principal sign in turn (DSCKS slots), the XSD still validates and the record reads back', async () => {
    const first = await signXml(toXml(record, { envelope: { id: 'data' } }), {
      signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' }, check: { allowInvalidCertificate: true }, signingTime: new Date('2025-05-28T08:00:00Z'),
    });
    const second = await signXml(first.xml, {
      signer: fixtureSigner('principal'), placement: { slot: 'HieuTruong' }, check: { allowInvalidCertificate: true }, signingTime: new Date('2025-05-28T09:00:00Z'),
    });
    const signed = second.xml;
    expect(signed).toMatch(/<DSCKS><GVCN><ds:Signature[\s\S]*<\/GVCN><HieuTruong><ds:Signature/);
    expect(signed).toContain('URI="#data"');
    expect(fromXml(signed)).toEqual(record);
    const dir = mkdtempSync(join(tmpdir(), 'edusign-env-'));
    try {
      writeFileSync(join(dir, 'signed.xml'), signed);
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'schemas/edusign-record.xsd', join(dir, 'signed.xml')], { encoding: 'utf8' });
      expect(lint.stderr).toContain('validates');
      expect(lint.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
