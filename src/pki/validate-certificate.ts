/**
 * Certificate validation = RFC 5280 path (built and checked by `path/`) + revocation of every level
 * (`revocation/`), concluded in ETSI EN 319 102-1 terms, with all raw material gathered for B-LT embedding.
 * @module
 */
import type { Finding, Indication, SubIndication } from './indication.js';
import { buildAndValidatePath } from './path/index.js';
import { checkRevocation } from './revocation/check-revocation.js';
import { finding } from './revocation/finding.js';
import { memoFor } from './trust/memo-for.js';
import type { CertificateValidationOptions, CertificateValidationResult, ChainElement, RevocationCheck, ValidationData } from './types.js';

interface Conclusion {
  indication: Indication;
  subIndication?: SubIndication;
}

const SEVERITY: Readonly<Record<Indication, number>> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/**
 * Validate a certificate for a purpose at a time: build and validate the path to a trust anchor, check the
 * revocation status of every certificate of it but the anchor (supplied/embedded data first, then OCSP/CRL
 * through `fetcher` and `cache`, unless `offline`), and conclude:
 *
 * - `TOTAL_FAILED`/`REVOKED`: the certificate was revoked at or before `at`;
 * - `INDETERMINATE`/`REVOKED_NO_POE`: revoked after `at`, but `at` is not proven (`atIsProven` not set);
 *   `REVOKED_CA_NO_POE`: a CA of the path is revoked;
 * - `INDETERMINATE`/`TRY_LATER`: a status is unknown and the policy is hard-fail (the default);
 * - otherwise the path's conclusion (`NO_CERTIFICATE_CHAIN_FOUND`, `OUT_OF_BOUNDS_NO_POE`, `NOT_YET_VALID`, …).
 *
 * Soft-fail, skipped checks and revocations after a proven `at` are reported as findings. Never throws
 * for an invalid certificate (that is a result); throws `CERT_MALFORMED` for bytes that are not one.
 *
 * @example
 * ```ts
 * const result = await validateCertificate(teacherDer, { trustStore, fetcher: createFetcher(), cache });
 * if (result.indication !== 'TOTAL_PASSED') console.log(result.subIndication, result.findings);
 * embed(result.validationData); // certificates, CRLs, OCSP responses for B-LT
 * ```
 */
export async function validateCertificate(certDer: Uint8Array, options: CertificateValidationOptions): Promise<CertificateValidationResult> {
  const at = options.at ?? options.now ?? new Date();
  const path = await buildAndValidatePath(certDer, {
    trustStore: options.trustStore,
    at,
    purpose: options.purpose ?? 'documentSigning',
    extraCertificates: options.extraCertificates,
    offline: options.offline,
    fetcher: options.fetcher,
    cache: options.cache,
  });
  const anchored = path.trustAnchor !== undefined && path.chain.length > 0;
  const revocation = anchored
    ? await checkRevocation(path.chain.map((element) => element.der), {
      at, now: options.now, policy: options.revocation, offline: options.offline, fetcher: options.fetcher,
      cache: options.cache, validationData: options.validationData, memo: memoFor(options.cache, options.trustStore),
    })
    : [];
  const findings: Finding[] = [...path.findings];
  let conclusion: Conclusion = { indication: path.indication, subIndication: path.subIndication };
  revocation.forEach((check, level) => {
    findings.push(...check.findings);
    const effect = revocationEffect(check, level, at, options, findings);
    if (effect && SEVERITY[effect.indication] > SEVERITY[conclusion.indication]) conclusion = effect;
  });
  return {
    indication: conclusion.indication,
    subIndication: conclusion.indication === 'TOTAL_PASSED' ? undefined : conclusion.subIndication,
    chain: path.chain,
    revocation,
    validationData: gather(path.chain, path.fetchedCertificates, revocation),
    findings: dedupe(findings),
  };
}

function revocationEffect(check: RevocationCheck, level: number, at: Date, options: CertificateValidationOptions, findings: Finding[]): Conclusion | undefined {
  if (check.status === 'revoked') {
    const revokedAt = check.revocationTime ?? new Date(0);
    if (revokedAt.getTime() <= at.getTime()) {
      return level === 0 ? { indication: 'TOTAL_FAILED', subIndication: 'REVOKED' } : { indication: 'INDETERMINATE', subIndication: 'REVOKED_CA_NO_POE' };
    }
    if (options.atIsProven) {
      findings.push(finding('CERT_REVOKED_AFTER_VALIDATION_TIME',
        `Revoked on ${revokedAt.toISOString()}, after the proven time ${at.toISOString()}`,
        `Bị thu hồi ngày ${revokedAt.toISOString()}, sau thời điểm đã được chứng minh ${at.toISOString()}`));
      return undefined;
    }
    return { indication: 'INDETERMINATE', subIndication: level === 0 ? 'REVOKED_NO_POE' : 'REVOKED_CA_NO_POE' };
  }
  if (check.status === 'unknown' && options.revocation?.mode !== 'soft-fail') return { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' };
  return undefined;
}

function gather(chain: readonly ChainElement[], fetched: readonly Uint8Array[], revocation: readonly RevocationCheck[]): ValidationData {
  const unique = (items: readonly Uint8Array[]): Uint8Array[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = Buffer.from(item).toString('base64');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const raw = (source: RevocationCheck['source']): Uint8Array[] =>
    revocation.filter((c) => c.source === source && c.raw).map((c) => c.raw as Uint8Array);
  return {
    certificates: unique([...chain.map((e) => e.der), ...fetched]),
    crls: unique([...raw('crl'), ...revocation.flatMap((c) => c.supporting?.crls ?? [])]),
    ocspResponses: unique(raw('ocsp')),
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
