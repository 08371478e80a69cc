/**
 * Names of signature and digest algorithms in the three worlds the formats live in:
 * CMS/X.509 AlgorithmIdentifier (OIDs, RSASSA-PSS-params), JWS `alg` (RFC 7518) and XMLDSig URIs
 * (RFC 6931 / XMLDSig 1.1).
 * @module
 */
import { EdusignError } from '../errors.js';
import { hashLength } from './digest.js';
import { concatBytes, decodeOidContent, derOid, derTlv, derUnsignedInteger, readDer } from './der.js';
import type { HashAlgorithm, NamedCurve, SignatureAlgorithm } from './types.js';

/** Object identifiers used by the crypto layer. */
export const OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  secp256r1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
} as const;

const HASHES: readonly HashAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512'];
const DER_NULL = Uint8Array.of(0x05, 0x00);

/** A CMS/X.509 AlgorithmIdentifier: the OID and the DER of its parameters (absent when `undefined`). */
export interface AlgorithmIdentifier {
  /** The algorithm OID (dotted decimal). */
  readonly oid: string;
  /** DER of the parameters, when present (NULL for RSA PKCS#1 v1.5, RSASSA-PSS-params for PSS). */
  readonly parameters?: Uint8Array;
}

function unsupported(detail: string): never {
  throw new EdusignError('UNSUPPORTED_ALGORITHM', { detail });
}

/**
 * The digest algorithm OID (CMS `digestAlgorithm`, CSC `hashAlgorithmOID`).
 *
 * @example
 * ```ts
 * digestAlgorithmOid('SHA-256'); // '2.16.840.1.101.3.4.2.1'
 * ```
 */
export function digestAlgorithmOid(hash: HashAlgorithm): string {
  switch (hash) {
    case 'SHA-256': return OIDS.sha256;
    case 'SHA-384': return OIDS.sha384;
    case 'SHA-512': return OIDS.sha512;
    default: return unsupported(`hash ${String(hash)}`);
  }
}

/**
 * The hash named by a digest OID; throws UNSUPPORTED_ALGORITHM for anything else (SHA-1, MD5…).
 *
 * @example
 * ```ts
 * hashFromOid('2.16.840.1.101.3.4.2.3'); // 'SHA-512'
 * ```
 */
export function hashFromOid(oid: string): HashAlgorithm {
  const found = HASHES.find((h) => digestAlgorithmOid(h) === oid);
  return found ?? unsupported(`digest OID ${oid}`);
}

/**
 * DER of an AlgorithmIdentifier for a hash, with NULL parameters (RFC 4055 §2.1 accepts NULL or absent).
 *
 * @example
 * ```ts
 * const algId = digestAlgorithmIdentifierDer('SHA-256');
 * ```
 */
export function digestAlgorithmIdentifierDer(hash: HashAlgorithm): Uint8Array {
  return derTlv(0x30, concatBytes(derOid(digestAlgorithmOid(hash)), DER_NULL));
}

/**
 * DER of `RSASSA-PSS-params` (RFC 4055) for a hash and salt length: MGF1 with the same hash, trailer field 1.
 *
 * @example
 * ```ts
 * const params = rsaPssParamsDer('SHA-256', 32);
 * ```
 */
export function rsaPssParamsDer(hash: HashAlgorithm, saltLength: number): Uint8Array {
  if (!Number.isSafeInteger(saltLength) || saltLength < 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `bad RSA-PSS salt length ${saltLength}` });
  }
  const hashAlg = digestAlgorithmIdentifierDer(hash);
  const mgf = derTlv(0x30, concatBytes(derOid(OIDS.mgf1), hashAlg));
  const salt = derUnsignedInteger(Uint8Array.of(...bigEndian(saltLength)));
  return derTlv(0x30, concatBytes(derTlv(0xa0, hashAlg), derTlv(0xa1, mgf), derTlv(0xa2, salt)));
}

function bigEndian(n: number): number[] {
  const out: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256);
  return out.length ? out : [0];
}

/**
 * The CMS/X.509 `signatureAlgorithm` for a {@link SignatureAlgorithm}: `sha256WithRSAEncryption` (NULL params),
 * `id-RSASSA-PSS` with `RSASSA-PSS-params`, `ecdsa-with-SHA256` (absent params)…
 *
 * @example
 * ```ts
 * signatureAlgorithmIdentifier({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' }).oid; // '1.2.840.10045.4.3.2'
 * ```
 */
