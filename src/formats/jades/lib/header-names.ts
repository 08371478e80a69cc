/**
 * Header parameter names of JWS (RFC 7515/7797) and JAdES (ETSI TS 119 182-1), and what `crit` may list.
 * @module
 */

/** JAdES protected header parameters that are listed in `crit` when present (TS 119 182-1 §5.1.9), plus RFC 7797 `b64`. */
export const CRITICAL_NAMES: ReadonlySet<string> = new Set(['sigT', 'x5t#o', 'sigX5ts', 'srCms', 'sigPl', 'srAts', 'adoTst', 'sigPId', 'sigD', 'b64']);

/** Names that `crit` must never list (RFC 7515 §4.1.11: registered by RFC 7515/7518). */
export const NEVER_CRITICAL: ReadonlySet<string> = new Set([
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c', 'enc', 'zip',
]);

/** Names the verifier understands (crit may only list names from {@link CRITICAL_NAMES}). */
export const UNDERSTOOD_CRITICAL = CRITICAL_NAMES;

/** Commitment type URIs of ETSI (TS 119 182-1 §5.2.3 reuses the XAdES URIs). */
export const COMMITMENT_URIS = {
  proofOfOrigin: 'http://uri.etsi.org/01903/v1.2.2#ProofOfOrigin',
  proofOfReceipt: 'http://uri.etsi.org/01903/v1.2.2#ProofOfReceipt',
  proofOfDelivery: 'http://uri.etsi.org/01903/v1.2.2#ProofOfDelivery',
  proofOfSender: 'http://uri.etsi.org/01903/v1.2.2#ProofOfSender',
  proofOfApproval: 'http://uri.etsi.org/01903/v1.2.2#ProofOfApproval',
  proofOfCreation: 'http://uri.etsi.org/01903/v1.2.2#ProofOfCreation',
} as const;

/** The `sigD` mechanism this SDK writes (and the only one it verifies). */
export const SIGD_OBJECT_ID_BY_URI_HASH = 'http://uri.etsi.org/19182/ObjectIdByURIHash';

/** JAdES digest algorithm names (`hashM`, `digAlg`) for the hashes the SDK uses. */
export const JADES_HASH_NAMES = { 'SHA-256': 'S256', 'SHA-384': 'S384', 'SHA-512': 'S512' } as const;
