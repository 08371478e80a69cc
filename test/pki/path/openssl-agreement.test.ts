/**
 * Independent judge: `openssl verify` must reach the same pass/fail verdict as buildAndValidatePath on the
 * test PKI (purpose `any`, at fixed times, no revocation on either side). `-auth_level 2` (112-bit security:
 * no MD5/SHA-1, RSA ≥ 2048) matches our default algorithm policy after its 2019 cut-off.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildAndValidatePath } from '../../../src/pki/path/build-and-validate.js';
import { certDer, pkiPath } from '../cert/fixture.js';
import { standardStore } from './helpers.js';

function opensslVerify(name: string, at: Date, untrusted: string[]): { ok: boolean; output: string } {
  const args = ['verify', '-auth_level', '2', '-CAfile', pkiPath('roots.pem'), '-untrusted', pkiPath('intermediates.pem'),
    ...untrusted.flatMap((u) => ['-untrusted', pkiPath(`${u}.cert.pem`)]),
    '-attime', String(Math.floor(at.getTime() / 1000)), pkiPath(`${name}.cert.pem`)];
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const NOW = new Date('2026-11-29T12:00:00Z');
const PAST = new Date('2023-06-01T00:00:00Z');

const CASES: [name: string, at: Date, untrusted: string[]][] = [
  ['teacher', NOW, []], ['teacher-ecdsa', NOW, []], ['school-seal', NOW, []], ['revoked', NOW, []],
  ['expired', NOW, []], ['expired', PAST, []], ['not-yet-valid', NOW, []], ['unknown-critical', NOW, []],
  ['pathlen-leaf', NOW, ['sub-ca-pathlen']], ['loop-leaf', NOW, ['loop-a', 'loop-b']], ['md5-signed', NOW, []], ['sha1-signed', NOW, []], ['weak-rsa1024', NOW, []],
  ['teacher', new Date('2019-06-01T00:00:00Z'), []],
];

describe('purpose verdicts agree with openssl verify -purpose timestampsign', () => {
  it.each(['tsa', 'teacher', 'wrong-eku'])('%s as a TSA', async (name) => {
    const run = spawnSync('openssl', ['verify', '-purpose', 'timestampsign', '-CAfile', pkiPath('roots.pem'), '-untrusted', pkiPath('intermediates.pem'),
      '-attime', String(Math.floor(NOW.getTime() / 1000)), pkiPath(`${name}.cert.pem`)], { encoding: 'utf8' });
    const ours = await buildAndValidatePath(certDer(name), { trustStore: standardStore(), at: NOW, purpose: 'timeStamping' });
    expect({ name, ok: ours.indication === 'TOTAL_PASSED' }).toEqual({ name, ok: run.status === 0 });
  });
});

describe('verdicts agree with openssl verify', () => {
  it.each(CASES)('%s at %s', async (name, at, untrusted) => {
    const judge = opensslVerify(name, at, untrusted);
    const ours = await buildAndValidatePath(certDer(name), {
      trustStore: standardStore(), at, purpose: 'any', extraCertificates: untrusted.map(certDer),
    });
    expect({ name, ok: ours.indication === 'TOTAL_PASSED' }).toEqual({ name, ok: judge.ok });
  });
});
