import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toXml, RECORD_XML_NAMESPACE } from '../../src/encode/record/to-xml.js';
import { fromXml } from '../../src/encode/record/from-xml.js';
import { recordXsd } from '../../src/encode/record/xsd.js';
import { canonicalRecordJson } from '../../src/encode/record/canonical-json.js';
import { isEdusignError } from '../../src/errors.js';
import type { Gradebook, Transcript } from '../../src/model/types.js';
import { recordArb } from './helpers/arbitrary-record.js';
import { compileRecordSchemas } from './helpers/ajv.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`;
  }
  return undefined;
}

const validators = compileRecordSchemas();

/** Runs xmllint on many files at once; returns the exit code and output. */
function xmllint(xsd: string, files: string[]): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, ...files], { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('record XML (toXml / fromXml)', () => {
  it('property: JSON -> XML -> JSON is lossless and XML is canonical (transcripts and gradebooks)', () => {
    for (const kind of ['transcript', 'gradebook'] as const) {
      fc.assert(
        fc.property(recordArb(kind), (value) => {
          const record = value as unknown as Transcript | Gradebook;
          const xml = toXml(record);
          expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<${kind} xmlns="${RECORD_XML_NAMESPACE}">`)).toBe(true);
          const back = fromXml(xml);
          expect(back).toEqual(record);
          expect(toXml(back)).toBe(xml);
          expect(canonicalRecordJson(back)).toBe(canonicalRecordJson(record));
          expect(validators[kind](record)).toBe(true);
        }),
        { numRuns: kind === 'transcript' ? 40 : 60 },
      );
    }
  });

  it('property: generated records validate against the XSD with xmllint (independent validator)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-xsd-'));
    try {
      const xsd = join(dir, 'edusign-record.xsd');
      writeFileSync(xsd, recordXsd());
      const files: string[] = [];
      for (const kind of ['transcript', 'gradebook'] as const) {
        fc.sample(recordArb(kind), { numRuns: 15, seed: 42 }).forEach((value, i) => {
          const file = join(dir, `${kind}-${i}.xml`);
          writeFileSync(file, toXml(value as unknown as Transcript | Gradebook));
          files.push(file);
        });
      }
      const result = xmllint(xsd, files);
      expect(result.output.trim().split('\n').filter((l) => !l.endsWith(' validates'))).toEqual([]);
      expect(result.status).toBe(0);
      // and the XSD really rejects: a mark out of range, an element out of order, an unknown element
      const good = toXml(fc.sample(recordArb('gradebook'), { numRuns: 1, seed: 7 })[0] as unknown as Gradebook);
      const bad = [
        good.replace(/<grade>[0-9]+<\/grade>/, '<grade>13</grade>'),
        good.replace(/<kind>gradebook<\/kind>\n  <schemaVersion>1<\/schemaVersion>/, '<schemaVersion>1</schemaVersion>\n  <kind>gradebook</kind>'),
        good.replace('<version>', '<extra/><version>'),
      ];
      bad.forEach((xml, i) => writeFileSync(join(dir, `bad-${i}.xml`), xml));
      bad.forEach((xml) => expect(xml).not.toBe(good));
      for (let i = 0; i < bad.length; i++) expect(xmllint(xsd, [join(dir, `bad-${i}.xml`)]).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes text so that no XML processor alters it, and NFC-normalises it', () => {
    const record = fc.sample(recordArb('gradebook'), { numRuns: 1, seed: 3 })[0] as unknown as Gradebook;
    record.className = 'A\r\nB\t<&>"\'';
    record.homeroom = { ...record.homeroom, name: 'Nguye\u0302\u0303n Tha\u0323\u0302t' };
    const xml = toXml(record);
    expect(xml).toContain('<className>A&#xD;&#xA;B&#x9;&lt;&amp;&gt;&quot;\'</className>');
    const back = fromXml(xml) as Gradebook;
    expect(back.className).toBe('A\r\nB\t<&>"\'');
    expect(back.homeroom.name).toBe('Nguyễn Thật');
    expect(toXml(record, { normalizeNfc: false })).toContain('Nguye\u0302\u0303n');
  });

  it('refuses values without the record shape (RECORD_INVALID) and XML without it (XML_UNEXPECTED_STRUCTURE)', () => {
    const record = fc.sample(recordArb('gradebook'), { numRuns: 1, seed: 5 })[0] as unknown as Gradebook;
    const mutate = (f: (r: Record<string, unknown>) => void): unknown => {
      const copy = structuredClone(record) as unknown as Record<string, unknown>;
      f(copy);
      return copy;
    };
    const badValues = [
      mutate((r) => { r.kind = 'other'; }),
      mutate((r) => { r.extra = 1; }),
      mutate((r) => { delete r.id; }),
      mutate((r) => { r.grade = '10'; }),
      mutate((r) => { r.grade = 10.5; }),
      mutate((r) => { r.className = 'x\u0001'; }),
      mutate((r) => { r.subjects = {}; }),
      null,
      'transcript',
    ];
    for (const value of badValues) expect(codeOf(() => toXml(value as Gradebook))).toBe('RECORD_INVALID');

    const xml = toXml(record);
    const badXml = [
      xml.replace(`xmlns="${RECORD_XML_NAMESPACE}"`, 'xmlns="urn:other"'),
      xml.replace('<gradebook ', '<other ').replace('</gradebook>', '</other>'),
      xml.replace('<version>', '<unknown>1</unknown><version>'),
      xml.replace('<version>', '<version>1</version><version>'),
      xml.replace(/<id>[^<]*<\/id>/, ''),
      xml.replace(/<grade>[0-9]+<\/grade>/, '<grade>+7</grade>'),
      xml.replace(/<grade>[0-9]+<\/grade>/, '<grade>99999999999999999999</grade>'),
      xml.replace('<version>', 'stray text<version>'),
      xml.replace('<version>', '<version a="1">'),
      xml.replace(/<kind>gradebook<\/kind>/, '<kind>transcript</kind>'),
      xml.replace(/<id>([^<]*)<\/id>/, '<id><b/>$1</id>'),
    ];
    for (const text of badXml) {
      expect(text).not.toBe(xml);
      expect(codeOf(() => fromXml(text))).toBe('XML_UNEXPECTED_STRUCTURE');
    }
    expect(codeOf(() => fromXml('<!DOCTYPE gradebook [<!ENTITY x SYSTEM "file:///etc/passwd">]><gradebook/>'))).toBe('XML_DTD_FORBIDDEN');
  });

  it('skips an enveloped XML Signature and accepts an Id on the root, keeps comments out of the value', () => {
    const record = fc.sample(recordArb('gradebook'), { numRuns: 1, seed: 9 })[0] as unknown as Gradebook;
    const xml = toXml(record)
      .replace('<gradebook xmlns=', '<gradebook Id="data" xmlns=')
      .replace('</gradebook>', '<!-- c --><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature></gradebook>');
    expect(fromXml(xml)).toEqual(record);
    expect(fromXml(new TextEncoder().encode(xml))).toEqual(record);
  });
});
