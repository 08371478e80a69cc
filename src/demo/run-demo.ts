/**
 * The demo, the README's main job: offline, with a throw-away PKI and in-process OCSP/CRL/TSA services, it renders
 * a sample THPT transcript (học bạ), has it signed in sequence (subject teacher certifying with DocMDP P=2, the
 * GVCN, the principal, the school seal, ending at B-LTA), signs the XML (two parallel signers + a countersignature)
 * and the JSON (two signers), verifies all three and prints who signed, as what, when, and the verdict.
 * @module
 */
import 'reflect-metadata';
import { createPrivateKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  canonicalRecordJson, countersignXml, createFetcher, createPdfAppearanceCache, createPkiCache,
  createTrustStore, httpTimestampAuthority, INDICATION_LABELS, keyObjectSigner, renderTranscriptPdf,
  ROLE_LABELS, signatureFieldName, signJws, signPdf, signXml, SUB_INDICATION_LABELS, toXml, verify,
  type SignatureReport, type Signer, type Transcript, type VerificationReport,
} from '../index.js';
import { packageFilePath } from '../package-files.js';
import { createDemoPki, type DemoIdentity, type DemoPki, type DemoSignerSpec } from './demo-pki.js';
import { startDemoServices } from './demo-services.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where the signed files go (default `./edusign-demo`). */
  outDir?: string;
  /** Where progress lines go (default stdout). */
  log?: (line: string) => void;
}

/** What the demo wrote and concluded. */
export interface DemoResult {
  files: { pdf: string; xml: string; json: string; unsignedPdf: string; rootCertificate: string };
  reports: { pdf: VerificationReport; xml: VerificationReport; json: VerificationReport };
}

function signerSpecs(record: Transcript): DemoSignerSpec[] {
  const year = record.years[record.years.length - 1]!;
  const teacher = year.subjects[0]!.teacher;
  const school = year.seal?.name ?? year.school.name;
  return [
    { name: 'teacher', commonName: teacher.name, uid: `CCCD:${teacher.personalId ?? '031190000001'}`, title: 'Giáo viên bộ môn', organization: school },
    { name: 'homeroom', commonName: year.homeroom.name, uid: `CCCD:${year.homeroom.personalId ?? '031190000002'}`, title: 'Giáo viên chủ nhiệm', organization: school },
    { name: 'principal', commonName: year.principal.name, uid: `CCCD:${year.principal.personalId ?? '031190000003'}`, title: 'Hiệu trưởng', organization: school },
    { name: 'seal', commonName: school, uid: `MST:${year.seal?.personalId ?? '0200123456'}`, title: 'Con dấu', organization: school },
  ];
}

function signerOf(identity: DemoIdentity, pki: DemoPki): Signer {
  return keyObjectSigner({
    privateKey: createPrivateKey(identity.privateKeyPem),
    certificate: new Uint8Array(identity.certificate.rawData),
    chain: [new Uint8Array(pki.ca.certificate.rawData)],
  });
}

function describeSignature(s: SignatureReport): string {
  const role = s.signer.role ? ROLE_LABELS[s.signer.role] : undefined;
  const verdict = INDICATION_LABELS[s.indication];
  const why = s.subIndication ? ` (${SUB_INDICATION_LABELS[s.subIndication].vi} / ${SUB_INDICATION_LABELS[s.subIndication].en})` : '';
  const when = (s.claimedSigningTime ?? s.bestSignatureTime).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const who = s.coverage.kind === 'document-timestamp' ? 'Dấu thời gian tài liệu / document timestamp' : (s.signer.commonName ?? s.signer.subject);
  return `   - ${who}${role ? `, ${role.vi} / ${role.en}` : ''} — ${when}${s.level ? ` — ${s.level}` : ''} — ${verdict.vi} / ${verdict.en}${why}`;
}

function summary(title: string, path: string, report: VerificationReport): string[] {
  const verdict = INDICATION_LABELS[report.indication];
  const issues = report.document?.issues.filter((i) => i.severity === 'error') ?? [];
  return [
    `${title}: ${verdict.vi} / ${verdict.en}${report.subIndication ? ` (${report.subIndication})` : ''}`,
    `   ${path}`,
    ...report.signatures.map(describeSignature),
    ...(report.document ? [`   Hồ sơ / record (${report.document.kind}): ${issues.length === 0 ? 'đúng quy chế / consistent with the Circulars' : `${issues.length} lỗi / errors`}`] : []),
  ];
}