export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): AlgorithmIdentifier {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': {
      const oid = { 'SHA-256': OIDS.sha256WithRSAEncryption, 'SHA-384': OIDS.sha384WithRSAEncryption,
        'SHA-512': OIDS.sha512WithRSAEncryption }[algorithm.hash];
      return oid ? { oid, parameters: DER_NULL } : unsupported(`hash ${String(algorithm.hash)}`);
    }
    case 'RSA-PSS':
      return { oid: OIDS.rsassaPss, parameters: rsaPssParamsDer(algorithm.hash, algorithm.saltLength) };
    case 'ECDSA': {
      const oid = { 'SHA-256': OIDS.ecdsaWithSHA256, 'SHA-384': OIDS.ecdsaWithSHA384,
        'SHA-512': OIDS.ecdsaWithSHA512 }[algorithm.hash];
      return oid ? { oid } : unsupported(`hash ${String(algorithm.hash)}`);
    }
    default:
      return unsupported(`signature algorithm ${String((algorithm as { name?: unknown }).name)}`);
  }
}

function parseHashAlgId(der: Uint8Array, start: number, end: number): HashAlgorithm {
  const seq = readDer(der, start, end);
  const oid = readDer(der, seq.contentStart, seq.end);
  if (seq.tag !== 0x30 || oid.tag !== 0x06) unsupported('RSASSA-PSS-params: bad hash AlgorithmIdentifier');
  if (oid.end !== seq.end) {
    const p = readDer(der, oid.end, seq.end);
    if (p.tag !== 0x05 || p.end !== p.contentStart || p.end !== seq.end) unsupported('RSASSA-PSS-params: hash parameters');
  }
  return hashFromOid(decodeOidContent(der.subarray(oid.contentStart, oid.end)));
}

/**
 * Parse `RSASSA-PSS-params`. Only what this SDK can produce and verify is accepted: SHA-2 hash, MGF1 with the
 * same hash, trailer field 1. Defaults (SHA-1) are rejected as UNSUPPORTED_ALGORITHM.
 *
 * @example
 * ```ts
 * parseRsaPssParams(rsaPssParamsDer('SHA-384', 48)); // { hash: 'SHA-384', saltLength: 48 }
 * ```
 */
export function parseRsaPssParams(der: Uint8Array): { hash: HashAlgorithm; saltLength: number } {
  const seq = readDer(der, 0);
  if (seq.tag !== 0x30 || seq.end !== der.length) unsupported('RSASSA-PSS-params: expected one SEQUENCE');
  let hash: HashAlgorithm | undefined;
  let mgfHash: HashAlgorithm | undefined;
  let saltLength = 20;
  let offset = seq.contentStart;
  while (offset < seq.end) {
    const field = readDer(der, offset, seq.end);
    if (field.tag === 0xa0) {
      hash = parseHashAlgId(der, field.contentStart, field.end);
    } else if (field.tag === 0xa1) {
      const mgf = readDer(der, field.contentStart, field.end);
      const mgfOid = readDer(der, mgf.contentStart, mgf.end);
      if (decodeOidContent(der.subarray(mgfOid.contentStart, mgfOid.end)) !== OIDS.mgf1) unsupported('PSS mask generation');
      mgfHash = parseHashAlgId(der, mgfOid.end, mgf.end);
    } else if (field.tag === 0xa2) {
      const int = readDer(der, field.contentStart, field.end);
      if (int.tag !== 0x02 || int.end - int.contentStart > 4) unsupported('RSASSA-PSS-params: saltLength');
      saltLength = der.subarray(int.contentStart, int.end).reduce((n, b) => n * 256 + b, 0);
    } else if (field.tag === 0xa3) {
      const int = readDer(der, field.contentStart, field.end);
      if (int.tag !== 0x02 || int.end - int.contentStart !== 1 || der[int.contentStart] !== 1) unsupported('PSS trailerField');
    } else {
      unsupported('RSASSA-PSS-params: unknown field');
    }
    offset = field.end;
  }
  if (!hash || !mgfHash) return unsupported('RSA-PSS with SHA-1 defaults');
  if (hash !== mgfHash) unsupported('RSA-PSS with different hash and MGF1 hash');
  return { hash, saltLength };
}

