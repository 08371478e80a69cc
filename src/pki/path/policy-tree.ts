/**
 * Certificate policy processing of RFC 5280 §6.1 (valid_policy_tree, policy mappings, requireExplicitPolicy,
 * inhibitPolicyMapping, inhibitAnyPolicy, user-initial-policy-set). Policy qualifiers are not interpreted.
 * @module
 */
import type { DecodedCertificate } from '../cert/decode-certificate.js';
import { childrenOf, contentOf, expectTag, readOid, readSingle } from '../cert/der-reader.js';
import { EXTENSION_OIDS } from '../cert/extensions.js';
import { namesMatch } from '../cert/name.js';

/** The special policy that matches every policy. */
export const ANY_POLICY = '2.5.29.32.0';

/** Policy inputs of path validation (RFC 5280 §6.1.1 c, e, f, g). Default: any policy, nothing required. */
export interface PolicyOptions {
  /** user-initial-policy-set: acceptable certificate policy OIDs. Default: anyPolicy. */
  acceptable?: readonly string[];
  /** initial-explicit-policy: the path must be valid for at least one acceptable policy. Default false. */
  requireExplicit?: boolean;
  /** initial-policy-mapping-inhibit. Default false. */
  inhibitMapping?: boolean;
  /** initial-any-policy-inhibit. Default false. */
  inhibitAnyPolicy?: boolean;
}

/** Outcome of policy processing. */
export interface PolicyOutcome {
  ok: boolean;
  /** Why it failed (English), when `ok` is false. */
  reason?: string;
  /** Policies the path is valid for (user-constrained policy set); `[ANY_POLICY]` when unconstrained. */
  policies: string[];
}

interface PolicyNode {
  policy: string;
  expected: Set<string>;
  children: PolicyNode[];
  parent?: PolicyNode;
  depth: number;
}

function readPolicies(cert: DecodedCertificate): string[] | undefined {
  const ext = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.certificatePolicies);
  return ext ? (cert.extensions.policies ?? []) : undefined;
}

function readMappings(cert: DecodedCertificate): [issuer: string, subject: string][] | undefined {
  const ext = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.policyMappings);
  if (!ext) return undefined;
  const v = ext.value;
  return childrenOf(v, expectTag(readSingle(v), 0x30, 'PolicyMappings')).map((m) => {
    const [a, b] = childrenOf(v, expectTag(m, 0x30, 'PolicyMapping'));
    return [readOid(v, a, 'issuerDomainPolicy'), readOid(v, b, 'subjectDomainPolicy')];
  });
}

/** SkipCerts INTEGER, capped (a huge value means "never"). */
function smallInt(content: Uint8Array): number {
  if (content.length > 2) return 0xffff;
  return content.reduce((n, b) => n * 256 + b, 0);
}

function readPolicyConstraints(cert: DecodedCertificate): { requireExplicit?: number; inhibitMapping?: number } | undefined {
  const ext = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.policyConstraints);
  if (!ext) return undefined;
  const v = ext.value;
  const out: { requireExplicit?: number; inhibitMapping?: number } = {};
  for (const field of childrenOf(v, expectTag(readSingle(v), 0x30, 'PolicyConstraints'))) {
    if (field.tag === 0x80) out.requireExplicit = smallInt(contentOf(v, field));
    else if (field.tag === 0x81) out.inhibitMapping = smallInt(contentOf(v, field));
  }
  return out;
}

function readInhibitAny(cert: DecodedCertificate): number | undefined {
  const ext = cert.extensions.raw.find((e) => e.oid === EXTENSION_OIDS.inhibitAnyPolicy);
  if (!ext) return undefined;
  const v = ext.value;
  return smallInt(contentOf(v, expectTag(readSingle(v), 0x02, 'InhibitAnyPolicy')));
}

function nodesAt(root: PolicyNode, depth: number): PolicyNode[] {
  const out: PolicyNode[] = [];
  const walk = (n: PolicyNode): void => {
    if (n.depth === depth) out.push(n);
    else n.children.forEach(walk);
  };
  walk(root);
  return out;
}

function addChild(parent: PolicyNode, policy: string, expected: Iterable<string>): PolicyNode {
  const child: PolicyNode = { policy, expected: new Set(expected), children: [], parent, depth: parent.depth + 1 };
  parent.children.push(child);
  return child;
}

function remove(node: PolicyNode): void {
  if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
}

/** Deletes childless nodes above `depth`; returns undefined when the root itself goes. */
function prune(root: PolicyNode, depth: number): PolicyNode | undefined {
  for (let d = depth - 1; d >= 0; d--) {
    for (const n of nodesAt(root, d)) if (n.children.length === 0) remove(n);
  }
  return depth > 0 && root.children.length === 0 ? undefined : root;
}

/** §6.1.3 (d): the certificate's policies grow the tree to depth i. */
function growTree(root: PolicyNode, i: number, policies: string[], anyAllowed: boolean): PolicyNode | undefined {
  const parents = nodesAt(root, i - 1);
  for (const p of policies.filter((x) => x !== ANY_POLICY)) {
    const matching = parents.filter((n) => n.expected.has(p));
    if (matching.length > 0) matching.forEach((n) => addChild(n, p, [p]));
    else parents.filter((n) => n.policy === ANY_POLICY).forEach((n) => addChild(n, p, [p]));
  }
  if (policies.includes(ANY_POLICY) && anyAllowed) {
    for (const n of parents) {
      for (const e of n.expected) if (!n.children.some((c) => c.policy === e)) addChild(n, e, [e]);
    }
  }
  return prune(root, i);
}

