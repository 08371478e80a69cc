/**
 * Options and results of JAdES signing and verification (ETSI TS 119 182-1), with the same option names as
 * PAdES (`level`, `timestampAuthority`, `signingTime`, `check`, `validation`, `validationData`, `role`).
 * @module
 */
import type { KeyObject } from 'node:crypto';
import type { Signer, SignatureAlgorithm } from '../../crypto/types.js';
import type { JsonValue } from '../../encode/json/parse-strict.js';
import type { Finding } from '../../pki/indication.js';
import type { SignerCheckOptions } from '../signer-check.js';
import type {
  CertificateValidationOptions, Fetcher, PkiCacheLike, RevocationPolicy, TimestampAuthority, TrustStoreLike, ValidationData,
} from '../../pki/types.js';
import type { BaselineLevel, SignatureReport, VerificationReport } from '../report.js';

/** JWS serializations (RFC 7515 §7). */
export type JwsSerialization = 'general' | 'flattened' | 'compact';

/** Signer commitment (srCms), ETSI TS 119 182-1 §5.2.3: a known type or a URI. */
export type JwsCommitment =
  | 'proofOfOrigin' | 'proofOfReceipt' | 'proofOfDelivery' | 'proofOfSender' | 'proofOfApproval' | 'proofOfCreation'
  | { uri: string };

/**
 * Detached payload (ETSI `sigD`, mechanism `http://uri.etsi.org/19182/ObjectIdByURIHash`): the JWS carries
 * no payload, the protected header carries the URI and digest of the signed object.
 */
export interface JwsDetachedOptions {
  /** URI naming the signed object (default `urn:edusign:payload`). */
  uri?: string;
  /**
   * RFC 7797 `b64: false`: the digest in `sigD` is over the raw payload bytes (and `b64` is listed in `crit`).
   * Default true (digest over the base64url form, as TS 119 182-1 §5.2.8.3.3 says for `b64` absent).
   */
  b64?: boolean;
}

/** Options common to every JAdES signing path. */
export interface JwsSignOptionsBase {
  /** ETSI baseline level to reach (default `B-B`). B-T and above need `timestampAuthority`. */
  level?: BaselineLevel;
  timestampAuthority?: TimestampAuthority;
  /** Claimed signing time, written to `sigT` (default now; whole seconds). */
  signingTime?: Date;
  /** Claimed role (srAts `claimed`), e.g. "Hiệu trưởng" (hiệu trưởng = principal). */
  role?: string;
  /** Signer commitment (srCms). */
  commitment?: JwsCommitment;
  /** `general` (default), `flattened` or `compact` (compact: one signer, B-B only, no unprotected header). */
  serialization?: JwsSerialization;
  /** Detach the payload (`sigD`); see {@link JwsDetachedOptions}. */
  detached?: boolean | JwsDetachedOptions;
  /** Put the signer's further certificates in `x5c` after the signing certificate (default true). */
  includeChain?: boolean;
  /** NFC-normalise strings before canonicalisation (default true; house rule for school records). */
  normalizeNfc?: boolean;
  /** Hash of timestamp message imprints (default SHA-256). */
  timestampHash?: 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** Check-before-signing. */
  check?: SignerCheckOptions;
  /** Validation options used to gather B-LT data (trust store, fetcher, cache, offline). */
  validation?: Partial<CertificateValidationOptions>;
  /** Validation data to embed as is for B-LT (certificates, CRLs, OCSP responses). */
  validationData?: Partial<ValidationData>;
  /**
   * The detached payload of the JWS given as input, when adding a signature to a detached (`sigD`) JWS: it must
   * match the existing `sigD` digest, and the new signature gets its own `sigD` over it.
   */
  payload?: Uint8Array;
}

/** Options of {@link signJws} and friends. */
export type JwsSignOptions = JwsSignOptionsBase;

/** Options of the two-phase {@link prepareJwsSignature}: the certificate instead of a signer. */
export interface JwsPrepareOptions extends JwsSignOptionsBase {
  /** DER of the signing certificate. */
  certificate: Uint8Array;
  /** DER of further certificates (intermediates). */
  chain?: readonly Uint8Array[];
  /** The algorithm the external signer will use. */
  algorithm: SignatureAlgorithm;
}

