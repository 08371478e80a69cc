/**
 * Path building and validation (RFC 5280 §6): candidate issuers come from the trust anchors, the
 * certificates of the signature, the store's intermediates and, when allowed, AIA caIssuers downloads.
 * Several candidate paths are tried (depth-first, anchors and key-identifier matches first) until one
 * validates; the search is bounded (depth, paths, steps, downloads), so loops and hostile input end.
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { isEdusignError } from '../../errors.js';
import type { ChainElement, PkiCacheLike } from '../types.js';
import { decodeCertificate, type DecodedCertificate } from '../cert/decode-certificate.js';
import { memoFor } from '../trust/memo-for.js';
import { TrustStore } from '../trust/trust-store.js';
import { aiaIssuers, type AiaSession } from './aia.js';
import { toChainElement } from './chain-element.js';
import { problem, worstEffect, type PathProblem } from './findings.js';
import { processPolicies } from './policy-tree.js';
import type { PathValidationOptions, PathValidationResult } from './types.js';
import { validatePath } from './validate-path.js';

interface PathNode {
  cert: DecodedCertificate;
  source: ChainElement['source'];
}

interface Search {
  options: PathValidationOptions;
  at: Date;
  anchors: PathNode[];
  anchorHashes: Set<string>;
  helpers: PathNode[];
  aia: AiaSession;
  steps: number;
  pathsTried: number;
  limits: { maxDepth: number; maxPaths: number; maxSteps: number };
  best?: { path: PathNode[]; problems: PathProblem[]; score: number };
  longestPartial: PathNode[];
  notes: PathProblem[];
  /** Imported public keys, shared by the candidate paths of this search. */
  keys: Map<string, KeyObject | undefined>;
  /** Where pure decisions are memoised (the caller's cache, else the store's memo). */
  memo?: PkiCacheLike;
}

function sameKeyAndName(a: DecodedCertificate, b: DecodedCertificate): boolean {
  return a.subject.matchKey === b.subject.matchKey && Buffer.from(a.spki).equals(Buffer.from(b.spki));
}

