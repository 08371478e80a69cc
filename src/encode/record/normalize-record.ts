/**
 * A record in its normal JSON form: members in schema order (the order of the XML and of the XSD), text in NFC.
 * @module
 */
import type { Gradebook, Transcript } from '../../model/types.js';
import { fromXml } from './from-xml.js';
import { toXml } from './to-xml.js';

/**
 * Returns the record with its members in schema order and every string NFC-normalised: the JSON that
 * `edusign convert --to json` prints and the form the sample fixtures are written in. Same meaning, same
 * canonical JSON; only presentation changes. Throws `RECORD_INVALID` when the value lacks the record shape.
 *
 * @example
 * ```ts
 * const text = JSON.stringify(normalizeRecord(record), null, 2);
 * ```
 */
export function normalizeRecord<T extends Transcript | Gradebook>(record: T): T {
  return fromXml(toXml(record, { normalizeNfc: true })) as T;
}
