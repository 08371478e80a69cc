/**
 * `edusign sign` for JSON: JAdES in the JWS JSON General serialization over the RFC 8785 canonical payload;
 * a file that already holds a JWS gets one more signature over the same payload.
 * @module
 */
import { parseJsonStrict, signJws } from '../../index.js';
import { checkAndValidation, type CliSignRequest, type CliSignResult } from './common.js';

/** JSON-only options. */
export interface CliJsonOptions {
  detached: boolean;
}

/**
 * Signs a JSON value, or adds a signature to a JWS JSON serialization, for the CLI.
 *
 * @example
 * ```ts
 * const out = await signJsonFile(jsonBytes, request, { detached: false });
 * ```
 */
export async function signJsonFile(json: Uint8Array, request: CliSignRequest, options: CliJsonOptions): Promise<CliSignResult> {
  const value = parseJsonStrict(json);
  const result = await signJws(value, request.signer, {
    level: request.level,
    ...(request.timestampAuthority ? { timestampAuthority: request.timestampAuthority } : {}),
    ...(request.role ? { role: request.role } : {}),
    ...(options.detached ? { detached: true } : {}),
    ...checkAndValidation(request),
  });
  return { bytes: new TextEncoder().encode(result.jws), warnings: result.warnings, summary: `JAdES ${request.level}, signature #${result.signatureIndex + 1}` };
}