function validAt(cert: DecodedCertificate, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

/** Issuer candidates of the path's last certificate, best first. */
function rankCandidates(search: Search, path: PathNode[], pool: PathNode[]): PathNode[] {
  const current = path[path.length - 1]?.cert;
  if (!current) return [];
  const seen = new Set<string>();
  const fits = pool.filter((n) => {
    if (seen.has(n.cert.sha256)) return false;
    seen.add(n.cert.sha256);
    return current.issuer.matchKey === n.cert.subject.matchKey &&
      !path.some((p) => p.cert.sha256 === n.cert.sha256 || sameKeyAndName(p.cert, n.cert));
  });
  const aki = current.extensions.authorityKeyIdentifier;
  const score = (n: PathNode): number => {
    const ski = n.cert.extensions.subjectKeyIdentifier;
    const keyMatch = aki === undefined || ski === undefined ? 1 : aki === ski ? 0 : 3;
    return (search.anchorHashes.has(n.cert.sha256) ? 0 : 4) + keyMatch + (validAt(n.cert, search.at) ? 0 : 1);
  };
  return fits.map((n, i) => ({ n, i, s: score(n) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.n);
}

function evaluate(search: Search, path: PathNode[]): boolean {
  search.pathsTried++;
  const problems = validatePath(path.map((n) => n.cert), {
    at: search.at,
    purpose: search.options.purpose ?? 'documentSigning',
    ...(search.options.cryptoPolicy ? { cryptoPolicy: search.options.cryptoPolicy } : {}),
    ...(search.options.policy ? { policy: search.options.policy } : {}),
    keys: search.keys,
    ...(search.memo ? { memo: search.memo } : {}),
  });
  const score = problems.filter((p) => p.effect).length;
  if (score === 0) {
    search.best = { path, problems, score };
    return true;
  }
  if (!search.best || score < search.best.score) search.best = { path, problems, score };
  return false;
}

function limitReached(search: Search): boolean {
  return search.pathsTried >= search.limits.maxPaths || search.steps >= search.limits.maxSteps;
}

async function tryCandidates(search: Search, path: PathNode[], candidates: PathNode[]): Promise<PathNode[] | undefined> {
  for (const candidate of candidates) {
    if (limitReached(search)) return undefined;
    const found = await extend(search, [...path, candidate]);
    if (found) return found;
  }
  return undefined;
}

async function extend(search: Search, path: PathNode[]): Promise<PathNode[] | undefined> {
  const current = path[path.length - 1];
  if (!current) return undefined;
  if (search.steps++ >= search.limits.maxSteps) return undefined;
  if (search.anchorHashes.has(current.cert.sha256)) return evaluate(search, path) ? path : undefined;
  if (path.length > search.longestPartial.length) search.longestPartial = path;
  if (path.length >= search.limits.maxDepth) return undefined;
  const local = rankCandidates(search, path, [...search.anchors, ...search.helpers]);
  const viaLocal = await tryCandidates(search, path, local);
  if (viaLocal || limitReached(search)) return viaLocal;
  const downloaded = (await aiaIssuers(search.aia, current.cert)).map((cert): PathNode => ({ cert, source: 'aia' }));
  const remote = rankCandidates(search, path, downloaded).filter((n) => !local.some((l) => l.cert.sha256 === n.cert.sha256));
  return tryCandidates(search, path, remote);
}

/** Decodes helper certificates; malformed ones are skipped and noted (they only ever help build paths). */
function decodeNodes(list: readonly Uint8Array[] | undefined, source: ChainElement['source'], notes: PathProblem[]): PathNode[] {
  const out: PathNode[] = [];
  for (const der of list ?? []) {
    try {
      out.push({ cert: decodeCertificate(der), source });
    } catch (error) {
      if (!isEdusignError(error)) throw error;
      notes.push(problem('HELPER_CERTIFICATE_MALFORMED', `${source}: ${error.message}`, `${source}: ${error.messageVi}`));
    }
  }
  return out;
}

function result(search: Search, target: PathNode): PathValidationResult {
  const fetchedCertificates = search.aia.fetched.map((c) => c.der);
  const { maxSteps, maxPaths } = search.limits;
  const limited = search.steps >= maxSteps || search.pathsTried >= maxPaths
    ? [problem('PATH_SEARCH_LIMIT_REACHED', `${search.steps} steps, ${search.pathsTried} paths (max ${maxSteps}, ${maxPaths})`)] : [];
  const notes = [...search.notes, ...search.aia.notes, ...limited];
  const best = search.best;
  if (best) {
    const chain = best.path.map((n) => toChainElement(n.cert, n.source));
    const effect = worstEffect(best.problems);
    const anchor = chain[chain.length - 1];
    const base = {
      chain, pathsTried: search.pathsTried, fetchedCertificates,
      findings: [...best.problems, ...(effect ? notes : [])].map((p) => p.finding),
      ...(anchor ? { trustAnchor: anchor } : {}),
    };
    if (effect) return { ...base, indication: effect.indication, subIndication: effect.subIndication };
    const validPolicies = processPolicies(best.path.map((n) => n.cert), search.options.policy).policies;
    return { ...base, indication: 'TOTAL_PASSED', validPolicies };
  }
  const partial = search.longestPartial.length ? search.longestPartial : [target];
  const last = partial[partial.length - 1]?.cert;
  return {
    indication: 'INDETERMINATE',
    subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    chain: partial.map((n) => toChainElement(n.cert, n.source)),
    findings: [problem('NO_TRUST_ANCHOR', last ? `issuer ${last.issuer.text}` : undefined), ...notes].map((p) => p.finding),
    pathsTried: search.pathsTried,
    fetchedCertificates,
  };
}

/**
 * Builds and validates a certification path for `certDer` (revocation is NOT checked: see
 * `validateCertificate()`, which adds it). Throws only for unusable input (`CERT_MALFORMED`); an unusable
 * certificate is a result, not an error.
 *
 * @example
 * ```ts
 * const store = createTrustStore({ anchors: [rootNeacDer], intermediates: [caEduDer] });
 * const r = await buildAndValidatePath(teacherDer, { trustStore: store, purpose: 'documentSigning' });
 * r.indication; // 'TOTAL_PASSED'
 * r.chain.map((c) => c.subject); // [teacher, CA Giáo dục thử nghiệm, Root CA Thử nghiệm (NEAC-like)]
 * ```
 */
export async function buildAndValidatePath(certDer: Uint8Array, options: PathValidationOptions): Promise<PathValidationResult> {
  const target: PathNode = { cert: decodeCertificate(certDer), source: options.targetSource ?? 'supplied' };
  const notes: PathProblem[] = [];
  const store = options.trustStore;
  const predecoded = store instanceof TrustStore ? store.decoded() : undefined;
  const anchors = predecoded
    ? predecoded.anchors.map((cert): PathNode => ({ cert, source: 'trust-anchor' }))
    : decodeNodes(store.anchors, 'trust-anchor', notes);
  const intermediates = predecoded
    ? predecoded.intermediates.map((cert): PathNode => ({ cert, source: 'store' }))
    : decodeNodes(store.intermediates, 'store', notes);
  const search: Search = {
    options,
    at: options.at ?? new Date(),
    anchors,
    anchorHashes: new Set(anchors.map((a) => a.cert.sha256)),
    helpers: [...decodeNodes(options.extraCertificates, 'signature', notes), ...intermediates],
    aia: {
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
      offline: options.offline ?? false,
      maxFetches: options.limits?.maxAiaFetches ?? 6,
      fetches: 0,
      byUrl: new Map(),
      fetched: [],
      notes: [],
    },
    steps: 0,
    pathsTried: 0,
    limits: {
      maxDepth: options.limits?.maxDepth ?? 10,
      maxPaths: options.limits?.maxPaths ?? 16,
      maxSteps: options.limits?.maxSteps ?? 256,
    },
    longestPartial: [],
    notes,
    keys: new Map(),
    memo: memoFor(options.cache, store),
  };
  if (search.anchorHashes.has(target.cert.sha256)) target.source = 'trust-anchor';
  await extend(search, [target]);
  return result(search, target);
}
