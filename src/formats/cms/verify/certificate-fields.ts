/**
 * The few certificate fields the CMS verifier needs (issuer, serial number, subject key identifier), read with
 * the BER reader; full decoding is the PKI layer's job.
 * @module
 */
import { berBytes, berChildren, berOctets, berOid, isTag, readBer, TAG } from './ber.js';

/** Raw identification fields of a certificate. */
export interface CertificateFields {
  der: Uint8Array;
  /** DER of the issuer Name. */
  issuer: Uint8Array;
  /** Content octets of the serialNumber INTEGER. */
  serial: Uint8Array;
  /** Subject key identifier, when the extension is present. */
  keyId?: Uint8Array;
}

/**
 * Read the identification fields of a DER certificate; `undefined` when it is not one.
 *
 * @example
 * ```ts
 * const fields = certificateFields(certDer);
 * ```
 */
export function certificateFields(der: Uint8Array): CertificateFields | undefined {
  try {
    const cert = readBer(der, 0);
    const [tbs] = berChildren(der, cert);
    if (!isTag(tbs, TAG.SEQUENCE)) return undefined;
    const parts = berChildren(der, tbs);
    let i = isTag(parts[0], 0, true) ? 1 : 0;
    const serial = parts[i++];
    i++; // signature algorithm
    const issuer = parts[i++];
    if (!isTag(serial, TAG.INTEGER) || !isTag(issuer, TAG.SEQUENCE)) return undefined;
    const out: CertificateFields = { der, issuer: berBytes(der, issuer), serial: der.subarray(serial.contentStart, serial.contentEnd) };
    const extensions = parts.find((p) => isTag(p, 3, true));
    const [list] = extensions ? berChildren(der, extensions) : [];
    for (const ext of list ? berChildren(der, list) : []) {
      const items = berChildren(der, ext);
      if (berOid(der, items[0]) !== '2.5.29.14') continue;
      const value = items[items.length - 1];
      if (!isTag(value, TAG.OCTET_STRING)) continue;
      const inner = berOctets(der, value);
      const ski = readBer(inner, 0);
      if (isTag(ski, TAG.OCTET_STRING)) out.keyId = inner.subarray(ski.contentStart, ski.contentEnd);
    }
    return out;
  } catch {
    return undefined;
  }
}
