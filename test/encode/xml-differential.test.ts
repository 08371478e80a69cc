/**
 * Differential test of parseXmlSafe against libxml2 (xmllint, an independent parser): whatever we accept,
 * xmllint must accept too. A document two parsers read differently is an attack surface for signatures.
 * (Being stricter is allowed: no DTD, namespace well-formedness, limits.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXmlSafe } from '../../src/encode/xml/parse-safe.js';

const UNITS = [
  '<a>', '</a>', '<b/>', '<a x="1">', ' y="2"', "<c z='&apos;'>", '</c>', '&amp;', '&lt;', '&gt;', '&quot;', '&#65;', '&#x1F600;', '&#0;', '&#xD800;',
  '&#x110000;', '&nbsp;', '&amp', '&', ']]>', ']]', '<![CDATA[x]]>', '<![CDATA[', '<!--c-->', '<!-- -- -->', '<!--->', '<?p d?>', '<?xml v?>',
  'text', ' ', '\n', '\t', '\r', '<a:b xmlns:a="u">', '</a:b>', '<d xml:lang="vi"/>', '<e a="1" a="2"/>', '<f xmlns:p=""/>', '<g xmlns="">',
  '</g>', '<', '>', '"', "'", '=', '/', 'é', 'Ạ', '\u0085', '\u2028', '\uFFFE', '<h a="<"/>', '<i a="x\ty"/>', '<j\n/>', '< k/>', '<l/ >',
];

/** What may (or may not) surround the root element: declarations, comments, PIs, whitespace and look-alikes. */
const OUTSIDE_UNITS = ['', ' ', '\n', '\r\n', '<!--c-->', '<?p d?>', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml  version="1.0" standalone="yes"?>', '\uFEFF', '\u0085', '\u2028', '\u00a0', 'x', '<![CDATA[x]]>', '<b/>', '&amp;', ']]>', '</r>'];

/** Whatever parseXmlSafe accepts among `samples`, xmllint must accept too; returns the ones it rejects. */
function lenientCases(samples: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-xdiff-'));
  try {
    const accepted: string[] = [];
    samples.forEach((sample, i) => {
      try {
        parseXmlSafe(sample);
      } catch {
        return;
      }
      const file = join(dir, `${i}.xml`);
      writeFileSync(file, sample);
      accepted.push(file);
    });
    const rejected: string[] = [];
    for (let k = 0; k < accepted.length; k += 400) {
      const run = spawnSync('xmllint', ['--noout', '--nonet', ...accepted.slice(k, k + 400)], { encoding: 'utf8', timeout: 60_000 });
      for (const m of run.stderr.matchAll(/([^\s:]+\/(\d+)\.xml):\d+: /g)) rejected.push(samples[Number(m[2])]!);
    }
    expect(accepted.length).toBeGreaterThan(50);
    return [...new Set(rejected)].slice(0, 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('parseXmlSafe vs xmllint', () => {
  it('property: never accepts a document libxml2 rejects (document level)', () => {
    const seed = Date.now() % 100_000;
    const outside = fc.array(fc.constantFrom(...OUTSIDE_UNITS), { maxLength: 3 }).map((u) => u.join(''));
    const inside = fc.array(fc.constantFrom(...UNITS), { maxLength: 3 }).map((u) => u.join(''));
    const samples = fc.sample(fc.tuple(outside, inside, outside).map(([a, b, c]) => `${a}<r>${b}</r>${c}`), { numRuns: 2000, seed });
    expect({ seed, lenient: lenientCases(samples) }).toEqual({ seed, lenient: [] });
  });

  it('property: never accepts a document libxml2 rejects (element content)', () => {
    const seed = Date.now() % 100_000;
    const samples = fc.sample(fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 8 }).map((s) => `<r>${s}</r>`), { numRuns: 1500, seed });
    expect({ seed, lenient: lenientCases(samples) }).toEqual({ seed, lenient: [] });
  });
});
