/**
 * Assemble a detached CAdES SignedData `ContentInfo` (RFC 5652 §5) from signed attributes already
 * signed by a {@link Signer}: one SignerInfo (v1, IssuerAndSerialNumber), the chain embedded.
 * @module
 */
import { createHash } from 'node:crypto';
import type { SignatureAlgorithm } from '../../../crypto/types.js';
import { digestAlgorithmId, nodeHashName, signatureAlgorithmId } from './algorithms.js';
import { certificateId } from './certificate-id.js';
import { ctx, integer, octetString, oid, seq, setOf, tlv } from './der.js';
import { ecdsaP1363ToDer } from '../../../crypto/ecdsa-encoding.js';
import { attribute, CMS_OIDS } from './signed-attributes.js';

/** What {@link assembleSignedData} needs. */
export interface SignedDataParts {
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
  /** Further certificates to embed (intermediates; duplicates of the signer are dropped). */
  chain: readonly Uint8Array[];
  algorithm: SignatureAlgorithm;
  /** The DER SET of signed attributes exactly as signed (tag 0x31). */
  signedAttributes: Uint8Array;
  /** The signature value as the Signer returned it (ECDSA: P1363 `r || s`). */
  signatureValue: Uint8Array;
  /** Complete unsigned Attribute encodings (e.g. {@link signatureTimestampAttribute}). */
  unsignedAttributes?: readonly Uint8Array[];
}

/**
 * The signature value as it goes into SignerInfo.signature (ECDSA converted to DER).
 * This is also what a signature timestamp's message imprint covers.
 *
 * @example
 * ```ts
 * const imprint = createHash('sha256').update(cmsSignatureValue(alg, value)).digest();
 * ```
 */
export function cmsSignatureValue(algorithm: SignatureAlgorithm, signatureValue: Uint8Array): Uint8Array {
  return algorithm.name === 'ECDSA' ? ecdsaP1363ToDer(signatureValue) : signatureValue;
}

/**
 * The digest a signature timestamp must cover (hash of the SignerInfo signature value).
 *
 * @example
 * ```ts
 * const token = await tsa.timestamp(signatureTimestampImprint(alg, value), alg.hash);
 * ```
 */
export function signatureTimestampImprint(algorithm: SignatureAlgorithm, signatureValue: Uint8Array): Uint8Array {
  return createHash(nodeHashName(algorithm.hash)).update(cmsSignatureValue(algorithm, signatureValue)).digest();
}

/**
 * The unsigned attribute id-aa-signatureTimeStampToken carrying an RFC 3161 token (a DER ContentInfo).
 *
 * @example
 * ```ts
 * assembleSignedData({ ...parts, unsignedAttributes: [signatureTimestampAttribute(token)] })
 * ```
 */
export function signatureTimestampAttribute(timestampToken: Uint8Array): Uint8Array {
  return attribute(CMS_OIDS.signatureTimeStampToken, timestampToken);
}

/**
 * Build the DER ContentInfo of a detached SignedData.
 *
 * @example
 * ```ts
 * const signedAttributes = buildSignedAttributes(signer.certificate, digest, 'SHA-256');
 * const signatureValue = await signer.sign(signedAttributes);
 * const cms = assembleSignedData({ certificate: signer.certificate, chain: signer.chain,
 *   algorithm: signer.algorithm, signedAttributes, signatureValue });
 * ```
 */
export function assembleSignedData(parts: SignedDataParts): Uint8Array {
  const { issuer, serialNumber } = certificateId(parts.certificate);
  const signerCert = Buffer.from(parts.certificate);
  const seen = new Set<string>([signerCert.toString('base64')]);
  const certs = [parts.certificate];
  for (const c of parts.chain) {
    const key = Buffer.from(c).toString('base64');
    if (!seen.has(key)) { seen.add(key); certs.push(c); }
  }
  if (parts.signedAttributes[0] !== 0x31) throw new TypeError('signedAttributes must be a DER SET (0x31)');
  const signedAttrsImplicit = Buffer.concat([Uint8Array.of(0xa0), parts.signedAttributes.subarray(1)]);
  const unsigned = parts.unsignedAttributes && parts.unsignedAttributes.length > 0
    ? [Buffer.concat([Uint8Array.of(0xa1), setOf(...parts.unsignedAttributes).subarray(1)])] : [];
  const signerInfo = seq(
    integer(1),
    seq(issuer, serialNumber),
    digestAlgorithmId(parts.algorithm.hash),
    signedAttrsImplicit,
    signatureAlgorithmId(parts.algorithm),
    octetString(cmsSignatureValue(parts.algorithm, parts.signatureValue)),
    ...unsigned,
  );
  const signedData = seq(
    integer(1),
    setOf(digestAlgorithmId(parts.algorithm.hash)),
    seq(oid(CMS_OIDS.data)),
    Buffer.concat([Uint8Array.of(0xa0), setOf(...certs).subarray(1)]),
    setOf(signerInfo),
  );
  return seq(oid(CMS_OIDS.signedData), ctx(0, signedData));
}

/**
 * An upper bound of the DER size of {@link assembleSignedData} for these inputs, before signing: used to
 * size the PDF /Contents placeholder. `extraUnsignedBytes` reserves room for a timestamp token.
 *
 * @example
 * ```ts
 * const bytes = estimateSignedDataSize(signer.certificate, signer.chain, signer.algorithm, 0);
 * ```
 */
export function estimateSignedDataSize(certificate: Uint8Array, chain: readonly Uint8Array[], algorithm: SignatureAlgorithm, extraUnsignedBytes: number): number {
  const certs = [certificate, ...chain].reduce((a, c) => a + c.length + 4, 0);
  const issuer = certificateId(certificate).issuer.length;
  const sigBytes = algorithm.name === 'ECDSA' ? 140 : 1024; // RSA up to 8192-bit
  const signedAttrs = 32 + 64 + 64 + issuer + 64 + 16;
  return 200 + certs + issuer + signedAttrs + sigBytes + (extraUnsignedBytes > 0 ? extraUnsignedBytes + 32 : 0);
}
