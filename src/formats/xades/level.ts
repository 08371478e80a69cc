/**
 * Baseline level detection of a XAdES signature (ETSI EN 319 132-1 §6).
 * @module
 */
import type { BaselineLevel } from '../report.js';
import { NS } from './constants.js';
import type { SignatureParts } from './locate.js';
import { childElements, firstChild } from './xml/query.js';

/**
 * The highest baseline level whose elements are present (undefined: not XAdES baseline, e.g. plain XMLDSig).
 *
 * @example
 * ```ts
 * detectLevel(parts); // 'B-LTA'
 * ```
 */
export function detectLevel(parts: SignatureParts): BaselineLevel | undefined {
  const ssp = parts.signedProperties && firstChild(parts.signedProperties, NS.xades, 'SignedSignatureProperties');
  if (!ssp || !firstChild(ssp, NS.xades, 'SigningTime') ||
    !(firstChild(ssp, NS.xades, 'SigningCertificateV2') ?? firstChild(ssp, NS.xades, 'SigningCertificate'))) return undefined;
  const usp = parts.unsignedSignatureProperties ? childElements(parts.unsignedSignatureProperties) : [];
  const has = (ns: string, local: string): boolean => usp.some((e) => e.local === local && e.ns === ns);
  if (!has(NS.xades, 'SignatureTimeStamp')) return 'B-B';
  if (!has(NS.xades, 'CertificateValues') || !has(NS.xades, 'RevocationValues')) return 'B-T';
  if (!has(NS.xades141, 'ArchiveTimeStamp')) return 'B-LT';
  return 'B-LTA';
}
