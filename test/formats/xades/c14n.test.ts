/**
 * Canonicalisation checked against libxml2: whole documents against `xmllint --c14n/--c14n11/--exc-c14n`
 * (with comments), and subtrees (with ancestors' namespaces, without comments) through signatures that
 * `xmlsec1 --verify` must accept — on fixed vectors and on generated documents (property tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { signXml } from '../../../src/formats/xades/index.js';
import { canonicalize, type C14nMethod } from '../../../src/formats/xades/xml/c14n.js';
import { parseXml } from '../../../src/formats/xades/xml/parse.js';
import { fixtureSigner, PKI } from './helpers.js';
import { serialize, xmlDocument } from './xml-gen.js';

const dir = mkdtempSync(join(tmpdir(), 'xades-c14n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** More runs locally with XADES_PROPERTY_RUNS=300; CI keeps it quick. */
const RUNS = Number(process.env['XADES_PROPERTY_RUNS'] ?? 40);
const METHODS: [C14nMethod, string][] = [['c14n10', 'c14n'], ['c14n11', 'c14n11'], ['exc', 'exc-c14n']];

/** Run xmllint on many files in one shell; returns outputs by file and method. */
function xmllintAll(files: string[]): Map<string, string> {
  const script = files.map((f) => METHODS.map(([, m]) => `xmllint --${m} '${f}' > '${f}.${m}' 2>/dev/null || echo FAIL > '${f}.${m}'`).join('\n')).join('\n');
  spawnSync('sh', [], { input: script, timeout: 120_000 });
  const out = new Map<string, string>();
  for (const f of files) for (const [, m] of METHODS) out.set(`${f}.${m}`, readFileSync(`${f}.${m}`, 'utf8'));
  return out;
}

const VECTORS = [
  '<?xml version="1.0"?>\n<?pi  data ?>\n<!-- c1 -->\n<r xmlns="urn:a" xmlns:x="urn:x" xmlns:y="urn:y" xml:lang="vi"><x:b y:z="1" a="&lt;&#9;t&#xA;" b=\'q"\'>t&amp;&gt;<![CDATA[<c>]]><c xmlns=""/><d xmlns:x="urn:x"/><!--in--><?p?></x:b>\n<e xmlns:x="urn:z" x:q="">Tiếng Việt</e></r>\n<!-- end -->\n',
  '<doc>\r\n<e1   />\r\n<e2   ></e2>\r\n<e3   name = "elem3"   id="elem3"   />\r\n<e5 a:attr="out" b:attr="sorted" attr2="all" attr="I\'m"\r\n xmlns:b="http://www.ietf.org"\r\n xmlns:a="http://www.w3.org"\r\n xmlns="http://example.org"/>\r\n</doc>',
  '<doc xmlns="http://www.ietf.org" xmlns:w3c="http://www.w3.org"><e1><e2 xmlns=""><e3 id="E3"/></e2></e1></doc>',
  '<doc><text>First line&#x0d;&#10;Second line</text><value>&#x32;</value><compute><![CDATA[value>"0" && value<"10" ?"valid":"error"]]></compute><norm attr=\' &apos;   &#x20;&#13;&#xa;&#9;   &apos; \'/></doc>',
];

describe('canonicalisation vs xmllint (whole documents, with comments)', () => {
  it('fixed vectors (incl. the C14N spec examples)', () => {
    const files = VECTORS.map((v, i) => { const f = join(dir, `v${i}.xml`); writeFileSync(f, v); return f; });
    const ref = xmllintAll(files);
    VECTORS.forEach((v, i) => {
      const doc = parseXml(v);
      for (const [m, name] of METHODS) expect(canonicalize(doc, { method: m, withComments: true }), `${i} ${name}`).toBe(ref.get(`${files[i]}.${name}`));
    });
  });

  it('generated documents (property test)', () => {
    const samples = fc.sample(xmlDocument, { numRuns: RUNS, seed: Number(process.env['XADES_PROPERTY_SEED'] ?? 20261129) });
    const docs = samples.map((s) => `${s.prolog}${serialize(s.root).xml}${s.epilogue}`);
    const files = docs.map((d, i) => { const f = join(dir, `g${i}.xml`); writeFileSync(f, d); return f; });
    const ref = xmllintAll(files);
    docs.forEach((d, i) => {
      const doc = parseXml(d);
      for (const [m, name] of METHODS) {
        const expected = ref.get(`${files[i]}.${name}`);
        expect(expected, `xmllint failed on ${d}`).not.toBe('FAIL\n');
        expect(canonicalize(doc, { method: m, withComments: true }), `${name} of ${d}`).toBe(expected);
      }
    });
  });
});

describe('canonicalisation of subtrees vs xmlsec1 (signatures over a random element)', () => {
  it('generated documents signed over a random element verify with xmlsec1 (property test)', async () => {
    const idAttrs: string[] = [];
    for (const local of ['a', 'b', 'c']) for (const ns of ['', 'urn:a', 'urn:b', 'urn:c', 'urn:p', 'urn:q', 'http://example.com/x?q=1;r=2']) idAttrs.push('--id-attr:Id', ns ? `${ns}:${local}` : local);
    const samples = fc.sample(fc.tuple(xmlDocument, fc.nat(), fc.constantFrom('exc-c14n' as const, 'c14n' as const, 'c14n11' as const)), { numRuns: Math.ceil(RUNS / 3), seed: Number(process.env['XADES_PROPERTY_SEED'] ?? 1129) });
    const signer = fixtureSigner('homeroom');
    let i = 0;
    for (const [s, pick, c14n] of samples) {
      const { elements } = serialize(s.root);
      const { xml } = serialize(s.root, pick % elements);
      const signed = await signXml(xml, { signer, recordId: 'target', canonicalization: c14n, placement: { container: false }, signatureId: 'sig' });
      const f = join(dir, `s${i++}.xml`);
      writeFileSync(f, signed.xml);
      const r = spawnSync('xmlsec1', ['--verify', '--trusted-pem', join(PKI, 'root-neac.cert.pem'), '--untrusted-pem', join(PKI, 'ca-edu.cert.pem'),
        ...idAttrs, '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties', '--id-attr:Id', 'http://www.w3.org/2000/09/xmldsig#:Signature', '--node-id', 'sig', f], { encoding: 'utf8' });
      expect(r.status, `${c14n}: ${r.stdout}${r.stderr}\n${signed.xml}`).toBe(0);
    }
  });
});
