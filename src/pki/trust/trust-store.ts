/**
 * A trust store: trust anchors (trusted) kept apart from intermediate "helper" certificates (untrusted, only
 * used to build paths), with optional SHA-256 pinning of anchors.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { PkiCacheLike, TrustStoreLike } from '../types.js';
import { createPkiCache } from '../net/cache.js';
import { decodeCertificate, type DecodedCertificate } from '../cert/decode-certificate.js';
import { parseCertificates } from '../cert/parse-certificates.js';
import { formatFingerprint, normaliseSha256 } from './fingerprint.js';

/** Certificate material: DER/PEM/PKCS#7 bytes or PEM text (one input may hold several certificates). */
export type CertificateSource = Uint8Array | string;

/** Options of {@link createTrustStore}. */
export interface TrustStoreInit {
  /** Trusted roots (e.g. the NEAC and VGCA roots). */
  anchors?: readonly CertificateSource[];
  /** Untrusted intermediate CA certificates that help path building. */
  intermediates?: readonly CertificateSource[];
  /**
   * SHA-256 fingerprints (hex, colons allowed) the anchors must have. When given, every anchor must match
   * one of them, else the store is refused with `TRUST_ANCHOR_PIN_MISMATCH`; a pin that matches no anchor is
   * refused with `TRUST_ANCHOR_PIN_UNUSED` (a typo must not go unnoticed).
   */
  pins?: readonly string[];
}

/**
 * An immutable trust store. Implements {@link TrustStoreLike}.
 *
 * @example
 * ```ts
 * const store = createTrustStore({ anchors: [rootNeacDer, rootVgcaDer], intermediates: [caEduDer] });
 * store.isAnchor(rootNeacDer); // true
 * const forSignature = store.withIntermediates(certificatesInSignature);
 * ```
 */
export class TrustStore implements TrustStoreLike {
  /** Trust anchors (DER). */
  readonly anchors: readonly Uint8Array[];
  /** Untrusted helper certificates (DER). */
  readonly intermediates: readonly Uint8Array[];
  readonly #anchorInfo: readonly DecodedCertificate[];
  readonly #intermediateInfo: readonly DecodedCertificate[];
  readonly #memo: PkiCacheLike;

  /**
   * Use {@link createTrustStore} or `loadTrustStore()`; the constructor takes decoded certificates (and the
   * memo of a store it derives from, see {@link TrustStore.memo}).
   */
  constructor(anchors: readonly DecodedCertificate[], intermediates: readonly DecodedCertificate[], memo?: PkiCacheLike) {
    this.#memo = memo ?? createPkiCache({ maxEntries: 4096 });
    this.#anchorInfo = anchors;
    const anchorSet = new Set(anchors.map((a) => a.sha256));
    this.#intermediateInfo = intermediates.filter((c) => !anchorSet.has(c.sha256));
    this.anchors = this.#anchorInfo.map((c) => c.der);
    this.intermediates = this.#intermediateInfo.map((c) => c.der);
  }

  /**
   * True when `der` is one of the anchors (byte-equal).
   * @example
   * ```ts
   * store.isAnchor(caEduDer); // false: an intermediate is never trusted
   * ```
   */
  isAnchor(der: Uint8Array): boolean {
    const hash = decodeCertificate(der).sha256;
    return this.#anchorInfo.some((a) => a.sha256 === hash);
  }

