/**
 * Options and results of PAdES signing.
 * @module
 */
import type { Signer } from '../../../crypto/types.js';
import type { Finding } from '../../../pki/indication.js';
import type { CertificateValidationOptions, Fetcher, PkiCacheLike, RevocationPolicy, TimestampAuthority, TrustStoreLike, ValidationData } from '../../../pki/types.js';
import type { BaselineLevel } from '../../report.js';
import type { SignerCheckOptions } from '../../signer-check.js';
import type { PdfLimits } from '../pdf/limits.js';
import type { PdfAppearanceCache } from './appearance-cache.js';

/** A visible signature box. Coordinates are PDF points from the page's bottom-left corner. */
export interface PdfSignatureAppearance {
  /** 1-based page number (default 1). */
  page?: number;
  /**
   * `[x, y, width, height]` of a new field. Not needed when signing into an existing field (`field`): its widget's
   * rectangle is used. A new field without `rect` is invisible.
   */
  rect?: [number, number, number, number];
  /** Signer name shown after "Ký bởi:" (default: the certificate's commonName). */
  signerName?: string;
  /** Role shown under the name, e.g. "Hiệu trưởng" (hiệu trưởng = principal). */
  role?: string;
  /** Show the date/time line (default true). */
  showDate?: boolean;
  /** IANA time zone for the date line (default `Asia/Ho_Chi_Minh`). */
  timeZone?: string;
  /** Replace the text lines entirely. */
  lines?: string[];
  /** A PNG or JPEG (seal / handwritten signature) drawn on the left part of the box. */
  image?: Uint8Array;
  /** A TrueType font with Vietnamese glyphs (default: the bundled DejaVu Sans), embedded as a subset. */
  font?: Uint8Array;
  /** Font size in points (default: fitted to the box). */
  fontSize?: number;
}

/** FieldMDP lock of the new signature field (ISO 32000-1 §12.7.4.5 /Lock). */
export type PdfFieldLock = { action: 'All' } | { action: 'Include' | 'Exclude'; fields: string[] };

/** Options of {@link signPdf} / {@link preparePdfSignature}. */
export interface PdfSignOptions {
  /** ETSI baseline level to reach (default `B-B`). B-T and above need `timestampAuthority`. */
  level?: BaselineLevel;
  timestampAuthority?: TimestampAuthority;
  /** Claimed signing time, written to /M (default now). */
  signingTime?: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Sign into this existing, empty signature field (full name). */
  field?: string;
  /** Name of the new signature field (default `Signature<n>`). */
  fieldName?: string;
  /** Visible box; omitted = invisible signature. */
  appearance?: PdfSignatureAppearance;
  /**
   * Reuse the parsed font and decoded seal image across calls ({@link createPdfAppearanceCache}); owned by the
   * caller. `signPdfBatch` makes one for its documents when none is given.
   */
  appearanceCache?: PdfAppearanceCache;
  /** Make this the certification signature with DocMDP permission P (must be the first signature). */
  certify?: 1 | 2 | 3;
  /** FieldMDP lock on the new field. */
  lock?: PdfFieldLock;
  /** Bytes reserved for the CMS (default: computed from the certificates, algorithm and timestamp need). */
  contentsSize?: number;
  /** Bytes to reserve for a signature timestamp token (default 12 000). */
  timestampSizeHint?: number;
  /** Check-before-signing. */
  check?: SignerCheckOptions;
  /** Validation options used to gather B-LT data (trust store, fetcher, cache, offline). */
  validation?: Partial<CertificateValidationOptions>;
  /** Validation data to embed as is for B-LT (certificates, CRLs, OCSP responses). */
  validationData?: Partial<ValidationData>;
  limits?: Partial<PdfLimits>;
}

/** Result of signing or extending: the new PDF and coded warnings. */
export interface PdfSignResult {
  pdf: Uint8Array;
  warnings: Finding[];
}

/** A signer used by {@link signPdf}. */
export type PdfSigner = Signer;
