/**
 * Reading a signing certificate once: its public key imported as a node `KeyObject` and the names the report
 * shows, memoised by the SHA-256 of the certificate DER in objects the caller owns — a `Map` of imported keys
 * (`JwsVerifyOptions.signingKeys`, which the caller may also fill beforehand with {@link importJwsSigningKeys})
 * and/or the PKI cache (`JwsVerifyOptions.cache`, which holds bytes: the decoded names and the SPKI, so only
 * the key import is repeated). No module state: without them, every call decodes and imports.
 * @module
 */
import { createHash, createPublicKey } from 'node:crypto';
import { EdusignError } from '../../../errors.js';
import { decodeCertificate, subjectIdentifiers } from '../../../pki/index.js';
import type { PkiCacheLike } from '../../../pki/types.js';
import type { JwsSigningKey, JwsSigningKeys } from '../options.js';

const EPOCH = new Date(0);

/** What the PKI cache keeps for a certificate (JSON): the report names and the SPKI (base64). */
interface Stored { names: JwsSigningKey['names']; spki: string }

function decode(der: Uint8Array): Stored {
  const d = decodeCertificate(der);
  const ids = subjectIdentifiers(d.subject);
  const personalId = (['CCCD', 'CMND', 'HC'] as const).map((k) => ids.find((i) => i.kind === k)?.value).find((v) => v !== undefined);
  const commonName = d.subject.attributes.filter((a) => a.type === 'CN').pop()?.value;
  const names = { subject: d.subject.text, issuer: d.issuer.text, serialNumber: d.serialNumber,
    ...(commonName === undefined ? {} : { commonName }), ...(personalId === undefined ? {} : { personalId }) };
  return { names, spki: Buffer.from(d.spki).toString('base64') };
}

function readStored(cache: PkiCacheLike | undefined, key: string): Stored | undefined {
  const bytes = cache?.get(key, EPOCH);
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Stored>;
    return v && typeof v.spki === 'string' && typeof v.names?.subject === 'string' ? (v as Stored) : undefined;
  } catch {
    return undefined; // unreadable entry: decoded again and overwritten
  }
}

/**
 * The signing key of a certificate, from the caller's memo when there, else decoded and imported (and memoised).
 * `sha256` is the base64url SHA-256 of `der` (the `x5t#S256` value). Throws `CERT_MALFORMED` when the
 * certificate or its key cannot be read.
 *
 * @example
 * ```ts
 * const key = signingKeyFor(der, createHash('sha256').update(der).digest('base64url'), { signingKeys, cache });
 * key.publicKey; // KeyObject
 * ```
 */
export function signingKeyFor(der: Uint8Array, sha256: string, memo: { signingKeys?: JwsSigningKeys; cache?: PkiCacheLike }): JwsSigningKey {
  const known = memo.signingKeys?.get(sha256);
  if (known) return known;
  const cacheKey = `jades-cert:${Buffer.from(sha256, 'base64url').toString('hex')}`;
  let stored = readStored(memo.cache, cacheKey);
  if (!stored) {
    stored = decode(der);
    memo.cache?.set(cacheKey, new Uint8Array(Buffer.from(JSON.stringify(stored), 'utf8')), undefined);
  }
  let publicKey: JwsSigningKey['publicKey'];
  try {
    publicKey = createPublicKey({ key: Buffer.from(stored.spki, 'base64'), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new EdusignError('CERT_MALFORMED', { cause, detail: 'the public key of the certificate cannot be imported' });
  }
  const entry: JwsSigningKey = { publicKey, names: stored.names };
  memo.signingKeys?.set(sha256, entry);
  return entry;
}

/**
 * Import the keys of known signing certificates once (e.g. the teachers and principal of a school), for
 * `verifyJws(jws, { signingKeys })`: a JWS whose `x5c[0]` is one of them skips certificate decoding and key
 * import. The map is keyed by the base64url SHA-256 of each certificate DER; verification also adds the
 * certificates it meets. Throws `CERT_MALFORMED` for an unreadable certificate.
 *
 * @example
 * ```ts
 * const signingKeys = importJwsSigningKeys([principalCertDer, homeroomTeacherCertDer]); // GVCN
 * for (const file of files) await verifyJws(readFileSync(file), { trustStore, signingKeys });
 * ```
 */
export function importJwsSigningKeys(certificates: readonly Uint8Array[], into: JwsSigningKeys = new Map()): JwsSigningKeys {
  for (const der of certificates) {
    signingKeyFor(der, createHash('sha256').update(der).digest('base64url'), { signingKeys: into });
  }
  return into;
}