/** Result of signing or extending: the JWS text and coded warnings. */
export interface JwsSignResult {
  /** JSON text (general/flattened) or the compact string. */
  jws: string;
  /** The serialization of `jws`. */
  serialization: JwsSerialization;
  /** Index of the new (or extended) signature in `signatures` (0 for flattened/compact). */
  signatureIndex: number;
  warnings: Finding[];
}

/** JSON-serialisable state between {@link prepareJwsSignature} and {@link completeJwsSignature}. */
export interface JwsSignatureState {
  v: 1;
  format: 'JAdES';
  /** base64url of the protected header. */
  protected: string;
  /** The payload as it goes in the JWS (`payload` member), or '' when detached. */
  payload: string;
  /** Whether the payload member is absent (detached). */
  detached: boolean;
  /** The existing JWS (general JSON text) this signature is added to, if any. */
  existing?: string;
  /** base64url of the signing input (checked against the returned value). */
  signingInput: string;
  /** base64 of the digest to sign. */
  digest: string;
  /** base64 DER of the signing certificate. */
  certificate: string;
  /** JWS `alg`. */
  alg: string;
  serialization: JwsSerialization;
  /** Level still to reach after completion (needs `timestampAuthority` in the completion options). */
  level: BaselineLevel;
  warnings: Finding[];
}

/** Result of {@link prepareJwsSignature}. */
export interface JwsPrepared {
  /** Digest of the signing input with the algorithm's hash: sign this with `Signer.signDigests`. */
  digest: Uint8Array;
  /** The JWS Signing Input (for signers that hash themselves). */
  signingInput: Uint8Array;
  state: JwsSignatureState;
}

/** A signer for {@link signJws}. */
export type JwsSigner = Signer;

/** Options of {@link verifyJws} (same names as PAdES `VerifyPdfOptions`). */
export interface JwsVerifyOptions {
  /** Trust anchors. Without them no chain can be validated: signatures are at best INDETERMINATE. */
  trustStore?: TrustStoreLike;
  /** Validation time (default now). */
  at?: Date;
  /** No network: only data embedded in the JWS (xVals/rVals, x5c) and supplied here. */
  offline?: boolean;
  revocation?: RevocationPolicy;
  fetcher?: Fetcher;
  cache?: PkiCacheLike;
  /** Further validation data (e.g. archived CRLs). */
  validationData?: Partial<ValidationData>;
  /** The detached payload (bytes as signed; `sigD` or an absent `payload` member). */
  payload?: Uint8Array;
  /**
   * Require the payload to be a JSON text in RFC 8785 canonical form (FORMAT_FAILURE otherwise). Default false:
   * a non-canonical JSON payload is then an `info` finding.
   */
  requireCanonicalPayload?: boolean;
  /** Limits of the JSON reader (default 32 MiB input, depth 256). */
  limits?: { maxBytes?: number; maxDepth?: number; maxStringLength?: number };
  /**
   * Signing keys already imported, owned by the caller (see `importJwsSigningKeys`), keyed by the base64url
   * SHA-256 of the certificate DER: a signature whose `x5c[0]` is there skips certificate decoding and key
   * import; certificates met during verification are added. (With only `cache`, the decoded certificate names
   * are memoised there and the key is imported again.)
   */
  signingKeys?: JwsSigningKeys;
}

/** A signing certificate read once: its public key and the names the report shows. */
export interface JwsSigningKey {
  /** The certificate's public key, imported. */
  publicKey: KeyObject;
  /** Subject, issuer and serial number as in `SignatureReport.signer`, with the CN and personal id when present. */
  names: { subject: string; issuer: string; serialNumber: string; commonName?: string; personalId?: string };
}

/** Caller-owned memo of signing keys by base64url SHA-256 of the certificate DER (the `x5t#S256` value). */
export type JwsSigningKeys = Map<string, JwsSigningKey>;

/** A JAdES signature's report: the shared shape plus JWS facts. */
export interface JwsSignatureReport extends SignatureReport {
  /** JWS `alg`. */
  alg?: string;
  /** Claimed roles (srAts claimed qVals). */
  claimedRoles: string[];
  /** Commitment type URIs (srCms). */
  commitments: string[];
}

/** The JAdES verification report. */
export interface JwsVerificationReport extends VerificationReport {
  format: 'JAdES';
  serialization: JwsSerialization;
  signatures: JwsSignatureReport[];
  /** The signed payload bytes (read the record from here, never from the input again). */
  payloadBytes?: Uint8Array;
  /** The payload parsed strictly as JSON, when it is JSON. */
  payload?: JsonValue;
}
