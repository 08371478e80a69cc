/**
 * The ESS signing-certificate attributes (RFC 5035 signingCertificateV2, RFC 2634 signingCertificate): they bind
 * the signer's certificate into the signed attributes so that it cannot be substituted (CAdES, ETSI EN 319 122-1
 * §5.2.2).
 * @module
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Finding } from '../../../pki/indication.js';
import { DIGEST_OIDS, OID, nodeHashName } from './algorithms.js';
import { bytesEqual } from './bytes.js';
import type { CandidateCertificate } from './find-signer-certificate.js';
import { finding } from './finding.js';

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
  issuer?: pkijs.RelativeDistinguishedNames;
}

function parseIssuerSerial(block: asn1js.AsnType | undefined): Pick<EssCertId, 'serial' | 'issuer'> {
  if (!(block instanceof asn1js.Sequence)) return {};
  const [names, serial] = block.valueBlock.value;
  const out: Pick<EssCertId, 'serial' | 'issuer'> = {};
  if (serial instanceof asn1js.Integer) out.serial = new Uint8Array(serial.valueBlock.valueHexView);
  if (names instanceof asn1js.Sequence) {
    const dn = names.valueBlock.value.find((g) => g instanceof asn1js.Constructed && g.idBlock.tagClass === 3 && g.idBlock.tagNumber === 4);
    const name = dn instanceof asn1js.Constructed ? dn.valueBlock.value[0] : undefined;
    if (name) {
      try {
        out.issuer = new pkijs.RelativeDistinguishedNames({ schema: name });
      } catch {
        // unparsable issuer: compared by serial only
      }
    }
  }
  return out;
}

function parseFirstCertId(value: unknown, version: 1 | 2): EssCertId | undefined {
  if (!(value instanceof asn1js.Sequence)) return undefined;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return undefined;
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return undefined;
  const parts = [...first.valueBlock.value];
  let hash = version === 2 ? 'SHA-256' : 'SHA-1';
  if (version === 2 && parts[0] instanceof asn1js.Sequence) {
    const alg = parts.shift() as asn1js.Sequence;
    const oid = alg.valueBlock.value[0];
    const name = oid instanceof asn1js.ObjectIdentifier ? DIGEST_OIDS[oid.valueBlock.toString()] : undefined;
    if (!name) return undefined;
    hash = name;
  }
  const certHash = parts[0];
  if (!(certHash instanceof asn1js.OctetString)) return undefined;
  return { hash, certHash: new Uint8Array(certHash.getValue()), ...parseIssuerSerial(parts[1]) };
}

/**
 * Check that the signed attributes bind `certificate` through signingCertificateV2 (or the legacy v1 attribute).
 *
 * @example
 * ```ts
 * const binding = checkSigningCertificate(signerInfo, signerCert);
 * if (binding.status !== 'bound') console.log(binding.findings);
 * ```
 */
export function checkSigningCertificate(
  signerInfo: pkijs.SignerInfo,
  certificate: CandidateCertificate,
): SigningCertificateBinding {
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attrs.find((a) => a.type === OID.signingCertificateV2);
  const v1 = attrs.find((a) => a.type === OID.signingCertificate);
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
  const id = parseFirstCertId(attr.values[0], version);
  if (!id) {
    return {
      status: 'mismatch', version,
      findings: [finding('SIGNING_CERTIFICATE_ATTRIBUTE_MALFORMED', 'The signingCertificate attribute is malformed',
        'Thuộc tính signingCertificate không đúng định dạng')],
    };
  }
  const digest = new Uint8Array(createHash(nodeHashName(id.hash as 'SHA-256')).update(certificate.der).digest());
  const serialOk = id.serial === undefined ||
    bytesEqual(id.serial, new Uint8Array(certificate.parsed.serialNumber.valueBlock.valueHexView));
  const issuerOk = id.issuer === undefined || certificate.parsed.issuer.isEqual(id.issuer);
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
