/**
 * OCSP request building (RFC 6960 §4.1) and the GET/POST transport (Appendix A).
 * @module
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Fetcher } from '../types.js';
import { OID } from './cert-facts.js';

/** A built OCSP request. */
export interface OcspRequest {
  /** DER OCSPRequest. */
  der: Uint8Array;
  /** The nonce sent (the extension's OCTET STRING content), if any. */
  nonce?: Uint8Array;
}

/**
 * Build an OCSP request for `cert` issued by `issuer`, with a SHA-1 CertID (what responders universally
 * support) and a random 16-byte nonce unless `nonce: false`.
 * @example
 * ```ts
 * const { der, nonce } = await buildOcspRequest(leaf, ca);
 * ```
 */
export async function buildOcspRequest(cert: pkijs.Certificate, issuer: pkijs.Certificate,
  options: { nonce?: Uint8Array | false } = {}): Promise<OcspRequest> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
  const nonce = options.nonce === false ? undefined : (options.nonce ?? new Uint8Array(randomBytes(16)));
  if (nonce) {
    request.tbsRequest.requestExtensions = [new pkijs.Extension({
      extnID: OID.ocspNonce,
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER(),
    })];
  }
  return { der: new Uint8Array(request.toSchema(true).toBER()), nonce };
}

/** How the request travels. `auto`: GET when the URL stays under 255 bytes (RFC 5019 §5), else POST. */
export type OcspMethod = 'GET' | 'POST' | 'auto';

/**
 * Send an OCSP request to `url` by GET (base64 in the path, URL-encoded) or POST (`application/ocsp-request`).
 * @example
 * ```ts
 * const responseDer = await sendOcspRequest(fetcher, 'http://ocsp.edusign.test/ca-edu', der, 'GET');
 * ```
 */
export function sendOcspRequest(fetcher: Fetcher, url: string, der: Uint8Array, method: OcspMethod = 'auto'): Promise<Uint8Array> {
  const getUrl = `${url.replace(/\/+$/, '')}/${encodeURIComponent(Buffer.from(der).toString('base64'))}`;
  const useGet = method === 'GET' || (method === 'auto' && getUrl.length <= 255);
  if (useGet) return fetcher.fetch(getUrl, { method: 'GET', accept: 'application/ocsp-response' });
  return fetcher.fetch(url, { method: 'POST', body: der, contentType: 'application/ocsp-request', accept: 'application/ocsp-response' });
}
