/**
 * RFC 5280 §6.1 basic path validation of one complete path (end certificate first, trust anchor last):
 * signatures, validity at a time, name chaining, basicConstraints/pathLen, CA keyUsage, unknown critical
 * extensions, algorithm policy, and the end certificate's purpose. Revocation is not checked here.
 *
 * Certificate policies (policy-tree.ts) and name constraints (name-constraints.ts) are processed too.
 * @module
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { CertificatePurpose, PkiCacheLike } from '../types.js';
import type { DecodedCertificate } from '../cert/decode-certificate.js';
import { EXTENSION_OIDS } from '../cert/extensions.js';
import { namesMatch } from '../cert/name.js';
import { describePublicKey, importSpki, type PublicKeyInfo } from '../cert/public-key.js';
import { verifyCertificateSignature, type SignatureCheck } from '../cert/signature-algorithm.js';
import { memoisedSync } from '../net/memo.js';
import { keyInfoPolicyProblems, signaturePolicyProblems, type CryptoPolicy } from './crypto-policy.js';
import { problem, type PathProblem } from './findings.js';
import { nameConstraintProblems, nameConstraintsOf } from './name-constraints.js';
import { processPolicies, type PolicyOptions } from './policy-tree.js';
import { purposeProblems } from './purpose.js';

/** Extensions this validator processes (a critical extension outside this list fails the path). */
export const PROCESSED_EXTENSIONS: ReadonlySet<string> = new Set([
  EXTENSION_OIDS.basicConstraints, EXTENSION_OIDS.keyUsage, EXTENSION_OIDS.extKeyUsage, EXTENSION_OIDS.subjectKeyIdentifier,
  EXTENSION_OIDS.authorityKeyIdentifier, EXTENSION_OIDS.certificatePolicies, EXTENSION_OIDS.subjectAltName,
  EXTENSION_OIDS.issuerAltName, EXTENSION_OIDS.crlDistributionPoints, EXTENSION_OIDS.authorityInfoAccess,
  EXTENSION_OIDS.subjectInfoAccess, EXTENSION_OIDS.freshestCrl, EXTENSION_OIDS.ocspNoCheck, EXTENSION_OIDS.qcStatements,
  EXTENSION_OIDS.subjectDirectoryAttributes, EXTENSION_OIDS.nameConstraints,
  // Policy extensions: processed by policy-tree.ts.
  EXTENSION_OIDS.policyConstraints, EXTENSION_OIDS.policyMappings, EXTENSION_OIDS.inhibitAnyPolicy,
]);

/** Inputs of {@link validatePath}. */
export interface PathCheckOptions {
  at: Date;
  purpose: CertificatePurpose;
  cryptoPolicy?: CryptoPolicy;
  /** Certificate policy inputs (default: any policy, none required). */
  policy?: PolicyOptions;
  /** Imported public keys by certificate SHA-256, shared across the paths of one search (owned by the caller). */
  keys?: Map<string, KeyObject | undefined>;
  /**
   * Where certificate signature verdicts (`certsig:<cert sha256>:<issuer SPKI sha256>`) and key descriptions
   * (`spki:<SPKI sha256>`) are memoised, so validating the next document signed under the same CA imports no
   * key and verifies no CA signature again (the caller's cache, or `TrustStore.memo()`).
   */
  memo?: PkiCacheLike;
}

function validityProblems(cert: DecodedCertificate, at: Date): PathProblem[] {
  const range = `${cert.notBefore.toISOString()} – ${cert.notAfter.toISOString()} (${cert.subject.text})`;
  if (at.getTime() < cert.notBefore.getTime()) return [problem('CERT_NOT_YET_VALID_AT_TIME', range)];
  if (at.getTime() > cert.notAfter.getTime()) return [problem('CERT_EXPIRED_AT_TIME', range)];
  return [];
}

function extensionProblems(cert: DecodedCertificate): PathProblem[] {
  const out: PathProblem[] = [];
  for (const ext of cert.extensions.raw) {
    if (ext.critical && !PROCESSED_EXTENSIONS.has(ext.oid)) out.push(problem('UNKNOWN_CRITICAL_EXTENSION', `${ext.oid} (${cert.subject.text})`));
  }
  return out;
}

/**
 * A CA must assert basicConstraints cA (and keyCertSign when keyUsage is present). A trust anchor is trusted by
 * configuration (RFC 5280 takes only its name and key), so an old v1 root without extensions is accepted; an
 * anchor that explicitly says it is not a CA is not.
 */
function caProblems(cert: DecodedCertificate, isAnchor: boolean): PathProblem[] {
  const out: PathProblem[] = [];
  const bc = cert.extensions.basicConstraints;
  if (isAnchor ? bc !== undefined && !bc.ca : !bc?.ca) out.push(problem('NOT_A_CA', cert.subject.text));
  const ku = cert.extensions.keyUsage;
  if (ku && !ku.usages.includes('keyCertSign')) out.push(problem('CA_KEY_CERT_SIGN_MISSING', cert.subject.text));
  return out;
}

