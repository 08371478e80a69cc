/**
 * External (two-phase) signing: the SDK computes the digests to be signed, the caller gets them signed somewhere
 * else (a USB token in the teacher's browser, a remote service, another process) and hands the signature values
 * back later. Everything that crosses the gap is JSON. Formats build their `prepare()` / `complete()` on these
 * blocks; every value handed back is verified against the certificate before it can be embedded.
 * @module
 */
import { EdusignError } from '../errors.js';
import { digestAlgorithmOid } from './algorithms.js';
import { readCertificate, readCertificates, type CertificateInput } from './certificate-input.js';
import { assertDigestLengths, digest, hashLength } from './digest.js';
import { assertAlgorithmFitsKey, defaultSignatureAlgorithm, type DefaultAlgorithmOptions } from './key-algorithm.js';
import { normaliseSignatureValue } from './signature-value.js';
import type { HashAlgorithm, SignatureAlgorithm, Signer } from './types.js';
import { assertSignatureValues } from './verify-signature.js';

/** A request for N signatures, as JSON: what the external party must sign and with what. */
export interface ExternalSigningRequest {
  /** Format version of the request. */
  readonly version: 1;
  /** The signature algorithm (ECDSA values are expected in P1363 or DER; P1363 is returned). */
  readonly algorithm: SignatureAlgorithm;
  /** OID of `algorithm.hash` (what CSC-style services call `hashAlgorithmOID`). */
  readonly hashAlgorithmOid: string;
  /** Base64 DER of the signer's certificate: values are checked against its key. */
  readonly certificate: string;
  /** Base64 digests to sign, in order. */
  readonly digests: readonly string[];
  /** ISO time the request was made. */
  readonly createdAt: string;
  /** ISO time after which {@link completeExternalSigning} refuses it (optional). */
  readonly expiresAt?: string;
}

/** Options for {@link createExternalSigningRequest}. */
export interface CreateExternalRequestOptions extends DefaultAlgorithmOptions {
  /** The signer's certificate (DER bytes, PEM text or PEM bytes). */
  certificate: CertificateInput;
  /** The digests to sign (the `digest` of each prepared signature), in order. */
  digests: readonly Uint8Array[];
  /** The signature algorithm (default: derived from the certificate's key). */
  algorithm?: SignatureAlgorithm;
  /** Lifetime in milliseconds (default: no expiry). */
  ttlMs?: number;
  /** Clock (tests). */
  now?: Date;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Build the JSON request for an external signer.
 *
 * @example
 * ```ts
 * const request = createExternalSigningRequest({ certificate: certDer, digests: [digestValue], ttlMs: 10 * 60_000 });
 * res.json({ request }); // the browser/token signs request.digests
 * ```
 */
export function createExternalSigningRequest(options: CreateExternalRequestOptions): ExternalSigningRequest {
  const { der, x509 } = readCertificate(options.certificate);
  const algorithm = options.algorithm ?? defaultSignatureAlgorithm(x509.publicKey, options);
  assertAlgorithmFitsKey(algorithm, x509.publicKey);
  if (!Array.isArray(options.digests) || options.digests.length === 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'at least one digest is needed' });
  }
  assertDigestLengths(algorithm.hash, options.digests);
  const now = options.now ?? new Date();
  return {
    version: 1,
    algorithm: { ...algorithm },
    hashAlgorithmOid: digestAlgorithmOid(algorithm.hash),
    certificate: b64(der),
    digests: options.digests.map(b64),
    createdAt: now.toISOString(),
    ...(options.ttlMs === undefined ? {} : { expiresAt: new Date(now.getTime() + options.ttlMs).toISOString() }),
  };
}

function invalid(detail: string): never {
  throw new EdusignError('TWO_PHASE_STATE_INVALID', { detail, detailVi: detail });
}

