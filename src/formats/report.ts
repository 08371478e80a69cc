/**
 * The per-signature report every format produces, in the shape of ../shared/ARCHITECTURE.md.
 * `verify/` assembles these into the document {@link VerificationReport}.
 * @module
 */
import type { Finding, Indication, SubIndication } from '../pki/indication.js';
import type { ChainElement, RevocationCheck } from '../pki/types.js';

/** ETSI baseline levels. */
export type BaselineLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

/** Signature container formats. */
export type SignatureFormat = 'PAdES' | 'XAdES' | 'JAdES';

/** A timestamp found in a signature. */
export interface TimestampReport {
  /** Signature timestamp (B-T), archive timestamp (B-LTA) or PDF document timestamp. */
  kind: 'signature' | 'archive' | 'document';
  /** The time the TSA asserts (TSTInfo genTime), when the token could be read. */
  genTime?: Date;
  /** Result of validating the timestamp token (ETSI EN 319 102-1). */
  indication: Indication;
  /** Why, when the indication is not TOTAL_PASSED. */
  subIndication?: SubIndication;
  /** Subject DN of the TSA certificate, when known. */
  tsaSubject?: string;
}

/** One signature's result. */
export interface SignatureReport {
  /** Identifies the signature in its document: PDF field name, XML `ds:Signature/@Id`, JWS signature index. */
  id: string;
  /**
   * The signing certificate: subject and issuer DNs, serial number (hex), common name, personal ID number
   * (CCCD/CMND from the certificate's UID, when present) and role (the certificate title, or the role the record
   * names for this signer once `verify()` matched it).
   */
  signer: { subject: string; serialNumber: string; issuer: string; commonName?: string; personalId?: string; role?: string };
  /** Signing time the signer claims (signed attribute / property); not proven. */
  claimedSigningTime?: Date;
  /** Earliest proven time of existence (signature timestamp genTime, else validation time). */
  bestSignatureTime: Date;
  /** Baseline level the signature reaches (B-B … B-LTA), when it could be determined. */
  level?: BaselineLevel;
  /** This signature's verdict: TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE. */
  indication: Indication;
  /** Why, when the indication is not TOTAL_PASSED (HASH_FAILURE, REVOKED, NO_CERTIFICATE_CHAIN_FOUND, …). */
  subIndication?: SubIndication;
  /** The certification path found, signer first. */
  chain: ChainElement[];
  /** Revocation status of the certificates of the path (CRL/OCSP, fetched or embedded). */
  revocation: RevocationCheck[];
  /** Timestamps on this signature (and, for PDFs, document timestamps after it). */
  timestamps: TimestampReport[];
  /** What is covered: PDF `whole-document`/`revision`, XML the signed element ids, JSON `payload`. */
  coverage: {
    kind: string;
    detail?: string;
    /** PDF: the signature covers the first `signedLength` bytes of the file (apart from its own /Contents). */
    signedLength?: number;
  };
  /** Changes made after this signature (PDF incremental updates), each judged allowed or not. */
  modificationsAfter: { description: string; allowed: boolean }[];
  /** Coded observations behind the verdict (bilingual), including warnings that did not change it. */
  findings: Finding[];
}

/** The whole document's result. */
export interface VerificationReport {
  /** The container format that was verified. */
  format: SignatureFormat;
  /**
   * The document's verdict on its signatures. Record checks never change it: they are reported in {@link VerificationReport.document}
   * (a record that breaks a Circular's rule was still signed by whom the signatures say).
   */
  indication: Indication;
  /** Why, when the indication is not TOTAL_PASSED. */
  subIndication?: SubIndication;
  /** One report per signature, in document order. */
  signatures: SignatureReport[];
  /** Document-level checks (the school record behind the signatures). */
  document?: { kind: string; issues: Finding[] };
  /** Document-level findings not tied to one signature (e.g. no signature at all, content after the last revision). */
  warnings: Finding[];
}
