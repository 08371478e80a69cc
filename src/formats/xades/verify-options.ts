/**
 * Options and report types of XAdES verification.
 * @module
 */
import type { SignatureReport, VerificationReport } from '../report.js';
import type { Fetcher, PkiCacheLike, RevocationPolicy, TrustStoreLike, ValidationData } from '../../pki/types.js';
import type { XmlLimits } from './xml/types.js';
import type { KnownSignaturePolicy } from './policy.js';

/** What the caller expects the signatures to cover; any other signed data element fails the signature. */
export interface ExpectedSignedElement {
  /** Local name, e.g. `DLHocBa`. */
  localName?: string;
  /** Namespace URI ('' for none). */
  namespace?: string;
  /** Exact location path as reported in {@link SignedElement.path}, e.g. `/{urn:…}HocBa[1]/{urn:…}DLHocBa[1]`. */
  path?: string;
  /** Id value. */
  id?: string;
}

/** Options of {@link verifyXml} (same names as PAdES `VerifyPdfOptions` and JAdES `JwsVerifyOptions`). */
export interface XmlVerifyOptions {
  /** Trust anchors. Without them no chain can be validated: signatures are at best INDETERMINATE. */
  trustStore?: TrustStoreLike;
  /** Validation time (default now). */
  at?: Date;
  /** No network: only data embedded in the XML (KeyInfo, CertificateValues, RevocationValues) and supplied here. */
  offline?: boolean;
  revocation?: RevocationPolicy;
  fetcher?: Fetcher;
  cache?: PkiCacheLike;
  /** Further validation data (e.g. archived CRLs), used with what the signatures embed. */
  validationData?: Partial<ValidationData>;
  /** Content of detached references, by URI. */
  detachedContent?: Readonly<Record<string, Uint8Array>>;
  /** Signature policies the verifier knows (SigPolicyHash is checked); others are reported as not checked. */
  signaturePolicies?: readonly KnownSignaturePolicy[];
  /** Constrain what may be signed (recommended: the record element). */
  expectedSignedElement?: ExpectedSignedElement;
  limits?: XmlLimits;
}

/** One signed data object, as the verifier saw and digested it. */
export interface SignedElement {
  /** Reference URI (`#data`, `""`, or the detached URI). */
  uri: string;
  id?: string;
  /** Location path of the element (`/` for the whole document, undefined for detached content). */
  path?: string;
  localName?: string;
  namespace?: string;
  /**
   * The exact octets that were digested: canonical XML text (for same-document references) — read the signed
   * record from here, never by querying the original document again — or the detached bytes.
   */
  content: string | Uint8Array;
}

/** A XAdES signature's report: the shared shape plus what exactly was signed. */
export interface XmlSignatureReport extends SignatureReport {
  /** Data objects covered (SignedProperties and countersigned SignatureValues are not listed). */
  signedElements: SignedElement[];
  /** Location path of the ds:Signature element, e.g. `/{urn:…}HocBa[1]/{urn:…}DSCKS[1]/{urn:…}HieuTruong[1]/{…xmldsig#}Signature[1]` (its role slot). */
  location: string;
  /** For a countersignature: the Id of the countersigned signature. */
  countersignatureOf?: string;
  /** Claimed roles (SignerRoleV2 / SignerRole). */
  claimedRoles: string[];
  /** SignaturePolicyIdentifier identifier, when the signature names one. */
  policy?: string;
}

/** The XML verification report. */
export interface XmlVerificationReport extends VerificationReport {
  format: 'XAdES';
  signatures: XmlSignatureReport[];
}
