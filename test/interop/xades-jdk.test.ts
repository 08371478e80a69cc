/**
 * A third independent judge: the JDK's XML Digital Signature API (javax.xml.crypto.dsig, Apache Santuario inside),
 * with secure validation on. It checks the XMLDSig core (references, C14N, signature value) of our signatures;
 * trust is not judged there (the key is the first KeyInfo certificate). Skipped when no `java` is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countersignXml, signXml } from '../../src/formats/xades/index.js';
import { fixtureSigner, sampleRecord } from '../formats/xades/helpers.js';

const hasJava = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'xades-jdk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERIFY_JAVA = `
import javax.xml.crypto.*;
import javax.xml.crypto.dsig.*;
import javax.xml.crypto.dsig.dom.*;
import javax.xml.crypto.dsig.keyinfo.*;
import javax.xml.parsers.*;
import org.w3c.dom.*;
import java.io.*;
import java.security.*;
import java.security.cert.X509Certificate;

public class Verify {
  public static void main(String[] args) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    for (String file : args) {
      Document d = f.newDocumentBuilder().parse(new File(file));
      NodeList all = d.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        if (e.hasAttributeNS(null, "Id")) e.setIdAttributeNS(null, "Id", true);
      }
      NodeList sigs = d.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
      for (int i = 0; i < sigs.getLength(); i++) {
        Element s = (Element) sigs.item(i);
        DOMValidateContext ctx = new DOMValidateContext(new FirstCertificate(), s);
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        boolean ok;
        try { ok = fac.unmarshalXMLSignature(ctx).validate(ctx); } catch (Exception e) { ok = false; }
        System.out.println(new File(file).getName() + " " + s.getAttribute("Id") + " " + (ok ? "OK" : "FAIL"));
      }
    }
  }

  static class FirstCertificate extends KeySelector {
    public KeySelectorResult select(KeyInfo ki, Purpose p, AlgorithmMethod m, XMLCryptoContext c) throws KeySelectorException {
      for (Object o : ki.getContent())
        if (o instanceof X509Data)
          for (Object x : ((X509Data) o).getContent())
            if (x instanceof X509Certificate) { final PublicKey k = ((X509Certificate) x).getPublicKey(); return () -> k; }
      throw new KeySelectorException("no X509Certificate in KeyInfo");
    }
  }
}
`;

/** Run the JDK verifier once over several files; returns "file id OK|FAIL" lines. */
function jdkVerify(files: Record<string, string>): string[] {
  const src = join(dir, 'Verify.java');
  writeFileSync(src, VERIFY_JAVA);
  const paths = Object.entries(files).map(([name, xml]) => { const p = join(dir, name); writeFileSync(p, xml); return p; });
  const r = spawnSync('java', [src, ...paths], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n');
}

describe.skipIf(!hasJava)('JDK XMLDSig (Santuario) interop', () => {
  it('verifies parallel signatures (RSA, RSA-PSS, ECDSA; exc-c14n, C14N 1.0, 1.1), a countersignature and an enveloping signature; fails a tampered copy', async () => {
    const a = await signXml(sampleRecord(), { signer: fixtureSigner('homeroom'), placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' });
    const b = await signXml(a.xml, { signer: fixtureSigner('principal', { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }), placement: { slot: 'HieuTruong' }, canonicalization: 'c14n', signatureId: 'sig-ht' });
    const c = await signXml(b.xml, { signer: fixtureSigner('teacher-ecdsa'), placement: { slot: 'GVBM' }, canonicalization: 'c14n11', signatureId: 'sig-gvbm' });
    const d = await countersignXml(c.xml, 'sig-gvcn', { signer: fixtureSigner('principal'), signatureId: 'sig-cs' });
    const env = await signXml('<DLHocBa xmlns="urn:x"><A>1</A></DLHocBa>', { signer: fixtureSigner('homeroom'), mode: 'enveloping', signatureId: 'sig-env' });
    const lines = jdkVerify({ 'record.xml': d.xml, 'enveloping.xml': env.xml, 'tampered.xml': d.xml.replace('Nguyễn Văn An', 'Nguyễn Văn Ân') });
    expect(lines.filter((l) => !l.startsWith('tampered')).sort()).toEqual([
      'enveloping.xml sig-env OK', 'record.xml sig-cs OK', 'record.xml sig-gvbm OK', 'record.xml sig-gvcn OK', 'record.xml sig-ht OK',
    ]);
    expect(lines.filter((l) => l.startsWith('tampered')).sort()).toEqual([
      'tampered.xml sig-cs OK', 'tampered.xml sig-gvbm FAIL', 'tampered.xml sig-gvcn FAIL', 'tampered.xml sig-ht FAIL',
    ]);
  });
});
