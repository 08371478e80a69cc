/**
 * The XAdES layer's own XML parser: well-formedness, namespaces, offsets, limits.
 */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/formats/xades/xml/parse.js';
import { buildIdIndex } from '../../../src/formats/xades/xml/ids.js';
import { elementPath } from '../../../src/formats/xades/xml/query.js';
import type { XElement } from '../../../src/formats/xades/xml/types.js';

function code(f: () => unknown): string | undefined {
  try { f(); return undefined; } catch (e) { return (e as { code?: string }).code; }
}

describe('parseXml', () => {
  it('resolves namespaces, expands references, normalises attribute whitespace and line ends', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?>\r\n<a xmlns="urn:a" xmlns:p="urn:p" p:x="1&#9;2\t3&lt;"><p:b>x&amp;y<![CDATA[<z>]]></p:b></a>');
    expect(doc.root.ns).toBe('urn:a');
    const b = doc.root.children[0] as XElement;
    expect([b.prefix, b.local, b.ns]).toEqual(['p', 'b', 'urn:p']);
    expect(doc.root.attrs[0]).toMatchObject({ prefix: 'p', local: 'x', ns: 'urn:p', value: '1\t2 3<' });
    expect(b.children.map((c) => (c.type === 'text' ? c.value : ''))).toEqual(['x&y', '<z>']);
    expect(doc.text).not.toContain('\r');
    expect(doc.text.slice(b.start, b.end)).toBe('<p:b>x&amp;y<![CDATA[<z>]]></p:b>');
    expect(elementPath(b)).toBe('/{urn:a}a[1]/{urn:p}b[1]');
  });

  it('records offsets of self-closing and empty elements', () => {
    const doc = parseXml('<r><s/><t></t></r>');
    const [s, t] = doc.root.children as XElement[];
    expect([s!.selfClosing, doc.text.slice(s!.start, s!.end)]).toEqual([true, '<s/>']);
    expect([t!.selfClosing, doc.text.slice(t!.openEnd, t!.closeStart)]).toEqual([false, '']);
  });

  it.each([
    ['<a>', 'XML_MALFORMED'], ['<a></b>', 'XML_MALFORMED'], ['<a b="1" b="2"/>', 'XML_MALFORMED'],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', 'XML_MALFORMED'], ['<p:a/>', 'XML_MALFORMED'], ['<a/><b/>', 'XML_MALFORMED'],
    ['text<a/>', 'XML_MALFORMED'], ['<a>]]></a>', 'XML_MALFORMED'], ['<a><!-- -- --></a>', 'XML_MALFORMED'], ['<a>&#0;</a>', 'XML_MALFORMED'],
    ['<a>\u0001</a>', 'XML_MALFORMED'], ['<a x=1/>', 'XML_MALFORMED'], ['<a xmlns:p=""/>', 'XML_MALFORMED'], ['<a><?xml version="1.0"?></a>', 'XML_MALFORMED'],
    ['<a xmlns:xml="urn:x"/>', 'XML_MALFORMED'], ['<!DOCTYPE a><a/>', 'XML_DTD_FORBIDDEN'], ['', 'XML_MALFORMED'], ['<a b="<"/>', 'XML_MALFORMED'],
    ['<a>&constructor;</a>', 'XML_MALFORMED'], ['<a>\uD800</a>', 'XML_MALFORMED'], ['<a b="\uDC00"/>', 'XML_MALFORMED'], ['<constructor:a/>', 'XML_MALFORMED'],
  ])('refuses %j', (input, expected) => {
    expect(code(() => parseXml(input))).toBe(expected);
  });

  it('refuses non-UTF-8 bytes and non-UTF-8 declared encodings', () => {
    expect(code(() => parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])))).toBe('XML_MALFORMED');
    expect(code(() => parseXml(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')))).toBe('UNSUPPORTED_FORMAT');
  });

  it('indexes Id, ID, id and xml:id in one ID space and keeps duplicates', () => {
    const ids = buildIdIndex(parseXml('<r><a Id="x"/><b ID="x"/><c xml:id="y"/><d id="z" Id="z"/></r>'));
    expect(ids.get('x')?.map((e) => e.local)).toEqual(['a', 'b']);
    expect(ids.get('y')?.map((e) => e.local)).toEqual(['c']);
    expect(ids.get('z')?.map((e) => e.local)).toEqual(['d']);
  });

  it('parses a 24 KB record quickly', () => {
    const xml = `<r xmlns="urn:x">${'<HocSinh Id="a"><HoTen>Nguyễn Văn A</HoTen><Diem mon="Toan">8.5</Diem></HocSinh>\n'.repeat(300)}</r>`;
    const t = performance.now();
    for (let i = 0; i < 20; i++) parseXml(xml);
    expect((performance.now() - t) / 20).toBeLessThan(20);
  });
});
