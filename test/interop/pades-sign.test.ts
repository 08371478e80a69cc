import { describe, expect, it } from 'vitest';
import { signPdf } from '../../src/formats/pades/sign/index.js';
import { openPdf } from '../../src/formats/pades/pdf/index.js';
import { classicPdf, hybridPdf, trailingGarbagePdf, updatedPdf, xrefStreamPdf } from '../helpers/pdf-samples.js';
import { opensslVerifyAll, pdfsig, qpdfProblems } from '../formats/pades/sign/inspect.js';
import { testSigner } from '../formats/pades/sign/test-signers.js';

const samples = { classic: classicPdf, xrefStream: xrefStreamPdf, hybrid: hybridPdf, updated: updatedPdf, trailingGarbage: trailingGarbagePdf };

describe('PAdES B-B signatures checked by pdfsig, qpdf and openssl cms', () => {
  for (const [kind, make] of Object.entries(samples)) {
    it(`signs a ${kind} PDF by incremental update`, async () => {
      const input = make();
      const before = openPdf(input);
      const { pdf, warnings } = await signPdf(input, { signer: testSigner('teacher'), reason: 'Ký học bạ', location: 'Hải Phòng' });
      // the original bytes (up to the real end) are untouched
      expect(Buffer.compare(Buffer.from(pdf.subarray(0, before.end)), Buffer.from(input.subarray(0, before.end)))).toBe(0);
      const after = openPdf(pdf);
      expect(after.revisions).toHaveLength(before.revisions.length + 1);
      const last = after.revisions[after.revisions.length - 1]!;
      const prevKind = before.revisions[before.revisions.length - 1]!.xrefKind;
      expect(last.xrefKind).toBe(prevKind === 'stream' ? 'stream' : 'table');
      // /ID: permanent part kept (or created), changing part new
      const oldId = before.trailer.get('ID') as { bytes: Uint8Array }[] | undefined;
      const newId = last.trailer.get('ID') as { bytes: Uint8Array }[];
      expect(newId).toHaveLength(2);
      if (oldId) expect(Buffer.from(newId[0]!.bytes)).toEqual(Buffer.from(oldId[0]!.bytes));
      if (oldId) expect(Buffer.from(newId[1]!.bytes)).not.toEqual(Buffer.from(oldId[1]!.bytes));
      else expect(Buffer.from(newId[1]!.bytes)).toEqual(Buffer.from(newId[0]!.bytes));
      expect(warnings.map((w) => w.code)).toEqual(kind === 'trailingGarbage' ? ['CERT_PATH_NOT_CHECKED', 'PDF_TRAILING_BYTES_DROPPED'] : ['CERT_PATH_NOT_CHECKED']);
      const sigs = pdfsig(pdf);
      expect(sigs).toHaveLength(1);
      expect(sigs[0]).toMatchObject({ signer: 'Nguyễn Thị Thu Hà', type: 'ETSI.CAdES.detached', valid: true, trusted: true, totalDocument: true });
      expect(qpdfProblems(pdf)).toEqual([]);
      expect(opensslVerifyAll(pdf)).toEqual(['ok']);
    });
  }

  it('signs with RSA-PSS and with SHA-384 / SHA-512 digests', async () => {
    for (const [name, options] of [['teacher', { rsaScheme: 'pss' }], ['teacher2', { hash: 'SHA-384' }], ['homeroom', { hash: 'SHA-512', rsaScheme: 'pss' }]] as const) {
      const { pdf } = await signPdf(classicPdf(), { signer: testSigner(name, options) });
      expect(opensslVerifyAll(pdf), `${name} ${JSON.stringify(options)}`).toEqual(['ok']);
      expect(pdfsig(pdf)[0], `${name} ${JSON.stringify(options)}`).toMatchObject({ valid: true, trusted: true });
    }
  });

  it('signs with ECDSA P-256 (DER signature value in the CMS)', async () => {
    const { pdf } = await signPdf(classicPdf(), { signer: testSigner('teacher-ecdsa') });
    expect(pdfsig(pdf)[0]).toMatchObject({ valid: true, trusted: true, totalDocument: true });
    expect(opensslVerifyAll(pdf)).toEqual(['ok']);
  });
});
