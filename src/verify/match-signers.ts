/**
 * Binds each signature to the signer the record names (by personal ID / tax code in the certificate's UID, or by
 * certificate fingerprint), so the report can say "signed as Hiệu trưởng", and lists named signers who have not
 * signed.
 * @module
 */
import type { SignatureReport } from '../formats/report.js';
import type { Finding } from '../pki/indication.js';
import { decodeCertificate, subjectIdentifiers } from '../pki/cert/index.js';
import type { NamedSigner } from './record-signers.js';
import { ROLE_LABELS } from './explain.js';

interface CertificateIdentity {
  ids: string[];
  /** CN and O values, NFC. */
  names: string[];
}

function certificateIdentity(signature: SignatureReport): CertificateIdentity {
  const der = signature.chain[0]?.der;
  const ids = new Set<string>();
  const names: string[] = [];
  if (signature.signer.personalId) ids.add(signature.signer.personalId);
  if (der) {
    try {
      const subject = decodeCertificate(der).subject;
      for (const id of subjectIdentifiers(subject)) ids.add(id.value);
      for (const a of subject.attributes) if (a.type === 'CN' || a.type === 'O') names.push(a.value.normalize('NFC'));
    } catch {
      // An undecodable certificate simply matches nobody; the signature report already says why.
    }
  }
  return { ids: [...ids], names };
}

const UNIT_ROLES = new Set(['DON_VI_CON_DAU', 'SO_GDDT']);

function matches(signer: NamedSigner, { ids, names }: CertificateIdentity, sha256: string | undefined): boolean {
  const { personalId, certFingerprint } = signer.ref;
  if (certFingerprint && sha256) return certFingerprint.toLowerCase() === sha256.toLowerCase();
  // A unit named without a tax code is matched by its name in the certificate's O or CN.
  if (!personalId) return UNIT_ROLES.has(signer.ref.role) && names.includes(signer.ref.name.normalize('NFC'));
  // A unit's tax code may carry a branch suffix (MST 0200123456-001); the certificate may hold either form.
  return ids.some((id) => id === personalId || id.split('-')[0] === personalId.split('-')[0]);
}

/** Result of {@link matchSigners}. */
export interface SignerMatch {
  /** Role per signature id (only for signatures that match a named signer). */
  roles: Map<string, string>;
  /** Missing required signers, signers out of order, certificates that do not match the named person. */
  findings: Finding[];
}

/**
 * Matches signatures to the signers a record names.
 *
 * @example
 * ```ts
 * const { roles, findings } = matchSigners(report.signatures, recordSigners(transcript));
 * ```
 */
export function matchSigners(signatures: readonly SignatureReport[], named: readonly NamedSigner[]): SignerMatch {
  const roles = new Map<string, string>();
  const findings: Finding[] = [];
  const signed = new Set<NamedSigner>();
  let lastOrder = 0;
  for (const signature of signatures) {
    if (signature.coverage.kind === 'document-timestamp') continue;
    const identity = certificateIdentity(signature);
    const hit = named.find((n) => matches(n, identity, signature.chain[0]?.sha256));
    if (hit) {
      roles.set(signature.id, hit.ref.role);
      signed.add(hit);
      // Teachers → GVCN → principal → seal (DOMAIN.md §5): a signature out of this order is reported, not failed.
      if (hit.order < lastOrder) {
        findings.push({
          code: 'SIGNING_ORDER',
          severity: 'warning',
          path: hit.path,
          message: `${hit.ref.name} signed after a signer who should come later (order: teachers, GVCN, principal, seal)`,
          messageVi: `${hit.ref.name} ký sau người lẽ ra ký sau (thứ tự: giáo viên bộ môn, GVCN, hiệu trưởng, con dấu)`,
        });
      }
      lastOrder = Math.max(lastOrder, hit.order);
    } else {
      findings.push({
        code: 'SIGNER_NOT_NAMED_IN_RECORD',
        severity: 'warning',
        message: `Signature ${signature.id} (${signature.signer.commonName ?? signature.signer.subject}) is by nobody the record names as a signer`,
        messageVi: `Chữ ký ${signature.id} (${signature.signer.commonName ?? signature.signer.subject}) không thuộc người ký nào được ghi trong hồ sơ`,
      });
    }
  }
  for (const n of named) {
    if (signed.has(n) || !n.required) continue;
    const label = ROLE_LABELS[n.ref.role] ?? { vi: n.ref.role, en: n.ref.role };
    findings.push({
      code: 'NAMED_SIGNER_HAS_NOT_SIGNED',
      severity: 'info',
      path: n.path,
      message: `${label.en} ${n.ref.name} has not signed this document`,
      messageVi: `${label.vi} ${n.ref.name} chưa ký tài liệu này`,
    });
  }
  return { roles, findings };
}
