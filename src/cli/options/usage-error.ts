/**
 * Usage errors of the CLI.
 * @module
 */
import { EdusignError, isEdusignError } from '../../index.js';

/**
 * A CLI usage error (exit 64); the Vietnamese text defaults to the English one (option names are not translated).
 *
 * @example
 * ```ts
 * if (!values.out) throw usageError('sign needs --out <file>', 'sign cần --out <tệp>');
 * ```
 */
export function usageError(detail: string, detailVi: string = detail): EdusignError {
  return new EdusignError('CLI_USAGE', { detail, detailVi });
}

/**
 * Turns node:util parseArgs errors (unknown option, missing value) into usage errors; other errors pass.
 *
 * @example
 * ```ts
 * try { return await run(args, io); } catch (error) { throw asUsageError(error); }
 * ```
 */
export function asUsageError(error: unknown): unknown {
  if (!isEdusignError(error) && error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return usageError(error.message);
  }
  return error;
}