function parseAlgorithm(value: unknown): SignatureAlgorithm {
  const a = value as Record<string, unknown> | null;
  if (!a || typeof a !== 'object') return invalid('algorithm missing');
  const hash = a.hash as HashAlgorithm;
  if (hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512') return invalid('algorithm.hash');
  if (a.name === 'RSASSA-PKCS1-v1_5') return { name: a.name, hash };
  if (a.name === 'RSA-PSS' && Number.isSafeInteger(a.saltLength) && (a.saltLength as number) >= 0) {
    return { name: a.name, hash, saltLength: a.saltLength as number };
  }
  if (a.name === 'ECDSA' && (a.namedCurve === 'P-256' || a.namedCurve === 'P-384')) return { name: a.name, hash, namedCurve: a.namedCurve };
  return invalid('algorithm');
}

/**
 * Check that a JSON value (e.g. from a database or a request body) is an {@link ExternalSigningRequest}.
 * Throws TWO_PHASE_STATE_INVALID otherwise. Note: this checks shape, not origin — seal state that travels
 * through a client (see `sealTwoPhaseState`).
 *
 * @example
 * ```ts
 * const request = parseExternalSigningRequest(JSON.parse(row.state));
 * ```
 */
export function parseExternalSigningRequest(value: unknown): ExternalSigningRequest {
  const r = value as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || r.version !== 1) return invalid('not an external signing request (version 1)');
  const algorithm = parseAlgorithm(r.algorithm);
  if (typeof r.certificate !== 'string') return invalid('certificate');
  const { x509 } = (() => {
    try {
      return readCertificate(new Uint8Array(Buffer.from(r.certificate as string, 'base64')));
    } catch {
      return invalid('certificate is not a readable X.509 certificate');
    }
  })();
  try {
    assertAlgorithmFitsKey(algorithm, x509.publicKey);
  } catch {
    invalid('algorithm does not fit the certificate key');
  }
  const digests = r.digests;
  if (!Array.isArray(digests) || digests.length === 0 || digests.some((d) => typeof d !== 'string' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(d) || Buffer.from(d, 'base64').length !== hashLength(algorithm.hash))) {
    return invalid('digests');
  }
  if (typeof r.createdAt !== 'string' || Number.isNaN(Date.parse(r.createdAt))) return invalid('createdAt');
  if (r.expiresAt !== undefined && (typeof r.expiresAt !== 'string' || Number.isNaN(Date.parse(r.expiresAt)))) return invalid('expiresAt');
  return {
    version: 1, algorithm, hashAlgorithmOid: digestAlgorithmOid(algorithm.hash), certificate: r.certificate,
    digests: [...digests] as string[], createdAt: r.createdAt,
    ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt as string }),
  };
}

/**
 * Take the signature values back: checks the request (shape, expiry), normalises each value (base64 text or
 * bytes; ECDSA DER → P1363) and verifies it against the certificate and its digest. Returns the values in
 * request order. Expired/invalid request → TWO_PHASE_STATE_INVALID; a value that does not verify → SIGNER_FAILED.
 *
 * @example
 * ```ts
 * const [signatureValue] = completeExternalSigning(request, [req.body.signature]);
 * ```
 */
export function completeExternalSigning(
  request: ExternalSigningRequest,
  signatureValues: readonly (Uint8Array | string)[],
  options: { now?: Date } = {},
): Uint8Array[] {
  const r = parseExternalSigningRequest(request);
  if (r.expiresAt && (options.now ?? new Date()).getTime() > Date.parse(r.expiresAt)) {
    invalid(`the request expired at ${r.expiresAt}`);
  }
  if (!Array.isArray(signatureValues) || signatureValues.length !== r.digests.length) {
    throw new EdusignError('SIGNER_FAILED', { detail: `expected ${r.digests.length} signature values` });
  }
  const cert = new Uint8Array(Buffer.from(r.certificate, 'base64'));
  const digests = r.digests.map((d) => new Uint8Array(Buffer.from(d, 'base64')));
  const values = signatureValues.map((v) => normaliseSignatureValue(v, r.algorithm));
  assertSignatureValues(cert, r.algorithm, digests, values, 'the external signer');
  return values;
}

/** Options for {@link externalSigner}. */
export interface ExternalSignerOptions extends DefaultAlgorithmOptions {
  /** The signer's certificate (DER bytes, PEM text or PEM bytes). */
  certificate: CertificateInput;
  /** Further certificates (intermediates…), as an array or one PEM text. */
  chain?: readonly CertificateInput[] | string;
  /** The signature algorithm (default: derived from the certificate's key). */
  algorithm?: SignatureAlgorithm;
  /** Get the request signed, by any means; return one value per digest (bytes or base64; ECDSA P1363 or DER). */
  signRequest(request: ExternalSigningRequest): Promise<readonly (Uint8Array | string)[]>;
}

/**
 * A {@link Signer} whose signatures are made by a callback (a browser extension, a desktop helper, a queue…).
 * Every value the callback returns is verified before it is returned (SIGNER_FAILED otherwise).
 *
 * @example
 * ```ts
 * const signer = externalSigner({ certificate: certDer, signRequest: (req) => askTheTokenHelper(req) });
 * ```
 */
export function externalSigner(options: ExternalSignerOptions): Signer {
  const { der, x509 } = readCertificate(options.certificate);
  const algorithm = options.algorithm ?? defaultSignatureAlgorithm(x509.publicKey, options);
  assertAlgorithmFitsKey(algorithm, x509.publicKey);
  const chain = readCertificates(options.chain);
  const signDigests = async (digests: readonly Uint8Array[]): Promise<Uint8Array[]> => {
    const request = createExternalSigningRequest({ certificate: der, digests, algorithm });
    let values: readonly (Uint8Array | string)[];
    try {
      values = await options.signRequest(request);
    } catch (cause) {
      if (cause instanceof EdusignError) throw cause;
      throw new EdusignError('SIGNER_FAILED', { detail: (cause as Error)?.message ?? String(cause), cause });
    }
    return completeExternalSigning(request, values);
  };
  return Object.freeze({
    certificate: der,
    chain: Object.freeze(chain),
    algorithm: Object.freeze({ ...algorithm }),
    async sign(toBeSigned: Uint8Array): Promise<Uint8Array> {
      const [value] = await signDigests([digest(algorithm.hash, toBeSigned)]);
      return value as Uint8Array;
    },
    signDigests,
  });
}