  /**
   * The decoded anchors and intermediates (decoded once, when the store was made), so path validation does
   * not decode them again for every document.
   * @example
   * ```ts
   * store.decoded().anchors.map((c) => c.subject.text);
   * ```
   */
  decoded(): { anchors: readonly DecodedCertificate[]; intermediates: readonly DecodedCertificate[] } {
    return { anchors: this.#anchorInfo, intermediates: this.#intermediateInfo };
  }

  /**
   * A bounded memo (4,096 entries) of pure, expensive decisions — "certificate X is signed by key Y", "this
   * OCSP response / CRL says Z about (X, issuer)", "this timestamp token's CMS signature verifies" — each keyed
   * by the SHA-256 of every input, so a hit is exactly what the computation would give again. Validation uses
   * it when the caller passes no `cache`, so that a shared store alone makes the second document of a school
   * fast. It never holds network data (no CRL or OCSP fetched is kept here: that is the caller's `cache`).
   * Stores made by {@link TrustStore.withIntermediates} share it.
   * @example
   * ```ts
   * await validateCertificate(der, { trustStore: store, offline: true, validationData }); // fills store.memo()
   * ```
   */
  memo(): PkiCacheLike {
    return this.#memo;
  }

  /**
   * One row per certificate (role, SHA-256, subject, notAfter), anchors first, for listings.
   * @example
   * ```ts
   * for (const row of store.list()) console.log(row.role, row.subject);
   * ```
   */
  list(): { role: 'anchor' | 'intermediate'; sha256: string; subject: string; notAfter: Date }[] {
    const row = (role: 'anchor' | 'intermediate') => (c: DecodedCertificate) => ({ role, sha256: c.sha256, subject: c.subject.text, notAfter: c.notAfter });
    return [...this.#anchorInfo.map(row('anchor')), ...this.#intermediateInfo.map(row('intermediate'))];
  }

  /**
   * A new store with more intermediates (e.g. certificates embedded in a signature); anchors unchanged.
   * @example
   * ```ts
   * const store2 = store.withIntermediates([pemBundleText]);
   * ```
   */
  withIntermediates(more: readonly CertificateSource[]): TrustStore {
    return new TrustStore(this.#anchorInfo, dedupe([...this.#intermediateInfo, ...decodeAll(more)]), this.#memo);
  }
}

function decodeAll(sources: readonly CertificateSource[]): DecodedCertificate[] {
  return sources.flatMap((s) => parseCertificates(s)).map((der) => decodeCertificate(der));
}

function dedupe(certs: readonly DecodedCertificate[]): DecodedCertificate[] {
  const seen = new Set<string>();
  return certs.filter((c) => !seen.has(c.sha256) && seen.add(c.sha256) !== undefined);
}

function checkPins(anchors: readonly DecodedCertificate[], pins: readonly string[]): void {
  const wanted = new Set(pins.map(normaliseSha256));
  for (const anchor of anchors) {
    if (!wanted.has(anchor.sha256)) {
      throw new EdusignError('TRUST_ANCHOR_PIN_MISMATCH', {
        detail: `${anchor.subject.text} has SHA-256 ${formatFingerprint(anchor.sha256)}, which is not pinned`,
        detailVi: `${anchor.subject.text} có SHA-256 ${formatFingerprint(anchor.sha256)}, không khớp dấu vân tay đã ghim`,
        context: { subject: anchor.subject.text, sha256: anchor.sha256 },
      });
    }
  }
  const present = new Set(anchors.map((a) => a.sha256));
  const unused = [...wanted].filter((p) => !present.has(p));
  if (unused.length > 0) {
    throw new EdusignError('TRUST_ANCHOR_PIN_UNUSED', {
      detail: `no anchor has the pinned SHA-256 ${unused.map(formatFingerprint).join(', ')}`,
      detailVi: `không có chứng thư gốc nào có SHA-256 đã ghim ${unused.map(formatFingerprint).join(', ')}`,
      context: { pins: unused },
    });
  }
}

/**
 * Builds a trust store from certificate bytes or PEM text.
 *
 * @example
 * ```ts
 * const store = createTrustStore({
 *   anchors: [readFileSync('vnrca256.p7b'), readFileSync('rootcag2.crt')],
 *   intermediates: [readFileSync('cpcag2.crt')],
 *   pins: ['<SHA-256 of the NEAC root you verified>', '<SHA-256 of the VGCA root>'],
 * });
 * ```
 */
export function createTrustStore(init: TrustStoreInit): TrustStore {
  const anchors = dedupe(decodeAll(init.anchors ?? []));
  if (init.pins && init.pins.length > 0) checkPins(anchors, init.pins);
  return new TrustStore(anchors, dedupe(decodeAll(init.intermediates ?? [])));
}
