/**
 * Mutation fuzzing of a signed record (B-B, countersigned): whatever the edit, verifyXml returns a report or
 * throws a typed EdusignError — never another exception — and a mutated signed region never verifies.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isEdusignError } from '../../../src/errors.js';
import { countersignXml, signXml, verifyXml } from '../../../src/formats/xades/index.js';
import { fixtureSigner, sampleRecord } from '../../formats/xades/helpers.js';
import { verifyOpts } from './helpers.js';

let signed = '';
beforeAll(async () => {
  const a = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
  signed = (await countersignXml(a.xml, 'sig-gvcn', { signer: fixtureSigner('teacher-ecdsa'), signatureId: 'sig-cs' })).xml;
});

const PIECES = ['<', '>', '/', '"', '&', '&amp;', '&#0;', '<!--', '-->', ']]>', 'Id="data"', 'xmlns="urn:x"', 'xmlns:ds="urn:evil"', 'ds:', '<ds:Object>', '</ds:Object>', 'A', '=', ' ', '\n', '\u0000', 'Đ', '\uD800'];

describe('mutation fuzzing', () => {
  it('verifyXml answers every mutation with a report or a typed error', async () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), ins: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }) });
    const runs = Number(process.env['XADES_FUZZ_RUNS'] ?? 150);
    for (const edits of fc.sample(fc.array(edit, { minLength: 1, maxLength: 3 }), { numRuns: runs, seed: Number(process.env['XADES_FUZZ_SEED'] ?? 42) })) {
      let x = signed;
      for (const e of edits) {
        const at = e.at % (x.length + 1);
        x = x.slice(0, at) + e.ins.join('') + x.slice(at + e.del);
      }
      try {
        const r = await verifyXml(x, verifyOpts);
        expect(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']).toContain(r.indication);
        // a report that passes must hand out the original record
        if (r.indication === 'TOTAL_PASSED') {
          for (const s of r.signatures) for (const el of s.signedElements) expect(String(el.content)).toContain('Nguyễn Văn An');
        }
      } catch (e) {
        expect(isEdusignError(e), `${String(e)}\n${x}`).toBe(true);
      }
    }
  });
});
