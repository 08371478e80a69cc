/**
 * Downloads issuer certificates named in a certificate's AIA caIssuers (RFC 5280 §4.2.2.1) through the
 * caller's {@link Fetcher}: each URL at most once per search, a bounded number of downloads, the caller's
 * cache consulted first. Failures become findings, never exceptions.
 * @module
 */
import { isEdusignError } from '../../errors.js';
import type { Fetcher, PkiCacheLike } from '../types.js';
import { decodeCertificate, type DecodedCertificate } from '../cert/decode-certificate.js';
import { parseCertificates } from '../cert/parse-certificates.js';
import { problem, type PathProblem } from './findings.js';

/** State of AIA downloading during one path search (owned by that search). */
export interface AiaSession {
  fetcher?: Fetcher;
  cache?: PkiCacheLike;
  offline: boolean;
  maxFetches: number;
  fetches: number;
  /** Results by URL (empty when the download failed). */
  byUrl: Map<string, DecodedCertificate[]>;
  /** Every certificate downloaded. */
  fetched: DecodedCertificate[];
  notes: PathProblem[];
}

const CACHE_TTL_MS = 24 * 60 * 60 * 1000;

function note(session: AiaSession, p: PathProblem): void {
  if (!session.notes.some((n) => n.finding.message === p.finding.message)) session.notes.push(p);
}

function cachedIssuers(session: AiaSession, url: string): DecodedCertificate[] {
  const known = session.byUrl.get(url);
  if (known) return known;
  const bytes = session.cache?.get(`aia:${url}`, new Date());
  if (!bytes) return [];
  let certs: DecodedCertificate[] = [];
  try {
    certs = parseCertificates(bytes).map((der) => decodeCertificate(der));
  } catch (error) {
    if (!isEdusignError(error)) throw error;
  }
  session.byUrl.set(url, certs);
  session.fetched.push(...certs);
  return certs;
}

async function download(session: AiaSession, fetcher: Fetcher, url: string): Promise<DecodedCertificate[]> {
  const key = `aia:${url}`;
  const now = new Date();
  try {
    let bytes = session.cache?.get(key, now);
    if (!bytes) {
      session.fetches++;
      bytes = await fetcher.fetch(url, { accept: 'application/pkix-cert, application/pkcs7-mime, */*' });
      session.cache?.set(key, bytes, new Date(now.getTime() + CACHE_TTL_MS));
    }
    return parseCertificates(bytes).map((der) => decodeCertificate(der));
  } catch (error) {
    const why = isEdusignError(error) ? error.code : error instanceof Error ? error.message : String(error);
    note(session, problem('AIA_FETCH_FAILED', `${url} (${why})`));
    return [];
  }
}

/**
 * Issuer candidates downloaded from `cert`'s AIA caIssuers URLs (http/https only).
 *
 * @example
 * ```ts
 * const more = await aiaIssuers(session, leaf); // certificates served at http://pki.edusign.test/ca-edu.cer
 * ```
 */
export async function aiaIssuers(session: AiaSession, cert: DecodedCertificate): Promise<DecodedCertificate[]> {
  const urls = cert.extensions.caIssuersUrls.filter((u) => /^https?:\/\//i.test(u));
  if (urls.length === 0) return [];
  if (session.offline) {
    // No network, but certificates downloaded earlier into the caller's cache are local data: use them.
    const cached = urls.flatMap((url) => cachedIssuers(session, url));
    if (cached.length === 0) note(session, problem('AIA_OFFLINE', urls.join(', ')));
    return cached;
  }
  const { fetcher } = session;
  if (!fetcher) {
    note(session, problem('AIA_NO_FETCHER', urls.join(', ')));
    return [];
  }
  const out: DecodedCertificate[] = [];
  for (const url of urls) {
    let certs = session.byUrl.get(url);
    if (!certs) {
      if (session.fetches >= session.maxFetches) {
        note(session, problem('AIA_LIMIT_REACHED', url));
        continue;
      }
      certs = await download(session, fetcher, url);
      session.byUrl.set(url, certs);
      session.fetched.push(...certs);
    }
    out.push(...certs);
  }
  return out;
}
