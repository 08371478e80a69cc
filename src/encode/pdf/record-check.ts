/**
 * The structural minimum a renderer needs, checked up front so bad input is a typed error, not a crash.
 * @module
 */
import { EdusignError } from '../../errors.js';
import { toXml } from '../record/to-xml.js';
import type { Gradebook, Transcript } from '../../model/types.js';

/**
 * Throws `RECORD_INVALID` unless `record` is an object of the expected kind whose shape the record XML writer
 * accepts (the same shape check the embedded XML needs).
 *
 * @example
 * ```ts
 * checkRecordKind(value, 'transcript');
 * ```
 */
export function checkRecordKind(record: unknown, kind: 'transcript' | 'gradebook'): asserts record is Transcript | Gradebook {
  if (typeof record !== 'object' || record === null || (record as { kind?: unknown }).kind !== kind) {
    throw new EdusignError('RECORD_INVALID', { detail: `expected a ${kind} record ("kind": "${kind}")`, detailVi: `cần hồ sơ loại ${kind} ("kind": "${kind}")` });
  }
  toXml(record as Transcript | Gradebook);
}
