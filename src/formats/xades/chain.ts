/**
 * Assembles a certificate chain (signer first, anchor last) from a pool by name and signature — for embedding
 * validation data, not for trusting anything (trust is decided by the PKI layer's path validation).
 * @module
 */
import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';

/**
 * Order `leaf` and the issuers found in `pool` into a chain, stopping at a self-issued certificate.
 *
 * @example
 * ```ts
 * const chain = await assembleChain(signer.certificate, [...signer.chain, ...trustStore.anchors]);
 * ```
 */
export async function assembleChain(leaf: Uint8Array, pool: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const certs = pool.map((der) => ({ der, x: new X509Certificate(new Uint8Array(der)) }));
  const chain: Uint8Array[] = [leaf];
  let current = new X509Certificate(new Uint8Array(leaf));
  for (let depth = 0; depth < 10 && current.subject !== current.issuer; depth++) {
    let next: { der: Uint8Array; x: X509Certificate } | undefined;
    for (const c of certs) {
      if (c.x.subject !== current.issuer || chain.some((d) => Buffer.compare(d, c.der) === 0)) continue;
      try {
        if (await current.verify({ publicKey: c.x.publicKey, signatureOnly: true })) { next = c; break; }
      } catch { /* not this one */ }
    }
    if (!next) break;
    chain.push(next.der);
    current = next.x;
  }
  return chain;
}
