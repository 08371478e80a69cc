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
  kind: 'signature' | 'archive' | 'document';
  genTime?: Date;
  indication: Indication;
  subIndication?: SubIndication;
  tsaSubject?: string;
}

/** One signature's result. */
export interface SignatureReport {
  id: string;
  signer: { subject: string; serialNumber: string; issuer: string; commonName?: string; personalId?: string; role?: string };
  claimedSigningTime?: Date;
  /** Earliest proven time of existence (signature timestamp genTime, else validation time). */
  bestSignatureTime: Date;
  level?: BaselineLevel;
  indication: Indication;
  subIndication?: SubIndication;
  chain: ChainElement[];
  revocation: RevocationCheck[];
  timestamps: TimestampReport[];
  /** What is covered: PDF `whole-document`/`revision`, XML the signed element ids, JSON `payload`. */
  coverage: { kind: string; detail?: string };
  /** Changes made after this signature (PDF incremental updates), each judged allowed or not. */
  modificationsAfter: { description: string; allowed: boolean }[];
  findings: Finding[];
}

/** The whole document's result. */
export interface VerificationReport {
  format: SignatureFormat;
  indication: Indication;
  subIndication?: SubIndication;
  signatures: SignatureReport[];
  /** Document-level checks (the school record behind the signatures). */
  document?: { kind: string; issues: Finding[] };
  warnings: Finding[];
}
