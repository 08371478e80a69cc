/**
 * The one way the reader reports unusable input.
 * @module
 */
import { EdusignError } from '../../../errors.js';

/**
 * A `PDF_MALFORMED` error with an English detail and the byte offset where it was seen.
 *
 * @example
 * ```ts
 * throw malformed('expected "obj"', 1234);
 * ```
 */
export function malformed(detail: string, offset?: number): EdusignError {
  return new EdusignError('PDF_MALFORMED', {
    detail: offset === undefined ? detail : `${detail} (offset ${offset})`,
    context: offset === undefined ? {} : { offset },
  });
}
