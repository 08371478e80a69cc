/**
 * Options and results of XAdES signing (documented for the CLI: see docs/xades.md).
 * @module
 */
import type { HashAlgorithm, Signer } from '../../crypto/types.js';
import type { Finding } from '../../pki/indication.js';
import type {
  CertificateValidationOptions, Fetcher, PkiCacheLike, RevocationPolicy, TimestampAuthority, TrustStoreLike, ValidationData,
} from '../../pki/types.js';
import type { BaselineLevel } from '../report.js';
import type { SignerCheckOptions } from '../signer-check.js';
import type { C14nChoice } from './algorithms.js';
import type { XmlLimits } from './xml/types.js';

/** Where an enveloped signature is written. */
export interface XmlSignaturePlacement {
  /**
   * Container element (child of the root) holding one slot per signer role, in the spirit of the e-invoice
   * `DSCKS` (danh sách chữ ký số, list of digital signatures). Created (as the last child of the root, in the root's default namespace) when missing.
   * `false` appends the signature as the last child of the root; `'inside-record'` puts it as the last child of
   * the signed element (classic enveloped). Default `'DSCKS'`.
   */
  container?: string | false | 'inside-record';
  /**
   * Slot element inside the container for this signer, e.g. `GVCN` (giáo viên chủ nhiệm, homeroom teacher) or
   * `HieuTruong` (hiệu trưởng, principal). Default `NguoiKy` (người ký, signer).
   */
  slot?: string;
}

/** Signature policy (SignaturePolicyIdentifier). */
export interface XmlSignaturePolicy {
  /** Policy identifier: an `urn:oid:…` or a URI. */
  identifier: string;
  /** Digest of the policy document. */
  digest: Uint8Array;
  hash?: HashAlgorithm;
  description?: string;
  /** Where the policy document can be found (SPURI qualifier). */
  uri?: string;
}

/** Options common to every signing path. */
export interface XmlSignOptionsBase {
  /** `enveloped` (default), `detached` (see {@link XmlSignOptionsBase.detached}) or `enveloping`. */
  mode?: 'enveloped' | 'detached' | 'enveloping';
  /**
   * Id of the element to sign (`URI="#id"`). Default: the first child of the root with an `Id`, else the whole
   * document (`URI=""`).
   */
  recordId?: string;
  placement?: XmlSignaturePlacement;
  /**
   * Detached signatures (`mode: 'detached'`): the URI the reference names (the content itself is the first
   * argument of the signing call) and its MIME type.
   */
  detached?: { uri: string; mimeType?: string };
  /** Canonicalisation of SignedInfo, the references and SignedProperties. Default `exc-c14n`. */
  canonicalization?: C14nChoice;
  /** Digest of references and certificate digests. Default the signer's hash. */
  digestAlgorithm?: HashAlgorithm;
  /** Claimed signing time. Default now. */
  signingTime?: Date;
  /** Claimed role(s) (SignerRoleV2/ClaimedRoles), e.g. `Hiệu trưởng`. */
  role?: string | readonly string[];
  policy?: XmlSignaturePolicy;
  /** Id of the new ds:Signature. Default a random `sig-…`. */
  signatureId?: string;
  /** Put the signer's further certificates in KeyInfo (default true). */
  includeChain?: boolean;
  /** MIME type recorded in DataObjectFormat. Default `text/xml` (detached: its own `mimeType`). */
  mimeType?: string;
  /**
   * ETSI baseline level to reach (default `B-B`). B-T and above need `timestampAuthority`, B-LT and above a trust
   * store (`validation.trustStore` or `check.trustStore`).
   */
  level?: BaselineLevel;
  timestampAuthority?: TimestampAuthority;
  /** Hash of timestamp message imprints. Default SHA-256. */
  timestampHash?: HashAlgorithm;
  /**
   * Unicode normalisation of the input text: `warn` (default) signs the bytes as given and adds the warning
   * `XADES_CONTENT_NOT_NFC` when the signed content is not NFC; `normalize` converts the whole input to NFC
   * before signing (the output then differs from the input where it was not NFC).
   */
  nfc?: 'warn' | 'normalize';
  /** Check-before-signing. */
  check?: SignerCheckOptions;
  /**
   * Validation options used to gather B-LT data and to validate the archive timestamp's TSA at B-LTA (trust store,
   * fetcher, cache, offline, revocation). What is not set here is taken from `check`.
   */
  validation?: Partial<CertificateValidationOptions>;
  /** Validation data to embed as is at B-LT (certificates, CRLs, OCSP responses), besides what is gathered. */
  validationData?: Partial<ValidationData>;
  limits?: XmlLimits;
}

/** Options of {@link signXml}. */
export interface XmlSignOptions extends XmlSignOptionsBase {
  signer: Signer;
}

/** Options of the two-phase {@link prepareXmlSignature}: the certificate instead of a signer. */
export interface XmlPrepareOptions extends XmlSignOptionsBase {
  /** DER of the signing certificate. */
  certificate: Uint8Array;
  /** DER of further certificates (intermediates). */
  chain?: readonly Uint8Array[];
  /** The algorithm the external signer will use. */
  algorithm: Signer['algorithm'];
}

/** Result of signing. */
export interface XmlSignResult<T extends string | Uint8Array = string | Uint8Array> {
  /** The signed document, as a string when the input was a string, else UTF-8 bytes. */
  xml: T;
  signatureId: string;
  warnings: Finding[];
}

/** JSON-serialisable state between {@link prepareXmlSignature} and {@link completeXmlSignature}. */
export interface XmlSignatureState {
  v: 1;
  format: 'XAdES';
  /** The document with an empty SignatureValue. */
  xml: string;
  /** Offset of the (empty) SignatureValue content in `xml`. */
  valueOffset: number;
  /** Closing tag expected at `valueOffset`. */
  valueCloseTag: string;
  signatureId: string;
  signatureMethod: string;
  /** Base64 of the canonical SignedInfo's digest (what the external signer signs). */
  digest: string;
  /** Base64 of the canonical SignedInfo (checked against the returned value). */
  toBeSigned: string;
  /** Base64 DER of the signing certificate. */
  certificate: string;
  /** Whether the input was bytes (the result is then bytes too). */
  binary: boolean;
  /** Level still to reach after completion (B-T and above need {@link extendXml}). */
  level: BaselineLevel;
  warnings: Finding[];
}

/** Result of {@link prepareXmlSignature}. */
export interface XmlPrepared {
  /** Digest of the canonical SignedInfo with the algorithm's hash: sign this with `Signer.signDigests`. */
  digest: Uint8Array;
  /** The canonical SignedInfo bytes (for signers that hash themselves). */
  toBeSigned: Uint8Array;
  state: XmlSignatureState;
}
