/**
 * Name constraints on a CA (directoryName, rfc822Name, dNSName), with openssl verify as the independent judge.
 * The small PKI is built at test time with EC keys (fast) by the fixture generator's certificate builder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCertificate, encodeName, type CertificateSpec, type NameAttribute, type RawExtension } from '../../../fixtures/pki/lib/certificate.js';
import { ctx, seq } from '../../../fixtures/pki/lib/der.js';
import { seededP256Key } from '../../../fixtures/pki/lib/keys.js';
import { describeCertificate } from '../../../src/pki/cert/describe-certificate.js';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import { createTrustStore } from '../../../src/pki/trust/trust-store.js';
import { NOW } from './helpers.js';

const ROOT: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'NC Root']];
const CA: NameAttribute[] = [['C', 'VN'], ['O', 'edusign-vn test'], ['CN', 'NC CA Hải Phòng']];
const SCHOOL: NameAttribute[] = [['C', 'VN'], ['ST', 'Hải Phòng'], ['O', 'Trường THPT Trần Phú']];
const keys = { root: seededP256Key('nc-root'), ca: seededP256Key('nc-ca'), leaf: seededP256Key('nc-leaf') };

const ascii = (text: string) => Buffer.from(text, 'ascii');
const nameConstraints: RawExtension = {
  oid: '2.5.29.30', critical: true,
  value: seq(
    ctx(0, Buffer.concat([seq(ctx(4, encodeName([['C', 'VN'], ['ST', 'Hải Phòng']]))), seq(ctx(1, ascii('.tranphu.edu.vn'), false)), seq(ctx(2, ascii('tranphu.edu.vn'), false))])),
    ctx(1, seq(ctx(2, ascii('bad.tranphu.edu.vn'), false))),
  ),
};

function san(email?: string, dns?: string): RawExtension[] {
  const names = [...(email ? [ctx(1, ascii(email), false)] : []), ...(dns ? [ctx(2, ascii(dns), false)] : [])];
  return names.length ? [{ oid: '2.5.29.17', critical: false, value: seq(...names) }] : [];
}

const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
const root = buildCertificate({ serial: 1n, subject: ROOT, ...validity, ca: {}, keyUsage: ['keyCertSign', 'cRLSign'] }, keys.root, { subject: ROOT, key: keys.root });
const ca = buildCertificate({ serial: 2n, subject: CA, ...validity, ca: { pathLen: 0 }, keyUsage: ['keyCertSign', 'cRLSign'], extraExtensions: [nameConstraints] },
  keys.ca, { subject: ROOT, key: keys.root });

function leaf(serial: number, subject: NameAttribute[], extra: RawExtension[]): Uint8Array {
  const spec: CertificateSpec = { serial: BigInt(serial), subject, ...validity, keyUsage: ['digitalSignature', 'nonRepudiation'], extraExtensions: extra };
  return buildCertificate(spec, keys.leaf, { subject: CA, key: keys.ca });
}

const CASES: [label: string, der: Uint8Array, ok: boolean][] = [
  ['permitted DN, email and DNS', leaf(10, [...SCHOOL, ['CN', 'Nguyễn Thị Thu Hà']], san('ha@mail.tranphu.edu.vn', 'www.tranphu.edu.vn')), true],
  ['DN outside the permitted subtree', leaf(11, [['C', 'VN'], ['ST', 'Hà Nội'], ['CN', 'Trần Văn Minh']], []), false],
  ['email outside the permitted domain', leaf(12, [...SCHOOL, ['CN', 'A']], san('a@gmail.com')), false],
  ['excluded DNS name', leaf(13, [...SCHOOL, ['CN', 'B']], san(undefined, 'bad.tranphu.edu.vn')), false],
  ['DNS name of another domain', leaf(14, [...SCHOOL, ['CN', 'C']], san(undefined, 'tranphu.edu.vn.evil.test')), false],
];

const work = mkdtempSync(join(tmpdir(), 'edusign-nc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
writeFileSync(join(work, 'root.pem'), pem(root));
writeFileSync(join(work, 'ca.pem'), pem(ca));

describe('name constraints', () => {
  it('subjectAltName entries are described', () => {
    expect(describeCertificate(CASES[0]?.[1] ?? new Uint8Array()).alternativeNames).toEqual([
      { type: 'email', value: 'ha@mail.tranphu.edu.vn' }, { type: 'dns', value: 'www.tranphu.edu.vn' },
    ]);
  });

  it.each(CASES)('%s', async (label, der, ok) => {
    const r = await buildAndValidatePath(der, { trustStore: createTrustStore({ anchors: [root], intermediates: [ca] }), at: NOW });
    expect({ label, passed: r.indication === 'TOTAL_PASSED' }).toEqual({ label, passed: ok });
    if (!ok) expect([r.subIndication, r.findings.map((f) => f.code)]).toEqual(['CHAIN_CONSTRAINTS_FAILURE', expect.arrayContaining(['NAME_CONSTRAINTS_VIOLATED'])]);
    const file = join(work, `leaf-${label.replace(/\W+/g, '-')}.pem`);
    writeFileSync(file, pem(der));
    const judge = spawnSync('openssl', ['verify', '-CAfile', join(work, 'root.pem'), '-untrusted', join(work, 'ca.pem'),
      '-attime', String(Math.floor(NOW.getTime() / 1000)), file], { encoding: 'utf8' });
    expect({ label, openssl: judge.status === 0 }).toEqual({ label, openssl: ok });
  });
});
