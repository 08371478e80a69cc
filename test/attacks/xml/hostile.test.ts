/**
 * Hostile XML: DTDs, external entities (file and network), entity expansion, huge input, 10^6 elements,
 * deep nesting — typed errors in bounded time, no network, no stack overflow.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { parseXml } from '../../../src/formats/xades/xml/parse.js';
import { fixtureSigner } from '../../formats/xades/helpers.js';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('hostile XML input', () => {
  it('XXE (file) is refused before anything is read', async () => {
    const x = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r Id="a">&x;</r>';
    expect(await codeOf(verifyXml(x))).toBe('XML_DTD_FORBIDDEN');
    expect(await codeOf(signXml(x, { signer: fixtureSigner('principal') }))).toBe('XML_DTD_FORBIDDEN');
  });

  it('XXE (network) and external DTDs make no request', async () => {
    let hits = 0;
    const server = createServer((_q, s) => { hits++; s.end('<!ENTITY x "y">'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e.dtd`;
    try {
      for (const x of [`<!DOCTYPE r SYSTEM "${url}"><r/>`, `<!DOCTYPE r [<!ENTITY % p SYSTEM "${url}"> %p;]><r>&x;</r>`, `<r><!DOCTYPE r></r>`]) {
        expect(['XML_DTD_FORBIDDEN', 'XML_MALFORMED']).toContain(await codeOf(verifyXml(x)));
      }
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('billion laughs is refused in bounded time', async () => {
    let x = '<!DOCTYPE lolz [<!ENTITY lol "lol">';
    for (let i = 1; i < 10; i++) x += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
    x += ']><lolz>&lol9;</lolz>';
    const t = performance.now();
    expect(await codeOf(verifyXml(x))).toBe('XML_DTD_FORBIDDEN');
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('undeclared entities are malformed (no DTD means none can exist)', () => {
    expect(() => parseXml('<r>&nbsp;</r>')).toThrow(expect.objectContaining({ code: 'XML_MALFORMED' }));
    expect(() => parseXml('<r a="&x;"/>')).toThrow(expect.objectContaining({ code: 'XML_MALFORMED' }));
  });

  it('input over the size limit (default 32 MiB; a 100 MB document is refused the same way) is refused at once', async () => {
    const big = new Uint8Array(40 * 1024 * 1024);
    const t = performance.now();
    expect(await codeOf(verifyXml(big))).toBe('INPUT_TOO_LARGE');
    expect(await codeOf(verifyXml('<r>' + 'x'.repeat(2000) + '</r>', { limits: { maxBytes: 1000 } }))).toBe('INPUT_TOO_LARGE');
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('10^6 elements: refused by the element limit in bounded time', async () => {
    const x = `<r>${'<e/>'.repeat(1_000_000)}</r>`;
    const t = performance.now();
    expect(await codeOf(verifyXml(x))).toBe('INPUT_TOO_LARGE');
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('deep nesting (10^6 levels): INPUT_TOO_DEEP, no stack overflow', async () => {
    const x = '<a>'.repeat(1_000_000) + '</a>'.repeat(1_000_000);
    const t = performance.now();
    expect(await codeOf(verifyXml(x))).toBe('INPUT_TOO_DEEP');
    expect(await codeOf(verifyXml('<a>'.repeat(300) + '</a>'.repeat(300), { limits: { maxDepth: 1000 } }))).toBe('SIGNATURE_NOT_FOUND');
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('many attributes, many signatures, malformed bytes: typed errors', async () => {
    expect(await codeOf(verifyXml(`<r ${Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(' ')}/>`))).toBe('INPUT_TOO_LARGE');
    const sig = '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>';
    expect(await codeOf(verifyXml(`<r>${sig.repeat(100)}</r>`))).toBe('INPUT_TOO_LARGE');
    expect(await codeOf(verifyXml(new Uint8Array([0x3c, 0x72, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x72, 0x3e])))).toBe('XML_MALFORMED');
    expect(await codeOf(verifyXml('<r/>'))).toBe('SIGNATURE_NOT_FOUND');
  });

  it('a malformed signature element is a report, not a crash', async () => {
    const r = await verifyXml('<r><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature></r>');
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.subIndication).toBe('FORMAT_FAILURE');
  });
});
