/**
 * Identification of the signing certificate: `x5c[0]`, bound to the signature by `x5t#S256` (or `x5t#o`).
 * @module
 */
import { createHash, type KeyObject } from 'node:crypto';
import { describeKey } from '../../../crypto/key-algorithm.js';
import type { SignatureAlgorithm } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import type { PkiCacheLike } from '../../../pki/types.js';
import type { JwsSigningKeys } from '../options.js';
import { decodeB64Standard, decodeB64url } from '../lib/base64url.js';
import { finding } from '../lib/findings.js';
import { isJsonObject, type JsonObject } from '../lib/jws-document.js';
import { signingKeyFor } from './signing-key-memo.js';

/** Result of {@link signingCertificate}. */
export interface SigningCertificate {
  /** x5c certificates (DER), signer first; empty when absent. */
  certificates: Uint8Array[];
  certificate?: Uint8Array;
  publicKey?: KeyObject;
  /** Whether a certificate digest (`x5t#S256`, `x5t#o`) binds the certificate. */
  bound: boolean;
  findings: Finding[];
  /** A digest is present and does not match: the header was tampered with or swapped. */
  mismatch: boolean;
  /** Names of the signing certificate, for the report. */
  info?: { subject: string; issuer: string; serialNumber: string; commonName?: string; personalId?: string };
}

const HASHES: Record<string, string> = { S256: 'sha256', S384: 'sha384', S512: 'sha512' };

/**
 * Read `x5c` and check `x5t#S256` / `x5t#o` against its first certificate (never throws). The key and names
 * come from the caller's memo (`signingKeys`, `cache`) when the certificate is there.
 *
 * @example
 * ```ts
 * const sc = signingCertificate(header, { signingKeys, cache });
 * sc.certificate; // DER of x5c[0]
 * ```
 */
export function signingCertificate(header: JsonObject, memo: { signingKeys?: JwsSigningKeys; cache?: PkiCacheLike } = {}): SigningCertificate {
  const findings: Finding[] = [];
  const x5c = header.x5c;
  const certificates: Uint8Array[] = [];
  if (Array.isArray(x5c)) {
    for (const c of x5c) {
      const der = typeof c === 'string' ? decodeB64Standard(c) : undefined;
      if (!der) {
        findings.push(finding('JADES_X5C_MALFORMED', 'An x5c element is not base64 DER', 'Một phần tử x5c không phải DER base64', 'error'));
        return { certificates: [], bound: false, findings, mismatch: true };
      }
      certificates.push(der);
    }
  } else if (x5c !== undefined) {
    findings.push(finding('JADES_X5C_MALFORMED', 'x5c is not an array', 'x5c không phải mảng', 'error'));
    return { certificates: [], bound: false, findings, mismatch: true };
  }
  const certificate = certificates[0];
  if (!certificate) {
    findings.push(finding('JADES_NO_SIGNING_CERTIFICATE', 'No signing certificate (x5c) in the protected header', 'Tiêu đề được bảo vệ không có chứng thư ký (x5c)', 'error'));
    return { certificates, bound: false, findings, mismatch: false };
  }
  let bound = false;
  let mismatch = false;
  const sha256 = createHash('sha256').update(certificate).digest('base64url');
  const s256 = header['x5t#S256'];
  if (s256 !== undefined) {
    bound = true;
    if (typeof s256 !== 'string' || s256 !== sha256) mismatch = true;
  }
  const other = header['x5t#o'];
  if (other !== undefined) {
    bound = true;
    const alg = isJsonObject(other) && typeof other.digAlg === 'string' ? HASHES[other.digAlg] : undefined;
    const val = isJsonObject(other) && typeof other.digVal === 'string' ? decodeB64url(other.digVal) : undefined;
    if (!alg || !val || !createHash(alg).update(certificate).digest().equals(Buffer.from(val))) mismatch = true;
  }
  if (mismatch) {
    findings.push(finding('JADES_CERT_DIGEST_MISMATCH', 'x5t#S256 / x5t#o does not match the certificate in x5c', 'x5t#S256 / x5t#o không khớp với chứng thư trong x5c', 'error'));
  }
  try {
    const key = signingKeyFor(certificate, sha256, memo);
    return { certificates, certificate, publicKey: key.publicKey, bound, findings, mismatch, info: { ...key.names } };
  } catch {
    findings.push(finding('JADES_CERT_MALFORMED', 'The signing certificate cannot be read', 'Không đọc được chứng thư ký', 'error'));
    return { certificates, certificate, bound, findings, mismatch };
  }
}

/**
 * Whether `algorithm` can be used with the key (RSxxx and PSxxx need RSA, ES256 P-256, ES384 P-384).
 *
 * @example
 * ```ts
 * algorithmFitsKey({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }, rsaKey); // false
 * ```
 */
export function algorithmFitsKey(algorithm: SignatureAlgorithm, key: KeyObject): boolean {
  const d = describeKey(key);
  if (algorithm.name === 'ECDSA') return d.type === 'EC' && d.namedCurve === algorithm.namedCurve;
  if (algorithm.name === 'RSA-PSS') return d.type === 'RSA' || d.type === 'RSA-PSS';
  return d.type === 'RSA';
}