/** §6.1.4 (b): policy mappings of certificate i rewrite the expected sets at depth i. */
function applyMappings(root: PolicyNode, i: number, mappings: [string, string][], mappingAllowed: boolean): PolicyNode | undefined {
  const byIssuer = new Map<string, string[]>();
  for (const [from, to] of mappings) byIssuer.set(from, [...(byIssuer.get(from) ?? []), to]);
  for (const [from, targets] of byIssuer) {
    const nodes = nodesAt(root, i).filter((n) => n.policy === from);
    if (!mappingAllowed) {
      nodes.forEach(remove);
      continue;
    }
    if (nodes.length > 0) nodes.forEach((n) => { n.expected = new Set(targets); });
    else {
      const any = nodesAt(root, i).find((n) => n.policy === ANY_POLICY);
      if (any?.parent) addChild(any.parent, from, targets);
    }
  }
  return mappingAllowed ? root : prune(root, i);
}

/** §6.1.5 (g): intersect the tree with the user-initial-policy-set. */
function intersect(root: PolicyNode, n: number, acceptable: readonly string[]): PolicyNode | undefined {
  if (acceptable.includes(ANY_POLICY)) return root;
  const wanted = new Set(acceptable);
  const boundary: PolicyNode[] = [];
  const walk = (node: PolicyNode): void => node.children.forEach((c) => {
    if (node.policy === ANY_POLICY) boundary.push(c);
    if (c.policy === ANY_POLICY) walk(c);
  });
  walk(root);
  for (const node of boundary) if (node.policy !== ANY_POLICY && !wanted.has(node.policy)) remove(node);
  const anyLeaf = nodesAt(root, n).find((x) => x.policy === ANY_POLICY);
  if (anyLeaf?.parent) {
    const present = new Set(boundary.map((b) => b.policy));
    for (const p of wanted) if (!present.has(p)) addChild(anyLeaf.parent, p, [p]);
    remove(anyLeaf);
  }
  return prune(root, n);
}

/**
 * Runs RFC 5280 policy processing over a path (end certificate first, trust anchor last; the anchor itself
 * is not processed, as in RFC 5280).
 *
 * @example
 * ```ts
 * processPolicies([leaf, ca, root], { acceptable: ['2.999.1.1'], requireExplicit: true }); // { ok: true, policies: ['2.999.1.1'] }
 * ```
 */
export function processPolicies(path: readonly DecodedCertificate[], options: PolicyOptions = {}): PolicyOutcome {
  const certs = path.slice(0, -1).reverse(); // certs[0] = nearest the anchor (i = 1), last = end certificate (i = n)
  const n = certs.length;
  let tree: PolicyNode | undefined = { policy: ANY_POLICY, expected: new Set([ANY_POLICY]), children: [], depth: 0 };
  let explicit = options.requireExplicit ? 0 : n + 1;
  let inhibitAny = options.inhibitAnyPolicy ? 0 : n + 1;
  let mapping = options.inhibitMapping ? 0 : n + 1;
  for (let index = 0; index < n; index++) {
    const i = index + 1;
    const cert = certs[index] as DecodedCertificate;
    const selfIssued = namesMatch(cert.subject.der, cert.issuer.der);
    const policies = readPolicies(cert);
    if (tree && policies) tree = growTree(tree, i, policies, inhibitAny > 0 || (i < n && selfIssued));
    else tree = undefined;
    if (explicit <= 0 && !tree) return { ok: false, reason: `no valid policy at ${cert.subject.text}`, policies: [] };
    if (i === n) break;
    const mappings = readMappings(cert);
    if (mappings?.some(([a, b]) => a === ANY_POLICY || b === ANY_POLICY)) {
      return { ok: false, reason: `anyPolicy in policyMappings of ${cert.subject.text}`, policies: [] };
    }
    if (tree && mappings) tree = applyMappings(tree, i, mappings, mapping > 0);
    if (!selfIssued) {
      if (explicit > 0) explicit--;
      if (mapping > 0) mapping--;
      if (inhibitAny > 0) inhibitAny--;
    }
    const constraints = readPolicyConstraints(cert);
    if (constraints?.requireExplicit !== undefined && constraints.requireExplicit < explicit) explicit = constraints.requireExplicit;
    if (constraints?.inhibitMapping !== undefined && constraints.inhibitMapping < mapping) mapping = constraints.inhibitMapping;
    const inhibit = readInhibitAny(cert);
    if (inhibit !== undefined && inhibit < inhibitAny) inhibitAny = inhibit;
  }
  const end = certs[n - 1];
  if (explicit > 0) explicit--;
  if (end && readPolicyConstraints(end)?.requireExplicit === 0) explicit = 0;
  if (tree) tree = intersect(tree, n, options.acceptable ?? [ANY_POLICY]);
  const policies = tree ? [...new Set(nodesAt(tree, n).map((x) => x.policy))] : [];
  if (explicit > 0 || tree) return { ok: true, policies };
  return { ok: false, reason: 'no acceptable certificate policy for this path', policies: [] };
}
