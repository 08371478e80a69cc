/**
 * Order certificates into chains (leaf → … → self-signed or last known issuer) by matching issuer and
 * subject names byte for byte. For gathering validation data only; path *validation* is the PKI layer's job.
 * @module
 */
import { createHash } from 'node:crypto';
import { children, readTlv } from '../../cms/build/der.js';

interface Names { issuer: string; subject: string; der: Uint8Array; id: string }

function names(der: Uint8Array): Names | undefined {
  try {
    const tbs = children(der, readTlv(der, 0))[0]!;
    const f = children(der, tbs);
    const o = f[0]?.tag === 0xa0 ? 1 : 0;
    const issuer = f[o + 2]; const subject = f[o + 4];
    if (!issuer || !subject) return undefined;
    const h = (s: number, e: number): string => Buffer.from(der.subarray(s, e)).toString('hex');
    return { issuer: h(issuer.start, issuer.end), subject: h(subject.start, subject.end), der, id: createHash('sha256').update(der).digest('hex') };
  } catch { return undefined; }
}

/**
 * Chains for every leaf of `pool` (a certificate that issues no other certificate of the pool), each
 * ending at a self-signed certificate or where no issuer is known. Duplicates are removed.
 *
 * @example
 * ```ts
 * const chains = buildChains([...embeddedCerts, ...trustStore.anchors]);
 * ```
 */
export function buildChains(pool: readonly Uint8Array[]): Uint8Array[][] {
  const unique = new Map<string, Names>();
  for (const der of pool) { const n = names(der); if (n) unique.set(n.id, n); }
  const all = [...unique.values()];
  const issuesSomething = new Set<string>();
  for (const c of all) for (const other of all) if (other.id !== c.id && other.issuer === c.subject) issuesSomething.add(c.id);
  return all.filter((c) => !issuesSomething.has(c.id)).map((leaf) => {
    const chain = [leaf];
    for (let cur = leaf; chain.length < 10 && cur.issuer !== cur.subject;) {
      const issuer = all.find((c) => c.subject === cur.issuer && !chain.includes(c));
      if (!issuer) break;
      chain.push(issuer); cur = issuer;
    }
    return chain.map((c) => c.der);
  });
}
