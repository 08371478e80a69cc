/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3 b–c): every CA above a certificate may restrict the names it
 * carries (subject DN, emailAddress attributes, subjectAltName). Each CA's constraints are applied on their
 * own, which is equivalent to RFC 5280's intersection of permitted subtrees. Forms handled: directoryName,
 * rfc822Name, dNSName, uniformResourceIdentifier, iPAddress; a constraint on another form, when that form
 * appears in a certificate, fails the path (RFC 5280: process it or reject).
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { DecodedCertificate } from '../cert/decode-certificate.js';
import { childrenOf, contentOf, expectTag, readSingle } from '../cert/der-reader.js';
import { EXTENSION_OIDS } from '../cert/extensions.js';
import { decodeGeneralName, decodeGeneralNames, type GeneralName } from '../cert/general-names.js';
import { problem, type PathProblem } from './findings.js';

/** Decoded NameConstraints. */
export interface NameConstraints {
  permitted: GeneralName[];
  excluded: GeneralName[];
}

const EMAIL_ATTRIBUTE = '1.2.840.113549.1.9.1';

function subtrees(bytes: Uint8Array, tlv: Parameters<typeof childrenOf>[1]): GeneralName[] {
  return childrenOf(bytes, tlv).map((subtree) => {
    const [base, ...rest] = childrenOf(bytes, expectTag(subtree, 0x30, 'GeneralSubtree'));
    if (!base) throw new EdusignError('CERT_MALFORMED', { detail: 'empty GeneralSubtree' });
    // RFC 5280: minimum MUST be 0 (absent) and maximum MUST be absent.
    if (rest.some((r) => r.tag !== 0x80 || contentOf(bytes, r).some((b) => b !== 0))) {
      throw new EdusignError('CERT_MALFORMED', { detail: 'GeneralSubtree minimum/maximum not allowed' });
    }
    return decodeGeneralName(bytes, base);
  });
}

/**
 * Decodes the nameConstraints of `cert`, if any (malformed: `CERT_MALFORMED`).
 *
 * @example
 * ```ts
 * nameConstraintsOf(caCert)?.permitted; // [{ type: 'directory', value: … }]
 * ```
 */
export function nameConstraintsOf(cert: DecodedCertificate): NameConstraints | undefined {
  const ext = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.nameConstraints);
  if (!ext) return undefined;
  const v = ext.value;
  const out: NameConstraints = { permitted: [], excluded: [] };
  for (const part of childrenOf(v, expectTag(readSingle(v), 0x30, 'NameConstraints'))) {
    if (part.tag === 0xa0) out.permitted.push(...subtrees(v, part));
    else if (part.tag === 0xa1) out.excluded.push(...subtrees(v, part));
    else throw new EdusignError('CERT_MALFORMED', { detail: 'bad NameConstraints' });
  }
  return out;
}

/** The names of a certificate that constraints apply to. */
function namesOf(cert: DecodedCertificate, includeSubject: boolean): GeneralName[] {
  const names: GeneralName[] = [];
  if (includeSubject && cert.subject.attributes.length > 0) {
    names.push({ type: 'directory', value: cert.subject });
    for (const a of cert.subject.attributes) if (a.oid === EMAIL_ATTRIBUTE) names.push({ type: 'email', value: a.value });
  }
  const san = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.subjectAltName);
  if (san) names.push(...decodeGeneralNames(san.value));
  return names;
}

function rdnKeys(key: string): string[] {
  return key === '' ? [] : key.split('\u0001');
}

function hostMatches(host: string, base: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const b = base.toLowerCase().replace(/\.$/, '');
  if (b.startsWith('.')) return h.endsWith(b);
  return h === b || h.endsWith(`.${b}`);
}

function emailMatches(email: string, base: string): boolean {
  const at = email.lastIndexOf('@');
  if (base.includes('@')) return email.toLowerCase() === base.toLowerCase();
  const host = email.slice(at + 1).toLowerCase();
  return base.startsWith('.') ? host.endsWith(base.toLowerCase()) : host === base.toLowerCase();
}

function uriHost(uri: string): string | undefined {
  try {
    return new URL(uri).hostname.replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}

function ipMatches(ip: Uint8Array, base: Uint8Array): boolean {
  const n = ip.length;
  if (base.length !== 2 * n) return false;
  for (let i = 0; i < n; i++) {
    const mask = base[n + i] ?? 0;
    if (((ip[i] ?? 0) & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** true/false when `name` and `base` are of the same form, undefined when the forms differ. */
function within(name: GeneralName, base: GeneralName): boolean | undefined {
  if (name.type !== base.type) return undefined;
  switch (name.type) {
    case 'directory': {
      const [n, b] = [rdnKeys(name.value.matchKey), rdnKeys((base as { value: typeof name.value }).value.matchKey)];
      return b.length <= n.length && b.every((rdn, i) => rdn === n[i]);
    }
    case 'email': return emailMatches(name.value, (base as { value: string }).value);
    case 'dns': return hostMatches(name.value, (base as { value: string }).value);
    case 'uri': {
      const host = uriHost(name.value);
      return host !== undefined && hostMatches(host, (base as { value: string }).value);
    }
    case 'ip': return ipMatches(name.value, (base as { value: Uint8Array }).value);
    case 'other': return undefined;
    default: return undefined;
  }
}

function describe(name: GeneralName): string {
  switch (name.type) {
    case 'directory': return name.value.text;
    case 'ip': return Buffer.from(name.value).toString('hex');
    case 'other': return `tag 0x${name.tag.toString(16)}`;
    default: return name.value;
  }
}

/**
 * Problems of `cert`'s names under one CA's `constraints`.
 *
 * @example
 * ```ts
 * nameConstraintProblems(leaf, nameConstraintsOf(ca)!, true); // [] when every name is permitted
 * ```
 */
export function nameConstraintProblems(cert: DecodedCertificate, constraints: NameConstraints, includeSubject: boolean): PathProblem[] {
  const out: PathProblem[] = [];
  for (const name of namesOf(cert, includeSubject)) {
    if (name.type === 'other') {
      if ([...constraints.permitted, ...constraints.excluded].some((c) => c.type === 'other' && c.tag === name.tag)) {
        out.push(problem('NAME_CONSTRAINTS_UNSUPPORTED', `${describe(name)} (${cert.subject.text})`));
      }
      continue;
    }
    const permittedOfForm = constraints.permitted.filter((c) => c.type === name.type);
    if (permittedOfForm.length > 0 && !permittedOfForm.some((c) => within(name, c))) {
      out.push(problem('NAME_CONSTRAINTS_VIOLATED', `${describe(name)} not permitted (${cert.subject.text})`));
    }
    if (constraints.excluded.some((c) => within(name, c))) {
      out.push(problem('NAME_CONSTRAINTS_VIOLATED', `${describe(name)} excluded (${cert.subject.text})`));
    }
  }
  return out;
}
