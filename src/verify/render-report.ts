/**
 * Human renderings (Vietnamese and English, plain text and HTML) of a {@link VerificationReport}.
 * @module
 */
import type { SignatureReport, VerificationReport } from '../formats/report.js';
import type { Finding } from '../pki/indication.js';
import { INDICATION_LABELS, ROLE_LABELS, SUB_INDICATION_LABELS } from './explain.js';

function isoOrDash(date: Date | undefined): string {
  return date ? date.toISOString().replace('.000Z', 'Z') : '—';
}

function roleText(role: string | undefined): string | undefined {
  if (!role) return undefined;
  const label = ROLE_LABELS[role];
  return label ? `${label.vi} / ${label.en}` : role;
}

function verdictLine(indication: VerificationReport['indication'], sub: VerificationReport['subIndication']): string {
  const label = INDICATION_LABELS[indication];
  const why = sub ? SUB_INDICATION_LABELS[sub] : undefined;
  return `${label.vi} / ${label.en}` + (why ? ` — ${why.vi} / ${why.en} (${sub})` : '');
}

function findingLines(findings: readonly Finding[], indent: string): string[] {
  return findings.map((f) => `${indent}[${f.code}] ${f.messageVi} / ${f.message}`);
}

function signatureLines(sig: SignatureReport, index: number): string[] {
  const who = sig.signer.commonName ?? sig.signer.subject;
  const lines = [
    `  #${index + 1} ${sig.id}: ${verdictLine(sig.indication, sig.subIndication)}`,
    `     Người ký / Signer: ${who}` + (sig.signer.personalId ? ` (${sig.signer.personalId})` : ''),
  ];
  const role = roleText(sig.signer.role);
  if (role) lines.push(`     Vai trò / Role: ${role}`);
  lines.push(`     Cấp bởi / Issuer: ${sig.signer.issuer}`);
  lines.push(`     Thời điểm ký (khai báo) / Claimed signing time: ${isoOrDash(sig.claimedSigningTime)}`);
  lines.push(`     Thời điểm chứng minh được / Best signature time: ${isoOrDash(sig.bestSignatureTime)}`);
  if (sig.level) lines.push(`     Mức / Level: ${sig.level}`);
  lines.push(`     Phạm vi / Coverage: ${sig.coverage.kind}${sig.coverage.detail ? ` (${sig.coverage.detail})` : ''}`);
  if (sig.chain.length) lines.push(`     Chuỗi / Chain: ${sig.chain.map((c) => c.subject).join(' → ')}`);
  for (const r of sig.revocation) {
    lines.push(`     Thu hồi / Revocation: ${r.subject}: ${r.status} (${r.source}${r.origin ? `, ${r.origin}` : ''})`);
  }
  for (const t of sig.timestamps) {
    lines.push(`     Dấu thời gian / Timestamp (${t.kind}): ${isoOrDash(t.genTime)} ${t.indication}${t.tsaSubject ? ` — ${t.tsaSubject}` : ''}`);
  }
  for (const m of sig.modificationsAfter) {
    lines.push(`     Thay đổi sau khi ký / Change after signing: ${m.description} — ${m.allowed ? 'được phép / allowed' : 'KHÔNG được phép / NOT allowed'}`);
  }
  lines.push(...findingLines(sig.findings, '     '));
  return lines;
}

/**
 * Renders a report as bilingual plain text, for terminals and logs.
 *
 * @example
 * ```ts
 * const report = await verify(bytes, { trustStore });
 * console.log(renderReportText(report));
 * ```
 */
export function renderReportText(report: VerificationReport): string {
  const lines = [
    `Kết quả / Result (${report.format}): ${verdictLine(report.indication, report.subIndication)}`,
    `Số chữ ký / Signatures: ${report.signatures.length}`,
    ...report.signatures.flatMap((s, i) => signatureLines(s, i)),
  ];
  if (report.document) {
    lines.push(`Hồ sơ / Record (${report.document.kind}): ${report.document.issues.length === 0 ? 'không có vấn đề / no issues' : ''}`);
    lines.push(...findingLines(report.document.issues, '  '));
  }
  if (report.warnings.length) {
    lines.push('Cảnh báo / Warnings:');
    lines.push(...findingLines(report.warnings, '  '));
  }
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Renders a report as a small self-contained bilingual HTML fragment (escaped; safe to embed in a page).
 *
 * @example
 * ```ts
 * response.type('text/html').send(`<!doctype html><meta charset="utf-8">${renderReportHtml(report)}`);
 * ```
 */
export function renderReportHtml(report: VerificationReport): string {
  const cls = report.indication === 'TOTAL_PASSED' ? 'valid' : report.indication === 'TOTAL_FAILED' ? 'invalid' : 'indeterminate';
  const body = renderReportText(report)
    .split('\n')
    .map((line, i) => (i === 0 ? `<h2 class="${cls}">${escapeHtml(line)}</h2>` : `<div>${escapeHtml(line)}</div>`))
    .join('\n');
  return `<section class="edusign-report ${cls}" lang="vi">\n${body}\n</section>`;
}