/**
 * The {@link SignatureAlgorithm} named by a CMS/X.509 signatureAlgorithm. ECDSA needs the curve of the
 * signer's key (`namedCurve`), which the OID does not carry. `rsaEncryption` is accepted with `hash`
 * (CMS allows it as signatureAlgorithm, the hash then comes from digestAlgorithm).
 *
 * @example
 * ```ts
 * signatureAlgorithmFromIdentifier({ oid: '1.2.840.113549.1.1.11' }); // RSASSA-PKCS1-v1_5 / SHA-256
 * ```
 */
export function signatureAlgorithmFromIdentifier(
  identifier: AlgorithmIdentifier,
  context: { namedCurve?: NamedCurve; hash?: HashAlgorithm } = {},
): SignatureAlgorithm {
  const { oid, parameters } = identifier;
  const rsa: Record<string, HashAlgorithm> = { [OIDS.sha256WithRSAEncryption]: 'SHA-256',
    [OIDS.sha384WithRSAEncryption]: 'SHA-384', [OIDS.sha512WithRSAEncryption]: 'SHA-512' };
  const ec: Record<string, HashAlgorithm> = { [OIDS.ecdsaWithSHA256]: 'SHA-256', [OIDS.ecdsaWithSHA384]: 'SHA-384',
    [OIDS.ecdsaWithSHA512]: 'SHA-512' };
  const rsaHash = rsa[oid];
  if (rsaHash) return { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash };
  if (oid === OIDS.rsaEncryption) {
    if (!context.hash) return unsupported('rsaEncryption without a digest algorithm');
    return { name: 'RSASSA-PKCS1-v1_5', hash: context.hash };
  }
  if (oid === OIDS.rsassaPss) {
    if (!parameters) return unsupported('id-RSASSA-PSS without parameters');
    return { name: 'RSA-PSS', ...parseRsaPssParams(parameters) };
  }
  const ecHash = ec[oid];
  if (ecHash) {
    if (!context.namedCurve) return unsupported('ECDSA signature algorithm without the key curve');
    return { name: 'ECDSA', hash: ecHash, namedCurve: context.namedCurve };
  }
  return unsupported(`signature algorithm OID ${oid}`);
}

/**
 * The JWS `alg` name (RFC 7518) for an algorithm. RSA-PSS must use a salt as long as the hash; ECDSA must pair
 * P-256 with SHA-256 and P-384 with SHA-384 (other pairs have no JWS name).
 *
 * @example
 * ```ts
 * jwsAlgorithmName({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }); // 'PS256'
 * ```
 */
export function jwsAlgorithmName(algorithm: SignatureAlgorithm): string {
  if (!HASHES.includes(algorithm.hash)) return unsupported(`hash ${String(algorithm.hash)}`);
  const bits = algorithm.hash.slice(4);
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': return `RS${bits}`;
    case 'RSA-PSS':
      if (algorithm.saltLength !== hashLength(algorithm.hash)) return unsupported('JWS PS* needs salt length = hash length');
      return `PS${bits}`;
    case 'ECDSA':
      if (algorithm.namedCurve === 'P-256' && algorithm.hash === 'SHA-256') return 'ES256';
      if (algorithm.namedCurve === 'P-384' && algorithm.hash === 'SHA-384') return 'ES384';
      return unsupported(`JWS has no name for ECDSA ${algorithm.namedCurve} with ${algorithm.hash}`);
    default:
      return unsupported('signature algorithm');
  }
}

/**
 * The {@link SignatureAlgorithm} for a JWS `alg`; `none`, HMAC and anything else are UNSUPPORTED_ALGORITHM.
 *
 * @example
 * ```ts
 * signatureAlgorithmFromJws('ES384'); // { name: 'ECDSA', hash: 'SHA-384', namedCurve: 'P-384' }
 * ```
 */
export function signatureAlgorithmFromJws(alg: string): SignatureAlgorithm {
  const match = /^(RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!match) return unsupported(`JWS alg ${alg}`);
  const hash = `SHA-${match[2]}` as HashAlgorithm;
  if (match[1] === 'RS') return { name: 'RSASSA-PKCS1-v1_5', hash };
  if (match[1] === 'PS') return { name: 'RSA-PSS', hash, saltLength: hashLength(hash) };
  if (alg === 'ES256') return { name: 'ECDSA', hash, namedCurve: 'P-256' };
  if (alg === 'ES384') return { name: 'ECDSA', hash, namedCurve: 'P-384' };
  return unsupported(`JWS alg ${alg}`);
}

