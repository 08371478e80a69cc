import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateTranscript } from '../../src/model/index.js';
import { readFileSync } from 'node:fs';
import { fromXml } from '../../src/encode/record/from-xml.js';
import { parseRecord } from '../../src/encode/record/parse-record.js';
import { toXml } from '../../src/encode/record/to-xml.js';
import { isEdusignError } from '../../src/errors.js';
import type { Transcript, Tt27YearRecord } from '../../src/model/types.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`;
  }
  return undefined;
}

const xml = readFileSync('fixtures/records/transcript-primary.xml', 'utf8');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('hostile record input', () => {
  it('keeps NFD text from XML exactly as signed (never re-normalised when reading)', () => {
    const nfd = xml.replace('<fullName>', '<fullName>Nguye\u0302\u0303n ');
    const record = fromXml(nfd) as Transcript;
    expect(record.student.fullName.startsWith('Nguye\u0302\u0303n ')).toBe(true);
  });

  it('a prefixed root in the right namespace is the same record; a look-alike namespace is not', () => {
    const prefixed = xml.replace('<transcript xmlns="urn:edusign-vn:record:1">', '<r:transcript xmlns:r="urn:edusign-vn:record:1" xmlns="urn:edusign-vn:record:1">')
      .replace('</transcript>', '</r:transcript>');
    expect(fromXml(prefixed)).toEqual(fromXml(xml));
    expect(codeOf(() => fromXml(xml.replace('urn:edusign-vn:record:1', 'urn:edusign-vn:record:1 ')))).toBe('XML_UNEXPECTED_STRUCTURE');
  });

  it('xsi:schemaLocation is allowed on the document element only; other xsi attributes are not', () => {
    const located = xml.replace('<transcript xmlns="urn:edusign-vn:record:1">',
      '<transcript xmlns="urn:edusign-vn:record:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:edusign-vn:record:1 edusign-record.xsd">');
    expect(fromXml(located)).toEqual(fromXml(xml));
    expect(codeOf(() => fromXml(located.replace('xsi:schemaLocation', 'xsi:type')))).toBe('XML_UNEXPECTED_STRUCTURE');
    expect(codeOf(() => fromXml(xml.replace('<fullName>', '<fullName xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a b">')))).toBe('XML_UNEXPECTED_STRUCTURE');
  });

  it('map keys such as __proto__ stay data and never touch prototypes', () => {
    const evil = xml.replace('<entry key="cham-chi">', '<entry key="__proto__">');
    const record = fromXml(evil) as Transcript;
    const year = record.years[0] as Tt27YearRecord;
    expect(Object.prototype.hasOwnProperty.call(year.qualities, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(year.qualities)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).T).toBeUndefined();
    const json = parseRecord(enc('{"kind":"transcript","__proto__":{"polluted":1}}')).value as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['kind', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicate map keys, stray attributes and foreign elements are refused', () => {
    expect(codeOf(() => fromXml(xml.replace('<entry key="cham-chi">', '<entry key="yeu-nuoc">')))).toBe('XML_UNEXPECTED_STRUCTURE');
    expect(codeOf(() => fromXml(xml.replace('<fullName>', '<fullName xml:lang="vi">')))).toBe('XML_UNEXPECTED_STRUCTURE');
    expect(codeOf(() => fromXml(xml.replace('<version>', '<x:evil xmlns:x="urn:x"/><version>')))).toBe('XML_UNEXPECTED_STRUCTURE');
    // XML Signature elements are skipped only directly under the root
    expect(codeOf(() => fromXml(xml.replace('<fullName>', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/><fullName>')))).toBe('XML_UNEXPECTED_STRUCTURE');
  });

  it('huge, deep and wide inputs get typed results in bounded time', () => {
    const started = Date.now();
    const wide = xml.replace('<titles>', `<titles>${'<title>X</title>'.repeat(50_000)}`);
    const record = fromXml(wide) as Transcript;
    expect(record.years.some((y) => (y.titles?.length ?? 0) >= 50_000)).toBe(true);
    expect(codeOf(() => parseRecord(enc(wide), { maxBytes: 100_000 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseRecord(enc(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`)))).toBe('INPUT_TOO_DEEP');
    expect(codeOf(() => parseRecord(enc(`{"kind":"transcript","student":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`)))).toBe('INPUT_TOO_DEEP');
    const tenMb = xml.replace('<residence>', `<residence>${'x'.repeat(10 * 1024 * 1024)}`);
    expect((fromXml(tenMb) as Transcript).student.residence?.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(codeOf(() => parseRecord(enc(`{"a":"${'x'.repeat(10 * 1024 * 1024)}"}`)))).toBe('INPUT_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('toXml refuses text XML cannot carry instead of writing a different record', () => {
    const record = fromXml(xml) as Transcript;
    record.student.fullName = 'A\u0000B';
    expect(codeOf(() => toXml(record))).toBe('RECORD_INVALID');
    record.student.fullName = 'A\ud800B';
    expect(codeOf(() => toXml(record))).toBe('RECORD_INVALID');
  });

  it('property: mutated fixture bytes (cuts, splices, inserted markup) give a record or a typed error, never a crash', () => {
    const json = readFileSync('fixtures/records/transcript-thpt.json', 'utf8');
    const tokens = fc.constantFrom('<', '>', '</', '/>', '&', '&amp;', '&#0;', '<!DOCTYPE x>', '<![CDATA[', ']]>', '"', '{', '}', '[', ']', ',', ':', '\\u', 'null', '<x/>', '<kind>', '</kind>', ' Id="a"');
    const mutation = fc.record({ source: fc.constantFrom(xml, json), at: fc.nat(), cut: fc.nat({ max: 200 }), insert: fc.array(tokens, { maxLength: 4 }) });
    fc.assert(
      fc.property(mutation, ({ source, at, cut, insert }) => {
        const i = at % source.length;
        const text = source.slice(0, i) + insert.join('') + source.slice(i + cut);
        try {
          const { value } = parseRecord(enc(text));
          const result = validateTranscript(value);
          expect(typeof result.ok).toBe('boolean');
        } catch (e) {
          expect(isEdusignError(e)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