function isSelfIssued(cert: DecodedCertificate): boolean {
  return namesMatch(cert.subject.der, cert.issuer.der);
}

/** pathLen of the CA at index k limits the non-self-issued intermediates below it (indices 1..k-1). */
function pathLengthProblems(path: readonly DecodedCertificate[]): PathProblem[] {
  const out: PathProblem[] = [];
  for (let k = 1; k < path.length; k++) {
    const ca = path[k];
    const limit = ca?.extensions.basicConstraints?.pathLength;
    if (!ca || limit === undefined) continue;
    const below = path.slice(1, k).filter((c) => !isSelfIssued(c)).length;
    if (below > limit) out.push(problem('PATH_LENGTH_EXCEEDED', `pathLen ${limit}, ${below} (${ca.subject.text})`));
  }
  return out;
}

function policyProblems(path: readonly DecodedCertificate[], policy: PolicyOptions | undefined): PathProblem[] {
  try {
    const outcome = processPolicies(path, policy);
    return outcome.ok ? [] : [problem('CERTIFICATE_POLICY_FAILED', outcome.reason)];
  } catch (error) {
    return [problem('CERTIFICATE_POLICY_FAILED', `malformed policy extension: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

/** Each CA's name constraints apply to every certificate below it (subject DN exempt for self-issued CAs). */
function pathNameConstraintProblems(path: readonly DecodedCertificate[]): PathProblem[] {
  const out: PathProblem[] = [];
  for (let k = 1; k < path.length; k++) {
    const ca = path[k];
    let constraints: ReturnType<typeof nameConstraintsOf>;
    try {
      constraints = ca ? nameConstraintsOf(ca) : undefined;
    } catch {
      out.push(problem('NAME_CONSTRAINTS_UNSUPPORTED', `malformed nameConstraints (${ca?.subject.text ?? ''})`));
      continue;
    }
    if (!constraints) continue;
    for (let i = 0; i < k; i++) {
      const cert = path[i];
      if (cert) out.push(...nameConstraintProblems(cert, constraints, i === 0 || !isSelfIssued(cert)));
    }
  }
  return out;
}

/**
 * Validates one complete path; returns every problem found (an empty list or only informational findings
 * means the path is valid for `purpose` at `at`).
 *
 * @example
 * ```ts
 * const problems = validatePath([teacher, caEdu, rootNeac], { at: new Date(), purpose: 'documentSigning' });
 * worstEffect(problems); // undefined: valid
 * ```
 */
export function validatePath(path: readonly DecodedCertificate[], options: PathCheckOptions): PathProblem[] {
  const { at, purpose, cryptoPolicy } = options;
  const keys = options.keys ?? new Map<string, KeyObject | undefined>();
  const keyOf = (cert: DecodedCertificate): KeyObject | undefined => {
    if (!keys.has(cert.sha256)) keys.set(cert.sha256, importSpki(cert.spki));
    return keys.get(cert.sha256);
  };
  const cache = options.memo;
  const spkiSha = (cert: DecodedCertificate): string => createHash('sha256').update(cert.spki).digest('hex');
  const keyInfo = (cert: DecodedCertificate): PublicKeyInfo =>
    memoisedSync(cache, `spki:${spkiSha(cert)}`, () => describePublicKey(cert.spki, keyOf(cert)));
  const signatureCheck = (cert: DecodedCertificate, issuer: DecodedCertificate): SignatureCheck =>
    memoisedSync(cache, `certsig:${cert.sha256}:${spkiSha(issuer)}`, () => verifyCertificateSignature(cert, issuer.spki, keyOf(issuer)));
  const out: PathProblem[] = [];
  const anchorIndex = path.length - 1;
  path.forEach((cert, i) => {
    out.push(...validityProblems(cert, at), ...keyInfoPolicyProblems(keyInfo(cert), cert, at, cryptoPolicy), ...extensionProblems(cert));
    if (i > 0) out.push(...caProblems(cert, i === anchorIndex));
    if (i === anchorIndex) return; // the anchor's own signature is not checked: it is trusted by configuration
    const issuer = path[i + 1];
    if (!issuer) return;
    if (!namesMatch(cert.issuer.der, issuer.subject.der)) out.push(problem('NAME_CHAINING_FAILED', cert.subject.text));
    const policy = signaturePolicyProblems(cert, at, cryptoPolicy);
    out.push(...policy);
    const check = signatureCheck(cert, issuer);
    if (check === 'invalid') out.push(problem('CERT_SIGNATURE_INVALID', cert.subject.text));
    const reported = policy.some((p) => p.finding.code === 'CERT_SIGNATURE_ALGORITHM_UNSUPPORTED');
    if (check === 'unsupported' && !reported) out.push(problem('CERT_SIGNATURE_ALGORITHM_UNSUPPORTED', cert.subject.text));
  });
  out.push(...pathLengthProblems(path), ...pathNameConstraintProblems(path), ...policyProblems(path, options.policy));
  const end = path[0];
  if (end) out.push(...purposeProblems(end, purpose));
  return out;
}
