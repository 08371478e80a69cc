import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLSerializer } from '@xmldom/xmldom';
import { parseXmlSafe } from '../../src/encode/xml/parse-safe.js';
import { isEdusignError } from '../../src/errors.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEdusignError(e) ? e.code : `not-edusign: ${String(e)}`;
  }
  return undefined;
}

describe('parseXmlSafe', () => {
  it('parses ordinary namespaced XML with comments, CDATA, PIs and predefined entities', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <!DOCTYPE in a comment is harmless -->' +
      '<r xmlns="urn:x" a="x &gt; y"><b>Hải Phòng &amp; &#x1EA0;</b><c><![CDATA[<not a tag>]]></c><?pi data?><d/></r>';
    const doc = parseXmlSafe(xml);
    expect(doc.documentElement?.namespaceURI).toBe('urn:x');
    expect(doc.getElementsByTagName('b')[0]?.textContent).toBe('Hải Phòng & Ạ');
    expect(doc.getElementsByTagName('c')[0]?.textContent).toBe('<not a tag>');
    expect(new XMLSerializer().serializeToString(doc)).toContain('<d/>');
  });

  it('decodes UTF-8 bytes (with or without BOM) and UTF-16 with a BOM', () => {
    const xml = '<r>Trần Phú</r>';
    expect(parseXmlSafe(new TextEncoder().encode(xml)).documentElement?.textContent).toBe('Trần Phú');
    expect(parseXmlSafe(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])).documentElement?.textContent).toBe('Trần Phú');
    expect(parseXmlSafe(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])).documentElement?.textContent).toBe('Trần Phú');
    expect(codeOf(() => parseXmlSafe(new Uint8Array([0x3c, 0x72, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x72, 0x3e])))).toBe('XML_MALFORMED');
    expect(codeOf(() => parseXmlSafe('<?xml version="1.0" encoding="ISO-8859-1"?><r/>'))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses DTDs, XXE and billion laughs before parsing', () => {
    const attacks = [
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>',
      '<!DOCTYPE r SYSTEM "http://127.0.0.1:1/evil.dtd"><r/>',
      '<!doctype r><r/>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>',
      '<!DOCTYPE r PUBLIC "-//x//y" "http://127.0.0.1:1/x.dtd"><r/>',
      '<?xml version="1.0"?>\n  <!DOCTYPE\nr><r/>',
    ];
    for (const xml of attacks) expect(codeOf(() => parseXmlSafe(xml))).toBe('XML_DTD_FORBIDDEN');
    // an undeclared entity is simply malformed
    expect(codeOf(() => parseXmlSafe('<r>&xxe;</r>'))).toBe('XML_MALFORMED');
  });

  it('turns every parser complaint into XML_MALFORMED', () => {
    const bad = ['', 'text', '<r>', '<r></s>', '<r a="1" a="2"/>', '<r><a></r>', '<p:r/>', '<r a=1/>', '<r/><r/>',
      '<r><!-- unterminated </r>', '<r><![CDATA[x</r>', '<r><!FOO></r>', '<r attr="<"/>', '<r>\u0001</r>',
      // found by differential testing against libxml2 (xmllint), where xmldom alone is lenient:
      '<r>]]></r>', '<r>&#xD800;</r>', '<r>&#0;</r>', '<r>&#x110000;</r>', '<r>& </r>', '<r>&\n</r>', '<r>&<b/></r>', '<r a="&"/>',
      '<r a="&#1;"/>', '<r>&nbsp;</r>', '<r>&amp</r>', '<r><l/ ></r>', '<r><f xmlns:p=""/></r>',
      '<r/>\u2028', '\u0085<r/>', '<r/>\uFEFF', '<r/><![CDATA[x]]>', '<r/>x', '<r/><?xml version="1.0"?>', ' <?xml version="1.0"?><r/>'];
    for (const xml of bad) expect([xml, codeOf(() => parseXmlSafe(xml))]).toEqual([xml, 'XML_MALFORMED']);
  });

  it('accepts every legal reference and a literal "]]" that is not followed by ">"', () => {
    const doc = parseXmlSafe('<r a="&lt;&#x1F600;&quot;">&amp;&apos;&gt;&#65;&#x10FFFF;]] ]]&gt;<![CDATA[]]]]><![CDATA[>]]></r>');
    expect(doc.documentElement?.getAttribute('a')).toBe('<😀"');
    expect(doc.documentElement?.textContent).toBe("&'>A\u{10FFFF}]] ]]>]]>");
  });

  it('enforces size, depth and element-count limits in bounded time', () => {
    const started = Date.now();
    expect(codeOf(() => parseXmlSafe('<a>'.repeat(200_000) + '</a>'.repeat(200_000)))).toBe('INPUT_TOO_DEEP');
    expect(codeOf(() => parseXmlSafe('<a>'.repeat(11) + '</a>'.repeat(11), { maxDepth: 10 }))).toBe('INPUT_TOO_DEEP');
    expect(parseXmlSafe('<a>'.repeat(10) + '</a>'.repeat(10), { maxDepth: 10 }).documentElement?.localName).toBe('a');
    expect(codeOf(() => parseXmlSafe(`<r>${'<e/>'.repeat(101)}</r>`, { maxElements: 100 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseXmlSafe(`<r>${'x'.repeat(2000)}</r>`, { maxBytes: 1000 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseXmlSafe(new Uint8Array(1001), { maxBytes: 1000 }))).toBe('INPUT_TOO_LARGE');
    const tenMb = `<r>${'x'.repeat(10 * 1024 * 1024)}</r>`;
    expect(parseXmlSafe(tenMb).documentElement?.textContent?.length).toBe(10 * 1024 * 1024);
    expect(codeOf(() => parseXmlSafe(tenMb, { maxBytes: 1024 * 1024 }))).toBe('INPUT_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('property: arbitrary text gives a document or a typed error, never anything else', () => {
    const unit = fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '"', "'", '=', '&', ';', 'a', 'b', ' ', 'D', 'O', 'C', 'T', 'Y', 'P', 'E', 'x', ':');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        try {
          parseXmlSafe(text);
        } catch (e) {
          expect(isEdusignError(e)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
