/**
 * Certificate checks of a signature through the PKI layer: the signer's path to a trust anchor (validity at the
 * best signature time) and revocation (embedded RevocationValues first, then the network unless offline).
 *
 * Interim note: this assembles the path itself (by name and signature, see chain.ts) and uses the PKI layer's
 * `checkRevocation`; it will delegate to the PKI layer's `validateCertificate` (RFC 5280 §6, policies, name
 * constraints, key usage) once that lands. TSA certificate paths are not yet judged here.
 * @module
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { X509Certificate } from '@peculiar/x509';
import { checkRevocation } from '../../pki/index.js';
import type { Finding } from '../../pki/indication.js';
import type { ChainElement, RevocationCheck, ValidationData } from '../../pki/types.js';
import { assembleChain } from './chain.js';
import { worse, type Verdict } from './conclusion.js';
import { finding } from './findings.js';
import type { XmlVerifyOptions } from './verify-options.js';

/** Input of {@link validateSignatureCertificates}. */
export interface SignatureCertificatesInput {
  signer: Uint8Array;
  /** Certificates carried by the signature (KeyInfo, CertificateValues). */
  extra: readonly Uint8Array[];
  validationData: Partial<ValidationData>;
  /** Validation time (best signature time). */
  at: Date;
  options: XmlVerifyOptions;
  timestampTokens: readonly Uint8Array[];
}

/** Conclusion of {@link validateSignatureCertificates}. */
export interface SignatureCertificatesResult {
  verdict: Verdict;
  findings: Finding[];
  chain: ChainElement[];
  revocation: RevocationCheck[];
}

function element(der: Uint8Array, source: ChainElement['source']): ChainElement {
  const c = new X509Certificate(new Uint8Array(der));
  return {
    subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber, sha256: createHash('sha256').update(der).digest('hex'),
    notBefore: c.notBefore, notAfter: c.notAfter, der, source,
  };
}

/**
 * Judge the signer's certificate path and revocation status.
 *
 * @example
 * ```ts
 * const r = await validateSignatureCertificates({ signer, extra, validationData, at, options: { trustStore }, timestampTokens: [] });
 * r.verdict.indication; // 'TOTAL_PASSED'
 * ```
 */
export async function validateSignatureCertificates(input: SignatureCertificatesInput): Promise<SignatureCertificatesResult> {
  const { options } = input;
  const findings: Finding[] = [];
  if (!options.trustStore) {
    return {
      verdict: { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }, chain: [], revocation: [],
      findings: [finding('XADES_NO_TRUST_STORE', 'No trust store given: the signer cannot be trusted', 'Không có kho chứng thư tin cậy: không thể tin cậy người ký')],
    };
  }
  const anchors = options.trustStore.anchors;
  const isAnchor = (d: Uint8Array): boolean => anchors.some((a) => Buffer.compare(a, d) === 0);
  let ders: Uint8Array[];
  try {
    ders = await assembleChain(input.signer, [...input.extra, ...options.trustStore.intermediates, ...anchors]);
  } catch {
    ders = [input.signer];
  }
  const last = ders[ders.length - 1] as Uint8Array;
  const chain = ders.map((d, i) => element(d, isAnchor(d) ? 'trust-anchor' : i === 0 || input.extra.some((e) => Buffer.compare(e, d) === 0) ? 'signature' : 'store'));
  if (!isAnchor(last)) {
    return {
      verdict: { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }, chain, revocation: [],
      findings: [finding('XADES_NO_CHAIN', 'The signing certificate does not chain to a trusted root', 'Chứng thư ký không chuỗi được tới CA gốc tin cậy')],
    };
  }
  let verdict: Verdict = { indication: 'TOTAL_PASSED' };
  for (const c of chain) {
    if (input.at > c.notAfter) {
      verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
      findings.push(finding('XADES_CERT_EXPIRED', `Certificate expired at the validation time: ${c.subject}`, `Chứng thư đã hết hạn tại thời điểm kiểm tra: ${c.subject}`));
    } else if (input.at < c.notBefore) {
      verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NOT_REVOKED' });
      findings.push(finding('XADES_CERT_NOT_YET_VALID', `Certificate not yet valid at the validation time: ${c.subject}`, `Chứng thư chưa có hiệu lực tại thời điểm kiểm tra: ${c.subject}`));
    }
  }
  const revocation = await checkRevocation(ders, {
    at: input.at, validationData: input.validationData,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.offline ? { offline: true } : {}), ...(options.revocation ? { policy: options.revocation } : {}),
  });
  for (const r of revocation) {
    findings.push(...r.findings);
    if (r.status === 'revoked') {
      const before = r.revocationTime === undefined || r.revocationTime <= input.at;
      verdict = worse(verdict, before ? { indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' } : verdict);
      findings.push(finding('XADES_CERT_REVOKED', `Certificate revoked: ${r.subject}`, `Chứng thư đã bị thu hồi: ${r.subject}`));
    } else if (r.status === 'unknown' && options.revocation?.mode !== 'soft-fail') {
      verdict = worse(verdict, { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    }
  }
  return { verdict, findings, chain, revocation };
}
