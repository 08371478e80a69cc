/**
 * Usage errors of the CLI.
 * @module
 */
import { EdusignError, isEdusignError } from '../../errors.js';

/** A CLI usage error (exit 64) with the same text in both languages (option names are not translated). */
export function usageError(detail: string, detailVi: string = detail): EdusignError {
  return new EdusignError('CLI_USAGE', { detail, detailVi });
}

/** Turns node:util parseArgs errors (unknown option, missing value) into usage errors; other errors pass. */
export function asUsageError(error: unknown): unknown {
  if (!isEdusignError(error) && error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return usageError(error.message);
  }
  return error;
}
