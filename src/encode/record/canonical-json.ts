/**
 * The canonical JSON of a record: RFC 8785 (JCS) with every string NFC-normalised first.
 * @module
 */
import type { Gradebook, Transcript } from '../../model/types.js';
import { canonicalize, canonicalizeToBytes } from '../json/canonicalize.js';

/**
 * Canonical JSON text of a transcript or gradebook: JCS over the NFC-normalised record. Two records with the
 * same meaning give the same text, whatever their member order or Unicode normalisation form. Throws
 * `JSON_NOT_CANONICALIZABLE` for values JSON cannot carry.
 *
 * @example
 * ```ts
 * const text = canonicalRecordJson(transcript); // '{"enrollmentHistory":[…],"id":"…",…}'
 * ```
 */
export function canonicalRecordJson(record: Transcript | Gradebook): string {
  return canonicalize(record, { normalizeNfc: true });
}

/**
 * UTF-8 bytes of {@link canonicalRecordJson}: what to hash or sign.
 *
 * @example
 * ```ts
 * const digest = createHash('sha256').update(canonicalRecordBytes(gradebook)).digest('hex');
 * ```
 */
export function canonicalRecordBytes(record: Transcript | Gradebook): Uint8Array {
  return canonicalizeToBytes(record, { normalizeNfc: true });
}