const XMLDSIG_DIGEST: Record<HashAlgorithm, string> = {
  'SHA-256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'SHA-384': 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'SHA-512': 'http://www.w3.org/2001/04/xmlenc#sha512',
};

/**
 * The XMLDSig DigestMethod URI for a hash.
 *
 * @example
 * ```ts
 * xmldsigDigestMethod('SHA-256'); // 'http://www.w3.org/2001/04/xmlenc#sha256'
 * ```
 */
export function xmldsigDigestMethod(hash: HashAlgorithm): string {
  return HASHES.includes(hash) ? XMLDSIG_DIGEST[hash] : unsupported(`hash ${String(hash)}`);
}

/**
 * The hash for an XMLDSig DigestMethod URI (SHA-1 and others are UNSUPPORTED_ALGORITHM).
 *
 * @example
 * ```ts
 * hashFromXmldsigDigestMethod('http://www.w3.org/2001/04/xmlenc#sha512'); // 'SHA-512'
 * ```
 */
export function hashFromXmldsigDigestMethod(uri: string): HashAlgorithm {
  const found = HASHES.find((h) => XMLDSIG_DIGEST[h] === uri);
  return found ?? unsupported(`XML digest method ${uri}`);
}

/**
 * The XMLDSig SignatureMethod URI: `…xmldsig-more#rsa-sha256`, `…xmldsig-more#ecdsa-sha256`, and for RSA-PSS
 * RFC 6931's `http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1` (salt length = hash length only). SHA-1 and
 * any other hash are UNSUPPORTED_ALGORITHM (never `…#rsa-sha1`).
 *
 * @example
 * ```ts
 * xmldsigSignatureMethod({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }); // '…#rsa-sha256'
 * ```
 */
export function xmldsigSignatureMethod(algorithm: SignatureAlgorithm): string {
  if (!HASHES.includes(algorithm.hash)) return unsupported(`hash ${String(algorithm.hash)}`);
  const bits = algorithm.hash.slice(4);
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5': return `http://www.w3.org/2001/04/xmldsig-more#rsa-sha${bits}`;
    case 'ECDSA': return `http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha${bits}`;
    case 'RSA-PSS':
      if (algorithm.saltLength !== hashLength(algorithm.hash)) return unsupported('XMLDSig RSA-PSS URI needs salt = hash length');
      return `http://www.w3.org/2007/05/xmldsig-more#sha${bits}-rsa-MGF1`;
    default: return unsupported('signature algorithm');
  }
}

/**
 * The {@link SignatureAlgorithm} for an XMLDSig SignatureMethod URI; ECDSA needs the key's curve.
 *
 * @example
 * ```ts
 * signatureAlgorithmFromXmldsig('http://www.w3.org/2001/04/xmldsig-more#rsa-sha512');
 * ```
 */
export function signatureAlgorithmFromXmldsig(uri: string, context: { namedCurve?: NamedCurve } = {}): SignatureAlgorithm {
  let m = /^http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#(rsa|ecdsa)-sha(256|384|512)$/.exec(uri);
  if (m) {
    const hash = `SHA-${m[2]}` as HashAlgorithm;
    if (m[1] === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash };
    if (!context.namedCurve) return unsupported('ECDSA SignatureMethod without the key curve');
    return { name: 'ECDSA', hash, namedCurve: context.namedCurve };
  }
  m = /^http:\/\/www\.w3\.org\/2007\/05\/xmldsig-more#sha(256|384|512)-rsa-MGF1$/.exec(uri);
  if (m) {
    const hash = `SHA-${m[1]}` as HashAlgorithm;
    return { name: 'RSA-PSS', hash, saltLength: hashLength(hash) };
  }
  return unsupported(`XML signature method ${uri}`);
}

/**
 * Whether two algorithm descriptions mean the same thing.
 *
 * @example
 * ```ts
 * sameSignatureAlgorithm(signer.algorithm, signatureAlgorithmFromJws('ES256'));
 * ```
 */
export function sameSignatureAlgorithm(a: SignatureAlgorithm, b: SignatureAlgorithm): boolean {
  if (a.name !== b.name || a.hash !== b.hash) return false;
  if (a.name === 'RSA-PSS' && b.name === 'RSA-PSS') return a.saltLength === b.saltLength;
  if (a.name === 'ECDSA' && b.name === 'ECDSA') return a.namedCurve === b.namedCurve;
  return true;
}