/**
 * Runs the demo end to end and returns the files and reports.
 *
 * @example
 * ```ts
 * const { files } = await runDemo({ outDir: 'edusign-demo' });
 * console.log(files.pdf);
 * ```
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const outDir = resolve(options.outDir ?? 'edusign-demo');
  await mkdir(outDir, { recursive: true });
  const record = JSON.parse(await readFile(packageFilePath('fixtures/records/transcript-thpt.json'), 'utf8')) as Transcript;
  const year = record.years[record.years.length - 1]!;

  const services = await startDemoServices();
  try {
    log(`1. PKI thử nghiệm và dịch vụ OCSP/CRL/TSA tại / demo PKI and OCSP/CRL/TSA services at ${services.baseUrl}`);
    const pki = await createDemoPki(services.baseUrl, signerSpecs(record));
    services.attach(pki);
    const trustStore = createTrustStore({ anchors: [new Uint8Array(pki.root.certificate.rawData)] });
    const fetcher = createFetcher({ timeoutMs: 5000 });
    const cache = createPkiCache();
    const tsa = httpTimestampAuthority(`${services.baseUrl}/tsa`, { fetcher });
    const pkiOptions = { trustStore, fetcher, cache };
    const signers = {
      teacher: signerOf(pki.signers.teacher, pki),
      homeroom: signerOf(pki.signers.homeroom, pki),
      principal: signerOf(pki.signers.principal, pki),
      seal: signerOf(pki.signers.seal, pki),
    };
    const rootPath = join(outDir, 'demo-root-ca.pem');
    await writeFile(rootPath, `${pki.root.certificate.toString('pem')}\n`);

    log(`2. Kết xuất học bạ / rendering the transcript of ${record.student.fullName}`);
    let pdf = await renderTranscriptPdf(record, { creationDate: '2025-05-31T08:00:00Z', modificationDate: '2025-05-31T08:00:00Z' });
    const unsignedPdf = join(outDir, 'hoc-ba.pdf');
    await writeFile(unsignedPdf, pdf);

    log('3. Ký PDF lần lượt / signing the PDF in sequence (PAdES)');
    const steps: Array<{ signer: Signer; field: string; role: string; certify?: 2; level: 'B-T' | 'B-LTA' }> = [
      { signer: signers.teacher, field: signatureFieldName({ role: 'GV_BO_MON', schoolYear: year.schoolYear, subject: year.subjects[0]!.subject.slug }), role: 'Giáo viên bộ môn', certify: 2, level: 'B-T' },
      { signer: signers.homeroom, field: signatureFieldName({ role: 'GVCN', schoolYear: year.schoolYear }), role: 'Giáo viên chủ nhiệm', level: 'B-T' },
      { signer: signers.principal, field: signatureFieldName({ role: 'HIEU_TRUONG', schoolYear: year.schoolYear }), role: 'Hiệu trưởng', level: 'B-T' },
      { signer: signers.seal, field: signatureFieldName({ role: 'DON_VI_CON_DAU', schoolYear: year.schoolYear }), role: 'Đơn vị', level: 'B-LTA' },
    ];
    const appearanceCache = createPdfAppearanceCache();
    for (const step of steps) {
      const result = await signPdf(pdf, {
        appearanceCache,
        signer: step.signer, level: step.level, timestampAuthority: tsa, field: step.field,
        appearance: { role: step.role },
        ...(step.certify ? { certify: step.certify } : {}),
        check: pkiOptions, validation: pkiOptions,
      });
      pdf = result.pdf;
      log(`   ✓ ${step.field} (${step.level}${step.certify ? `, DocMDP P=${step.certify}` : ''})`);
    }
    const pdfPath = join(outDir, 'hoc-ba.signed.pdf');
    await writeFile(pdfPath, pdf);

    log('4. Ký XML / signing the XML (XAdES: GVCN and principal in parallel, the seal countersigns the principal)');
    const xmlCommon = { level: 'B-T' as const, timestampAuthority: tsa, check: pkiOptions, validation: pkiOptions };
    let xml = toXml(record, { envelope: { id: 'data' } });
    xml = (await signXml(xml, { ...xmlCommon, signer: signers.homeroom, role: 'Giáo viên chủ nhiệm', placement: { slot: 'GVCN' }, signatureId: 'sig-gvcn' })).xml;
    xml = (await signXml(xml, { ...xmlCommon, signer: signers.principal, role: 'Hiệu trưởng', placement: { slot: 'HieuTruong' }, signatureId: 'sig-hieu-truong' })).xml;
    xml = (await countersignXml(xml, 'sig-hieu-truong', { ...xmlCommon, signer: signers.seal, role: 'Đơn vị', signatureId: 'sig-con-dau' })).xml;
    const xmlPath = join(outDir, 'hoc-ba.signed.xml');
    await writeFile(xmlPath, xml);

    log('5. Ký JSON / signing the JSON (JAdES: GVCN and principal)');
    const { jws } = await signJws(JSON.parse(canonicalRecordJson(record)), [
      { signer: signers.homeroom, role: 'Giáo viên chủ nhiệm' },
      { signer: signers.principal, role: 'Hiệu trưởng' },
    ], { level: 'B-T', timestampAuthority: tsa, check: pkiOptions, validation: pkiOptions });
    const jsonPath = join(outDir, 'hoc-ba.signed.json');
    await writeFile(jsonPath, jws);

    log('6. Xác minh / verifying');
    const verifyOptions = { trustStore, fetcher, cache };
    const reports = {
      pdf: await verify(pdf, verifyOptions),
      xml: await verify(new TextEncoder().encode(xml), verifyOptions),
      json: await verify(new TextEncoder().encode(jws), verifyOptions),
    };
    log('');
    for (const line of [
      ...summary('Học bạ PDF (PAdES)', pdfPath, reports.pdf),
      ...summary('Học bạ XML (XAdES)', xmlPath, reports.xml),
      ...summary('Học bạ JSON (JAdES)', jsonPath, reports.json),
    ]) log(line);
    log('');
    log(`Mở tệp PDF đã ký / open the signed PDF: ${pdfPath}`);
    log(`CA gốc thử nghiệm / demo root CA (to trust it in a viewer or with edusign verify --trust): ${rootPath}`);
    return { files: { pdf: pdfPath, xml: xmlPath, json: jsonPath, unsignedPdf, rootCertificate: rootPath }, reports };
  } finally {
    await services.stop();
  }
}
