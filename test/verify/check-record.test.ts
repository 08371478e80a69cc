import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignatureReport } from '../../src/formats/report.js';
import type { Transcript } from '../../src/model/types.js';
import { parseCertificates } from '../../src/pki/index.js';
import { checkRecord } from '../../src/verify/check-record.js';

const fixtures = join(import.meta.dirname, '../../fixtures');
const record = (): Transcript => JSON.parse(readFileSync(join(fixtures, 'records/transcript-thpt.json'), 'utf8'));
const cert = (name: string) => parseCertificates(readFileSync(join(fixtures, `pki/${name}.cert.pem`)))[0]!;

function signature(id: string, name: string): SignatureReport {
  const der = cert(name);
  return {
    id, signer: { subject: name, serialNumber: '1', issuer: 'ca-edu' }, bestSignatureTime: new Date(), indication: 'TOTAL_PASSED',
    chain: [{ subject: name, issuer: 'ca-edu', serialNumber: '1', sha256: 'x', notBefore: new Date(), notAfter: new Date(), der, source: 'signature' }],
    revocation: [], timestamps: [], coverage: { kind: 'revision' }, modificationsAfter: [], findings: [],
  };
}

describe('checkRecord', () => {
  it('binds signatures to the signers the record names by the CCCD in the certificate UID', () => {
    const r = record();
    const year = r.years[r.years.length - 1]!;
    year.homeroom.personalId = '031085003456'; // homeroom.cert.pem: Trần Văn Minh, CCCD 031085003456
    year.principal.personalId = '031075004567'; // principal.cert.pem
    const check = checkRecord(r, [signature('s1', 'homeroom'), signature('s2', 'principal'), signature('s3', 'teacher2')]);
    expect(check.kind).toBe('transcript');
    expect(check.roles.get('s1')).toBe('GVCN');
    expect(check.roles.get('s2')).toBe('HIEU_TRUONG');
    expect(check.roles.has('s3')).toBe(false);
    expect(check.issues.map((i) => i.code)).toContain('SIGNER_NOT_NAMED_IN_RECORD');
    expect(check.issues.filter((i) => i.code === 'NAMED_SIGNER_HAS_NOT_SIGNED').length).toBeGreaterThan(0);
  });

  it('reports signing out of order (principal before GVCN)', () => {
    const r = record();
    const year = r.years[r.years.length - 1]!;
    year.homeroom.personalId = '031085003456';
    year.principal.personalId = '031075004567';
    const check = checkRecord(r, [signature('s1', 'principal'), signature('s2', 'homeroom')]);
    expect(check.issues.map((i) => i.code)).toContain('SIGNING_ORDER');
  });

  it('reports the rules the signed record breaks, with declared and computed values, and binds nobody', () => {
    const r = record();
    const year = r.years[r.years.length - 1]! as Extract<Transcript['years'][number], { regime: 'TT22_2021' }>;
    const scored = year.subjects.find((s) => typeof s.year === 'string' && /^\d/.test(s.year))!;
    scored.year = scored.year === '9.9' ? '9.8' : '9.9';
    const check = checkRecord(r, [signature('s1', 'homeroom')]);
    const mismatch = check.issues.find((i) => i.severity === 'error');
    expect(mismatch).toBeDefined();
    expect(mismatch!.message).toMatch(/declared .*computed/);
    expect(check.roles.size).toBe(0);
  });

  it('says when the signed content is not a school record', () => {
    expect(checkRecord({ hello: 'world' }, []).issues[0]?.code).toBe('NOT_A_SCHOOL_RECORD');
  });
});
