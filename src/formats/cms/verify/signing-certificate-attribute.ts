/**
 * The ESS signing-certificate attributes (RFC 5035 signingCertificateV2, RFC 2634 signingCertificate): they bind
 * the signer's certificate into the signed attributes so that it cannot be substituted (CAdES, ETSI EN 319 122-1
 * §5.2.2).
 * @module
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../../pki/indication.js';
import { DIGEST_OIDS, OID, nodeHashName } from './algorithms.js';
import { berBytes, berChildren, berOctets, berOid, isTag, TAG, type BerNode } from './ber.js';
import { bytesEqual } from './bytes.js';
import { namesEqual, type CandidateCertificate } from './find-signer-certificate.js';
import { finding } from './finding.js';
import type { ParsedAttribute } from './parse-signed-data.js';

/** Outcome of the signing-certificate binding check. */
export interface SigningCertificateBinding {
  /** `bound`: the attribute names this certificate; `absent`: no attribute; `mismatch`: it names another one. */
  status: 'bound' | 'absent' | 'mismatch';
  /** 2 for signingCertificateV2, 1 for the legacy SHA-1 signingCertificate. */
  version?: 1 | 2;
  findings: Finding[];
}

interface EssCertId {
  hash: string;
  certHash: Uint8Array;
  serial?: Uint8Array;
  issuer?: Uint8Array;
}

function parseIssuerSerial(bytes: Uint8Array, node: BerNode | undefined): Pick<EssCertId, 'serial' | 'issuer'> {
  if (!isTag(node, TAG.SEQUENCE)) return {};
  const [names, serial] = berChildren(bytes, node);
  const out: Pick<EssCertId, 'serial' | 'issuer'> = {};
  if (isTag(serial, TAG.INTEGER)) out.serial = bytes.subarray(serial.contentStart, serial.contentEnd);
  if (isTag(names, TAG.SEQUENCE)) {
    const dn = berChildren(bytes, names).find((g) => g.cls === 2 && g.tagNumber === 4 && g.constructed);
    const [name] = dn ? berChildren(bytes, dn) : [];
    if (name) out.issuer = berBytes(bytes, name);
  }
  return out;
}

function parseFirstCertId(bytes: Uint8Array, value: BerNode | undefined, version: 1 | 2): EssCertId | undefined {
  try {
    if (!isTag(value, TAG.SEQUENCE)) return undefined;
    const [certs] = berChildren(bytes, value);
    const [first] = isTag(certs, TAG.SEQUENCE) ? berChildren(bytes, certs) : [];
    if (!isTag(first, TAG.SEQUENCE)) return undefined;
    const parts = berChildren(bytes, first);
    let hash = version === 2 ? 'SHA-256' : 'SHA-1';
    if (version === 2 && isTag(parts[0], TAG.SEQUENCE)) {
      const alg = parts.shift()!;
      const name = DIGEST_OIDS[berOid(bytes, berChildren(bytes, alg)[0]) ?? ''];
      if (!name) return undefined;
      hash = name;
    }
    if (!isTag(parts[0], TAG.OCTET_STRING)) return undefined;
    return { hash, certHash: berOctets(bytes, parts[0]), ...parseIssuerSerial(bytes, parts[1]) };
  } catch {
    return undefined;
  }
}

/**
 * Check that the signed attributes bind `certificate` through signingCertificateV2 (or the legacy v1 attribute).
 *
 * @example
 * ```ts
 * const binding = checkSigningCertificate(parsed.bytes, signerInfo.signedAttrs, signerCert);
 * if (binding.status !== 'bound') console.log(binding.findings);
 * ```
 */
export function checkSigningCertificate(bytes: Uint8Array, signedAttrs: readonly ParsedAttribute[], certificate: CandidateCertificate): SigningCertificateBinding {
  const v2 = signedAttrs.find((a) => a.type === OID.signingCertificateV2);
  const v1 = signedAttrs.find((a) => a.type === OID.signingCertificate);
  const attr = v2 ?? v1;
  const version: 1 | 2 = v2 ? 2 : 1;
  if (!attr) {
    return {
      status: 'absent',
      findings: [finding('SIGNING_CERTIFICATE_ATTRIBUTE_MISSING',
        'The signed attributes do not bind the signing certificate (no signingCertificateV2)',
        'Thuộc tính ký không gắn chứng thư số của người ký (thiếu signingCertificateV2)')],
    };
  }
  const id = parseFirstCertId(bytes, attr.values[0], version);
  if (!id) {
    return {
      status: 'mismatch', version,
      findings: [finding('SIGNING_CERTIFICATE_ATTRIBUTE_MALFORMED', 'The signingCertificate attribute is malformed',
        'Thuộc tính signingCertificate không đúng định dạng')],
    };
  }
  const digest = new Uint8Array(createHash(nodeHashName(id.hash as 'SHA-256')).update(certificate.der).digest());
  const serialOk = id.serial === undefined || bytesEqual(id.serial, certificate.serial);
  const issuerOk = id.issuer === undefined || namesEqual(id.issuer, certificate.issuer);
  if (!bytesEqual(digest, id.certHash) || !serialOk || !issuerOk) {
    return {
      status: 'mismatch', version,
      findings: [finding('SIGNING_CERTIFICATE_MISMATCH',
        'The signingCertificate attribute names a different certificate than the one that signed',
        'Thuộc tính signingCertificate chỉ tới chứng thư số khác với chứng thư đã ký')],
    };
  }
  const findings = version === 1
    ? [finding('SIGNING_CERTIFICATE_V1', 'Legacy signingCertificate (SHA-1) used instead of signingCertificateV2',
      'Dùng thuộc tính signingCertificate cũ (SHA-1) thay vì signingCertificateV2')]
    : [];
  return { status: 'bound', version, findings };
}
