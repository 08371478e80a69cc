/**
 * Gather the validation data of a signed PDF for its DSS: every certificate of every signature and
 * timestamp, ordered into chains (with the trust store's certificates), and the CRLs / OCSP responses the
 * PKI layer's `checkRevocation` used for each chain element.
 * @module
 */
import type { Finding } from '../../../pki/indication.js';
import { checkRevocation } from '../../../pki/revocation/check-revocation.js';
import type { ValidationData } from '../../../pki/types.js';
import { openPdf } from '../pdf/document.js';
import { buildChains } from './certificate-chain.js';
import { cmsCertificates } from './cms-certificates.js';
import { embeddedSignatures } from './embedded-signatures.js';
import type { ExtendPdfOptions } from './extend.js';

/**
 * Collect certificates and revocation data for every signature of `pdf`. Never throws for missing
 * revocation data: each gap is a `LT_REVOCATION_MISSING` finding.
 *
 * @example
 * ```ts
 * const { data, findings } = await collectValidationData(signed, { validation: { fetcher, trustStore } });
 * ```
 */
/** Both sources of supplied validation data, joined (a spread would let one replace the other's lists). */
function joinValidationData(a: Partial<ValidationData> | undefined, b: Partial<ValidationData> | undefined): Partial<ValidationData> {
  return {
    certificates: [...(a?.certificates ?? []), ...(b?.certificates ?? [])],
    crls: [...(a?.crls ?? []), ...(b?.crls ?? [])],
    ocspResponses: [...(a?.ocspResponses ?? []), ...(b?.ocspResponses ?? [])],
  };
}

export async function collectValidationData(pdf: Uint8Array, options: ExtendPdfOptions): Promise<{ data: ValidationData; findings: Finding[] }> {
  const doc = openPdf(pdf, options.limits);
  const v = options.validation ?? {};
  const embedded = embeddedSignatures(doc).flatMap((s) => cmsCertificates(s.contents));
  const pool = [...embedded, ...(v.extraCertificates ?? []), ...(v.trustStore?.intermediates ?? []), ...(v.trustStore?.anchors ?? []),
    ...(options.validationData?.certificates ?? [])];
  const chains = buildChains(pool).filter((chain) => embedded.some((e) => Buffer.compare(Buffer.from(e), Buffer.from(chain[0]!)) === 0));
  const data: ValidationData = { certificates: [], crls: [], ocspResponses: [] };
  const seen = new Set<string>();
  const add = (list: Uint8Array[], item: Uint8Array): void => {
    const k = Buffer.from(item).toString('base64');
    if (!seen.has(k)) { seen.add(k); list.push(item); }
  };
  const findings: Finding[] = [];
  for (const chain of chains) {
    for (const c of chain) add(data.certificates, c);
    const checks = await checkRevocation(chain, {
      fetcher: v.fetcher, cache: v.cache, offline: v.offline ?? v.fetcher === undefined,
      policy: { mode: 'soft-fail', ...(v.revocation ?? {}) }, validationData: joinValidationData(v.validationData, options.validationData),
    });
    for (const check of checks) {
      if (check.raw && check.source === 'crl') add(data.crls, check.raw);
      else if (check.raw && check.source === 'ocsp') add(data.ocspResponses, check.raw);
      else if (check.status !== 'not-checked') {
        findings.push({ code: 'LT_REVOCATION_MISSING', message: `no revocation data could be embedded for ${check.subject}`,
          messageVi: `không nhúng được dữ liệu thu hồi cho ${check.subject}` });
      }
    }
  }
  return { data, findings };
}
