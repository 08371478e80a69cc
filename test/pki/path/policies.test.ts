/**
 * RFC 5280 certificate policy processing, judged by openssl verify with the matching policy flags. Note:
 * without `-policy`, openssl's user-initial-policy-set is empty, not anyPolicy (RFC 5280's default), so the
 * default cases pass `-policy anyPolicy`.
 * The PKI is built at test time (EC keys) with the fixture generator's certificate builder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCertificate, type NameAttribute, type RawExtension } from '../../../fixtures/pki/lib/certificate.js';
import { ctx, int, oid, seq } from '../../../fixtures/pki/lib/der.js';
import { seededP256Key, type TestKey } from '../../../fixtures/pki/lib/keys.js';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import type { PolicyOptions } from '../../../src/pki/path/policy-tree.js';
import { createTrustStore } from '../../../src/pki/trust/trust-store.js';
import { NOW } from './helpers.js';

const P1 = '2.999.1.1';
const P2 = '2.999.1.2';
const P3 = '2.999.1.3';
const P9 = '2.999.1.9';
const ANY = '2.5.29.32.0';
const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
const name = (cn: string): NameAttribute[] => [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', cn]];
const key = (s: string): TestKey => seededP256Key(`policy-${s}`);

const mappings = (pairs: [string, string][]): RawExtension => ({ oid: '2.5.29.33', critical: true, value: seq(...pairs.map(([a, b]) => seq(oid(a), oid(b)))) });
const requireExplicit = (skip: number): RawExtension => ({ oid: '2.5.29.36', critical: true, value: seq(ctx(0, int(skip).subarray(2), false)) });

function ca(cn: string, issuer: string, policies: string[] | undefined, extra: RawExtension[] = []): Uint8Array {
  return buildCertificate({ serial: BigInt(cn.length * 1000 + issuer.length), subject: name(cn), ...validity, ca: {}, keyUsage: ['keyCertSign', 'cRLSign'],
    ...(policies ? { policies } : {}), extraExtensions: extra }, key(cn), { subject: name(issuer), key: key(issuer) });
}
function leaf(issuer: string, policies: string[] | undefined): Uint8Array {
  return buildCertificate({ serial: 7n, subject: name(`leaf of ${issuer}`), ...validity, keyUsage: ['digitalSignature'], ...(policies ? { policies } : {}) },
    key('leaf'), { subject: name(issuer), key: key(issuer) });
}

const root = buildCertificate({ serial: 1n, subject: name('Policy Root'), ...validity, ca: {}, keyUsage: ['keyCertSign', 'cRLSign'] },
  key('Policy Root'), { subject: name('Policy Root'), key: key('Policy Root') });
const caPlain = ca('CA P1 P2', 'Policy Root', [P1, P2]);
const caRequire = ca('CA requires policy', 'Policy Root', [ANY], [requireExplicit(0)]);
const caMapping = ca('CA maps P1 to P9', 'Policy Root', [ANY], [mappings([[P1, P9]])]);

type Case = [label: string, chain: Uint8Array[], options: PolicyOptions, ok: boolean, opensslFlags: string[]];
const CASES: Case[] = [
  ['no requirement, leaf without policies', [leaf('CA P1 P2', undefined), caPlain], {}, true, ['-policy_check', '-policy', 'anyPolicy']],
  ['explicit P1, leaf asserts P1', [leaf('CA P1 P2', [P1]), caPlain], { acceptable: [P1], requireExplicit: true }, true, ['-policy', P1, '-explicit_policy']],
  ['explicit P3, path only has P1', [leaf('CA P1 P2', [P1]), caPlain], { acceptable: [P3], requireExplicit: true }, false, ['-policy', P3, '-explicit_policy']],
  ['explicit any, leaf without policies', [leaf('CA P1 P2', undefined), caPlain], { requireExplicit: true }, false, ['-explicit_policy', '-policy', 'anyPolicy']],
  ['CA requireExplicitPolicy 0, leaf without policies', [leaf('CA requires policy', undefined), caRequire], {}, false, ['-policy_check', '-policy', 'anyPolicy']],
  ['CA requireExplicitPolicy 0, leaf asserts P2', [leaf('CA requires policy', [P2]), caRequire], {}, true, ['-policy_check', '-policy', 'anyPolicy']],
  ['mapping P1→P9, explicit P1', [leaf('CA maps P1 to P9', [P9]), caMapping], { acceptable: [P1], requireExplicit: true }, true, ['-policy', P1, '-explicit_policy']],
  ['mapping inhibited, explicit P1', [leaf('CA maps P1 to P9', [P9]), caMapping], { acceptable: [P1], requireExplicit: true, inhibitMapping: true }, false, ['-policy', P1, '-explicit_policy', '-inhibit_map']],
  ['anyPolicy inhibited, explicit', [leaf('CA requires policy', [P2]), caRequire], { requireExplicit: true, inhibitAnyPolicy: true }, false, ['-explicit_policy', '-inhibit_any', '-policy', 'anyPolicy']],
];

const work = mkdtempSync(join(tmpdir(), 'edusign-policy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
writeFileSync(join(work, 'root.pem'), pem(root));

describe('certificate policies (RFC 5280 §6.1)', () => {
  it('reports the policies a passing path is valid for', async () => {
    const store = createTrustStore({ anchors: [root] });
    const explicit = await buildAndValidatePath(leaf('CA P1 P2', [P1]), { trustStore: store, extraCertificates: [caPlain], at: NOW, policy: { acceptable: [P1] } });
    expect(explicit.validPolicies).toEqual([P1]);
    const mapped = await buildAndValidatePath(leaf('CA maps P1 to P9', [P9]), { trustStore: store, extraCertificates: [caMapping], at: NOW });
    expect(mapped.validPolicies).toEqual([P9]);
    const none = await buildAndValidatePath(leaf('CA P1 P2', undefined), { trustStore: store, extraCertificates: [caPlain], at: NOW });
    expect(none.validPolicies).toEqual([]);
  });

  it.each(CASES)('%s', async (label, [target, ...cas], policy, ok, flags) => {
    const r = await buildAndValidatePath(target as Uint8Array, { trustStore: createTrustStore({ anchors: [root] }), extraCertificates: cas, at: NOW, policy });
    expect({ label, passed: r.indication === 'TOTAL_PASSED' }).toEqual({ label, passed: ok });
    if (!ok) expect(r.findings.map((f) => f.code)).toContain('CERTIFICATE_POLICY_FAILED');
    if (ok && policy.acceptable) expect(r.validPolicies?.length).toBeGreaterThan(0);
    const base = label.replace(/\W+/g, '-');
    writeFileSync(join(work, `${base}-leaf.pem`), pem(target as Uint8Array));
    writeFileSync(join(work, `${base}-cas.pem`), cas.map(pem).join(''));
    const judge = spawnSync('openssl', ['verify', ...flags, '-CAfile', join(work, 'root.pem'), '-untrusted', join(work, `${base}-cas.pem`),
      '-attime', String(Math.floor(NOW.getTime() / 1000)), join(work, `${base}-leaf.pem`)], { encoding: 'utf8' });
    expect({ label, openssl: judge.status === 0 }).toEqual({ label, openssl: ok });
  });
});
