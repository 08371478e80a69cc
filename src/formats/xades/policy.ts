/**
 * SignaturePolicyIdentifier checks: a policy the caller knows is compared with the signed SigPolicyHash; an
 * unknown policy is reported, never silently accepted as checked.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../pki/indication.js';
import { nodeHashName } from '../../crypto/digest.js';
import { digestMethodHash } from './algorithms.js';
import type { Verdict } from '../../pki/indication.js';
import { NS } from './constants.js';
import { finding } from './findings.js';
import type { SignatureParts } from './locate.js';
import { attr, firstChild, textOf } from './xml/query.js';

/** A signature policy the verifier knows: its identifier and the policy document. */
export interface KnownSignaturePolicy {
  /** `urn:oid:…` or URI, as written in SigPolicyId/Identifier. */
  identifier: string;
  /** The policy document (its digest is compared with SigPolicyHash). */
  document: Uint8Array;
}

/** Result of {@link checkSignaturePolicy}. */
export interface PolicyCheck {
  identifier?: string;
  verdict?: Verdict;
  findings: Finding[];
}

/**
 * Check the signature's SignaturePolicyIdentifier against the policies the caller knows.
 *
 * @example
 * ```ts
 * const p = checkSignaturePolicy(parts, [{ identifier: 'urn:oid:2.999.1.1', document: policyPdf }]);
 * ```
 */
export function checkSignaturePolicy(parts: SignatureParts, known: readonly KnownSignaturePolicy[] = []): PolicyCheck {
  const ssp = parts.signedProperties && firstChild(parts.signedProperties, NS.xades, 'SignedSignatureProperties');
  const spi = ssp && firstChild(ssp, NS.xades, 'SignaturePolicyIdentifier');
  if (!spi) return { findings: [] };
  const spId = firstChild(spi, NS.xades, 'SignaturePolicyId');
  if (!spId) return { findings: [finding('XADES_POLICY_IMPLIED', 'The signature policy is implied', 'Chính sách chữ ký là ngầm định')] };
  const idEl = firstChild(spId, NS.xades, 'SigPolicyId');
  const identifierEl = idEl && firstChild(idEl, NS.xades, 'Identifier');
  const identifier = identifierEl ? textOf(identifierEl) : undefined;
  const hashEl = firstChild(spId, NS.xades, 'SigPolicyHash');
  const dm = hashEl && firstChild(hashEl, NS.ds, 'DigestMethod');
  const dv = hashEl && firstChild(hashEl, NS.ds, 'DigestValue');
  const hash = dm ? digestMethodHash(attr(dm, 'Algorithm') ?? '') : undefined;
  const policy = known.find((k) => k.identifier === identifier);
  if (!identifier || !policy) {
    return { ...(identifier ? { identifier } : {}), findings: [finding('XADES_POLICY_NOT_CHECKED', `Signature policy ${identifier ?? '(none)'} is not known to the verifier: not checked`,
      `Chính sách chữ ký ${identifier ?? '(không có)'} không được trình kiểm tra biết: chưa kiểm tra`)] };
  }
  if (!hash || !dv) {
    return { identifier, verdict: { indication: 'INDETERMINATE', subIndication: 'POLICY_PROCESSING_ERROR' },
      findings: [finding('XADES_POLICY_HASH', 'SigPolicyHash is missing or uses an unsupported digest', 'SigPolicyHash thiếu hoặc dùng thuật toán băm không hỗ trợ')] };
  }
  if (createHash(nodeHashName(hash)).update(policy.document).digest('base64') !== textOf(dv).replace(/\s+/g, '')) {
    return { identifier, verdict: { indication: 'INDETERMINATE', subIndication: 'POLICY_PROCESSING_ERROR' },
      findings: [finding('XADES_POLICY_HASH_MISMATCH', `The signed digest of policy ${identifier} does not match the policy document`, `Giá trị băm của chính sách ${identifier} không khớp với văn bản chính sách`)] };
  }
  return { identifier, findings: [] };
}
