/**
 * B-LT: `xVals` (certificate values) and `rVals` (revocation values) unsigned properties (ETSI TS 119 182-1
 * §5.3.5) for the signer's chain and the TSAs of the signature timestamps, gathered by the PKI layer.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import { validateCertificate, verifyTimestampToken } from '../../../pki/index.js';
import type { CertificateValidationOptions, ValidationData } from '../../../pki/types.js';
import { b64, decodeB64Standard } from '../lib/base64url.js';
import { appendEtsiU, readEtsiU } from '../lib/etsi-u.js';
import { finding } from '../lib/findings.js';
import { isJsonObject, type JwsSignatureObject } from '../lib/jws-document.js';
import type { JsonObject } from '../lib/jws-document.js';
import { signatureTimestampInput } from './signature-timestamp.js';

/**
 * DER tokens of the `tstTokens` of a tstContainer (`sigTst`, `arcTst`).
 *
 * @example
 * ```ts
 * tokensOf(entry.value); // [Uint8Array]
 * ```
 */
export function tokensOf(container: unknown): Uint8Array[] | undefined {
  if (!isJsonObject(container) || !Array.isArray(container.tstTokens) || container.tstTokens.length === 0) return undefined;
  const out: Uint8Array[] = [];
  for (const t of container.tstTokens) {
    if (!isJsonObject(t) || typeof t.val !== 'string') return undefined;
    const der = decodeB64Standard(t.val);
    if (!der) return undefined;
    out.push(der);
  }
  return out;
}

function uniq(list: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = b64(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Options of {@link addValidationData}. */
export interface AddValidationDataOptions {
  /** Validation options (trust store required). */
  validation: Partial<CertificateValidationOptions> & Pick<CertificateValidationOptions, 'trustStore'>;
  /** Data to embed in any case (e.g. from check-before-signing, or supplied by the caller). */
  extra?: Partial<ValidationData>;
  /** The signer's certificates (x5c), signer first. */
  certificates: readonly Uint8Array[];
}

/**
 * A copy of the signature with `xVals` and `rVals` appended. What could not be validated is a warning.
 *
 * @example
 * ```ts
 * const { signature: lt, warnings } = await addValidationData(bt, { validation: { trustStore, fetcher }, certificates: x5c });
 * ```
 */
export async function addValidationData(signature: JwsSignatureObject, options: AddValidationDataOptions): Promise<{ signature: JwsSignatureObject; warnings: Finding[] }> {
  const leaf = options.certificates[0];
  if (!leaf) throw new EdusignError('JWS_MALFORMED', { detail: 'no x5c certificate to gather validation data for' });
  const { purpose: _p, at: _a, atIsProven: _ap, ...net } = options.validation;
  void _p; void _a; void _ap;
  const warnings: Finding[] = [];
  const gathered: Partial<ValidationData>[] = [options.extra ?? {}];
  const signer = await validateCertificate(leaf, { ...net, purpose: 'documentSigning', extraCertificates: [...options.certificates, ...(net.extraCertificates ?? [])] });
  gathered.push(signer.validationData);
  if (signer.indication !== 'TOTAL_PASSED') {
    warnings.push(finding('JADES_LT_SIGNER_NOT_VALID', `The signer's certificate did not validate (${signer.subIndication ?? signer.indication}); its validation data is embedded as found`,
      `Chứng thư người ký không hợp lệ (${signer.subIndication ?? signer.indication}); dữ liệu kiểm tra được nhúng như hiện có`, 'warning'));
  }
  for (const entry of readEtsiU(signature).entries) {
    if (entry.name !== 'sigTst') continue;
    for (const token of tokensOf(entry.value) ?? []) {
      const v = await verifyTimestampToken(token, { ...net, data: signatureTimestampInput(signature) });
      if (v.tsa) gathered.push(v.tsa.validationData);
      if (v.indication !== 'TOTAL_PASSED') {
        warnings.push(finding('JADES_LT_TIMESTAMP_NOT_VALID', `The signature timestamp did not validate (${v.subIndication ?? v.indication})`,
          `Dấu thời gian của chữ ký không hợp lệ (${v.subIndication ?? v.indication})`, 'warning'));
      }
    }
  }
  const certs = uniq(gathered.flatMap((g) => g.certificates ?? []));
  const crls = uniq(gathered.flatMap((g) => g.crls ?? []));
  const ocsps = uniq(gathered.flatMap((g) => g.ocspResponses ?? []));
  if (crls.length === 0 && ocsps.length === 0) {
    warnings.push(finding('JADES_LT_NO_REVOCATION_DATA', 'No revocation data could be gathered', 'Không thu thập được dữ liệu thu hồi nào', 'warning'));
  }
  const rVals: JsonObject = {};
  if (crls.length > 0) rVals.crlVals = crls.map((c) => ({ val: b64(c) }));
  if (ocsps.length > 0) rVals.ocspVals = ocsps.map((c) => ({ val: b64(c) }));
  const withX = appendEtsiU(signature, 'xVals', certs.map((c) => ({ x509Cert: b64(c) })));
  return { signature: appendEtsiU(withX, 'rVals', rVals), warnings };
}

/**
 * The validation data embedded in a signature's `xVals` / `rVals`.
 *
 * @example
 * ```ts
 * const { certificates, crls, ocspResponses } = embeddedValidationData(signature);
 * ```
 */
export function embeddedValidationData(signature: JwsSignatureObject): ValidationData {
  const out: ValidationData = { certificates: [], crls: [], ocspResponses: [] };
  for (const e of readEtsiU(signature).entries) {
    if (e.name === 'xVals' && Array.isArray(e.value)) {
      for (const x of e.value) {
        const d = isJsonObject(x) && typeof x.x509Cert === 'string' ? decodeB64Standard(x.x509Cert) : undefined;
        if (d) out.certificates.push(d);
      }
    }
    if (e.name === 'rVals' && isJsonObject(e.value)) {
      for (const [key, target] of [['crlVals', out.crls], ['ocspVals', out.ocspResponses]] as const) {
        const list = e.value[key];
        if (!Array.isArray(list)) continue;
        for (const x of list) {
          const d = isJsonObject(x) && typeof x.val === 'string' ? decodeB64Standard(x.val) : undefined;
          if (d) target.push(d);
        }
      }
    }
  }
  return out;
}
